#!/usr/bin/env bash
# Installs everything the build and the tests need, and nothing that is already there.
# Safe to run again: when all is installed it returns in about a second.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
BINARYEN_VERSION=132

say() { printf '[setup] %s\n' "$*"; }

rustup_component() {
  rustup component list --installed 2>/dev/null | grep -q "^$1" || { say "adding $1"; rustup component add "$1"; }
}

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi
rustup_component rustfmt
rustup_component clippy

if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION (about 8 minutes)"
  cargo install "trunk@$TRUNK_VERSION" --locked
fi

# trunk uses the wasm-bindgen CLI on PATH only when it is exactly Cargo.lock's version.
if [ ! -f Cargo.lock ]; then cargo generate-lockfile; fi
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ] \
  || ! command -v wasm-bindgen-test-runner >/dev/null; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  # Not --locked: with it, this version's dependencies fail to resolve.
  cargo install "wasm-bindgen-cli@$WASM_BINDGEN_VERSION" --force
fi

if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  say "installing Debian's chromium and chromium-driver"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium chromium-driver >/dev/null
fi

# Node packages (wasm-opt from binaryen, playwright-core, axe): reinstalled only when the lock changes.
lock_hash=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ "$(cat node_modules/.lock-hash 2>/dev/null)" != "$lock_hash" ]; then
  say "installing node packages from package-lock.json"
  npm ci --no-audit --no-fund --loglevel=error
  echo "$lock_hash" > node_modules/.lock-hash
fi
if [ "$(node_modules/.bin/wasm-opt --version 2>/dev/null)" != "wasm-opt version $BINARYEN_VERSION (version_$BINARYEN_VERSION)" ]; then
  echo "node_modules/.bin/wasm-opt is not binaryen $BINARYEN_VERSION" >&2
  exit 1
fi
