//! A standalone SVG of the chart as shown, with its title and source inside the image, for the
//! SVG and PNG downloads. Colours are written in (light theme) since no stylesheet travels with it.

use super::bars::{ChartLayout, FONT_PX};
use crate::decimal::px;
use crate::markup::escape;

const TITLE_PX: f64 = 40.0;
const SOURCE_PX: f64 = 28.0;
const INK: &str = "#1b1f24";
const MUTED: &str = "#4d5661";
const BAR: &str = "#0b57b7";
const BAR_NEGATIVE: &str = "#b3261e";
const HIGHLIGHT: &str = "#7a3e00";
const BAND: &str = "#e6effb";
const GRID: &str = "#d0d7de";

/// The SVG document for `layout`, headed by `title` and footed by `source`.
pub fn write_svg(
    layout: &ChartLayout,
    title: &str,
    source: &str,
    highlight: Option<&str>,
) -> String {
    let full_height = layout.height + TITLE_PX + SOURCE_PX;
    let (width, height, font) = (px(layout.width), px(full_height), px(FONT_PX));
    let mut svg = format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" font-family="system-ui, -apple-system, Segoe UI, Roboto, Arial, sans-serif" font-size="{font}">"#
    );
    svg.push_str(&format!(r#"<title>{}</title>"#, escape(title)));
    svg.push_str(&format!(
        r#"<rect width="{width}" height="{height}" fill="white"/>"#
    ));
    svg.push_str(&format!(
        r#"<text x="0" y="24" font-size="17" font-weight="700" fill="{INK}">{}</text>"#,
        escape(title)
    ));
    svg.push_str(&format!(r#"<g transform="translate(0 {})">"#, px(TITLE_PX)));
    if let Some(band) = &layout.band {
        svg.push_str(&format!(
            r#"<rect x="{}" y="{}" width="{}" height="{}" fill="{BAND}"/>"#,
            px(band.x0),
            px(layout.plot_top),
            px(band.x1 - band.x0),
            px(layout.plot_bottom - layout.plot_top)
        ));
        svg.push_str(&format!(
            r#"<text x="0" y="14" fill="{MUTED}">{}</text>"#,
            escape(&band.label)
        ));
    }
    for tick in &layout.ticks {
        svg.push_str(&format!(
            r#"<line x1="{x}" x2="{x}" y1="{}" y2="{}" stroke="{GRID}"/><text x="{x}" y="{}" text-anchor="middle" fill="{MUTED}">{}</text>"#,
            px(layout.plot_top),
            px(layout.plot_bottom),
            px(layout.plot_bottom + 18.0),
            escape(&tick.label),
            x = px(tick.x)
        ));
    }
    if let Some(reference) = &layout.reference {
        svg.push_str(&format!(
            r#"<line x1="{x}" x2="{x}" y1="{}" y2="{}" stroke="{INK}" stroke-width="2" stroke-dasharray="4 3"/><text x="{}" y="34" text-anchor="{}" fill="{INK}">{}</text>"#,
            px(layout.plot_top - 4.0),
            px(layout.plot_bottom),
            px(reference.label_x),
            reference.label_anchor,
            escape(&reference.label),
            x = px(reference.x)
        ));
    }
    for bar in &layout.bars {
        let is_highlight = highlight == Some(bar.figures.code.as_str());
        let fill = if is_highlight {
            HIGHLIGHT
        } else if bar.negative {
            BAR_NEGATIVE
        } else {
            BAR
        };
        let text_y = px(bar.row_y + 20.0);
        let weight = if is_highlight { "700" } else { "400" };
        svg.push_str(&format!(
            r#"<text x="{}" y="{text_y}" text-anchor="end" font-weight="{weight}" fill="{INK}">{}</text><rect x="{}" y="{}" width="{}" height="{}" fill="{fill}"/><text x="{}" y="{text_y}" text-anchor="{}" fill="{INK}" stroke="white" stroke-width="4" paint-order="stroke">{}</text>"#,
            px(layout.name_x),
            escape(&bar.figures.name),
            px(bar.x),
            px(bar.y),
            px(bar.width),
            px(bar.height),
            px(bar.label_x),
            if bar.label_ends { "end" } else { "start" },
            escape(&bar.value_label)
        ));
    }
    svg.push_str("</g>");
    svg.push_str(&format!(
        r#"<text x="0" y="{}" font-size="12" fill="{MUTED}">{}</text>"#,
        px(full_height - 8.0),
        escape(source)
    ));
    svg.push_str("</svg>");
    svg
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::salary::model::{layout_chart, ChartState};

    #[test]
    fn the_image_holds_title_source_and_every_state() {
        let guide = crate::data::shipped_guide();
        let layout = layout_chart(&guide, &ChartState::default(), 640.0);
        let svg = write_svg(
            &layout,
            "Median salary by state",
            "Source: BLS OES & co (2025)",
            Some("TX"),
        );
        assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        assert!(svg.ends_with("</svg>"));
        assert!(svg.contains(">Median salary by state</text>"));
        assert!(svg.contains("Source: BLS OES &amp; co (2025)"));
        for state in &guide.states {
            assert!(
                svg.contains(&format!(">{}</text>", state.name)),
                "{}",
                state.name
            );
        }
        assert!(svg.contains("$128,736"));
        assert!(svg.contains(HIGHLIGHT));
        assert_eq!(svg.matches("<text").count(), svg.matches("</text>").count());
    }

    #[test]
    fn markup_in_text_is_escaped() {
        assert_eq!(
            escape("<b>\"R&D\"</b>"),
            "&lt;b&gt;&quot;R&amp;D&quot;&lt;/b&gt;"
        );
    }
}
