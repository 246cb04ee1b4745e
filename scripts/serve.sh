#!/usr/bin/env bash
# Builds the release and serves it at http://127.0.0.1:8080, rebuilding on changes.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
scripts/setup.sh
# No auto-reload script: trunk would inject one (with placeholders of its own, against the CSP).
# Further arguments go to trunk (the e2e suite serves on a free port into its own folder).
exec env "${RELEASE_WASM_ENV[@]}" trunk serve --release --no-autoreload "$@"
