#!/usr/bin/env bash
# What each of the release wasm's options (scripts/env.sh) buys: builds the release once with all
# of them and once without each, every build in a target folder of its own, and prints the app's
# gzip size for each. Takes about half an hour; docs/performance.md keeps its latest figures.
#   scripts/measure-options.sh [variant ...]    (default: all of them)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
scripts/setup-build.sh

# RELEASE_WASM_ENV without the given variables (by name) and rustc flags, one entry a line.
without() {
  local entry drop
  for entry in "${RELEASE_WASM_ENV[@]}"; do
    for drop in "$@"; do
      case $drop in
        -*) entry=${entry/ $drop/} ;;
        *) [[ $entry == "$drop="* ]] && continue 2 ;;
      esac
    done
    printf '%s\n' "$entry"
  done
}
abort='-Zunstable-options -Cpanic=immediate-abort'
variant() {
  case $1 in
    all) without ;;
    no-inline-threshold) without -Cllvm-args=--inline-threshold=0 ;;
    no-optimize-for-size) without CARGO_UNSTABLE_BUILD_STD_FEATURES ;;
    no-immediate-abort) without "$abort" ;;
    no-build-std) without RUSTC_BOOTSTRAP CARGO_UNSTABLE_BUILD_STD CARGO_UNSTABLE_BUILD_STD_FEATURES "$abort" ;;
    *) echo "unknown variant $1" >&2; exit 2 ;;
  esac
}
names=("$@")
[ "${#names[@]}" -gt 0 ] || names=(all no-inline-threshold no-optimize-for-size no-immediate-abort no-build-std)
results=()
for name in "${names[@]}"; do
  target="$PWD/target/options/$name"
  mapfile -t assignments < <(variant "$name")
  printf '\n== %s: %s\n' "$name" "${assignments[*]}"
  env CARGO_TARGET_DIR="$target" "${assignments[@]}" trunk build --release --dist "$target/dist"
  line=$(node scripts/bench.mjs "$target/dist" | grep 'the app (ceiling)' || true)
  results+=("$(printf '%-22s %s' "$name" "$(sed -E 's/^[A-Z]+ +the app \(ceiling\): //; s/, limit.*//' <<<"$line")")")
done
printf '\n%s\n' "${results[@]}"
