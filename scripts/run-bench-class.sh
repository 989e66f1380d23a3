#!/usr/bin/env bash
# Runs a main class from the test sources (a benchmark, or the dataset generator for scripts/generate-data.sh) on
# the test classpath, on as many processors as the benchmarks are reported for (BENCH_CPUS, default 2), with
# BENCH_HEAP (default 4g).
#
#   scripts/run-bench-class.sh fully.qualified.MainClass [args...]
set -euo pipefail
cd "$(dirname "$0")/.."

./mvnw -q -o test-compile || ./mvnw -q test-compile
classpath_file=target/bench.classpath
./mvnw -q -o dependency:build-classpath -Dmdep.outputFile="$classpath_file" -Dmdep.includeScope=test \
  || ./mvnw -q dependency:build-classpath -Dmdep.outputFile="$classpath_file" -Dmdep.includeScope=test

exec java -Xmx"${BENCH_HEAP:-4g}" -XX:ActiveProcessorCount="${BENCH_CPUS:-2}" \
  -cp "target/test-classes:target/classes:$(cat "$classpath_file")" "$@"
