//! The light placeholder shown while the data is on its way, shaped like the page to come.

use leptos::prelude::*;

/// Grey blocks where the header, figures and first section will appear.
#[component]
pub fn LoadingView() -> impl IntoView {
    view! {
        <div class="guide-layout loading" role="status" aria-live="polite">
            <span class="visually-hidden">"Loading the guide…"</span>
            <div class="guide-header skeleton-header" aria-hidden="true">
                <div class="skeleton line short"></div>
                <div class="skeleton line title"></div>
                <div class="skeleton line"></div>
                <div class="skeleton line"></div>
                <div class="skeleton figures"></div>
            </div>
            <div class="toc skeleton-toc" aria-hidden="true"></div>
            <div class="guide-body" aria-hidden="true">
                <div class="skeleton line title"></div>
                <div class="skeleton line"></div>
                <div class="skeleton line"></div>
                <div class="skeleton line short"></div>
            </div>
        </div>
    }
}
