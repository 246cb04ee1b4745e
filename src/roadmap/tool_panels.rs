//! The roadmap's tool panels, a part of the app of its own (`platform::parts`), fetched at the
//! first request from the tool bar (`tools.rs`): an import's or a progress link's preview before
//! anything changes, reset with Undo, the share dialog and the calendar file.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::compression::inflate;
use super::context::RoadmapContext;
use super::edits::Edit;
use super::model::{
    preview_import, preview_link_without_notes, read_fragment, write_calendar, Checklist, Fault,
    ImportPreview, LinkError, ProgressDoc, MAX_STORED_BYTES,
};
use super::share_dialog::ShareDialog;
use super::tool_requests::{Requests, ToolRequest};
use crate::platform::clock::now_ms;
use crate::platform::effect::effect;
use crate::platform::files::save_text;
use crate::platform::parts::{part_entry, Maker, PartMissing};
use crate::platform::tasks::next_task;

/// The calendar file's name.
const CALENDAR_FILE: &str = "infrastructure-engineer-roadmap.ics";

part_entry! {
    tools,
    /// The tool panels' part.
    pub fn panels_part(undo: RwSignal<Option<ProgressDoc>>, requests: Requests) -> Result<Maker, PartMissing> {
        Ok(Arc::new(move || view! { <ToolPanels undo requests /> }.into_any()))
    }
}

/// The panels, each shown when its request comes.
#[component]
fn ToolPanels(undo: RwSignal<Option<ProgressDoc>>, requests: Requests) -> impl IntoView {
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
    let share_opens = RwSignal::new(0_u32);
    effect(move |_| {
        for request in requests.take() {
            match request {
                ToolRequest::Import(file) => import_file(
                    file,
                    checklist.clone(),
                    doc,
                    preview,
                    import_error,
                    from_link,
                ),
                ToolRequest::OpenLink => {
                    open_progress_link(&checklist, doc, preview, import_error, from_link)
                }
                ToolRequest::Reset => confirming_reset.set(true),
                ToolRequest::Share => share_opens.update(|n| *n += 1),
                ToolRequest::Calendar => {
                    if let Ok(ics) =
                        doc.with_untracked(|doc| write_calendar(&checklist, doc, now_ms()))
                    {
                        save_text(CALENDAR_FILE, "text/calendar", &ics);
                    }
                }
            }
        }
    });
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
    view! {
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
        <ShareDialog opens=share_opens />
    }
}

/// Reads `file` (refused unread when too big) and shows what it would change.
fn import_file(
    file: web_sys::File,
    checklist: Arc<Checklist>,
    doc: RwSignal<ProgressDoc>,
    preview: RwSignal<Option<ImportPreview>>,
    import_error: RwSignal<Option<String>>,
    from_link: RwSignal<bool>,
) {
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
                Some(text) => doc.with_untracked(|current| {
                    preview_import(&text, current, &checklist, now_ms()).map_err(|e| e.to_string())
                }),
            }
        };
        show_outcome(outcome, preview, import_error);
    });
}

/// Reads a progress link from the URL, removes it from the address bar, and shows what it
/// would change (or why it cannot be used), scrolled into view.
fn open_progress_link(
    checklist: &Arc<Checklist>,
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
                    Ok(text) => doc.with_untracked(|current| {
                        let preview = if link.with_notes {
                            preview_import
                        } else {
                            preview_link_without_notes
                        };
                        preview(&text, current, &checklist, now_ms()).map_err(|e| e.to_string())
                    }),
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
