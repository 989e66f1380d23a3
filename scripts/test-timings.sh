#!/usr/bin/env bash
# Runs the default test suite (the README's test command) and prints its wall time and the slowest test classes,
# as reported by Surefire: the numbers behind the README's "What the test run costs".
#
#   scripts/test-timings.sh [N]     # N slowest classes, default 8
set -euo pipefail
cd "$(dirname "$0")/.."
log=$(mktemp)
start=$(date +%s)
./mvnw -B test > "$log" 2>&1 || { tail -40 "$log"; exit 1; }
end=$(date +%s)
grep -E '^\[INFO\] Tests run: [0-9]+, Failures' "$log" | tail -1
echo "wall time: $((end - start)) s (compile included)"
grep -E 'Tests run:.*Time elapsed:.* -- in ' "$log" \
  | sed -E 's/.*Time elapsed: ([0-9.]+) s.* -- in (.*)/\1 s  \2/' | sort -rn | head -"${1:-8}"
rm -f "$log"
