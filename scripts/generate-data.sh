#!/usr/bin/env bash
# Generates the living-circle open dataset with cn.nantong.livingcircle.importer.generator.DatasetGenerator.
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

# Compile and resolve the runtime classpath; offline first, online if the local repository lacks something.
./mvnw -q -o compile || ./mvnw -q compile
classpath_file=target/generator.classpath
./mvnw -q -o dependency:build-classpath -Dmdep.outputFile="$classpath_file" -Dmdep.includeScope=runtime \
  || ./mvnw -q dependency:build-classpath -Dmdep.outputFile="$classpath_file" -Dmdep.includeScope=runtime

# Later options override earlier ones, so "$@" can replace --out or --seed.
exec java -Xmx512m -cp "target/classes:$(cat "$classpath_file")" \
  cn.nantong.livingcircle.importer.generator.DatasetGenerator "${args[@]}" "$@"
