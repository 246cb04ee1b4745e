#!/usr/bin/env bash
# Every test: format, lints on both targets, native tests, browser tests in wasm, the size budget,
# and end-to-end tests with Playwright against the release build.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
scripts/setup.sh

step() { printf '\n== %s\n' "$*"; }

step "cargo fmt --check"
cargo fmt --check

step "no import cycles between the files of src/"
node scripts/import-cycles.mjs

step "clippy (native)"
cargo clippy --all-targets --locked -- -D warnings
step "clippy (wasm32)"
cargo clippy --all-targets --locked --target wasm32-unknown-unknown -- -D warnings

step "native tests"
cargo test --locked

step "browser tests (wasm-bindgen-test in headless Chromium)"
cargo test --locked --target wasm32-unknown-unknown --test browser

step "release build (at / and under /career-guide/)"
env "${RELEASE_WASM_ENV[@]}" trunk build --release
env "${RELEASE_WASM_ENV[@]}" trunk build --release --public-url /career-guide/ --dist target/dist-subpath

step "size budgets (scripts/size-budget.json: the first load's target, the app's ceiling)"
node scripts/bench.mjs dist

step "end-to-end tests (Playwright, Debian chromium)"
npm run --silent e2e
