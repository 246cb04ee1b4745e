//! The salary chart's pure logic: metrics, ordering, scales, layout, map, downloads, URL state.

mod bars;
mod chart_state;
mod csv;
mod keys;
mod metric;
mod rows;
mod scale;
mod shades;
mod summary;
mod svg;
mod tiles;

pub use bars::{layout_chart, text_width, Bar, ChartLayout, Reference, Tick, FONT_PX, MIN_WIDTH};
pub use chart_state::{ChartState, ChartView, KEYS as CHART_QUERY_KEYS};
pub use csv::write_csv;
pub use keys::roving_target;
pub use metric::Metric;
pub use rows::{state_figures, SortOrder, StateFigures};
pub use scale::{nice_step, nice_ticks, LinearScale};
pub use shades::{shade_bins, shade_for, ShadeBin};
pub use summary::{summary_sentence, tooltip_lines};
pub use svg::write_svg;
pub use tiles::{Tile, GRID, TILES};
