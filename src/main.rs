fn main() {
    // `make dev` only: a panic's message and place in the browser's console. The release aborts
    // on panic with no message (scripts/env.sh), so it carries none of this.
    #[cfg(all(debug_assertions, target_arch = "wasm32"))]
    console_error_panic_hook::set_once();
    career_guide::mount();
}
