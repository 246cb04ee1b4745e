//! The download buttons: CSV of the data, SVG and PNG of the chart as it is shown.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::context::ChartContext;
use super::model::{write_csv, write_svg, ChartLayout, StateFigures};
use crate::data::Guide;
use crate::platform::files::{save_png, save_text};
use crate::platform::parts::{part_entry, PartMissing};

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

    // The writers are a part of the app of its own (`platform::parts`), fetched at the first
    // download; until it arrives nothing is saved, and a part that cannot be fetched says so.
    let missing = RwSignal::new(false);
    let save = Callback::new(move |kind: FileKind| {
        let made = match kind {
            FileKind::Csv => {
                Box::pin(csv_part(rows.get_untracked(), national, citation.clone())) as _
            }
            FileKind::Svg | FileKind::Png => {
                let l = layout.get_untracked();
                let title = format!(
                    "Infrastructure Engineer {} by state",
                    l.metric.label().to_ascii_lowercase()
                );
                let highlight = state.with_untracked(|s| s.highlight.clone());
                Box::pin(svg_part(l, title, source.clone(), highlight))
                    as std::pin::Pin<
                        Box<dyn std::future::Future<Output = Result<String, PartMissing>>>,
                    >
            }
        };
        spawn_local(async move {
            let made = made.await;
            let _ = missing.try_set(made.is_err());
            if let Ok(text) = made {
                match kind {
                    FileKind::Csv => {
                        save_text(&format!("{FILE_STEM}.csv"), "text/csv;charset=utf-8", &text)
                    }
                    FileKind::Svg => save_text(&format!("{FILE_STEM}.svg"), "image/svg+xml", &text),
                    FileKind::Png => save_png(&format!("{FILE_STEM}.png"), &text),
                }
            }
        });
    });
    view! {
        <div class="downloads" role="group" aria-label="Downloads">
            <span class="downloads-label">"Download:"</span>
            <button type="button" on:click=move |_| save.run(FileKind::Csv)>"CSV data"</button>
            <button type="button" on:click=move |_| save.run(FileKind::Svg)>"SVG image"</button>
            <button type="button" on:click=move |_| save.run(FileKind::Png)>"PNG image"</button>
            {move || missing.get().then(|| view! {
                <p class="notice error" role="alert">{PartMissing::MESSAGE}</p>
            }.into_any())}
        </div>
    }
}

/// What a download button saves.
#[derive(Clone, Copy)]
enum FileKind {
    Csv,
    Svg,
    Png,
}

part_entry! {
    downloads,
    /// The CSV writer's part.
    fn csv_part(
        rows: Vec<StateFigures>,
        national: u32,
        citation: String,
    ) -> Result<String, PartMissing> {
        Ok(write_csv(&rows, national, &citation))
    }
}

part_entry! {
    downloads,
    /// The SVG writer's part (the PNG is drawn from the SVG).
    fn svg_part(
        layout: ChartLayout,
        title: String,
        source: String,
        highlight: Option<String>,
    ) -> Result<String, PartMissing> {
        Ok(write_svg(&layout, &title, &source, highlight.as_deref()))
    }
}
