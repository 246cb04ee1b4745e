//! What the reader sees when the data cannot be loaded: what failed, and a way to try again.

use leptos::prelude::*;

use crate::data::DataError;
use crate::platform::effect::effect;

/// The failure in plain words (which file, which field) and a Retry button. Above a guide
/// rendered at build time, which stays readable, it is a notice rather than the page's `<main>`.
#[component]
pub fn LoadErrorView(
    error: DataError,
    on_retry: Callback<()>,
    #[prop(optional)] above_static_page: bool,
) -> impl IntoView {
    let retry_button = NodeRef::<leptos::html::Button>::new();
    // Move focus to the way out, so keyboard and screen-reader users land on it; not above the
    // guide, where the reader may be reading further down (the alert is announced anyway).
    effect(move |_| {
        if above_static_page {
            return;
        }
        if let Some(button) = retry_button.get() {
            let _ = button.focus();
        }
    });
    let advice = if above_static_page {
        "The guide below can still be read, but the chart and the checklist need this file. Check \
         your connection, then try again. Nothing you saved in this browser is affected."
    } else {
        "Check your connection, then try again. Nothing you saved in this browser is affected."
    };
    // The page's only heading when alone; one notice above the guide's own headings otherwise.
    let headline = if above_static_page {
        view! { <h2>{error.headline()}</h2> }.into_any()
    } else {
        view! { <h1>{error.headline()}</h1> }.into_any()
    };
    let body = view! {
        <div role="alert">
            {headline}
            <p class="error-detail">{error.to_string()}</p>
        </div>
        <p>{advice}</p>
        <button type="button" class="retry" node_ref=retry_button on:click=move |_| on_retry.run(())>
            "Retry"
        </button>
    };
    if above_static_page {
        // A named region, so that it is a landmark like the rest of the page.
        view! {
            <section class="load-error above-static-page" aria-label="Problem loading the guide's data">
                {body}
            </section>
        }
        .into_any()
    } else {
        view! { <main id="main" class="load-error">{body}</main> }.into_any()
    }
}
