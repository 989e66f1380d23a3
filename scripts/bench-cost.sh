#!/usr/bin/env bash
# Measures the server time of each costed GraphQL field on the demo data (CostCalibrationBenchmark): the numbers
# behind the cost weights and the README's calibration table. Not part of the test run.
#   scripts/bench-cost.sh [-Dbench.warmup=200] [-Dbench.runs=200]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q test -Dtest=CostCalibrationBenchmark -Dsurefire.failIfNoSpecifiedTests=false "$@" | grep -E '^\||^\('
