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
# Built with --cfg unsplit: the splitter (scripts/split.mjs) does not run on the test wasm, so the
# lazy parts' entries are called directly (src/platform/parts.rs).
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="--cfg erase_components --cfg unsplit" \
  cargo test --locked --target wasm32-unknown-unknown --test browser

step "release build (at / and under /career-guide/)"
env "${RELEASE_WASM_ENV[@]}" trunk build --release
env "${RELEASE_WASM_ENV[@]}" trunk build --release --public-url /career-guide/ --dist target/dist-subpath

step "size budgets (scripts/size-budget.json: the first load's target, the app's ceiling)"
node scripts/bench.mjs dist

step "end-to-end tests (Playwright, Debian chromium)"
npm run --silent e2e
