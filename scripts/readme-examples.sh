#!/usr/bin/env bash
# Rewrites the example outputs in README.md with the API's real answers on the demo data: runs ReadmeExamplesIT
# with -Dreadme.write=true (the same test, in the default run, fails when an answer no longer matches the README).
#
#   scripts/readme-examples.sh
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B test -Dtest=ReadmeExamplesIT,ExplorerBrowserIT -Dsurefire.failIfNoSpecifiedTests=false -Dreadme.write=true
git --no-pager diff --stat -- README.md
