#!/usr/bin/env bash
# Benchmark of reachable(from: {buildingId}) over HTTP on the demo data (not part of the test run).
# Options as system properties, e.g.: scripts/bench-reachable.sh -Dbench.seconds=60 -Dbench.clients=8
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q test -Dtest=ReachableHttpBenchmark -Dsurefire.failIfNoSpecifiedTests=false "$@"
