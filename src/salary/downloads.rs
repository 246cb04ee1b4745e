//! The download buttons: CSV of the data, SVG and PNG of the chart as it is shown. The files are
//! written by a part of the app of its own (`platform::parts`), fetched at the first download.

use std::sync::Arc;

use leptos::prelude::*;

use super::context::ChartContext;
use super::model::{write_csv, write_svg, ChartLayout, StateFigures};
use crate::data::Guide;
use crate::platform::effect::effect;
use crate::platform::files::{save_png, save_text};
use crate::platform::parts::{part_entry, part_once, Maker, PartMissing};

const FILE_STEM: &str = "infrastructure-engineer-salary-by-state";

/// What a download button saves.
#[derive(Clone, Copy, PartialEq)]
enum FileKind {
    Csv,
    Svg,
    Png,
}

/// What the writers read: the view's figures and layout, and where they come from.
#[derive(Clone, Copy)]
struct Sources {
    layout: Memo<ChartLayout>,
    rows: Memo<Vec<StateFigures>>,
    citation: StoredValue<String>,
    /// The latest press, until the writers take it, and how many there were (which the
    /// writers' effect tracks; it never writes what it tracks).
    requested: StoredValue<Option<FileKind>>,
    asks: RwSignal<u32>,
    /// Drawing the PNG stays in the main module: its browser callbacks' descriptions must be
    /// there for wasm-bindgen (a part holding them fails the build).
    save_png: fn(&str, &str),
}

/// Buttons that save the current view's data and picture.
#[component]
pub fn Downloads(
    layout: Memo<ChartLayout>,
    rows: Memo<Vec<StateFigures>>,
    citation: String,
) -> impl IntoView {
    let sources = Sources {
        layout,
        rows,
        citation: StoredValue::new(citation),
        requested: StoredValue::new(None),
        asks: RwSignal::new(0),
        save_png,
    };
    // The writers' part, fetched at the first press; a press while it is on its way is saved
    // once it is there.
    let wanted = RwSignal::new(false);
    let fetch = Arc::new(move || Box::pin(writers_part(sources)) as _);
    let ask = move |kind: FileKind| {
        sources.requested.set_value(Some(kind));
        sources.asks.update(|n| *n = n.wrapping_add(1));
        wanted.set(true);
    };
    view! {
        <div class="downloads" role="group" aria-label="Downloads">
            <span class="downloads-label">"Download:"</span>
            <button type="button" on:click=move |_| ask(FileKind::Csv)>"CSV data"</button>
            <button type="button" on:click=move |_| ask(FileKind::Svg)>"SVG image"</button>
            <button type="button" on:click=move |_| ask(FileKind::Png)>"PNG image"</button>
            {part_once(wanted.into(), fetch, Some(sources.asks.into()))}
        </div>
    }
}

part_entry! {
    downloads,
    /// The writers' part.
    fn writers_part(sources: Sources) -> Result<Maker, PartMissing> {
        Ok(Arc::new(move || {
            writers(sources);
            ().into_any()
        }))
    }
}

/// Saves each requested file, from now on.
fn writers(sources: Sources) {
    let Sources {
        layout,
        rows,
        citation,
        requested,
        asks,
        save_png,
    } = sources;
    let guide = expect_context::<Arc<Guide>>();
    let ChartContext { state, .. } = expect_context::<ChartContext>();
    let national = guide.role.median_salary;
    effect(move |_| {
        asks.track();
        let Some(kind) = requested.try_update_value(Option::take).flatten() else {
            return;
        };
        let citation = citation.get_value();
        if kind == FileKind::Csv {
            let csv = rows.with_untracked(|rows| write_csv(rows, national, &citation));
            save_text(&format!("{FILE_STEM}.csv"), "text/csv;charset=utf-8", &csv);
            return;
        }
        let l = layout.get_untracked();
        let title = format!(
            "Infrastructure Engineer {} by state",
            l.metric.label().to_ascii_lowercase()
        );
        let highlight = state.with_untracked(|s| s.highlight.clone());
        let svg = write_svg(
            &l,
            &title,
            &format!("Source: {citation}"),
            highlight.as_deref(),
        );
        if kind == FileKind::Svg {
            save_text(&format!("{FILE_STEM}.svg"), "image/svg+xml", &svg);
        } else {
            save_png(&format!("{FILE_STEM}.png"), &svg);
        }
    });
}
