//! The download buttons: CSV of the data, SVG and PNG of the chart as it is shown.

use std::sync::Arc;

use leptos::prelude::*;

use super::context::ChartContext;
use super::model::{write_csv, write_svg, ChartLayout, StateFigures};
use crate::data::Guide;
use crate::platform::files::{save_png, save_text};

const FILE_STEM: &str = "infrastructure-engineer-salary-by-state";

/// Buttons that save the current view's data and picture.
#[component]
pub fn Downloads(
    layout: Memo<ChartLayout>,
    rows: Memo<Vec<StateFigures>>,
    citation: String,
) -> impl IntoView {
    let source = format!("Source: {citation}");
    let guide = expect_context::<Arc<Guide>>();
    let ChartContext { state, .. } = expect_context::<ChartContext>();
    let national = guide.role.median_salary;

    let on_csv = move |_| {
        let csv = rows.with(|rows| write_csv(rows, national, &citation));
        save_text(&format!("{FILE_STEM}.csv"), "text/csv;charset=utf-8", &csv);
    };
    let svg = move || {
        let l = layout.get();
        let title = format!(
            "Infrastructure Engineer {} by state",
            l.metric.label().to_ascii_lowercase()
        );
        (
            write_svg(&l, &title, &source, state.get().highlight.as_deref()),
            l.width,
            l.height,
        )
    };
    let svg_for_png = svg.clone();
    let on_svg = move |_| {
        let (text, _, _) = svg();
        save_text(&format!("{FILE_STEM}.svg"), "image/svg+xml", &text);
    };
    let on_png = move |_| {
        let (text, _, _) = svg_for_png();
        save_png(&format!("{FILE_STEM}.png"), &text);
    };
    view! {
        <div class="downloads" role="group" aria-label="Downloads">
            <span class="downloads-label">"Download:"</span>
            <button type="button" on:click=on_csv>"CSV data"</button>
            <button type="button" on:click=on_svg>"SVG image"</button>
            <button type="button" on:click=on_png>"PNG image"</button>
        </div>
    }
}
