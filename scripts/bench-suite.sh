#!/usr/bin/env bash
# The benchmark suite (not part of the test run): every side-by-side comparison of the performance issue in one
# command, one after the other on this machine, each writing its own Markdown block, gathered with the machine's
# description into target/bench/suite.md.
#
#   scripts/bench-suite.sh                 # everything (about 40 minutes on 2 cores)
#   scripts/bench-suite.sh graphql routing # only some parts, in the order given
#
# Parts:
#   graphql   reachable(from: {buildingId}) against the Neo4j GraphQL Library on the same Neo4j, 1/8/32 clients
#             (scripts/bench-neo4j-graphql.sh; installs @neo4j/graphql and wrk)
#   pgrouting any-point reachability against PostgreSQL + pgRouting's pgr_drivingDistance, city-scale network
#             (scripts/bench-pgrouting.sh; installs postgresql-15-pgrouting)
#   osm       any-point search and isochrones against GraphHopper's shortest-path tree and a compact array
#             search on the three real OpenStreetMap extracts (scripts/bench-routing-osm.sh)
#   routing   the same against GraphHopper on the city-scale synthetic network (scripts/bench-routing.sh)
#   city      the city-scale import (write rates, precompute) and a replica serving it (scripts/bench-city.sh)
#   startup   start to ready, cold and warm (scripts/bench-startup.sh)
# The peers are installed from their registries by the part's script, under target/ or as Debian packages; none of
# them is committed. Nothing else should run on the machine meanwhile: every part shares its 2 cores with nothing.
set -euo pipefail
cd "$(dirname "$0")/.."

parts=("$@")
[ ${#parts[@]} -gt 0 ] || parts=(graphql pgrouting osm routing city startup)
mkdir -p target/bench
out=target/bench/suite.md

{
  echo "# Benchmark suite, $(date -u '+%F %H:%M') UTC, commit $(git rev-parse --short HEAD)"
  echo
  echo "- machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(free -g | awk '/Mem:/ {print $2}') GiB"
  echo "- $(java -version 2>&1 | head -1); node $(node -v 2>/dev/null || echo 'not installed')"
  echo "- load average at the start: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo
} > "$out"

run_part() {
  local name="$1" script="$2" result="$3"
  shift 3
  echo "== $name: $script $*" >&2
  local start
  start=$(date +%s)
  if "$script" "$@" > "target/bench/$name.log" 2>&1; then
    status="ok"
  else
    status="FAILED (exit $?; see target/bench/$name.log)"
  fi
  {
    echo "## $name ($script, $(( $(date +%s) - start )) s, $status)"
    echo
    if [ -f "$result" ]; then cat "$result"; else echo "(no result file $result)"; fi
    echo
  } >> "$out"
}

for part in "${parts[@]}"; do
  case "$part" in
    graphql) run_part graphql scripts/bench-neo4j-graphql.sh target/bench/neo4j-graphql.md ;;
    pgrouting) run_part pgrouting scripts/bench-pgrouting.sh target/bench/pgrouting.md ;;
    osm) run_part osm scripts/bench-routing-osm.sh target/bench/routing-osm.md ;;
    routing) run_part routing scripts/bench-routing.sh target/bench/routing.log ;;
    city) run_part city scripts/bench-city.sh target/city-results.md ;;
    startup) run_part startup scripts/bench-startup.sh target/startup.md 3 ;;
    *) echo "unknown part: $part (graphql pgrouting osm routing city startup)" >&2; exit 2 ;;
  esac
done

echo "- load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$out"
cat "$out"
