//! The root component.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::load_error::LoadErrorView;
use super::load_state::LoadState;
use super::loading::LoadingView;
use crate::data::{fetch_guide, GUIDE_URL};
use crate::guide::GuidePage;
use crate::offline::OfflineBanner;

/// The whole app; `data_url` is where the guide's data is fetched from.
#[component]
pub fn App(#[prop(into, default = GUIDE_URL.to_owned())] data_url: String) -> impl IntoView {
    let state = RwSignal::new(LoadState::Loading);
    let load = Callback::new(move |()| {
        state.set(LoadState::Loading);
        let url = data_url.clone();
        spawn_local(async move { state.set(fetch_guide(&url).await.into()) });
    });
    load.run(());
    view! {
        <a class="skip-link" href="#main">"Skip to content"</a>
        <OfflineBanner />
        {move || match state.get() {
            LoadState::Loading => view! { <LoadingView /> }.into_any(),
            LoadState::Ready(guide) => view! { <GuidePage guide /> }.into_any(),
            LoadState::Failed(error) => view! { <LoadErrorView error on_retry=load /> }.into_any(),
        }}
    }
}
