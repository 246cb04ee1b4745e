//! "Add to calendar": the plan's target dates as an `.ics` file, or, until the pace planner has
//! a start date, the reason it cannot be made yet.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::context::RoadmapContext;
use super::model::{write_calendar, Checklist, NoCalendar, ProgressDoc};
use crate::platform::clock::now_ms;
use crate::platform::files::save_text;
use crate::platform::parts::{part_entry, PartMissing};

/// The file's name.
const FILE_NAME: &str = "infrastructure-engineer-roadmap.ics";

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
    // The calendar writer is a part of the app of its own (`platform::parts`).
    let missing = RwSignal::new(false);
    let download = move |_| {
        let (checklist, doc) = (checklist.clone(), doc.get_untracked());
        spawn_local(async move {
            let made = calendar_part(checklist, doc, now_ms()).await;
            let _ = missing.try_set(made.is_err());
            if let Ok(Ok(ics)) = made {
                save_text(FILE_NAME, "text/calendar", &ics);
            }
        });
    };
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
        {move || missing.get().then(|| view! {
            <span class="tool-hint error" role="alert">{PartMissing::MESSAGE}</span>
        }.into_any())}
    }
}

part_entry! {
    calendar,
    /// The calendar writer's part.
    fn calendar_part(
        checklist: Arc<Checklist>,
        doc: ProgressDoc,
        now: u64,
    ) -> Result<Result<String, NoCalendar>, PartMissing> {
        Ok(write_calendar(&checklist, &doc, now))
    }
}
