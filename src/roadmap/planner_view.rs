//! The pace planner: a start date and hours a week give each step a target date, shown on a
//! timeline.

use leptos::prelude::*;

use super::context::RoadmapContext;
use super::edits::Edit;
use super::model::{finish_date, Date, Planner, StepPlan, BASELINE_HOURS_PER_WEEK, HOURS_PER_WEEK};
use super::timeline_view::lazy_timeline;

/// The planner's inputs and the resulting finish date; each step card shows its own target.
#[component]
pub fn PlannerPanel(today: Date, plans: Memo<Option<Vec<StepPlan>>>) -> impl IntoView {
    let RoadmapContext { doc, edit, .. } = expect_context::<RoadmapContext>();
    let planner = Memo::new(move |_| doc.with(|d| d.planner));
    let error = RwSignal::new(None::<String>);
    let start_value = move || {
        planner
            .get()
            .map(|p| p.start.to_string())
            .unwrap_or_default()
    };
    let hours_value = move || {
        planner
            .get()
            .map_or(BASELINE_HOURS_PER_WEEK, |p| p.hours_per_week)
            .to_string()
    };
    let set = move |start: Option<String>, hours: Option<String>| {
        let current = planner.get_untracked();
        let start = match start {
            Some(text) => Date::parse(&text),
            None => current.as_ref().map(|p| p.start).or(Some(today)),
        };
        let hours = match hours {
            Some(text) => text.trim().parse::<u32>().ok(),
            None => Some(
                current
                    .as_ref()
                    .map_or(BASELINE_HOURS_PER_WEEK, |p| p.hours_per_week),
            ),
        };
        match (start, hours) {
            (Some(start), Some(hours)) if HOURS_PER_WEEK.contains(&hours) => {
                error.set(None);
                edit.run(Edit::Planner(Planner::new(start, hours)));
            }
            (None, _) => error.set(Some("Enter a start date as YYYY-MM-DD.".into())),
            _ => error.set(Some(format!(
                "Hours a week must be a whole number from {} to {}.",
                HOURS_PER_WEEK.start(),
                HOURS_PER_WEEK.end()
            ))),
        }
    };
    let finish = move || {
        plans.get().and_then(|plans| finish_date(&plans)).map(|date| {
            let behind = plans.get().is_some_and(|p| p.iter().any(|s| s.behind));
            view! {
                <p class="plan-result" role="status">
                    "At this pace you finish the timed steps by "
                    <strong><time datetime=date.to_string()>{date.to_string()}</time></strong>
                    "."
                    {behind.then_some(" Some steps are behind schedule: see the steps marked below.")}
                </p>
            }
        })
    };
    view! {
        <section class="planner" aria-labelledby="planner-heading">
            <h3 id="planner-heading">"Plan your pace"</h3>
            <p class="planner-help">
                {format!("The roadmap's durations assume about {BASELINE_HOURS_PER_WEEK} hours a week and use the upper end of each range; more hours bring the dates closer. Steps without a duration take no planned time.")}
            </p>
            <div class="planner-inputs">
                <label>
                    <span>"Start date"</span>
                    <input type="date" value=start_value prop:value=start_value on:change=move |ev| set(Some(event_target_value(&ev)), None) />
                </label>
                <label>
                    <span>"Hours a week"</span>
                    <input
                        type="number"
                        min=*HOURS_PER_WEEK.start()
                        max=*HOURS_PER_WEEK.end()
                        // The attribute is for the page rendered at build time; the property is live.
                        value=hours_value
                        prop:value=hours_value
                        on:change=move |ev| set(None, Some(event_target_value(&ev)))
                    />
                </label>
                {move || planner.get().is_some().then(|| view! {
                    <button type="button" class="secondary" on:click=move |_| edit.run(Edit::Planner(None))>"Clear plan"</button>
                }.into_any())}
            </div>
            {move || error.get().map(|message| view! { <p class="field-error" role="alert">{message}</p> }.into_any())}
            {finish}
            {lazy_timeline(today)}
        </section>
    }
}
