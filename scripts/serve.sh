#!/usr/bin/env bash
# `make serve`: installs what building needs, builds the release and serves it on 127.0.0.1,
# port $PORT (default 8080, or the next free one), rebuilding on changes. Further arguments go
# to trunk (the e2e suite serves into a folder of its own with --dist).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
source scripts/port.sh
port=$(pick_port)
scripts/setup-build.sh
echo "[serve] building the release; then the guide is at http://127.0.0.1:$port/"
# No auto-reload script: trunk would inject one (with placeholders of its own, against the CSP);
# `make dev` has a reload script that the CSP allows.
exec env "${RELEASE_WASM_ENV[@]}" trunk serve --release --no-autoreload --port "$port" "$@"
