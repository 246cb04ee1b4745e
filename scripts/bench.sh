#!/usr/bin/env bash
# Builds the release and prints the size of what the first load needs.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
scripts/setup.sh
trunk build --release
node scripts/bench.mjs dist
