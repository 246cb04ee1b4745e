# Sourced by the other scripts: the tools' paths, and how the release wasm is built.
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PWD/node_modules/.bin:$PATH"
export CHROMEDRIVER=/usr/bin/chromedriver

# The release wasm's options beyond Cargo.toml's release profile, for the wasm target only (the
# native prerenderer run by the post-build hook drops them). Several are nightly options of cargo
# and rustc, which RUSTC_BOOTSTRAP lets the pinned stable toolchain take; each one is kept only
# because it buys at least 1 KB of gzip, or, one, a working split (docs/performance.md has each
# one's measured figure):
#   env "${RELEASE_WASM_ENV[@]}" trunk build --release
# A panic in the release is then a wasm trap, which the start script turns into the failure
# notice; `make dev` builds without them, with panic messages.
RELEASE_WASM_ENV=(
  RUSTC_BOOTSTRAP=1
  # The standard library built with the app, so that the options below reach it too.
  CARGO_UNSTABLE_BUILD_STD=std,panic_abort
  # The standard library's size-optimised algorithms.
  CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size
  # Panics abort at once: no panic messages, no formatting machinery for them, no unwinding.
  # LLVM inlines only what costs nothing (`--inline-threshold=0`). Not for size (it costs a
  # little): without it, wasm-bindgen's closure glue is inlined into lazy modules, which the
  # splitter does not handle (leptos-rs/leptos#4347), and the embed and share dialogs trap with
  # "function signature mismatch". Leptos's erased views (erase_components) and the relocations
  # the splitter reads (--emit-relocs) are the wasm's usual flags, as in .cargo/config.toml.
  "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS=--cfg erase_components -Clink-args=--emit-relocs -Zunstable-options -Cpanic=immediate-abort -Cllvm-args=--inline-threshold=0"
)
