#!/usr/bin/env bash
# `make dev`: the change loop. A debug build (panic messages in the browser's console, no wasm
# split, no release options) served on 127.0.0.1, port $PORT (default 8081, so that the
# release's service worker on `make serve`'s 8080 never answers for it), rebuilt on every save,
# and the page reloads itself when a build is done. Not for measuring size or speed.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
source scripts/port.sh
port=$(PORT=${PORT:-8081} pick_port)
scripts/setup-build.sh
echo "[dev] building; then the guide is at http://127.0.0.1:$port/ and reloads after each rebuild"
# The same wasm flags as the browser tests (scripts/test.sh), so the two share compiled crates.
# `unsplit`: the lazy modules' entries are called directly, so no splitter runs.
exec env DEV_BUILD=1 \
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="--cfg erase_components --cfg unsplit" \
  trunk serve --no-autoreload --port "$port" --dist "${CARGO_TARGET_DIR:-target}/dist-dev" "$@"
