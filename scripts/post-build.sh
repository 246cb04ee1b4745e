#!/usr/bin/env bash
# trunk's post_build hook: the wasm split at its lazy functions; in a release, short names in the app's wasm and script first; then
# the guide rendered into index.html, then its Content-Security-Policy (hashes of the final
# inline scripts and styles), then the service worker's precache list (which hashes the final
# files, so it comes after them); in a release, last, the gzip and brotli copies of the
# content-addressed files.
set -euo pipefail
dir="${TRUNK_STAGING_DIR:?run by trunk as a post_build hook}"
# The app's lazy parts cut out of trunk's wasm (scripts/split.mjs), then wasm-opt in a release.
PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH" node scripts/split.mjs "$dir" "${TRUNK_PROFILE:-debug}"
# Short import names in the release's wasm and script, and the script minified (its own file).
if [ "${TRUNK_PROFILE:-debug}" = release ]; then node scripts/short-names.mjs "$dir"; fi
# The release wasm's nightly options (scripts/env.sh) are not for this native build: with them it
# would build a standard library of its own and be rebuilt whenever the env changes.
env -u RUSTC_BOOTSTRAP -u CARGO_UNSTABLE_BUILD_STD -u CARGO_UNSTABLE_BUILD_STD_FEATURES \
  cargo run --quiet --locked --bin prerender -- "$dir" "${TRUNK_PROFILE:-debug}"
node scripts/csp.mjs "$dir"
node scripts/precache.mjs "$dir"
# Gzip (zopfli) and brotli copies of the content-addressed files, for hosts that send them as they are.
if [ "${TRUNK_PROFILE:-debug}" = release ]; then node scripts/precompress.mjs "$dir"; fi
# The scripts the build filled in must still parse (a bad shared name would break every host).
node --check "$dir/embed.js"
node --check "$dir/sw.js"
