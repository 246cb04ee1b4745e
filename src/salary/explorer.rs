//! The salary explorer: wires the chart state to the chart, table and map views.

use std::sync::Arc;

use leptos::prelude::*;

use super::bar_chart::BarChart;
use super::browser::{follow_width, sync_with_url};
use super::context::ChartContext;
use super::controls::ChartControls;
use super::data_table::DataTable;
use super::downloads::Downloads;
use super::model::{
    layout_chart, state_figures, summary_sentence, ChartState, ChartView, Metric, SortOrder,
};
use super::tile_map::TileMap;
use crate::data::{Guide, Note};
use crate::embed::model::EmbedPart;
use crate::embed::EmbedButton;
use crate::platform::effect::effect;
use crate::platform::stagger::page_on_screen;
use crate::platform::tasks::next_task;
use crate::widgets::NoteBox;
use leptos::task::spawn_local;

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
    // Each view is built once, then hidden and shown: a switch back costs no rebuild. A hidden
    // view keeps the figures it last showed and shows no tooltip, so a change of metric, order
    // or width, or a pointer moving, redraws only the view on screen. The views not shown first
    // are built once the page is on screen, one per task.
    let warmed = RwSignal::new(0_usize);
    let page_shown = page_on_screen();
    effect(move |_| {
        if page_shown.get() {
            spawn_local(async move {
                for count in 1..=ChartView::ALL.len() {
                    next_task().await;
                    warmed.set(count);
                }
            });
        }
    });
    let panels = ChartView::ALL
        .into_iter()
        .enumerate()
        .map(|(order, this)| {
            let showing = move || view.get() == this;
            let shown = Signal::derive(showing);
            let inputs = Memo::new(move |kept: Option<&(Metric, SortOrder, f64)>| match kept {
                Some(kept) if !showing() => *kept,
                _ => (metric_sort.get().0, metric_sort.get().1, width.get()),
            });
            // Built when first shown, or once the page is idle (never while the reader waits).
            let built = Memo::new(move |before: Option<&bool>| {
                before.copied().unwrap_or(false) || showing() || warmed.get() > order
            });
            let guide = guide.clone();
            let caption = caption.clone();
            let content = move || {
                built.get().then(|| {
                    let view_rows = {
                        let guide = guide.clone();
                        Memo::new(move |_| {
                            let (metric, sort, _) = inputs.get();
                            state_figures(&guide, metric, sort)
                        })
                    };
                    match this {
                        ChartView::Chart => {
                            let guide = guide.clone();
                            let view_layout = Memo::new(move |_| {
                                let (metric, sort, width) = inputs.get();
                                let for_layout = ChartState { metric, sort, ..ChartState::default() };
                                layout_chart(&guide, &for_layout, width)
                            });
                            view! { <BarChart layout=view_layout rows=view_rows caption=caption.clone() shown /> }.into_any()
                        }
                        ChartView::Table => view! { <DataTable rows=view_rows /> }.into_any(),
                        ChartView::Map => {
                            let metric = Signal::derive(move || inputs.get().0);
                            let width = Signal::derive(move || inputs.get().2);
                            view! { <TileMap rows=view_rows metric width shown /> }.into_any()
                        }
                    }
                })
            };
            view! {
                <div class="chart-panel" hidden=move || !showing()>{content}</div>
            }
            .into_any()
        })
        .collect_view();

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
            {panels}
            <p class="source-line">"Source: "{citation.clone()}</p>
            {notes.into_iter().map(|note| view! { <NoteBox note /> }.into_any()).collect_view()}
            <Downloads layout rows citation />
        </figure>
    }
}
