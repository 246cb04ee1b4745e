//! The one tooltip, shown for the bar or tile under the pointer or keyboard focus.

use leptos::prelude::*;

use super::model::{tooltip_lines, Metric, StateFigures};

/// Width the tooltip box is laid out with, so it can be kept inside the chart.
pub const TOOLTIP_WIDTH: f64 = 230.0;

/// A box with the state's figures at `anchor` (pixels within the chart frame).
#[component]
pub fn Tooltip(
    row: Signal<Option<StateFigures>>,
    anchor: Signal<Option<(f64, f64)>>,
    metric: Signal<Metric>,
    count: usize,
) -> impl IntoView {
    move || {
        let (row, (x, y)) = (row.get()?, anchor.get()?);
        let lines = tooltip_lines(&row, metric.get(), count);
        Some(view! {
            <div
                class="chart-tooltip"
                role="status"
                style:left=format!("{x}px")
                style:top=format!("{y}px")
                style:width=format!("{TOOLTIP_WIDTH}px")
            >
                <p class="tooltip-title">{row.name.clone()}</p>
                <dl>
                    {lines
                        .into_iter()
                        .map(|(label, value)| view! { <div><dt>{label}</dt><dd>{value}</dd></div> })
                        .collect_view()}
                </dl>
            </div>
        })
    }
}

/// Where a tooltip for something at (`x`, `y`) goes: below it, kept inside `frame_width`.
pub fn place_tooltip(x: f64, y: f64, frame_width: f64) -> (f64, f64) {
    let left = (x - TOOLTIP_WIDTH / 2.0).clamp(0.0, (frame_width - TOOLTIP_WIDTH).max(0.0));
    (left, y)
}
