#!/usr/bin/env bash
# Runs a main class from the test sources (a benchmark, or the dataset generator for scripts/generate-data.sh) on
# the test classpath, on as many processors as the benchmarks are reported for (BENCH_CPUS, default 2), with
# BENCH_HEAP (default 4g). BENCH_SKIP_BUILD=1 reuses the compiled classes and target/bench.classpath of an earlier
# run (scripts/soak.sh starts the load generator several times while its server runs).
#
#   scripts/run-bench-class.sh fully.qualified.MainClass [args...]
set -euo pipefail
cd "$(dirname "$0")/.."

classpath_file=target/bench.classpath
if [[ "${BENCH_SKIP_BUILD:-0}" != 1 || ! -s "$classpath_file" ]]; then
  ./mvnw -q -o test-compile || ./mvnw -q test-compile
  ./mvnw -q -o dependency:build-classpath -Dmdep.outputFile="$classpath_file" -Dmdep.includeScope=test \
    || ./mvnw -q dependency:build-classpath -Dmdep.outputFile="$classpath_file" -Dmdep.includeScope=test
fi

exec java -Xmx"${BENCH_HEAP:-4g}" -XX:ActiveProcessorCount="${BENCH_CPUS:-2}" \
  -cp "target/test-classes:target/classes:$(cat "$classpath_file")" "$@"
