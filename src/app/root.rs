//! The root component.

use leptos::prelude::*;
use leptos::lazy;
use leptos::task::spawn_local;

use super::load_error::LoadErrorView;
use super::load_state::LoadState;
use super::loading::LoadingView;
use crate::data::{fetch_guide, GUIDE_URL};
use crate::embed::model::EmbedRequest;
use crate::embed::EmbeddedPart;
use crate::guide::GuidePage;
use crate::offline::OfflineBanner;
use crate::platform::tasks::next_task;
use crate::takeover::{built_from, AdoptedPage, RebuiltPage};

/// The whole app; `data_url` is where the guide's data is fetched from.
#[component]
pub fn App(
    #[prop(into, default = GUIDE_URL.to_owned())] data_url: String,
    /// Embed mode, when another site shows one part of the app.
    #[prop(default = None)]
    embed: Option<EmbedRequest>,
    /// The guide was rendered into the page at build time: it stands in while the data loads,
    /// then the app takes it over (`crate::takeover`).
    #[prop(optional)]
    prerendered: bool,
) -> impl IntoView {
    let state = RwSignal::new(LoadState::Loading);
    let load = Callback::new(move |()| {
        state.set(LoadState::Loading);
        let url = data_url.clone();
        spawn_local(async move {
            let loaded = fetch_guide(&url).await;
            // Taking over, the page is built from the next task on, not in the one that decoded.
            if prerendered {
                next_task().await;
            }
            state.set(loaded.into());
        });
    });
    load.run(());
    let embedded = embed.is_some();
    view! {
        // The skip link is in index.html, so that it works before the app and without it.
        {(!embedded).then(|| view! { <OfflineBanner /> }.into_any())}
        {move || match state.get() {
            LoadState::Loading if prerendered => ().into_any(),
            LoadState::Loading => view! { <LoadingView /> }.into_any(),
            LoadState::Ready { guide, tag } => match embed.clone() {
                Some(request) => view! { <EmbeddedPart guide request /> }.into_any(),
                None if !prerendered => Suspend::new(whole_page(guide)).into_any(),
                // The page was rendered from this very file: only its live parts are built.
                None if built_from().as_deref() == Some(tag.as_str()) => {
                    view! { <AdoptedPage guide /> }.into_any()
                }
                None => Suspend::new(rebuilt_page(guide)).into_any(),
            },
            LoadState::Failed(error) => {
                view! { <LoadErrorView error on_retry=load above_static_page=prerendered /> }.into_any()
            }
        }}
    }
}

/// The whole guide, built by the app (no page was rendered at build time).
#[lazy]
fn whole_page(guide: std::sync::Arc<crate::data::Guide>) -> AnyView {
    view! { <GuidePage guide /> }.into_any()
}

/// The whole guide rebuilt from data other than the page's.
#[lazy]
pub fn rebuilt_page(guide: std::sync::Arc<crate::data::Guide>) -> AnyView {
    view! { <RebuiltPage guide /> }.into_any()
}

/// x
#[lazy]
pub fn embed_dialog() -> AnyView {
    view! { <crate::embed::EmbedDialog /> }.into_any()
}
