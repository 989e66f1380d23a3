#!/usr/bin/env bash
# The explorer panning across the city-scale dataset (not part of the test run): serves target/city-db (made by
# scripts/bench-city.sh) with SERVE_HEAP (default 1g) and runs ExplorerPanBenchmark in Debian's headless chromium:
# PANS pans (default 16) at each of ZOOMS (default 14,15,16,17), each reported with the mapLayers answer's size and
# features, the request's time, the time to the layers drawn and the page's main-thread stalls. Prints a Markdown
# table and writes it to target/city-map.md.
#   scripts/bench-city-map.sh
set -euo pipefail
cd "$(dirname "$0")/.."
serve_heap="${SERVE_HEAP:-1g}"
source scripts/city-server.sh
city_classpath
start_city_server "$serve_heap" target/city-map-serve.log
trap 'kill $pid 2>/dev/null || true' EXIT
{
  echo "City-scale explorer panning on $(nproc) cores, $(java -version 2>&1 | head -1), -Xmx$serve_heap, $(chromium --version 2>/dev/null), $(date -u +%F), commit $(git rev-parse --short HEAD)"
  echo
  scripts/run-bench-class.sh cn.nantong.livingcircle.bench.ExplorerPanBenchmark --url "http://127.0.0.1:$port" \
    --steps "${PANS:-16}" --zooms "${ZOOMS:-14,15,16,17}" | grep -E '^\||^\('
} | tee target/city-map.md
