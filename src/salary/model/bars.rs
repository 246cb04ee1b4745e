//! The bar chart's geometry: rows, bars, value labels, axis ticks, the national median line and
//! the national range band, fitted to a given width so that no label overlaps or is clipped.

use crate::data::{format_dollars, Guide};

use super::chart_state::ChartState;
use super::metric::Metric;
use super::rows::{state_figures, StateFigures};
use super::scale::{nice_ticks, LinearScale};

/// Text size in the chart, in CSS pixels.
pub const FONT_PX: f64 = 13.0;
const ROW_PX: f64 = 32.0;
const BAR_PX: f64 = 20.0;
/// Room above the rows for the band legend and the reference line's label.
const TOP_PX: f64 = 44.0;
/// Room below the rows for the tick labels.
const AXIS_PX: f64 = 28.0;
const GAP_PX: f64 = 6.0;
/// The narrowest width laid out; narrower containers scroll rather than squash.
pub const MIN_WIDTH: f64 = 300.0;

/// A generous estimate of a text's rendered width, so fitting errs towards more room.
pub fn text_width(text: &str) -> f64 {
    text.chars().count() as f64 * FONT_PX * 0.62
}

/// One state's bar and its labels.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    pub figures: StateFigures,
    /// The top of the bar's row.
    pub row_y: f64,
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
    pub value_label: String,
    pub label_x: f64,
    /// Whether the value label ends at `label_x` (negative bars) instead of starting there.
    pub label_ends: bool,
    pub negative: bool,
}

impl Bar {
    /// Where the value label starts and ends horizontally (estimated from its text).
    pub fn value_label_span(&self) -> (f64, f64) {
        let width = text_width(&self.value_label);
        if self.label_ends {
            (self.label_x - width, self.label_x)
        } else {
            (self.label_x, self.label_x + width)
        }
    }
}

/// An axis tick: its position and label.
#[derive(Debug, Clone, PartialEq)]
pub struct Tick {
    pub x: f64,
    pub label: String,
}

/// A labelled vertical line, such as the national median.
#[derive(Debug, Clone, PartialEq)]
pub struct Reference {
    pub x: f64,
    pub label: String,
    pub label_x: f64,
    /// SVG text-anchor for the label: "start", "middle" or "end", so it stays inside the chart.
    pub label_anchor: &'static str,
}

/// A shaded span of values, such as the national salary range.
#[derive(Debug, Clone, PartialEq)]
pub struct Band {
    pub x0: f64,
    pub x1: f64,
    pub label: String,
}

/// Everything the chart view and the SVG writer draw.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartLayout {
    pub metric: Metric,
    pub width: f64,
    pub height: f64,
    pub plot_left: f64,
    pub plot_right: f64,
    pub plot_top: f64,
    pub plot_bottom: f64,
    pub zero_x: f64,
    pub name_x: f64,
    pub bars: Vec<Bar>,
    pub ticks: Vec<Tick>,
    pub reference: Option<Reference>,
    pub band: Option<Band>,
}

