//! Effects that share one copy of the framework's effect loop in the wasm.

use leptos::prelude::*;

/// `Effect::new(run)` with `run` boxed. The framework builds its effect loop anew for each
/// closure type it is given (a copy in the wasm for each of the app's effects), so every
/// effect of the app goes through this one type instead. `run` is given `None` on its
/// first run and `Some(())` after, as with `Effect::new`.
pub fn effect(run: impl FnMut(Option<()>) + 'static) -> Effect<LocalStorage> {
    boxed(Box::new(run))
}

/// The one `Effect::new`: not generic, so its closure has one type (a closure written in the
/// generic function above would have a type of its own for each caller's closure).
#[inline(never)]
fn boxed(mut run: Box<dyn FnMut(Option<()>)>) -> Effect<LocalStorage> {
    Effect::new(move |previous: Option<()>| run(previous))
}
