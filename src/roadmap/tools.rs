//! Export, import (with a preview before anything changes), reset with Undo, print, and the
//! plan to a calendar.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::calendar_button::CalendarButton;
use super::compression::inflate;
use super::context::RoadmapContext;
use super::edits::Edit;
use super::model::{
    preview_import, preview_link_without_notes, read_fragment, Checklist, Date, Fault,
    ImportPreview, LinkError, ProgressDoc, MAX_STORED_BYTES,
};
use super::share_dialog::ShareProgress;
use crate::embed::model::EmbedPart;
use crate::embed::EmbedButton;
use crate::platform::clock::now_ms;
use crate::platform::effect::effect;
use crate::platform::files::save_text;
use crate::platform::lifetime::in_scope;
use crate::platform::parts::{part_entry, PartMissing};
use crate::platform::tasks::next_task;

/// Saves the progress as a JSON file named after today's date.
pub fn export(doc: &ProgressDoc, today: Date) {
    save_text(
        &format!("career-guide-roadmap-{today}.json"),
        "application/json",
        &doc.to_json(),
    );
}

/// The roadmap's tool bar and the panels its buttons open.
#[component]
pub fn RoadmapTools(today: Date, undo: RwSignal<Option<ProgressDoc>>) -> impl IntoView {
    let RoadmapContext {
        doc,
        edit,
        checklist,
    } = expect_context::<RoadmapContext>();
    let preview = RwSignal::new(None::<ImportPreview>);
    let import_error = RwSignal::new(None::<String>);
    // Whether the preview's document comes from a progress link rather than an imported file.
    let from_link = RwSignal::new(false);
    let confirming_reset = RwSignal::new(false);
    let file_input = NodeRef::<leptos::html::Input>::new();

    // A progress link (`#progress=…`), on arrival or pasted into the address bar of an open
    // page: the same preview as a file, once; the fragment goes at once whatever the reader
    // chooses, so that a reload or a bookmark does not bring it back.
    let scope = Owner::current();
    effect({
        let checklist = checklist.clone();
        move |opened: Option<()>| {
            if opened.is_some() {
                return;
            }
            open_progress_link(&checklist, doc, preview, import_error, from_link);
            let checklist = checklist.clone();
            let listener = window_event_listener(leptos::ev::hashchange, move |_| {
                open_progress_link(&checklist, doc, preview, import_error, from_link);
            });
            in_scope(scope.as_ref(), || on_cleanup(move || listener.remove()));
        }
    });
    let on_file = move |_| {
        let Some(file) = file_input
            .get()
            .and_then(|input| input.files())
            .and_then(|files| files.get(0))
        else {
            return;
        };
        let checklist = checklist.clone();
        from_link.set(false);
        spawn_local(async move {
            // The size is checked before the file is read: a huge file is never loaded.
            let bytes = file.size() as usize;
            let outcome = if bytes > MAX_STORED_BYTES {
                Err(Fault::TooBig { bytes }.describe("The file"))
            } else {
                let text = wasm_bindgen_futures::JsFuture::from(file.text()).await;
                match text.ok().and_then(|value| value.as_string()) {
                    None => Err("The file could not be read".to_owned()),
                    Some(text) => preview_of(text, doc.get_untracked(), checklist, true).await,
                }
            };
            show_outcome(outcome, preview, import_error);
            if let Some(input) = file_input.get_untracked() {
                input.set_value("");
            }
        });
    };
    let apply = move |merge: bool| {
        if let Some(found) = preview.get_untracked() {
            let next = doc.with_untracked(|current| {
                if merge {
                    found.merge_into(current)
                } else {
                    found.replace(current, now_ms())
                }
            });
            edit.run(Edit::Restore(next));
            undo.set(None);
            preview.set(None);
        }
    };
    let print = move |_| {
        if let Some(window) = web_sys::window() {
            let _ = window.print();
        }
    };

    view! {
        // The id anchors the places of presses made before the app (`takeover::places`).
        <section class="roadmap-tools" id="roadmap-tools" aria-label="Your progress file">
            <div class="tool-bar">
                <button type="button" on:click=move |_| export(&doc.get_untracked(), today)>"Export progress"</button>
                <label class="file-button">
                    <span>"Import progress…"</span>
                    <input type="file" accept=".json,application/json" node_ref=file_input on:change=on_file />
                </label>
                <button type="button" on:click=print>"Print checklist"</button>
                <CalendarButton />
                <ShareProgress />
                <button type="button" class="danger" on:click=move |_| confirming_reset.set(true)>"Reset all…"</button>
                <EmbedButton part=EmbedPart::Roadmap label="the roadmap checklist" />
            </div>
            {move || import_error.get().map(|message| view! {
                <div class="notice error" role="alert">
                    <p><strong>{move || if from_link.get() { "This link cannot be used: " } else { "Import failed: " }}</strong>{message}". Nothing was changed."</p>
                </div>
            }.into_any())}
            {move || preview.get().map(|found| {
                let unknown = found.unknown_ids.len();
                view! {
                    <div class="notice import-preview" role="status">
                        <p>
                            {format!(
                                "Replacing your progress with this {} changes {} items and {} notes; merging it keeps the newer of each and changes {} items and {} notes.",
                                if from_link.get_untracked() { "link" } else { "file" },
                                found.items_changed, found.notes_changed, found.merge_items_changed, found.merge_notes_changed
                            )}
                            {found.planner_changed.then_some(" It also sets a different pace plan.")}
                            {(unknown > 0).then(|| format!(" {unknown} of its items are not in this roadmap; they are kept but not shown."))}
                        </p>
                        <div class="tool-bar">
                            <button type="button" on:click=move |_| apply(false)>"Replace my progress"</button>
                            <button type="button" on:click=move |_| apply(true)>"Merge with my progress"</button>
                            <button type="button" class="secondary" on:click=move |_| preview.set(None)>"Cancel"</button>
                        </div>
                    </div>
                }
                .into_any()
            })}
            {move || confirming_reset.get().then(|| view! {
                <div class="notice warning" role="alertdialog" aria-labelledby="reset-question">
                    <p id="reset-question">"Reset all progress? Every item's state, every note and your pace plan will be cleared."</p>
                    <div class="tool-bar">
                        <button type="button" class="danger" on:click=move |_| {
                            undo.set(Some(doc.get_untracked()));
                            edit.run(Edit::Reset);
                            confirming_reset.set(false);
                        }>"Reset everything"</button>
                        <button type="button" class="secondary" on:click=move |_| confirming_reset.set(false)>"Cancel"</button>
                    </div>
                </div>
            }.into_any())}
            {move || undo.get().map(|previous| view! {
                <div class="notice" role="status">
                    <p>"Your progress was reset."</p>
                    <button type="button" on:click=move |_| {
                        edit.run(Edit::Restore(previous.clone()));
                        undo.set(None);
                    }>"Undo reset"</button>
                </div>
            }.into_any())}
        </section>
    }
}