/// Lays the chart out for `state` at `width` pixels.
pub fn layout_chart(guide: &Guide, state: &ChartState, width: f64) -> ChartLayout {
    let width = width.max(MIN_WIDTH).round();
    let metric = state.metric;
    let rows = state_figures(guide, metric, state.sort);
    let national = f64::from(guide.role.median_salary);
    let range = guide.role.salary_range;
    let labels: Vec<String> = rows.iter().map(|row| metric.format(row.value)).collect();
    let widest_label = labels.iter().map(|l| text_width(l)).fold(0.0, f64::max);
    let name_width = rows.iter().map(|r| text_width(&r.name)).fold(0.0, f64::max);
    let has_negative = rows.iter().any(|row| row.value < 0.0);

    let mut low = rows.iter().map(|r| r.value).fold(0.0, f64::min);
    let mut high = rows.iter().map(|r| r.value).fold(0.0, f64::max);
    if metric == Metric::Salary {
        low = low.min(f64::from(range.low));
        high = high.max(f64::from(range.high)).max(national);
    }

    let name_x = name_width + GAP_PX;
    let plot_left = name_x
        + GAP_PX
        + if has_negative {
            widest_label + GAP_PX
        } else {
            0.0
        };
    let plot_right = width - widest_label - 2.0 * GAP_PX;
    let ticks = fit_ticks(metric, low, high, plot_left, plot_right);
    let scale = LinearScale {
        domain: (ticks[0], ticks[ticks.len() - 1]),
        range: (plot_left, plot_right),
    };
    let zero_x = scale.map(0.0);

    let bars = rows
        .into_iter()
        .zip(labels)
        .enumerate()
        .map(|(index, (figures, value_label))| {
            let row_y = TOP_PX + index as f64 * ROW_PX;
            let end = scale.map(figures.value);
            let negative = figures.value < 0.0;
            Bar {
                row_y,
                x: end.min(zero_x),
                y: row_y + (ROW_PX - BAR_PX) / 2.0,
                width: (end - zero_x).abs(),
                height: BAR_PX,
                label_x: if negative { end - GAP_PX } else { end + GAP_PX },
                label_ends: negative,
                negative,
                value_label,
                figures,
            }
        })
        .collect::<Vec<_>>();
    let plot_bottom = TOP_PX + bars.len() as f64 * ROW_PX;

    let reference = match metric {
        Metric::Salary => Some((
            scale.map(national),
            format!(
                "National median {}",
                format_dollars(guide.role.median_salary)
            ),
        )),
        Metric::Difference => Some((
            zero_x,
            format!(
                "National median ({})",
                format_dollars(guide.role.median_salary)
            ),
        )),
        Metric::Employed => None,
    }
    .map(|(x, label)| place_reference(x, label, width));
    let band = (metric == Metric::Salary).then(|| Band {
        x0: scale.map(f64::from(range.low)),
        x1: scale.map(f64::from(range.high)),
        label: format!(
            "Shaded: national range {} - {}",
            format_dollars(range.low),
            format_dollars(range.high)
        ),
    });

    ChartLayout {
        metric,
        width,
        height: plot_bottom + AXIS_PX,
        plot_left,
        plot_right,
        plot_top: TOP_PX,
        plot_bottom,
        zero_x,
        name_x,
        ticks: ticks
            .iter()
            .map(|&value| Tick {
                x: scale.map(value),
                label: metric.format_short(value),
            })
            .collect(),
        bars,
        reference,
        band,
    }
}

/// The most ticks (up to 8) whose labels fit side by side between `left` and `right`.
fn fit_ticks(metric: Metric, low: f64, high: f64, left: f64, right: f64) -> Vec<f64> {
    let span_px = (right - left).max(1.0);
    let mut count = ((span_px / 70.0) as usize).clamp(2, 8);
    loop {
        let ticks = nice_ticks(low, high, count);
        let spacing = span_px / (ticks.len() - 1) as f64;
        let widest = ticks
            .iter()
            .map(|&t| text_width(&metric.format_short(t)))
            .fold(0.0, f64::max);
        if widest + GAP_PX <= spacing || count <= 1 {
            return ticks;
        }
        count -= 1;
    }
}

