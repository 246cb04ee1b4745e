//! The salary explorer: wires the chart state to the chart, table and map views.

use std::sync::Arc;

use leptos::prelude::*;

use super::bar_chart::BarChart;
use super::browser::{follow_width, sync_with_url};
use super::context::ChartContext;
use super::controls::ChartControls;
use super::data_table::DataTable;
use super::downloads::Downloads;
use super::model::{layout_chart, state_figures, summary_sentence, ChartState, ChartView};
use super::tile_map::TileMap;
use crate::data::{Guide, Note};
use crate::embed::model::EmbedPart;
use crate::embed::EmbedButton;
use crate::platform::effect::effect;
use crate::widgets::NoteBox;

/// The chart, table and map of salary by state, with its summary, controls, downloads and caveats.
#[component]
pub fn SalaryExplorer(caption: String, notes: Vec<Note>) -> impl IntoView {
    let guide = expect_context::<Arc<Guide>>();
    let caption = guide.filled(&caption);
    let state = RwSignal::new(ChartState::default());
    let context = ChartContext {
        state,
        tooltip: RwSignal::new(None),
        focus: RwSignal::new(None),
    };
    provide_context(context);
    let width = RwSignal::new(640.0);
    let figure = NodeRef::<leptos::html::Figure>::new();
    let codes: Vec<String> = guide.states.iter().map(|s| s.code.clone()).collect();
    // Browser-only: read and write the URL, measure the width (effects run after mounting).
    effect(move |_| {
        sync_with_url(state, codes.clone());
        if let Some(element) = figure.get() {
            follow_width(&element, width, ".salary-explorer");
        }
    });

    // Recomputed only when what they depend on changes: the highlight or tooltip never re-sorts.
    let metric_sort = Memo::new(move |_| {
        let current = state.get();
        (current.metric, current.sort)
    });
    let rows = {
        let guide = guide.clone();
        Memo::new(move |_| {
            let (metric, sort) = metric_sort.get();
            state_figures(&guide, metric, sort)
        })
    };
    let layout = {
        let guide = guide.clone();
        Memo::new(move |_| {
            let (metric, sort) = metric_sort.get();
            let for_layout = ChartState {
                metric,
                sort,
                ..ChartState::default()
            };
            layout_chart(&guide, &for_layout, width.get())
        })
    };
    let national = guide.role.median_salary;
    let summary = move || summary_sentence(&rows.get(), metric_sort.get().0, national);
    // A memo, so that highlighting a state does not rebuild the panel (and drop keyboard focus).
    let view = Memo::new(move |_| state.get().view);
    let citation = format!("{} ({})", guide.state_source.name, guide.state_source.year);

    view! {
        <figure class="salary-explorer" node_ref=figure aria-labelledby="salary-title">
            <figcaption>
                <div class="section-heading">
                    <h3 id="salary-title" class="chart-title">{caption.clone()}</h3>
                    <EmbedButton part=EmbedPart::Chart label="the salary chart" query=Signal::derive(move || state.get().to_query("")) />
                </div>
                <p class="chart-summary" aria-live="polite">{summary}</p>
            </figcaption>
            <ChartControls />
            <div class="chart-panel">
                {move || match view.get() {
                    ChartView::Chart => view! { <BarChart layout rows caption=caption.clone() /> }.into_any(),
                    ChartView::Table => view! { <DataTable rows /> }.into_any(),
                    ChartView::Map => view! { <TileMap rows width /> }.into_any(),
                }}
            </div>
            <p class="source-line">"Source: "{citation.clone()}</p>
            {notes.into_iter().map(|note| view! { <NoteBox note /> }.into_any()).collect_view()}
            <Downloads layout rows citation />
        </figure>
    }
}
