#!/usr/bin/env bash
# Builds the release and prints the benchmark: sizes against the budgets, then Lighthouse (app and
# a static page of the same text), repeat-visit bytes with the service worker, chart switch times.
# Exits non-zero (after printing everything) when a size budget is exceeded.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
scripts/setup.sh
trunk build --release
status=0
node scripts/bench.mjs dist || status=$?
node scripts/bench/browser.mjs dist || status=$?
exit "$status"
