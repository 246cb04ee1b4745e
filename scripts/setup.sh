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
# The standard library's source: the release wasm builds its own (scripts/env.sh).
rustup_component rust-src

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

# The wasm splitter (scripts/split.mjs): Leptos's `#[lazy]` functions become wasm modules fetched
# when first called. Its version must read the markers of Cargo.lock's wasm_split_helpers.
WASM_SPLIT_VERSION=0.2.2
if ! cargo install --list | grep -qx "wasm_split_cli_support v$WASM_SPLIT_VERSION:"; then
  say "installing wasm_split_cli $WASM_SPLIT_VERSION (about 2 minutes)"
  cargo install "wasm_split_cli_support@$WASM_SPLIT_VERSION" --locked --features build-binary
fi

if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  say "installing Debian's chromium and chromium-driver"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium chromium-driver >/dev/null
fi

# Java, for the Nu HTML checker (npm's vnu-jar) in tests/e2e/html-valid.test.mjs.
if ! command -v java >/dev/null; then
  say "installing Debian's headless Java runtime"
  export DEBIAN_FRONTEND=noninteractive
  apt-get -o DPkg::Lock::Timeout=900 update -qq
  apt-get -o DPkg::Lock::Timeout=900 install -y -qq default-jre-headless >/dev/null
fi

# nginx and Caddy, to test deploy/nginx.conf and deploy/Caddyfile (tests/e2e/deploy.test.mjs
# runs each on a free loopback port). The packages must not leave a daemon on port 80: a
# policy-rc.d that answers 101 keeps them from starting one (containers usually have one
# already), and any that started anyway is stopped.
servers=()
[ -x /usr/sbin/nginx ] || servers+=(nginx)
[ -x /usr/bin/caddy ] || servers+=(caddy)
if [ "${#servers[@]}" -gt 0 ]; then
  say "installing Debian's ${servers[*]}"
  export DEBIAN_FRONTEND=noninteractive
  own_policy=
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d
    chmod +x /usr/sbin/policy-rc.d
    own_policy=1
    trap 'rm -f /usr/sbin/policy-rc.d' EXIT
  fi
  apt-get -o DPkg::Lock::Timeout=900 update -qq
  apt-get -o DPkg::Lock::Timeout=900 install -y -qq "${servers[@]}" >/dev/null
  if [ -n "$own_policy" ]; then rm -f /usr/sbin/policy-rc.d; trap - EXIT; fi
  for server in "${servers[@]}"; do
    if [ -d /run/systemd/system ]; then systemctl disable --now "$server" >/dev/null 2>&1 || true; fi
  done
  if [ -s /run/nginx.pid ]; then /usr/sbin/nginx -s stop 2>/dev/null || true; fi
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
