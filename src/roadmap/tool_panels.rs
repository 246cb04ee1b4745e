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
    encode, preview_import, preview_link_without_notes, read_fragment, write_calendar, Checklist,
    Fault, ImportPreview, LinkError, ProgressDoc, UndoStack, WholeChange, MAX_STORED_BYTES,
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
    pub fn panels_part(undo: RwSignal<UndoStack>, requests: Requests) -> Result<Maker, PartMissing> {
        Ok(Arc::new(move || view! { <ToolPanels undo requests /> }.into_any()))
    }
}

/// The panels, each shown when its request comes.
#[component]
fn ToolPanels(undo: RwSignal<UndoStack>, requests: Requests) -> impl IntoView {
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
    let counted = checklist.clone();
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
                ToolRequest::OpenLink(hash) => {
                    open_progress_link(&hash, &checklist, doc, preview, import_error, from_link)
                }
                ToolRequest::Reset => confirming_reset.set(true),
                ToolRequest::Share => share_opens.update(|n| *n += 1),
                ToolRequest::ShowUndo => {}
                ToolRequest::Calendar => {
                    let mut next = doc.get_untracked();
                    let file = next.next_calendar(reader_id, now_ms());
                    if let Ok(ics) = write_calendar(&checklist, &next, &file, now_ms()) {
                        save_text(CALENDAR_FILE, "text/calendar", &ics);
                        edit.run(Edit::Calendar(file));
                    }
                }
            }
        }
    });
    // Applied to the document as it is at the press, and undoable like a reset.
    let apply = move |merge: bool| {
        let Some(found) = preview.get_untracked() else {
            return;
        };
        let before = doc.get_untracked();
        let from_link = from_link.get_untracked();
        let (next, change) = if merge {
            (found.merge_into(&before), WholeChange::Merged { from_link })
        } else {
            (
                found.replace(&before, now_ms()),
                WholeChange::Replaced { from_link },
            )
        };
        // Checked again at the press: the progress may have grown since the preview opened.
        if let Err(fault) = encode(&next) {
            import_error.set(Some(fault.describe("With it, your saved progress")));
            preview.set(None);
            return;
        }
        edit.run(Edit::Restore(next));
        let after = doc.get_untracked();
        undo.update(|stack| stack.push(change, before, after));
        preview.set(None);
    };
    view! {
        {move || import_error.get().map(|message| view! {
            <div class="notice error" role="alert">
                <p><strong>{move || if from_link.get() { "This link cannot be used: " } else { "Import failed: " }}</strong>{message}". Nothing was changed."</p>
            </div>
        }.into_any())}
        {move || preview.get().map(|found| {
            let unknown = found.unknown_ids.len();
            let checklist = counted.clone();
            // Counted against the document as it is now: a tick or a note made while the
            // preview is open shows in the counts before the reader presses.
            let counts = move || doc.with(|current| {
                let counts = found.changes(&checklist, current, now_ms());
                format!(
                    "Replacing your progress with this {} changes {} items and {} notes; merging it keeps the newer of each and changes {} items and {} notes.{}",
                    if from_link.get_untracked() { "link" } else { "file" },
                    counts.items_changed, counts.notes_changed, counts.merge_items_changed, counts.merge_notes_changed,
                    if counts.planner_changed { " It also sets a different pace plan." } else { "" },
                )
            });
            view! {
                <div class="notice import-preview" role="status">
                    <p>
                        {counts}
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
                        let before = doc.get_untracked();
                        edit.run(Edit::Reset);
                        let after = doc.get_untracked();
                        undo.update(|stack| stack.push(WholeChange::Reset, before, after));
                        confirming_reset.set(false);
                    }>"Reset everything"</button>
                    <button type="button" class="secondary" on:click=move |_| confirming_reset.set(false)>"Cancel"</button>
                </div>
            </div>
        }.into_any())}
        {move || undo.with(UndoStack::latest).map(|change| view! {
            <div class="notice" role="status">
                <p>{change.done()}{move || undo.with(UndoStack::earlier)}</p>
                <button type="button" on:click=move |_| {
                    if let Some(undoable) = undo.try_update(UndoStack::pop).flatten() {
                        edit.run(Edit::Restore(doc.with_untracked(|current| undoable.undone(current))));
                    }
                }>{change.undo_label()}</button>
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

/// Reads the progress link `hash` (the tool bar took it out of the address bar) and shows what
/// it would change (or why it cannot be used), scrolled into view.
fn open_progress_link(
    hash: &str,
    checklist: &Arc<Checklist>,
    doc: RwSignal<ProgressDoc>,
    preview: RwSignal<Option<ImportPreview>>,
    import_error: RwSignal<Option<String>>,
    from_link: RwSignal<bool>,
) {
    let Some(read) = read_fragment(hash) else {
        return;
    };
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

/// A new reader id for calendar files: 16 random letters and digits.
fn reader_id() -> String {
    const ALPHABET: &[u8] = b"abcdefghijklmnopqrstuvwxyz0123456789";
    (0..16)
        .map(|_| {
            let index = (js_sys::Math::random() * ALPHABET.len() as f64) as usize;
            char::from(ALPHABET[index.min(ALPHABET.len() - 1)])
        })
        .collect()
}
