#!/usr/bin/env bash
# Any-point reachability and isochrones on the city-scale synthetic network: our engine and GraphHopper 10.2 side
# by side in one JVM (cn.nantong.livingcircle.reachability.RoutingBenchmark). Not part of the test run.
#
#   scripts/bench-routing.sh                # generates target/city-data if missing, 300 origins
#   scripts/bench-routing.sh DIR ORIGINS
set -euo pipefail
cd "$(dirname "$0")/.."

data="${1:-target/city-data}"
origins="${2:-300}"

if [[ ! -f "$data/walkways.csv" ]]; then
  scripts/generate-data.sh city --out "$data"
fi

exec scripts/run-bench-class.sh cn.nantong.livingcircle.reachability.RoutingBenchmark "$data" "$origins"
