#!/usr/bin/env bash
# Generates the living-circle open dataset with cn.nantong.livingcircle.importer.generator.DatasetGenerator
# (src/test/java: a development tool, not shipped in the service jar).
#
#   scripts/generate-data.sh            # demo: rewrites the committed neo4j/data/nantong-demo/ (seed below)
#   scripts/generate-data.sh city       # city-scale synthetic dataset into target/city-data/ (not committed)
#   scripts/generate-data.sh city --out /tmp/city --buildings 200000 --junctions 400000 --pois 100000
#
# Output is byte-for-byte deterministic for a given seed. DatasetGeneratorTests checks that the committed
# demo files equal a fresh generation with DEMO_SEED, so regenerate instead of editing them by hand.
set -euo pipefail

DEMO_SEED=15
CITY_SEED=15

cd "$(dirname "$0")/.."

scale="${1:-demo}"
if [[ $# -gt 0 ]]; then shift; fi
case "$scale" in
  demo) args=(--scale demo --seed "$DEMO_SEED" --out neo4j/data/nantong-demo) ;;
  city) args=(--scale city --seed "$CITY_SEED" --out target/city-data) ;;
  *) echo "usage: $0 [demo|city] [--out DIR] [--seed N] [--buildings N] [--junctions N] [--pois N]" >&2; exit 2 ;;
esac

# The generator lives in the test sources (it is not part of the service jar), so it runs on the test classpath
# through the same launcher as the benchmarks. Later options override earlier ones, so "$@" can replace --out or
# --seed.
BENCH_HEAP="${BENCH_HEAP:-512m}" exec scripts/run-bench-class.sh \
  cn.nantong.livingcircle.importer.generator.DatasetGenerator "${args[@]}" "$@"
