# Sourced by the other scripts: the tools' paths.
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
export CHROMEDRIVER=/usr/bin/chromedriver

# What the release wasm is built with, beside Cargo.toml's release profile: its own build of the
# standard library (from rust-src) whose panics abort at once, so the wasm carries no panic
# messages, no formatting machinery for them and no unwinding paths, with the library's
# size-optimised algorithms (measured: the app 302.9 -> 275.9 KB gzip). These are nightly options
# of cargo and rustc, which RUSTC_BOOTSTRAP lets this stable toolchain take. Only the wasm target
# gets them (the native prerenderer run by the post-build hook drops them, post-build.sh):
#   env "${RELEASE_WASM_ENV[@]}" trunk build --release
# A panic in the app is then a wasm trap, which the start script turns into the failure notice.
# Without these (plain `trunk build --release`) the app still builds and works, only larger.
# LLVM's inliner is also told to inline only what costs nothing (`--inline-threshold=0`; opt-level
# "z" alone inlines a little more): the app 229.8 -> 228.9 KB gzip (2026-12-04); `make bench`
# measures whether the first act is slower for it.
RELEASE_WASM_ENV=(
  RUSTC_BOOTSTRAP=1
  CARGO_UNSTABLE_BUILD_STD=std,panic_abort
  CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size
  "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS=--cfg erase_components -Zunstable-options -Cpanic=immediate-abort -Cllvm-args=--inline-threshold=0 -Clink-args=--emit-relocs"
)
