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

BENCH_HEAP="${BENCH_HEAP:-2g}" BENCH_CPUS="$threads" exec scripts/run-bench-class.sh cn.nantong.livingcircle.analytics.CoverageBenchmark "$data" "$threads"
