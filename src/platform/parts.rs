//! Parts of the app kept in wasm modules of their own, fetched the first time the reader uses what
//! they hold: the roadmap's tools, the embed dialog's snippets, the chart's downloads, a page
//! rebuilt from new data. The build cuts them out of the app's wasm (`scripts/split.mjs`).
//!
//! A part's entry is a function declared with [`part_entry!`]: marked for Leptos's splitter
//! (`wasm_split`, which its `#[lazy]` uses) with its `fallible` option, so that a part that cannot
//! be fetched (offline before the site was saved, or replaced by a newer release) is a message
//! with Try again, never a crash. The function returns `Result<_, PartMissing>` and becomes
//! `async`; functions declared with the same module name share one module. On the native target,
//! and in a wasm that the splitter does not process (the browser tests, built with
//! `--cfg unsplit`), it is simply called.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos::wasm_split::SplitLoaderError;

use super::effect::effect;
use super::release::{newer_release_served, reload};

/// Declares the entry of a lazy part: `part_entry! { module, /// doc\n fn f(a: A) -> Result<T,
/// PartMissing> { … } }` makes `async fn f(a: A) -> Result<T, PartMissing>`.
macro_rules! part_entry {
    ($module:ident, $(#[$attr:meta])* $vis:vis fn $name:ident($($arg:ident: $ty:ty),* $(,)?) -> $ret:ty $body:block) => {
        #[cfg(not(unsplit))]
        #[::leptos::wasm_split::wasm_split($module, wasm_split_path = ::leptos::wasm_split, fallible)]
        $(#[$attr])*
        $vis fn $name($($arg: $ty),*) -> $ret $body

        #[cfg(unsplit)]
        $(#[$attr])*
        $vis async fn $name($($arg: $ty),*) -> $ret $body
    };
}
pub(crate) use part_entry;

/// A part could not be fetched.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PartMissing;

impl From<SplitLoaderError> for PartMissing {
    fn from(_: SplitLoaderError) -> Self {
        PartMissing
    }
}

impl PartMissing {
    /// What the reader is told when the part could not be fetched (offline, a server error).
    pub const MESSAGE: &'static str =
        "This part of the app could not be fetched. Check your connection and try again.";
    /// What the reader is told when a newer release on the server has replaced the part.
    pub const NEWER_RELEASE: &'static str = "A newer version of this guide is available.";
}

/// Why a part is not there: it could not be fetched, or a newer release replaced it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Missing {
    Unfetched,
    Replaced,
}

/// Makes a part's view, once the part has arrived.
pub type Maker = Arc<dyn Fn() -> AnyView + Send + Sync>;

/// A part's fetch (at once when it has arrived), giving its view's maker.
pub type Fetch =
    Arc<dyn Fn() -> Pin<Box<dyn Future<Output = Result<Maker, PartMissing>>>> + Send + Sync>;

/// The view a part makes: fetched when this is rendered (nothing shows meanwhile); when the part
/// cannot be fetched, [`PartMissing::MESSAGE`] with a Try again button, which stays while it
/// tries (so that focus stays on it), or, when the server now sends a newer release (whose
/// files replaced this one's), [`PartMissing::NEWER_RELEASE`] with Reload. A change of `again`
/// (a new press of what needs the part) tries again too.
pub fn part_view(fetch: Fetch, again: Option<Signal<u32>>) -> AnyView {
    let state = RwSignal::new(None::<Result<Maker, Missing>>);
    let load = Callback::new(move |()| {
        let fetched = fetch();
        spawn_local(async move {
            let made = match fetched.await {
                Ok(make) => Ok(make),
                Err(PartMissing) if newer_release_served().await => Err(Missing::Replaced),
                Err(PartMissing) => Err(Missing::Unfetched),
            };
            let _ = state.try_set(Some(made));
        });
    });
    load.run(());
    if let Some(again) = again {
        effect(move |_| {
            again.track();
            if state.with_untracked(|made| matches!(made, Some(Err(_)))) {
                load.run(());
            }
        });
    }
    (move || match state.get() {
        None => ().into_any(),
        Some(Ok(make)) => make(),
        Some(Err(Missing::Unfetched)) => view! {
            <div class="notice error part-missing" role="alert">
                <p>{PartMissing::MESSAGE}</p>
                <button type="button" on:click=move |_| load.run(())>"Try again"</button>
            </div>
        }
        .into_any(),
        Some(Err(Missing::Replaced)) => view! {
            <div class="notice part-missing" role="alert">
                <p>{PartMissing::NEWER_RELEASE}" Reload to get it; your progress stays as it is."</p>
                <button type="button" on:click=|_| reload()>"Reload"</button>
            </div>
        }
        .into_any(),
    })
    .into_any()
}

/// [`part_view`] from the first time `needed` holds (fetched then), kept from then on.
pub fn part_once(needed: Signal<bool>, fetch: Fetch, again: Option<Signal<u32>>) -> AnyView {
    let wanted =
        Memo::new(move |before: Option<&bool>| before.copied().unwrap_or(false) || needed.get());
    (move || wanted.get().then(|| part_view(fetch.clone(), again))).into_any()
}
