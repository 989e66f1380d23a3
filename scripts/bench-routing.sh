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

./mvnw -q -o test-compile || ./mvnw -q test-compile
classpath_file=target/bench.classpath
./mvnw -q -o dependency:build-classpath -Dmdep.outputFile="$classpath_file" -Dmdep.includeScope=test \
  || ./mvnw -q dependency:build-classpath -Dmdep.outputFile="$classpath_file" -Dmdep.includeScope=test

exec java -Xmx${BENCH_HEAP:-4g} -XX:ActiveProcessorCount=2 \
  -cp "target/test-classes:target/classes:$(cat "$classpath_file")" \
  cn.nantong.livingcircle.reachability.RoutingBenchmark "$data" "$origins"
