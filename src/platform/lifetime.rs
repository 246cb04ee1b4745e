//! Browser callbacks that live exactly as long as the reactive scope that set them up, instead
//! of being leaked with `.forget()`: the closure and what it is registered with are kept until
//! the scope is cleaned up, then unregistered and dropped.

use leptos::prelude::{on_cleanup, Owner};
use send_wrapper::SendWrapper;

/// Keeps `held` (say an observer and its callback) until the current reactive scope is cleaned
/// up, then calls `release` with it (disconnect the observer, remove the listener) and drops
/// it. Outside any scope (code that runs before the app is mounted) it is kept for the page's
/// life, as nothing could clean it up.
pub fn hold_until_cleanup<T: 'static>(held: T, release: impl FnOnce(T) + 'static) {
    if Owner::current().is_none() {
        std::mem::forget(held);
        return;
    }
    release_on_cleanup(Box::new(move || release(held)));
}

/// [`hold_until_cleanup`] past its generic lines: one copy of the cleanup code in the wasm for
/// every kind of thing held.
fn release_on_cleanup(release: Box<dyn FnOnce()>) {
    // Browser objects are not Send; the app runs on one thread, where this wrapper is sound.
    let release = SendWrapper::new(release);
    on_cleanup(move || release.take()());
}

/// Runs `work` in `owner`'s scope (the component's, say, rather than an effect's that runs
/// again), so that what it holds lives as long as that scope.
pub fn in_scope<T>(owner: Option<&Owner>, work: impl FnOnce() -> T) -> T {
    match owner {
        Some(owner) => owner.with(work),
        None => work(),
    }
}
