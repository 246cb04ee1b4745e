//! The one tooltip, shown for the bar or tile under the pointer or keyboard focus. Its view and
//! text are a part of the app of its own (`platform::parts`), fetched the first time a bar or
//! tile is pointed at or focused.

use std::sync::Arc;

use leptos::prelude::*;

use crate::decimal::px;
use crate::platform::parts::{part_entry, part_once, Maker, PartMissing};

use super::model::{tooltip_lines, Metric, StateFigures};

/// Width the tooltip box is laid out with, so it can be kept inside the chart.
pub const TOOLTIP_WIDTH: f64 = 270.0;

/// The tooltip of a chart: nothing until a state is first pointed at or focused, then
/// [`Tooltip`] from its part. A part that cannot be fetched shows nothing (a hover is no reason
/// for an alert: `style/salary.css` hides the notice in a chart's frame); the next state pointed
/// at tries again.
pub fn lazy_tooltip(
    row: Signal<Option<StateFigures>>,
    anchor: Signal<Option<TooltipPlace>>,
    metric: Signal<Metric>,
    count: usize,
) -> impl IntoView {
    let fetch = Arc::new(move || Box::pin(tooltip_part(row, anchor, metric, count)) as _);
    let again = Signal::derive(move || {
        row.track();
        0
    });
    let pointed = Signal::derive(move || row.with(Option::is_some));
    part_once(pointed, fetch, Some(again))
}

part_entry! {
    tooltip,
    /// The tooltip's part.
    fn tooltip_part(
        row: Signal<Option<StateFigures>>,
        anchor: Signal<Option<TooltipPlace>>,
        metric: Signal<Metric>,
        count: usize,
    ) -> Result<Maker, PartMissing> {
        Ok(Arc::new(move || view! { <Tooltip row anchor metric count /> }.into_any()))
    }
}

/// A box with the state's figures at `anchor` (pixels within the chart frame).
#[component]
fn Tooltip(
    row: Signal<Option<StateFigures>>,
    anchor: Signal<Option<TooltipPlace>>,
    metric: Signal<Metric>,
    count: usize,
) -> impl IntoView {
    move || {
        let (row, place) = (row.get()?, anchor.get()?);
        let lines = tooltip_lines(&row, metric.get(), count);
        Some(view! {
            <div
                class="chart-tooltip"
                class:above=place.above
                role="status"
                style:left=format!("{}px", px(place.left))
                style:top=format!("{}px", px(place.top))
                style:width=format!("{}px", px(TOOLTIP_WIDTH))
            >
                <p class="tooltip-title">{row.name.clone()}</p>
                <dl>
                    {lines
                        .into_iter()
                        .map(|(label, value)| view! { <div><dt>{label}</dt><dd>{value}</dd></div> }.into_any())
                        .collect_view()}
                </dl>
            </div>
        }.into_any())
    }
}

/// Where the tooltip's box goes, in pixels within the chart frame.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TooltipPlace {
    pub left: f64,
    pub top: f64,
    /// The box sits above `top` (its bottom edge there) rather than below it.
    pub above: bool,
}

/// Places the tooltip for an item spanning `top..bottom` around `x`: below it in the upper
/// half of a chart `height` tall, above it in the lower half, and kept inside `frame_width`.
pub fn place_tooltip(x: f64, top: f64, bottom: f64, height: f64, frame_width: f64) -> TooltipPlace {
    let left = (x - TOOLTIP_WIDTH / 2.0).clamp(0.0, (frame_width - TOOLTIP_WIDTH).max(0.0));
    let above = top > height / 2.0;
    TooltipPlace {
        left,
        top: if above { top - 6.0 } else { bottom + 6.0 },
        above,
    }
}
