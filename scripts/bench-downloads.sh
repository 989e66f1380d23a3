#!/usr/bin/env bash
# Streams every bulk download (DownloadsBenchmark) on the demo data and prints size, time and peak heap of each:
# the numbers of the README's download table. Not part of the test run.
#   scripts/bench-downloads.sh [-Dbench.runs=3]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q test -Dtest=DownloadsBenchmark -Dsurefire.failIfNoSpecifiedTests=false "$@" | grep -E '^\||^\('
