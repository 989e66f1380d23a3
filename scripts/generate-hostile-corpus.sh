#!/usr/bin/env bash
# Regenerates the generated cases of the hostile corpus (src/test/resources/hostile/, replayed by HostileCorpusIT)
# from HostileCorpusGenerator; hand-written cases are kept. Commit the result: the corpus is reviewed as files.
#
#   scripts/generate-hostile-corpus.sh
set -euo pipefail
cd "$(dirname "$0")/.."
exec scripts/run-bench-class.sh cn.nantong.livingcircle.api.HostileCorpusGenerator src/test/resources/hostile
