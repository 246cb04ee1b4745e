//! Plain-language notices about where progress is kept.

use leptos::prelude::*;

use super::storage::Notice;

/// The storage notices, each with what it means for the reader.
#[component]
pub fn StorageNotices(notices: RwSignal<Vec<Notice>>, on_export: Callback<()>) -> impl IntoView {
    move || {
        notices
            .get()
            .into_iter()
            .map(|notice| match notice {
                Notice::Recovered { problem, backup_key } => view! {
                    <div class="notice warning" role="alert">
                        <p><strong>"Some saved progress could not be read. "</strong>{problem}</p>
                        <p>
                            "Nothing was thrown away: the original is kept in this browser's storage under the key "
                            <code>{backup_key}</code>
                            ". The checklist below starts from what could be recovered."
                        </p>
                    </div>
                }
                .into_any(),
                Notice::NotSaved { reason } => view! {
                    <div class="notice warning" role="alert">
                        <p>
                            <strong>"Progress will not be saved here: "</strong>
                            {reason}
                            ". The checklist still works, but changes last only until this page closes."
                        </p>
                        <button type="button" on:click=move |_| on_export.run(())>"Export progress to a file"</button>
                    </div>
                }
                .into_any(),
            })
            .collect_view()
    }
}
