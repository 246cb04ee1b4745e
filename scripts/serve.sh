#!/usr/bin/env bash
# Builds the release and serves it at http://127.0.0.1:8080, rebuilding on changes.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
scripts/setup.sh
exec env "${RELEASE_WASM_ENV[@]}" trunk serve --release
