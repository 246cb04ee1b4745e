#!/usr/bin/env bash
# Copies this checkout's tracked and new files, as they are now, to <dest> (made or refreshed),
# with their times kept so that cargo rebuilds only what changed, and node_modules linked.
# `make test` and `make bench` build and edit such a copy, never the checkout itself.
#   scripts/copy-checkout.sh <dest>
set -euo pipefail
cd "$(dirname "$0")/.."
dest=${1:?usage: scripts/copy-checkout.sh <dest>}
mkdir -p "$dest"
find "$dest" -mindepth 1 -maxdepth 1 ! -name node_modules -exec rm -rf {} +
files=()
while IFS= read -r -d '' file; do [ -e "$file" ] && files+=("$file"); done \
  < <(git ls-files -z --cached --others --exclude-standard)
cp -p --parents -t "$dest" "${files[@]}"
ln -sfn "$PWD/node_modules" "$dest/node_modules"
