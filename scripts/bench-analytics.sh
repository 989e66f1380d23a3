#!/usr/bin/env bash
# City-scale benchmark of the analytics (coverage for every community, gaps for every basic category), without a
# database: cn.nantong.livingcircle.analytics.CoverageBenchmark builds the walkway network straight from the CSVs.
#
#   scripts/bench-analytics.sh                 # generates target/city-data if missing, runs on 2 cores
#   scripts/bench-analytics.sh DIR THREADS     # other data directory or thread count
#
# Runs the JVM with -XX:ActiveProcessorCount=$THREADS so the numbers are those of a 2-core machine.
set -euo pipefail
cd "$(dirname "$0")/.."

data="${1:-target/city-data}"
threads="${2:-2}"

if [[ ! -f "$data/walkways.csv" ]]; then
  scripts/generate-data.sh city --out "$data"
fi

./mvnw -q -o test-compile || ./mvnw -q test-compile
classpath_file=target/bench.classpath
./mvnw -q -o dependency:build-classpath -Dmdep.outputFile="$classpath_file" -Dmdep.includeScope=test \
  || ./mvnw -q dependency:build-classpath -Dmdep.outputFile="$classpath_file" -Dmdep.includeScope=test

exec java -Xmx${BENCH_HEAP:-2g} -XX:ActiveProcessorCount="$threads" \
  -cp "target/test-classes:target/classes:$(cat "$classpath_file")" \
  cn.nantong.livingcircle.analytics.CoverageBenchmark "$data" "$threads"
