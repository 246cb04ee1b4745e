//! A progress bar with its count in words ("7 of 23 done, 2 skipped").

use leptos::prelude::*;

use super::model::Counts;

/// A labelled native progress bar; skipped items count as settled.
#[component]
pub fn ProgressMeter(#[prop(into)] label: String, counts: Signal<Counts>) -> impl IntoView {
    let summary = move || counts.get().summary();
    view! {
        <div class="progress-meter">
            <span class="progress-label"><span class="progress-name">{label.clone()}": "</span><span class="progress-count">{summary}</span></span>
            <progress
                max=move || counts.get().total.max(1)
                value=move || counts.get().settled()
                aria-label=move || format!("{label}: {}", summary())
            ></progress>
        </div>
    }
}
