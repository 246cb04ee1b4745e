//! "Add to calendar": the plan's target dates as an `.ics` file, or, until the pace planner has
//! a start date, the reason it cannot be made yet.

use leptos::prelude::*;

use super::context::RoadmapContext;
use super::model::{calendar_problem, Date, NoCalendar, ProgressDoc};
use super::tool_requests::{AskTool, ToolRequest};
use crate::platform::clock::now_ms;

/// The id of the reason shown while the button is disabled (its description).
const REASON_ID: &str = "calendar-reason";

/// The button, and the reason beside it while it is disabled.
#[component]
pub fn CalendarButton() -> impl IntoView {
    let RoadmapContext { doc, checklist, .. } = expect_context::<RoadmapContext>();
    let today = Date::from_unix_ms(now_ms());
    let blocked = Memo::new(move |_| {
        doc.with(|doc: &ProgressDoc| {
            calendar_problem(&checklist, doc, today)
                .or_else(|| doc.planner.is_none().then_some(NoCalendar::NoPlan))
        })
    });
    // The file is written by the tool panels, a part of the app of its own (`tool_panels.rs`).
    let tools = expect_context::<AskTool>();
    let download = move |_| tools.ask(ToolRequest::Calendar);
    view! {
        <button
            type="button"
            class="calendar-button"
            disabled=move || blocked.with(Option::is_some)
            aria-describedby=move || blocked.with(Option::is_some).then_some(REASON_ID)
            on:click=download
        >
            "Add to calendar"
        </button>
        // Always there, hidden once the button works: the tool bar keeps its shape either way.
        <span class="tool-hint" id=REASON_ID hidden=move || blocked.with(Option::is_none)>
            {move || blocked.get().map(|why| why.reason())}
        </span>
    }
}
