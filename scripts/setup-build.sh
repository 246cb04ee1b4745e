#!/usr/bin/env bash
# Installs what building and serving need, and nothing that is already there: the pinned Rust
# toolchain's wasm target and components, trunk, wasm-bindgen's CLI, the wasm splitter and the
# build's node packages. Needs no root and no apt. When all is installed it returns in a second.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

TRUNK_VERSION=0.21.14
BINARYEN_VERSION=132
# Its version must read the markers that Cargo.lock's wasm_split_helpers writes.
WASM_SPLIT_VERSION=0.2.2

say() { printf '[setup] %s\n' "$*"; }

# The tools are built without their own fat LTO and single codegen unit: they run for seconds,
# and those settings more than double their build on a 2-core machine.
tool_install() {
  CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 cargo install "$@"
}

# rust-toolchain.toml names the toolchain, its wasm target and its components; rustup adds any
# that are missing (the toolchain itself is on every machine of this kind). build.rs makes the
# same check as this one for builds that do not come through these scripts.
pinned=$(sed -n 's/^channel = "\(.*\)"$/\1/p' rust-toolchain.toml)
if ! rustc -V 2>/dev/null | grep -q "^rustc $pinned "; then
  echo "setup: this project is built with Rust $pinned (rust-toolchain.toml), but rustc here is" \
    "'$(rustc -V 2>&1)'. Unset RUSTUP_TOOLCHAIN (or any rustup override) and run again." >&2
  exit 1
fi
if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown \
  || [ "$(rustup component list --installed 2>/dev/null | grep -cE '^(rustfmt|clippy|rust-src)')" -lt 3 ]; then
  say "adding the wasm target and components rust-toolchain.toml names"
  rustup toolchain install
fi

if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION (a few minutes)"
  tool_install "trunk@$TRUNK_VERSION" --locked
fi

# trunk uses the wasm-bindgen CLI on PATH only when it is exactly Cargo.lock's version.
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ] \
  || ! command -v wasm-bindgen-test-runner >/dev/null; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  # Not --locked: with it, this version's dependencies fail to resolve.
  tool_install "wasm-bindgen-cli@$WASM_BINDGEN_VERSION" --force
fi

# The wasm splitter (scripts/split.mjs): Leptos's `#[lazy]` functions become lazy modules.
if ! cargo install --list | grep -qx "wasm_split_cli_support v$WASM_SPLIT_VERSION:"; then
  say "installing wasm_split_cli $WASM_SPLIT_VERSION (about 2 minutes)"
  tool_install "wasm_split_cli_support@$WASM_SPLIT_VERSION" --locked --features build-binary
fi

# The build's node packages (package.json's "dependencies": wasm-opt, terser, zopfli); the test
# lab's (its "devDependencies") only when scripts/setup-test.sh asks with NODE_PACKAGES=all.
# Reinstalled only when the lock or the set asked for changes.
want="$(sha256sum package-lock.json | cut -d' ' -f1) ${NODE_PACKAGES:-build}"
have=$(cat node_modules/.lock-hash 2>/dev/null || true)
if [ "$have" != "$want" ] && ! { [ "${NODE_PACKAGES:-build}" = build ] && [ "$have" = "${want% *} all" ]; }; then
  say "installing node packages from package-lock.json (${NODE_PACKAGES:-build})"
  if [ "${NODE_PACKAGES:-build}" = all ]; then
    npm ci --no-audit --no-fund --loglevel=error
  else
    npm ci --omit=dev --no-audit --no-fund --loglevel=error
  fi
  echo "$want" > node_modules/.lock-hash
fi
if [ "$(wasm-opt --version 2>/dev/null)" != "wasm-opt version $BINARYEN_VERSION (version_$BINARYEN_VERSION)" ]; then
  echo "node_modules/.bin/wasm-opt is not binaryen $BINARYEN_VERSION: Debian's older wasm-opt emits a wasm that fails at start" >&2
  exit 1
fi
