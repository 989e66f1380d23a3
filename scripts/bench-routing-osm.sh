#!/usr/bin/env bash
# Any-point search and isochrones on the three real OpenStreetMap extracts in ../shared/data (Beijing Haidian, Monaco,
# Krems; ODbL 1.0, © OpenStreetMap contributors): our walking engine, a compact array search (plain Dijkstra over int
# CSR arrays, binary heap) and GraphHopper 10.2, same origins, one JVM, single thread
# (cn.nantong.livingcircle.reachability.OsmRoutingBenchmark). Not part of the test run. Prints and writes
# target/bench/routing-osm.md.
#
#   scripts/bench-routing-osm.sh                                   # 300 origins, 5 search rounds, 3 isochrone rounds
#   scripts/bench-routing-osm.sh ORIGINS ROUNDS ISOCHRONE_ROUNDS
#   JAVA_TOOL_OPTIONS=-Dbench.cellMeters=10 scripts/bench-routing-osm.sh   # another raster cell for our contours
set -euo pipefail
cd "$(dirname "$0")/.."

origins="${1:-300}"
rounds="${2:-5}"
iso_rounds="${3:-3}"

for f in ../shared/data/osm_beijing_haidian_cau.osm ../shared/data/osm_monaco_graphhopper.osm.gz \
    ../shared/data/osm_krems_graphhopper.osm.gz; do
  [[ -f "$f" ]] || { echo "missing $f (the real extracts live in ../shared/data)" >&2; exit 1; }
done

mkdir -p target/bench
out=target/bench/routing-osm.md
body=target/bench/routing-osm.body.md
start=$(date +%s)
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
started=$(date -u '+%Y-%m-%d %H:%M:%S UTC')
commit=$(git rev-parse HEAD 2>/dev/null || echo unknown)
dirty=""
if [[ -n "$(git status --porcelain 2>/dev/null)" ]]; then
  dirty=" (working tree has uncommitted changes)"
fi

scripts/run-bench-class.sh cn.nantong.livingcircle.reachability.OsmRoutingBenchmark \
  "$origins" "$rounds" "$iso_rounds" "$body"
elapsed=$(( $(date +%s) - start ))
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

{
  echo "## Routing benchmark on the real OSM extracts"
  echo
  echo "- date: $started"
  echo "- git commit: \`$commit\`$dirty"
  echo "- machine: $(nproc) processors (nproc), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//');" \
    "the benchmark JVM runs with -XX:ActiveProcessorCount=${BENCH_CPUS:-2}, -Xmx${BENCH_HEAP:-4g}"
  echo "- load average (1, 5, 15 min) before: $load_before, after: $load_after (other work shares the machine)"
  echo "- command: \`scripts/bench-routing-osm.sh $origins $rounds $iso_rounds\`, ${elapsed} s end to end (compile + run)"
  echo "- data: ../shared/data (ODbL 1.0, © OpenStreetMap contributors)"
  echo
  echo '```'
  java -version 2>&1
  echo '```'
  echo
  cat "$body"
} > "$out"
rm -f "$body"
cat "$out"
