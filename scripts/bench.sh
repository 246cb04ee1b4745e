#!/usr/bin/env bash
# Builds the release and prints the benchmark: sizes against the budgets, then Lighthouse (app and
# a static page of the same text), repeat-visit bytes with the service worker, the app's start on
# the first input, interaction times (Event Timing), chart switch times, and the time from a saved
# change to the reloaded page in `make dev`.
# Exits non-zero (after printing everything) when a size budget is exceeded.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
scripts/setup-test.sh
env "${RELEASE_WASM_ENV[@]}" trunk build --release
status=0
node scripts/bench.mjs dist || status=$?
node scripts/bench/browser.mjs dist || status=$?
# Where the wasm's bytes go (twiggy reads the names-kept wasm cargo left before wasm-opt).
if [ "$(twiggy --version 2>/dev/null)" != "twiggy-opt 0.8.0" ]; then
  cargo install twiggy@0.8.0 --locked
fi
node scripts/bench/wasm-items.mjs "${CARGO_TARGET_DIR:-target}"/wasm32-unknown-unknown/release/career-guide.wasm || status=$?
# The change loop of `make dev`, in a copy of the checkout (the loop edits a view and puts it back).
scripts/copy-checkout.sh "$PWD/.copies/career guide"
E2E_CHECKOUT="$PWD/.copies/career guide" CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$PWD/target}" \
  node scripts/bench/dev-loop.mjs || status=$?
exit "$status"
