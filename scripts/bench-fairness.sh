#!/usr/bin/env bash
# Fairness under load (not part of the test run): a probe's reachable latency alone and while 8 developer keys
# send the most expensive request the limits allow. Writes target/bench/fairness.txt.
# Options as system properties, e.g.: scripts/bench-fairness.sh -Dbench.seconds=60 -Dbench.heavyClients=8
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q test -Dtest=FairnessBenchmark -Dsurefire.failIfNoSpecifiedTests=false "$@"
cat target/bench/fairness.txt
