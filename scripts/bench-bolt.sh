#!/usr/bin/env bash
# What one read statement costs over loopback Bolt to the embedded Neo4j, by how the driver runs it (an explicit
# read transaction as Spring's read-only transactions run it, executeRead, an auto-commit statement), beside the
# embedded database's own API (cn.nantong.livingcircle.bench.BoltRoundTripBenchmark). Not part of the test run.
#
#   scripts/bench-bolt.sh [STATEMENTS_PER_ROUND] [ROUNDS]     # default 2000 7
set -euo pipefail
cd "$(dirname "$0")/.."
exec scripts/run-bench-class.sh cn.nantong.livingcircle.bench.BoltRoundTripBenchmark "$@"
