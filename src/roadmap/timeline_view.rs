//! The plan as a picture: the timeline the model laid out ([`timeline`]), drawn as SVG, with a
//! table of the same dates to read aloud and copy (the picture is what prints). A lazy module of its own
//! (`platform::parts`), fetched once the reader has a plan: most readers never set one.

use std::sync::Arc;

use leptos::prelude::*;

use super::context::RoadmapContext;
use super::model::{
    timeline, Date, StepStatus, Timeline, AXIS_PX, BAR_PX, BAR_TOP_PX, DATE_BASELINE_PX,
    LABEL_BASELINE_PX,
};
use crate::decimal::{decimal, px};
use crate::platform::parts::{part_entry, part_once, Maker, PartMissing};

/// A fraction of the width as an SVG length: the picture is as wide as its column, and its text
/// keeps the page's size at any width.
fn across(fraction: f64) -> String {
    format!("{}%", decimal(fraction * 100.0, 2))
}

/// What the picture shows, in a sentence (its accessible name).
fn summary(line: &Timeline) -> String {
    let count = |status| line.rows.iter().filter(|r| r.status == status).count();
    let today = match &line.today_in {
        Some(step) => format!(" Today falls in {step}."),
        None => String::new(),
    };
    format!(
        "Timeline of your plan: {} steps from {} to {}; {} done, {} behind schedule.{today} The table \"Your plan's dates\" gives each step's dates.",
        line.rows.len(),
        line.start,
        line.finish,
        count(StepStatus::Done),
        count(StepStatus::Behind)
    )
}

/// The SVG itself, drawn from `line`.
fn picture(line: &Timeline) -> impl IntoView + use<> {
    let axis_y = line.height - AXIS_PX;
    let rows = line
        .rows
        .iter()
        .map(|row| {
            view! {
                <g class="timeline-row" data-status=row.status.key()>
                    <text class="timeline-title" x="0" y=px(row.y + LABEL_BASELINE_PX)>
                        {format!("{} {}", row.status.icon(), row.title)}
                    </text>
                    <rect
                        class="timeline-bar"
                        x=across(row.x0)
                        width=across(row.x1 - row.x0)
                        y=px(row.y + BAR_TOP_PX)
                        height=px(BAR_PX)
                        rx="3"
                    />
                    <text class="timeline-date" x=across(row.x1) y=px(row.y + DATE_BASELINE_PX) text-anchor=row.date_anchor.svg()>
                        {row.target.to_string()}
                    </text>
                </g>
            }
        })
        .collect_view();
    let ticks = line
        .ticks
        .iter()
        .map(|tick| {
            view! {
                <line class="timeline-tick" x1=across(tick.x) x2=across(tick.x) y1=px(axis_y) y2=px(axis_y + 4.0) />
                <text class="timeline-year" x=across(tick.x) y=px(line.height - 4.0) text-anchor=tick.anchor.svg()>
                    {tick.label.clone()}
                </text>
            }
        })
        .collect_view();
    let today = line.today.map(|(x, anchor)| {
        view! {
            <g class="timeline-today">
                <line x1=across(x) x2=across(x) y1="14" y2=px(axis_y) />
                <text x=across(x) y="11" text-anchor=anchor.svg()>"Today"</text>
            </g>
        }
    });
    view! {
        <svg class="timeline" width="100%" height=px(line.height) role="img" aria-label=summary(line)>
            <line class="timeline-axis" x1="0" x2="100%" y1=px(axis_y) y2=px(axis_y) />
            {ticks}
            {rows}
            {today}
        </svg>
    }
}

/// The same dates as a table's rows.
fn table_rows(line: &Timeline) -> impl IntoView + use<> {
    line.rows
        .iter()
        .map(|row| {
            view! {
                <tr data-step=row.step_id.clone()>
                    <th scope="row">{row.title.clone()}</th>
                    <td><time datetime=row.starts.to_string()>{row.starts.to_string()}</time></td>
                    <td><time datetime=row.target.to_string()>{row.target.to_string()}</time></td>
                    <td data-status=row.status.key()><span aria-hidden="true">{row.status.icon()}" "</span>{row.status.label()}</td>
                </tr>
            }
        })
        .collect_view()
}

/// The timeline of the reader's plan: nothing until the planner first has a start date, then
/// [`PlanTimeline`] from its part.
pub fn lazy_timeline(today: Date) -> AnyView {
    let RoadmapContext { doc, .. } = expect_context::<RoadmapContext>();
    let planned = Signal::derive(move || doc.with(|d| d.planner.is_some()));
    let fetch = Arc::new(move || Box::pin(timeline_part(today)) as _);
    part_once(planned, fetch, None)
}

part_entry! {
    timeline,
    /// The timeline's part.
    fn timeline_part(today: Date) -> Result<Maker, PartMissing> {
        Ok(Arc::new(move || view! { <PlanTimeline today /> }.into_any()))
    }
}

/// The timeline of the reader's plan, while the planner has a start date. The figure and its
/// table's disclosure are built once, so that a change of plan redraws the picture and the rows
/// without closing the table the reader opened.
#[component]
fn PlanTimeline(today: Date) -> impl IntoView {
    let RoadmapContext { doc, checklist, .. } = expect_context::<RoadmapContext>();
    let line = Memo::new(move |_| doc.with(|d| timeline(&checklist, d, today)));
    let planned = Memo::new(move |_| line.with(Option::is_some));
    move || {
        planned.get().then(|| {
            view! {
                <figure class="plan-timeline">
                    {move || line.with(|line| line.as_ref().map(picture))}
                    <details class="timeline-details">
                        <summary>"Your plan's dates as a table"</summary>
                        <div class="table-scroll" tabindex="0" role="region" aria-label="Your plan's dates">
                            <table class="timeline-table">
                                <caption class="visually-hidden">"Your plan's dates"</caption>
                                <thead>
                                    <tr>
                                        <th scope="col">"Step"</th>
                                        <th scope="col">"Starts"</th>
                                        <th scope="col">"Target"</th>
                                        <th scope="col">"Status"</th>
                                    </tr>
                                </thead>
                                <tbody>{move || line.with(|line| line.as_ref().map(table_rows))}</tbody>
                            </table>
                        </div>
                    </details>
                </figure>
            }
        })
    }
}
