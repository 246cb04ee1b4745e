#!/usr/bin/env bash
# trunk's post_build hook: the guide rendered into index.html, then the service worker's
# precache list (which hashes the final index.html, so it must come second).
set -euo pipefail
dir="${TRUNK_STAGING_DIR:?run by trunk as a post_build hook}"
cargo run --quiet --locked --bin prerender -- "$dir" "${TRUNK_PROFILE:-debug}"
node scripts/precache.mjs "$dir"
