//! The roadmap checklist: loads the saved progress, applies the reader's edits, saves them, and
//! keeps step with other tabs.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::context::RoadmapContext;
use super::edits::Edit;
use super::model::{merge, plan, Checklist, Date, ProgressDoc, UndoStack, WholeChange};
use super::notices::StorageNotices;
use super::planner_view::PlannerPanel;
use super::progress_meter::ProgressMeter;
use super::step_card::StepCard;
use super::storage::{self, Notice, ProgressPlace, ProgressStore};
use super::tool_requests::{AskTool, ToolRequest};
use super::tools::{export, export_text, RoadmapTools};
use crate::data::{Guide, Step};
use crate::platform::clock::now_ms;
use crate::platform::effect::effect;
use crate::platform::stagger::{in_turn, page_on_screen};

/// The list of the checklist's steps, below its root: each step is built in its own turn
/// (`platform::stagger`).
pub const STEP_LIST: &str = ":scope > ol.checklist-steps";

/// The six steps as a personal checklist, with progress, notes, a pace planner and tools.
#[component]
pub fn RoadmapChecklist(total_duration: String, steps: Vec<Step>) -> impl IntoView {
    let guide = expect_context::<Arc<Guide>>();
    let checklist = Arc::new(Checklist::from_guide(&guide));
    let doc = RwSignal::new(ProgressDoc::new());
    let notices = RwSignal::new(Vec::<Notice>::new());
    let undo = RwSignal::new(UndoStack::default());
    let store = StoredValue::new_local(None::<ProgressStore>);
    // What a newer release saved, exported as it is: this page shows none of it.
    let newer_text = StoredValue::new(None::<String>);
    let today = Date::from_unix_ms(now_ms());

    // Saves `next` (merged with what another tab saved) and shows the result.
    let persist = move |next: ProgressDoc| {
        let mut shown = next.clone();
        store.update_value(|store| {
            if let Some(store) = store {
                match store.save(&next, now_ms()) {
                    Ok(merged) => shown = merged,
                    Err(notice) => notices.update(|all| {
                        if !all.contains(&notice) {
                            all.push(notice);
                        }
                    }),
                }
            }
        });
        doc.set(shown);
    };
    let edit = Callback::new(move |change: Edit| {
        let mut next = doc.get_untracked();
        change.apply(&mut next, now_ms());
        persist(next);
    });
    // What opening storage had to say waits until the page is on screen: an alert added to a
    // page still being built out of sight (see `platform::stagger`) would never be announced.
    let found = RwSignal::new(Vec::<Notice>::new());
    let page_shown = page_on_screen();
    // The guide's place in storage (the app provides it); without one, progress stays in memory.
    let place = use_context::<ProgressPlace>();
    // Browser-only: storage is opened after mounting, never while rendering.
    effect(move |_| {
        let Some(place) = place.clone() else {
            return;
        };
        let opened = storage::open(now_ms(), &place);
        doc.set(opened.doc);
        found.set(opened.notices);
        let writable = opened.store.writable();
        newer_text.set_value(opened.newer_text);
        store.set_value(Some(opened.store));
        // In another site's page, storage that works may still be this site's alone: say so,
        // so that ticks made in the frame are never stranded without a word.
        if writable {
            spawn_local(async move {
                if storage::partitioned().await {
                    found.update(|found| found.push(Notice::ThisSiteOnly));
                }
            });
        }
        storage::follow_other_tabs(&place, move |theirs, older_release| {
            if let Some(problem) = theirs.problem {
                let notice = match theirs.newer {
                    Some(version) => Notice::SavedByNewer { version },
                    None => Notice::OtherTabUnreadable { problem },
                };
                // Never written over, nor backed up again on every event: this page stops
                // saving and says so; a reload reads (and backs up) that value once.
                store.update_value(|store| {
                    if let Some(store) = store {
                        store.stop_writing();
                    }
                });
                notices.update(|all| {
                    if !all.iter().any(|n| {
                        matches!(
                            n,
                            Notice::OtherTabUnreadable { .. } | Notice::SavedByNewer { .. }
                        )
                    }) {
                        all.push(notice);
                    }
                });
                return;
            }
            let merged = merge(&doc.get_untracked(), &theirs.doc);
            // What a tab of an older release saved is saved again under this guide's keys.
            if merged != theirs.doc || older_release {
                persist(merged);
            } else {
                doc.set(merged);
            }
        });
    });

    effect(move |_| {
        if page_shown.get() && found.with(|found| !found.is_empty()) {
            let opened = found.try_update(std::mem::take).unwrap_or_default();
            notices.update(|all| all.extend(opened));
        }
    });

    provide_context(RoadmapContext {
        doc,
        edit,
        checklist: checklist.clone(),
    });
    let overall = {
        let checklist = checklist.clone();
        Signal::derive(move || doc.with(|d| checklist.counts(d)))
    };
    let plans = {
        let checklist = checklist.clone();
        Memo::new(move |_| doc.with(|d| d.planner.map(|p| plan(&checklist, &p, d, today))))
    };
    let export_guide = checklist.guide.clone();
    let on_export = Callback::new(move |()| match newer_text.get_value() {
        Some(text) => export_text(&text, today),
        None => export(&doc.get_untracked(), &export_guide, today),
    });
    let tools = AskTool::new();
    let on_share = Callback::new(move |()| tools.ask(ToolRequest::Share));
    // Entries for items this guide no longer has: kept (a content update never destroys
    // progress), but counted here, and removable with an Undo.
    let leftover_ids = {
        let checklist = checklist.clone();
        Memo::new(move |_| doc.with(|d| checklist.leftover_ids(d)))
    };
    let remove_leftovers = move |_| {
        let before = doc.get_untracked();
        edit.run(Edit::Clear(leftover_ids.get_untracked()));
        let after = doc.get_untracked();
        undo.update(|stack| stack.push(WholeChange::Cleared, before, after));
        tools.ask(ToolRequest::ShowUndo);
    };
    let leftovers = move || {
        let count = leftover_ids.with(Vec::len);
        (count > 0).then(|| {
            let kept = if count == 1 {
                "1 entry this guide no longer has is".to_owned()
            } else {
                format!("{count} entries this guide no longer has are")
            };
            view! {
                <p class="leftovers">
                    {kept}" kept in your progress. "
                    <button type="button" class="secondary" on:click=remove_leftovers>"Remove them"</button>
                </p>
            }
        })
    };
    let cards = checklist
        .steps
        .iter()
        .cloned()
        .zip(steps)
        .map(|(step, source)| {
            let id = step.id.clone();
            let step_plan = Signal::derive(move || {
                plans
                    .get()
                    .and_then(|all| all.into_iter().find(|p| p.step_id == id))
            });
            in_turn(move || {
                view! { <StepCard step summary=source.summary plan=step_plan /> }.into_any()
            })
        })
        .collect_view();

    view! {
        <div class="roadmap" id="roadmap-checklist">
            <StorageNotices notices on_export on_share />
            <div class="roadmap-overview">
                <p class="total-duration"><strong>"Total time: "</strong>{guide.filled(&total_duration)}</p>
                <ProgressMeter label="Your progress" counts=overall />
                {leftovers}
                <p class="shortcut-help">
                    "Mark each item as you go; progress stays in this browser, no account needed. "
                    "Keyboard: with an item focused, press "<kbd>"D"</kbd>" done, "<kbd>"P"</kbd>" in progress, "
                    <kbd>"S"</kbd>" skip, "<kbd>"N"</kbd>" not started."
                </p>
            </div>
            <PlannerPanel today plans />
            <ol class="steps checklist-steps">{cards}</ol>
            <RoadmapTools today undo tools />
        </div>
    }
}
