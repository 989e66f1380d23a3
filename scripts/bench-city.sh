#!/usr/bin/env bash
# City scale, end to end (not part of the test run): generates the city-scale synthetic dataset (102,129 buildings,
# 53,096 places, 215,372 junctions), imports it with the CSV import command into a fresh embedded database (a new
# generation written in batches, then the switch), starts the API on that database with a 1 GB heap, times the
# start to ready, sends the load generator's production mix for 60 s at 8 clients, and reads the heap after a full
# GC. Prints a Markdown block and writes it to target/city-results.md.
#
#   scripts/bench-city.sh [DATA_DIR]       # default target/city-data (generated if missing)
#
# Environment: IMPORT_HEAP (default 3g) for the import JVM, SERVE_HEAP (default 1g) for the serving one;
# SKIP_IMPORT=1 serves the database of the last run again (its import figures are reused).
set -euo pipefail
cd "$(dirname "$0")/.."

data="${1:-target/city-data}"
import_heap="${IMPORT_HEAP:-3g}"
serve_heap="${SERVE_HEAP:-1g}"
[ -f "$data/buildings.csv" ] || scripts/generate-data.sh city --out "$data"

source scripts/city-server.sh
city_classpath
db="$city_db"

log=target/city-import.log
if [ "${SKIP_IMPORT:-0}" != 1 ]; then
  rm -rf "$db"
  start=$(date +%s.%N)
  /usr/bin/time -f '%M' -o target/city-import.rss java -Xmx"$import_heap" -XX:ActiveProcessorCount=2 -cp "$cp" \
    cn.nantong.livingcircle.LivingCircleApplication "${city_args[@]}" --server.port=0 \
    --circle.csv.location="file:$(realpath "$data")/" --circle.csv.dataset-id=nantong-city \
    --circle.csv.name="Nantong city-scale synthetic" --circle.csv.synthetic=true > "$log" 2>&1
  echo "$(date +%s.%N) - $start" | bc > target/city-import.seconds
fi
import_s=$(cat target/city-import.seconds)
summary=$(grep -o 'ImportSummary\[[^]]*\]' "$log" | tail -1)
phases=$(grep -E 'Import of nantong-city: [0-9]+ / [0-9]+ [a-z -]+ \(100.0 %\)' "$log" | sed 's/.*Import of nantong-city: //')

start_city_server "$serve_heap" target/city-serve.log
trap 'kill $pid 2>/dev/null || true' EXIT
BENCH_SKIP_BUILD=1 scripts/load.sh --url "http://127.0.0.1:$port/graphql" --concurrency 8 --duration 60 --warmup 30 \
  > target/city-load.txt 2>&1
heap=$(live_heap_kb "$pid")

{
  echo "City scale on $(nproc) cores, $(java -version 2>&1 | head -1), $(date -u +%F), commit $(git rev-parse --short HEAD)"
  echo
  echo "- import (parse, attach, compute, write the generation in batches, switch), wall clock: ${import_s} s; peak RSS $(( $(cat target/city-import.rss) / 1024 )) MB with -Xmx$import_heap"
  echo "- $summary"
  echo "- write rates per phase:"
  echo "$phases" | sed 's/^/  - /'
  echo "- start to ready on that database (-Xmx$serve_heap): ${ready_s} s"
  echo "- heap used after a full GC, after the load: $(( heap / 1024 )) MB of $serve_heap"
  echo "- load generator, production mix, 8 clients, 60 s:"
  echo
  echo '```'
  grep -E 'requests in|latency|^  [a-z_]+ ' target/city-load.txt
  echo '```'
} | tee target/city-results.md
