#!/usr/bin/env bash
# Builds the release and prints the benchmark: sizes against the budgets, then Lighthouse (app and
# a static page of the same text), repeat-visit bytes with the service worker, chart switch times.
# Exits non-zero (after printing everything) when a size budget is exceeded.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
scripts/setup.sh
env "${RELEASE_WASM_ENV[@]}" trunk build --release
status=0
node scripts/bench.mjs dist || status=$?
node scripts/bench/browser.mjs dist || status=$?
# Where the wasm's bytes go (twiggy reads the names-kept wasm cargo left before wasm-opt).
if [ "$(twiggy --version 2>/dev/null)" != "twiggy-opt 0.8.0" ]; then
  cargo install twiggy@0.8.0 --locked
fi
node scripts/bench/wasm-items.mjs target/wasm32-unknown-unknown/release/career-guide.wasm || status=$?
exit "$status"
