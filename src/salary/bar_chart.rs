//! The bar chart: draws the layout the model computed, one focusable bar per state.

use leptos::prelude::*;

use crate::decimal::px;

use super::context::ChartContext;
use super::model::{ChartLayout, StateFigures};
use super::tooltip::{lazy_tooltip, place_tooltip};

/// The SVG bar chart with its tooltip; one tab stop, arrow keys move between bars.
#[component]
pub fn BarChart(
    layout: Memo<ChartLayout>,
    rows: Memo<Vec<StateFigures>>,
    caption: String,
    /// Whether this view is the one on screen.
    shown: Signal<bool>,
) -> impl IntoView {
    let context = expect_context::<ChartContext>();
    let codes = Memo::new(move |_| {
        layout.with(|l| {
            l.bars
                .iter()
                .map(|b| b.figures.code.clone())
                .collect::<Vec<_>>()
        })
    });
    let tooltip_row = context.tooltip_row(rows, shown);
    let tooltip_anchor = Signal::derive(move || {
        let code = context.tooltip.get()?;
        layout.with(|l| {
            let bar = l.bars.iter().find(|bar| bar.figures.code == code)?;
            Some(place_tooltip(
                bar.x + bar.width / 2.0,
                bar.y,
                bar.y + bar.height,
                l.height,
                l.width,
            ))
        })
    });
    let metric = Signal::derive(move || layout.with(|l| l.metric));
    let count = rows.with_untracked(Vec::len);
    let on_keydown = move |event: leptos::ev::KeyboardEvent| {
        context.on_key(&event, &codes.get_untracked(), "bar-")
    };

    view! {
        <div class="chart-frame">
            {move || {
                let l = layout.get();
                let label = format!("{caption}: bar chart of {}. Use the arrow keys to move between states.", l.metric.label().to_ascii_lowercase());
                let bars = l.bars.iter().map(|bar| {
                    let code = bar.figures.code.clone();
                    let (c1, c2, c3, c4, c5, c6) = (code.clone(), code.clone(), code.clone(), code.clone(), code.clone(), code.clone());
                    let text_y = px(bar.row_y + 20.0);
                    view! {
                        <g
                            class="bar"
                            class:negative=bar.negative
                            class:highlighted=move || context.state.get().highlight.as_deref() == Some(c1.as_str())
                            id=format!("bar-{code}")
                            role="img"
                            aria-label=bar.figures.accessible_name()
                            tabindex=move || if context.tab_stop(&codes.get()).as_deref() == Some(c2.as_str()) { "0" } else { "-1" }
                            on:focus=move |_| context.show(&c3, true)
                            on:blur=move |_| context.hide(&c4)
                            on:mouseenter=move |_| context.show(&c5, false)
                            on:mouseleave={let c = code.clone(); move |_| context.hide(&c)}
                            on:click=move |_| context.toggle_highlight(&c6)
                        >
                            <rect class="bar-hit" x="0" y=px(bar.row_y) width=px(l.width) height="32"></rect>
                            <text class="bar-name" x=px(l.name_x) y=text_y.clone() text-anchor="end">{bar.figures.name.clone()}</text>
                            <rect class="bar-rect" x=px(bar.x) y=px(bar.y) width=px(bar.width) height=px(bar.height)></rect>
                            <text class="bar-value" x=px(bar.label_x) y=text_y text-anchor=if bar.label_ends { "end" } else { "start" }>
                                {bar.value_label.clone()}
                            </text>
                        </g>
                    }
                }.into_any()).collect_view();
                view! {
                    <div class="chart-scroll">
                    <svg
                        class="bar-chart"
                        viewBox=format!("0 0 {} {}", px(l.width), px(l.height))
                        width=px(l.width)
                        height=px(l.height)
                        role="group"
                        aria-label=label
                        on:keydown=on_keydown
                    >
                        {l.band.clone().map(|band| view! {
                            <g class="band" aria-hidden="true">
                                <rect x=px(band.x0) y=px(l.plot_top) width=px(band.x1 - band.x0) height=px(l.plot_bottom - l.plot_top)></rect>
                                <text x="0" y="14">{band.label}</text>
                            </g>
                        }.into_any())}
                        <g class="axis" aria-hidden="true">
                            {l.ticks.iter().map(|tick| view! {
                                <line x1=px(tick.x) x2=px(tick.x) y1=px(l.plot_top) y2=px(l.plot_bottom)></line>
                                <text x=px(tick.x) y=px(l.plot_bottom + 18.0) text-anchor="middle">{tick.label.clone()}</text>
                            }.into_any()).collect_view()}
                        </g>
                        {l.reference.clone().map(|reference| view! {
                            <g class="reference" role="img" aria-label=reference.label.clone()>
                                <line x1=px(reference.x) x2=px(reference.x) y1=px(l.plot_top - 4.0) y2=px(l.plot_bottom)></line>
                                <text x=px(reference.label_x) y="34" text-anchor=reference.label_anchor>{reference.label.clone()}</text>
                            </g>
                        }.into_any())}
                        <g class="bars">{bars}</g>
                    </svg>
                    </div>
                }
                .into_any()
            }}
            {lazy_tooltip(tooltip_row, tooltip_anchor, metric, count)}
        </div>
    }
}
