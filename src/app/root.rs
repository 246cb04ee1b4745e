//! The root component.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::load_error::LoadErrorView;
use super::load_state::LoadState;
use super::loading::LoadingView;
use crate::data::{fetch_guide, slug_of, Guide};
use crate::embed::model::EmbedRequest;
use crate::embed::EmbeddedPart;
use crate::guide::address::{OwnPage, PagePath};
use crate::guide::GuidePage;
use crate::offline::OfflineBanner;
use crate::platform::parts::{part_entry, part_view, Maker, PartMissing};
use crate::platform::tasks::next_task;
use crate::roadmap::model::ProgressKeys;
use crate::roadmap::storage::ProgressPlace;
use crate::takeover::{built_from, rebuilt_page, AdoptedPage};

/// The whole app; `data_url` is where the guide's data is fetched from (the file the page names,
/// `data::guide_url`).
#[component]
pub fn App(
    #[prop(into)] data_url: String,
    /// The guide takes the progress saved before guides had their own keys
    /// (`roadmap::storage`).
    #[prop(optional)]
    progress_heir: bool,
    /// Embed mode, when another site shows one part of the app.
    #[prop(default = None)]
    embed: Option<EmbedRequest>,
    /// The guide was rendered into the page at build time: it stands in while the data loads,
    /// then the app takes it over (`crate::takeover`).
    #[prop(optional)]
    prerendered: bool,
) -> impl IntoView {
    provide_context(PagePath::current());
    provide_context(OwnPage::of(slug_of(&data_url)));
    provide_context(ProgressPlace {
        keys: ProgressKeys::of(slug_of(&data_url)),
        heir: progress_heir,
    });
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
                Some(request) => embedded_part(guide, request),
                None if !prerendered => whole_page(guide),
                // The page was rendered from this very file: only its live parts are built.
                None if built_from().as_deref() == Some(tag.as_str()) => {
                    view! { <AdoptedPage guide /> }.into_any()
                }
                None => rebuilt_page(guide),
            },
            LoadState::Failed(error) => {
                view! { <LoadErrorView error on_retry=load above_static_page=prerendered /> }.into_any()
            }
        }}
    }
}

/// The whole guide built by the app, where no page was rendered at build time: a part of the app
/// of its own (`platform::parts`), since every page the build makes has the guide in it.
fn whole_page(guide: Arc<Guide>) -> AnyView {
    part_view(
        Arc::new(move || Box::pin(whole_page_part(guide.clone()))),
        None,
    )
}

part_entry! {
    whole_page,
    /// The whole page's part.
    fn whole_page_part(guide: Arc<Guide>) -> Result<Maker, PartMissing> {
        Ok(Arc::new(move || {
            view! { <GuidePage guide=guide.clone() /> }.into_any()
        }))
    }
}

/// One part of the guide alone, for another site (`?embed=…`): a part of the app of its own.
fn embedded_part(guide: Arc<Guide>, request: EmbedRequest) -> AnyView {
    part_view(
        Arc::new(move || Box::pin(embedded_part_part(guide.clone(), request.clone()))),
        None,
    )
}

part_entry! {
    embedded,
    /// The embedded part's part.
    fn embedded_part_part(guide: Arc<Guide>, request: EmbedRequest) -> Result<Maker, PartMissing> {
        Ok(Arc::new(move || {
            view! { <EmbeddedPart guide=guide.clone() request=request.clone() /> }.into_any()
        }))
    }
}