/// Centres the label on its line, unless that would push it past either edge.
fn place_reference(x: f64, label: String, width: f64) -> Reference {
    let half = text_width(&label) / 2.0;
    let (label_x, label_anchor) = if x - half < 0.0 {
        (0.0, "start")
    } else if x + half > width {
        (width, "end")
    } else {
        (x, "middle")
    };
    Reference {
        x,
        label,
        label_x,
        label_anchor,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::salary::model::rows::SortOrder;

    fn guide() -> Guide {
        crate::data::shipped_guide()
    }

    fn state(metric: Metric) -> ChartState {
        ChartState {
            metric,
            ..ChartState::default()
        }
    }

    /// The horizontal extent of every text the chart draws.
    fn text_spans(layout: &ChartLayout) -> Vec<(f64, f64, String)> {
        let mut spans = Vec::new();
        for bar in &layout.bars {
            let (a, b) = bar.value_label_span();
            spans.push((a, b, bar.value_label.clone()));
            spans.push((
                layout.name_x - text_width(&bar.figures.name),
                layout.name_x,
                bar.figures.name.clone(),
            ));
        }
        for tick in &layout.ticks {
            let half = text_width(&tick.label) / 2.0;
            spans.push((tick.x - half, tick.x + half, tick.label.clone()));
        }
        spans
    }

    #[test]
    fn no_label_is_clipped_or_overlaps_from_phone_to_desktop() {
        let guide = guide();
        for metric in Metric::ALL {
            for width in [300.0, 320.0, 375.0, 480.0, 640.0, 900.0, 1400.0] {
                let layout = layout_chart(&guide, &state(metric), width);
                for (a, b, text) in text_spans(&layout) {
                    assert!(
                        a >= -0.5 && b <= layout.width + 0.5,
                        "{text} clipped at {width}px ({metric:?}): {a}..{b}"
                    );
                }
                for pair in layout.ticks.windows(2) {
                    let right_of_first = pair[0].x + text_width(&pair[0].label) / 2.0;
                    let left_of_second = pair[1].x - text_width(&pair[1].label) / 2.0;
                    assert!(
                        right_of_first < left_of_second,
                        "ticks overlap at {width}px ({metric:?})"
                    );
                }
                for bar in &layout.bars {
                    let (a, b) = bar.value_label_span();
                    assert!(
                        a > layout.name_x,
                        "{} value label runs into the names",
                        bar.figures.code
                    );
                    assert!(
                        b <= layout.width,
                        "{} value label clipped",
                        bar.figures.code
                    );
                }
            }
        }
    }

    #[test]
    fn the_axis_starts_at_zero_and_covers_the_national_range() {
        let layout = layout_chart(&guide(), &state(Metric::Salary), 640.0);
        assert_eq!(layout.ticks[0].label, "$0");
        assert_eq!(layout.ticks[0].x, layout.plot_left);
        let band = layout.band.unwrap();
        assert!(band.x0 > layout.plot_left && band.x1 <= layout.plot_right);
        let reference = layout.reference.unwrap();
        assert_eq!(reference.label, "National median $95,360");
        assert!(reference.x > band.x0 && reference.x < band.x1);
    }

    #[test]
    fn bars_are_proportional_to_their_values() {
        let layout = layout_chart(&guide(), &state(Metric::Employed), 800.0);
        let ca = layout.bars.iter().find(|b| b.figures.code == "CA").unwrap();
        let wa = layout.bars.iter().find(|b| b.figures.code == "WA").unwrap();
        let ratio = ca.width / wa.width;
        assert!((ratio - 287_500.0 / 87_500.0).abs() < 1e-9, "{ratio}");
        assert!(
            layout.reference.is_none(),
            "no national median line for employment"
        );
    }

    #[test]
    fn differences_diverge_around_zero() {
        let layout = layout_chart(&guide(), &state(Metric::Difference), 640.0);
        for bar in &layout.bars {
            if bar.figures.difference < 0 {
                assert!(bar.negative && (bar.x + bar.width - layout.zero_x).abs() < 1e-9);
            } else {
                assert!(!bar.negative && (bar.x - layout.zero_x).abs() < 1e-9);
            }
        }
        assert!(layout.ticks.iter().any(|t| t.label == "0%"));
        assert_eq!(layout.reference.unwrap().x, layout.zero_x);
    }

    #[test]
    fn rows_follow_the_sort_order() {
        let guide = guide();
        let by_name = ChartState {
            sort: SortOrder::Name,
            ..ChartState::default()
        };
        let layout = layout_chart(&guide, &by_name, 640.0);
        let names: Vec<&str> = layout
            .bars
            .iter()
            .map(|b| b.figures.name.as_str())
            .collect();
        let mut sorted = names.clone();
        sorted.sort_unstable();
        assert_eq!(names, sorted);
        assert!(layout.bars.windows(2).all(|p| p[1].row_y > p[0].row_y));
        assert_eq!(layout.height, layout.plot_bottom + AXIS_PX);
    }

    #[test]
    fn a_reference_label_near_an_edge_stays_inside() {
        assert_eq!(
            place_reference(2.0, "National median".into(), 300.0).label_anchor,
            "start"
        );
        assert_eq!(
            place_reference(298.0, "National median".into(), 300.0).label_anchor,
            "end"
        );
        assert_eq!(
            place_reference(150.0, "National median".into(), 300.0).label_anchor,
            "middle"
        );
    }
}
