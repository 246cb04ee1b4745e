//! "Add to calendar": the plan's target dates as an `.ics` file, or, until the pace planner has
//! a start date, the reason it cannot be made yet.

use leptos::prelude::*;

use super::context::RoadmapContext;
use super::model::{NoCalendar, ProgressDoc};
use super::tool_requests::{AskTool, ToolRequest};

/// The id of the reason shown while the button is disabled (its description).
const REASON_ID: &str = "calendar-reason";

/// The button, and the reason beside it while it is disabled.
#[component]
pub fn CalendarButton() -> impl IntoView {
    let RoadmapContext { doc, checklist, .. } = expect_context::<RoadmapContext>();
    let timed = checklist.steps.iter().any(|step| step.months.is_some());
    let blocked = Memo::new(
        move |_| match doc.with(|doc: &ProgressDoc| doc.planner.is_some()) {
            _ if !timed => Some(NoCalendar::NoTimedStep),
            false => Some(NoCalendar::NoPlan),
            true => None,
        },
    );
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
