#!/usr/bin/env bash
# `make test`, and CI's only command: format, lints on both targets, native tests, browser tests in
# wasm, the release builds, the size budget, and end-to-end tests with Playwright against them.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
scripts/setup-test.sh

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

step "the guides' data files: the JSON Schema and the decoder agree, and make check-data passes"
cargo build --quiet --locked --bin check-data
export CHECK_DATA_DECODER="${CARGO_TARGET_DIR:-$PWD/target}/debug/check-data"
node --test tests/data/
node scripts/check-data.mjs
unset CHECK_DATA_DECODER

step "the build refuses a toolchain other than rust-toolchain.toml's"
if out=$(RUSTUP_TOOLCHAIN=nightly cargo check --locked --lib --target-dir target/other-toolchain 2>&1); then
  echo "the nightly toolchain built the crate; build.rs should have stopped it" >&2
  exit 1
elif ! grep -q "this project is built with Rust $(sed -n 's/^channel = "\(.*\)"$/\1/p' rust-toolchain.toml)" <<<"$out"; then
  printf 'the build failed without build.rs'"'"'s message:\n%s\n' "$out" >&2
  exit 1
fi
echo "refused, with the message"

step "browser tests (wasm-bindgen-test in headless Chromium)"
# Built with --cfg unsplit: the splitter (scripts/split.mjs) does not run on the test wasm, so the
# lazy modules' entries are called directly (src/platform/parts.rs). `make dev` builds the same way.
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="--cfg erase_components --cfg unsplit" \
  cargo test --locked --target wasm32-unknown-unknown --test browser

# The release is built, and served by the e2e suite's `make serve` and `make dev` tests, from a copy
# of this checkout whose path holds a space, with an absolute CARGO_TARGET_DIR (this one's
# target folder, so the copy reuses its compiled crates): two settings developers often have.
step "a copy of the checkout at a path with a space"
# Not under the target folder: trunk ignores changes there, and `make dev`'s test makes one.
copy="$PWD/.copies/career guide"
scripts/copy-checkout.sh "$copy"
export E2E_CHECKOUT="$copy" CARGO_TARGET_DIR="$PWD/target"
echo "$copy"

step "release build (at / and under /career-guide/), in the copy"
(cd "$copy" && env "${RELEASE_WASM_ENV[@]}" trunk build --release --dist "$OLDPWD/dist")
(cd "$copy" && env "${RELEASE_WASM_ENV[@]}" trunk build --release --public-url /career-guide/ --dist "$OLDPWD/target/dist-subpath")

step "release build of a site of two guides (a test fixture beside the shipped guide), in the copy"
# As a publisher adds a guide: one more data file, no code change (tests/e2e/two-guides.test.mjs).
fixture="$copy/public/data/guides/sample-analyst.json"
trap 'rm -f "$fixture"' EXIT
cp tests/fixtures/guides/sample-analyst.json "$fixture"
(cd "$copy" && env "${RELEASE_WASM_ENV[@]}" trunk build --release --dist "$OLDPWD/target/dist-two-guides")
rm -f "$fixture"

step "size budgets (scripts/size-budget.json: the first load's target, the app's ceiling)"
node scripts/bench.mjs dist

step "end-to-end tests (Playwright, Debian chromium)"
npm run --silent e2e
