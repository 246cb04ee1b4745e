//! What the reader sees when the data cannot be loaded: what failed, and a way to try again.

use leptos::prelude::*;

use crate::data::DataError;

/// The failure in plain words (which file, which field) and a Retry button.
#[component]
pub fn LoadErrorView(error: DataError, on_retry: Callback<()>) -> impl IntoView {
    let retry_button = NodeRef::<leptos::html::Button>::new();
    // Move focus to the way out, so keyboard and screen-reader users land on it.
    Effect::new(move |_| {
        if let Some(button) = retry_button.get() {
            let _ = button.focus();
        }
    });
    view! {
        <main id="main" class="load-error">
            <div role="alert">
                <h1>{error.headline()}</h1>
                <p class="error-detail">{error.to_string()}</p>
            </div>
            <p>"Check your connection, then try again. Nothing you saved in this browser is affected."</p>
            <button type="button" class="retry" node_ref=retry_button on:click=move |_| on_retry.run(())>
                "Retry"
            </button>
        </main>
    }
}
