//! The map view: a US tile grid, the states with data shaded by the current metric.

use leptos::prelude::*;

use crate::decimal::px;

use super::context::ChartContext;
use super::model::{shade_bins, shade_for, Metric, StateFigures, GRID, TILES};
use super::tooltip::{lazy_tooltip, place_tooltip};

const GAP_PX: f64 = 3.0;

/// The tile map with its legend and tooltip; one tab stop, arrow keys move between states with data.
#[component]
pub fn TileMap(
    rows: Memo<Vec<StateFigures>>,
    metric: Signal<Metric>,
    width: Signal<f64>,
    /// Whether this view is the one on screen.
    shown: Signal<bool>,
) -> impl IntoView {
    let context = expect_context::<ChartContext>();
    let tile_size = Memo::new(move |_| {
        ((width.get() - GAP_PX * f64::from(GRID.0)) / f64::from(GRID.0))
            .clamp(24.0, 56.0)
            .floor()
    });
    let codes = Memo::new(move |_| {
        rows.with(|rows| rows.iter().map(|r| r.code.clone()).collect::<Vec<_>>())
    });
    let bins = Memo::new(move |_| {
        let values: Vec<f64> = rows.with(|rows| rows.iter().map(|r| r.value).collect());
        shade_bins(metric.get(), &values)
    });
    let tooltip_row = context.tooltip_row(rows, shown);
    let tooltip_anchor = Signal::derive(move || {
        let code = context.tooltip.get()?;
        let tile = TILES.iter().find(|t| t.code == code)?;
        let size = tile_size.get();
        let step = size + GAP_PX;
        let top = f64::from(tile.row) * step;
        Some(place_tooltip(
            f64::from(tile.col) * step + size / 2.0,
            top,
            top + size,
            step * f64::from(GRID.1),
            width.get(),
        ))
    });
    let count = rows.with_untracked(Vec::len);
    let on_keydown = move |event: leptos::ev::KeyboardEvent| {
        context.on_key(&event, &codes.get_untracked(), "tile-")
    };

    view! {
        <div class="chart-frame">
            {move || {
                let size = tile_size.get();
                let step = size + GAP_PX;
                let map_width = step * f64::from(GRID.0);
                let map_height = step * f64::from(GRID.1);
                let current_bins = bins.get();
                let current_metric = metric.get();
                let data = rows.get();
                let tiles = TILES.iter().map(|tile| {
                    let x = f64::from(tile.col) * step;
                    let y = f64::from(tile.row) * step;
                    let centre = x + size / 2.0;
                    match data.iter().find(|row| row.code == tile.code) {
                        Some(row) => {
                            let code = row.code.clone();
                            let (c1, c2, c3, c4, c5) = (code.clone(), code.clone(), code.clone(), code.clone(), code.clone());
                            let shade = shade_for(&current_bins, row.value);
                            view! {
                                <g
                                    class=format!("tile has-data {shade}")
                                    class:highlighted=move || context.state.get().highlight.as_deref() == Some(c1.as_str())
                                    id=format!("tile-{code}")
                                    role="img"
                                    aria-label=row.accessible_name()
                                    tabindex=move || if context.tab_stop(&codes.get()).as_deref() == Some(c2.as_str()) { "0" } else { "-1" }
                                    on:focus=move |_| context.show(&c3, true)
                                    on:blur=move |_| context.hide(&c4)
                                    on:mouseenter={let c = code.clone(); move |_| context.show(&c, false)}
                                    on:mouseleave={let c = code.clone(); move |_| context.hide(&c)}
                                    on:click=move |_| context.toggle_highlight(&c5)
                                >
                                    <rect x=px(x) y=px(y) width=px(size) height=px(size) rx="4"></rect>
                                    <text x=px(centre) y=px(y + size * 0.42) text-anchor="middle" class="tile-code">{tile.code}</text>
                                    <text x=px(centre) y=px(y + size * 0.78) text-anchor="middle" class="tile-value">{current_metric.format_short(row.value)}</text>
                                </g>
                            }.into_any()
                        }
                        None => view! {
                            <g class="tile no-data">
                                <title>{format!("{}: no data", tile.name)}</title>
                                <rect x=px(x) y=px(y) width=px(size) height=px(size) rx="4"></rect>
                                <text x=px(centre) y=px(y + size * 0.6) text-anchor="middle" class="tile-code">{tile.code}</text>
                            </g>
                        }.into_any(),
                    }
                }.into_any()).collect_view();
                view! {
                    <div class="chart-scroll">
                    <svg
                        class="tile-map"
                        viewBox=format!("0 0 {} {}", px(map_width), px(map_height))
                        width=px(map_width)
                        height=px(map_height)
                        role="group"
                        aria-label=format!("Map of {} by state; {} states have data. Use the arrow keys to move between them.", current_metric.label().to_ascii_lowercase(), data.len())
                        on:keydown=on_keydown
                    >
                        {tiles}
                    </svg>
                    </div>
                    <ul class="map-legend" aria-label="Legend">
                        {current_bins.into_iter().map(|bin| view! {
                            <li><span class=format!("swatch {}", bin.class) aria-hidden="true"></span>{bin.label}</li>
                        }.into_any()).collect_view()}
                        <li><span class="swatch no-data" aria-hidden="true"></span>"No data"</li>
                    </ul>
                }
                .into_any()
            }}
            {lazy_tooltip(tooltip_row, tooltip_anchor, metric, count)}
        </div>
    }
}
