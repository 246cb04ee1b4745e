//! The roadmap's tool bar: export and print at once; import, a progress link, reset, sharing and
//! the calendar file through the tool panels (`tool_panels.rs`), a part of the app of its own
//! fetched at the first of those requests (`platform::parts`).

use std::sync::Arc;

use leptos::prelude::*;

use super::calendar_button::CalendarButton;
use super::context::RoadmapContext;
use super::model::{is_progress_link, Date, ProgressDoc, UndoStack};
use super::tool_panels::panels_part;
use super::tool_requests::{AskTool, ToolRequest};
use crate::embed::model::EmbedPart;
use crate::embed::EmbedButton;
use crate::platform::effect::effect;
use crate::platform::files::save_text;
use crate::platform::lifetime::in_scope;
use crate::platform::parts::part_once;

/// Saves the progress as a JSON file named after today's date.
pub fn export(doc: &ProgressDoc, guide: &str, today: Date) {
    export_text(&doc.to_json_named(guide), today);
}

/// Saves `json` (a progress document) as the export file of `today`.
pub fn export_text(json: &str, today: Date) {
    save_text(
        &format!("career-guide-roadmap-{today}.json"),
        "application/json",
        json,
    );
}

/// The roadmap's tool bar, and the panels its buttons open.
#[component]
pub fn RoadmapTools(today: Date, undo: RwSignal<UndoStack>, tools: AskTool) -> impl IntoView {
    let RoadmapContext { doc, checklist, .. } = expect_context::<RoadmapContext>();
    let guide = checklist.guide.clone();
    provide_context(tools);
    let file_input = NodeRef::<leptos::html::Input>::new();

    // A progress link (`#progress=…`), on arrival or pasted into the address bar of an open
    // page: the same preview as a file, once. The fragment leaves the address bar here, at once,
    // so that a reload or a bookmark never brings it back, even while the panels' part is on its
    // way or cannot be fetched (the request keeps the link for them).
    let scope = Owner::current();
    effect(move |opened: Option<()>| {
        if opened.is_some() {
            return;
        }
        let open_link = move || {
            let Some(window) = web_sys::window() else {
                return;
            };
            let location = window.location();
            let hash = location.hash().unwrap_or_default();
            if !is_progress_link(&hash) {
                return;
            }
            if let Ok(history) = window.history() {
                let address = format!(
                    "{}{}",
                    location.pathname().unwrap_or_default(),
                    location.search().unwrap_or_default()
                );
                let _ = history.replace_state_with_url(
                    &wasm_bindgen::JsValue::NULL,
                    "",
                    Some(&address),
                );
            }
            tools.ask(ToolRequest::OpenLink(hash));
        };
        open_link();
        let listener = window_event_listener(leptos::ev::hashchange, move |_| open_link());
        in_scope(scope.as_ref(), || on_cleanup(move || listener.remove()));
    });
    let on_file = move |_| {
        let Some(input) = file_input.get() else {
            return;
        };
        let file = input.files().and_then(|files| files.get(0));
        // The same file chosen again is a new change.
        input.set_value("");
        if let Some(file) = file {
            tools.ask(ToolRequest::Import(file));
        }
    };
    let print = move |_| {
        if let Some(window) = web_sys::window() {
            let _ = window.print();
        }
    };
    let requests = tools.requests();
    let fetch = Arc::new(move || Box::pin(panels_part(undo, requests)) as _);

    view! {
        // The id anchors the places of presses made before the app (`takeover::places`).
        <section class="roadmap-tools" id="roadmap-tools" aria-label="Your progress file">
            <div class="tool-bar">
                <button type="button" on:click=move |_| export(&doc.get_untracked(), &guide, today)>"Export progress"</button>
                <label class="file-button">
                    <span>"Import progress…"</span>
                    <input type="file" accept=".json,application/json" node_ref=file_input on:change=on_file />
                </label>
                <button type="button" on:click=print>"Print checklist"</button>
                <CalendarButton />
                <button type="button" class="share-button" aria-haspopup="dialog" on:click=move |_| tools.ask(ToolRequest::Share)>
                    "Share or move my progress…"
                </button>
                <button type="button" class="danger" on:click=move |_| tools.ask(ToolRequest::Reset)>"Reset all…"</button>
                <EmbedButton part=EmbedPart::Roadmap label="the roadmap checklist" />
            </div>
            {part_once(tools.wanted(), fetch, Some(tools.asked()))}
        </section>
    }
}
