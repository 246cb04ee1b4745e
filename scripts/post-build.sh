#!/usr/bin/env bash
# trunk's post_build hook, in this order: the wasm split at its lazy functions (not in `make dev`,
# DEV_BUILD=1, whose wasm is built unsplit); in a release, short names in the wasm and script;
# the guide rendered into index.html; in `make dev`, the reload script; the page's
# Content-Security-Policy (hashes of the final inline scripts and styles); the service worker's
# precache list (it hashes the final files, so it comes after them); in a release, last, the
# gzip and brotli copies of the content-addressed files.
set -euo pipefail
dir="${TRUNK_STAGING_DIR:?run by trunk as a post_build hook}"
profile="${TRUNK_PROFILE:-debug}"
source scripts/env.sh
if [ -z "${DEV_BUILD:-}" ]; then
  # The app's lazy modules cut out of trunk's wasm (scripts/split.mjs), then wasm-opt in a release.
  node scripts/split.mjs "$dir" "$profile"
fi
# Short import names in the release's wasm and script, and the script minified (its own file).
if [ "$profile" = release ]; then node scripts/short-names.mjs "$dir"; fi
# The release wasm's nightly options (scripts/env.sh) are not for this native build: with them it
# would build a standard library of its own and be rebuilt whenever the env changes.
env -u RUSTC_BOOTSTRAP -u CARGO_UNSTABLE_BUILD_STD -u CARGO_UNSTABLE_BUILD_STD_FEATURES \
  cargo run --quiet --locked --bin prerender -- "$dir" "$profile"
if [ -n "${DEV_BUILD:-}" ]; then node scripts/dev-page.mjs "$dir"; fi
# Each guide's preview image for link previews, from the drawing the prerender made.
node scripts/preview-images.mjs "$dir"
node scripts/csp.mjs "$dir"
node scripts/precache.mjs "$dir"
# Gzip (zopfli) and brotli copies of the content-addressed files, for hosts that send them as they are.
if [ "$profile" = release ]; then node scripts/precompress.mjs "$dir"; fi
# The scripts the build filled in must still parse (a bad shared name would break every host).
node --check "$dir/embed.js"
node --check "$dir/sw.js"
