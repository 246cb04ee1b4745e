//! The offline status line and the "new version" prompt.

use leptos::prelude::*;

use super::model::OfflineState;
use super::worker::{apply_update, start};
use crate::platform::effect::effect;

/// Shows "Offline: showing the saved copy" when the server does not answer, and offers a
/// reload when a new version is waiting. Starts the service worker after mounting.
#[component]
pub fn OfflineBanner() -> impl IntoView {
    let state = RwSignal::new(OfflineState::default());
    effect(move |_| start(state));
    view! {
        <div class="offline-banner" aria-live="polite">
            {move || state.get().status_line().map(|line| view! { <p class="offline-status">{line}</p> }.into_any())}
            {move || state.get().update_waiting.then(|| view! {
                <div class="update-prompt" role="status">
                    <p>"A new version is available."</p>
                    <button type="button" on:click=move |_| apply_update()>"Reload"</button>
                </div>
            }.into_any())}
        </div>
    }
}
