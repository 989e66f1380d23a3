#!/usr/bin/env bash
# Streams every bulk download (DownloadsBenchmark) on the demo data and prints size, time and the live heap each
# keeps (sampled after forced full collections): the numbers of the README's download table. The server runs with
# a small fixed heap (BENCH_XMX, default 768m: the import of the demo data runs in one Neo4j transaction, whose memory is capped at 70 % of the heap) so that the run also shows every download completes in it; the
# test suite's default is -Xmx3g. Not part of the test run.
#   scripts/bench-downloads.sh [-Dbench.runs=3] [-Dbench.gc-interval-ms=100]
set -euo pipefail
cd "$(dirname "$0")/.."
xmx="${BENCH_XMX:-768m}"
./mvnw -q test -Dtest=DownloadsBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  "-Dtest.jvm.args=-Xmx$xmx -XX:+UseParallelGC" "$@" | grep -E '^\||^\('