/// Reads a progress link from the URL, removes it from the address bar, and shows what it
/// would change (or why it cannot be used), scrolled into view.
fn open_progress_link(
    checklist: &std::sync::Arc<super::model::Checklist>,
    doc: RwSignal<ProgressDoc>,
    preview: RwSignal<Option<ImportPreview>>,
    import_error: RwSignal<Option<String>>,
    from_link: RwSignal<bool>,
) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let location = window.location();
    let Some(read) = read_fragment(&location.hash().unwrap_or_default()) else {
        return;
    };
    if let Ok(history) = window.history() {
        let address = format!(
            "{}{}",
            location.pathname().unwrap_or_default(),
            location.search().unwrap_or_default()
        );
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&address));
    }
    from_link.set(true);
    let checklist = checklist.clone();
    spawn_local(async move {
        let outcome = match read {
            Err(problem) => Err(problem.to_string()),
            Ok(link) => match inflate(&link.compressed, MAX_STORED_BYTES).await {
                Err(problem) => Err(problem),
                Ok(text) => match String::from_utf8(text) {
                    Err(_) => Err(LinkError::Damaged.to_string()),
                    Ok(text) => {
                        preview_of(text, doc.get_untracked(), checklist, link.with_notes).await
                    }
                },
            },
        };
        show_outcome(outcome, preview, import_error);
        // The notice sits low on the page; the reader who opened the link must see it, once it
        // is laid out (the app may still be putting the checklist in place).
        for _ in 0..200 {
            next_task().await;
            let notice = web_sys::window()
                .and_then(|window| window.document())
                .and_then(|document| {
                    document
                        .query_selector(".roadmap-tools .notice")
                        .ok()
                        .flatten()
                })
                .filter(|notice| notice.get_bounding_client_rect().height() > 0.0);
            if let Some(notice) = notice {
                notice.scroll_into_view();
                break;
            }
        }
    });
}

/// Shows what an import (a file or a link) would change, or why it cannot be used.
fn show_outcome(
    outcome: Result<ImportPreview, String>,
    preview: RwSignal<Option<ImportPreview>>,
    import_error: RwSignal<Option<String>>,
) {
    let (found, problem) = match outcome {
        Ok(found) => (Some(found), None),
        Err(message) => (None, Some(message)),
    };
    import_error.set(problem);
    preview.set(found);
}

/// What a file or a link (`with_notes`: its notes count) would change: the reading and comparing
/// are a part of the app of its own (`platform::parts`), fetched at the first import.
async fn preview_of(
    text: String,
    current: ProgressDoc,
    checklist: std::sync::Arc<Checklist>,
    with_notes: bool,
) -> Result<ImportPreview, String> {
    match preview_part(text, current, checklist, now_ms(), with_notes).await {
        Ok(found) => found,
        Err(missing) => Err(missing.to_string()),
    }
}

part_entry! {
    import,
    /// The import preview's part.
    fn preview_part(
        text: String,
        current: ProgressDoc,
        checklist: std::sync::Arc<Checklist>,
        now: u64,
        with_notes: bool,
    ) -> Result<Result<ImportPreview, String>, PartMissing> {
        let preview = if with_notes {
            preview_import
        } else {
            preview_link_without_notes
        };
        Ok(preview(&text, &current, &checklist, now).map_err(|error| error.to_string()))
    }
}
