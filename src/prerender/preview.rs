//! A guide's preview image for link previews, drawn as SVG from its title and key figures at
//! build time (`scripts/preview-images.mjs` turns it into the PNG the page names).

use crate::data::{format_count, format_dollars, format_signed_percent, Guide};

use super::structured::PREVIEW_SIZE;
use crate::markup::escape;

/// The font the image is drawn in (`scripts/preview-images.mjs` loads it from npm's
/// `dejavu-fonts-ttf`, so the image is the same on every machine).
pub const PREVIEW_FONT: &str = "DejaVu Sans";

/// The most characters of the title on one line: at 56 px, DejaVu Sans Bold's widest common
/// letters keep such a line within the image's margins.
const TITLE_LINE_CHARS: usize = 28;

/// `text` in lines of at most `width` characters, broken between words (a longer word stands
/// alone); at most `max_lines`, the last ending in `…` when text is left over.
pub fn wrap(text: &str, width: usize, max_lines: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        match lines.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= width => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_owned()),
        }
    }
    if lines.len() > max_lines {
        lines.truncate(max_lines);
        if let Some(last) = lines.last_mut() {
            last.push('…');
        }
    }
    lines
}

/// The preview of `guide`: its edition, its title, three key figures and their source.
pub fn preview_svg(guide: &Guide) -> String {
    let (width, height) = PREVIEW_SIZE;
    let role = &guide.role;
    let title: String = wrap(&guide.title, TITLE_LINE_CHARS, 3)
        .iter()
        .enumerate()
        .map(|(index, line)| {
            format!(
                "<text x=\"80\" y=\"{}\" font-size=\"56\" font-weight=\"bold\">{}</text>",
                190 + index * 70,
                escape(line)
            )
        })
        .collect();
    let figures = [
        (
            "Median salary".to_owned(),
            format_dollars(role.median_salary),
        ),
        (
            format!("Job growth ({} years)", role.growth_period_years),
            format_signed_percent(role.growth_percent),
        ),
        ("Employed".to_owned(), format_count(role.employed.into())),
    ];
    let figures: String = figures
        .iter()
        .enumerate()
        .map(|(index, (label, value))| {
            let x = 80 + index * 360;
            format!(
                "<text x=\"{x}\" y=\"470\" font-size=\"26\" fill=\"#c9dcf5\">{}</text>\
                 <text x=\"{x}\" y=\"525\" font-size=\"48\" font-weight=\"bold\">{}</text>",
                escape(label),
                escape(value)
            )
        })
        .collect();
    let source = format!("Key figures: {} ({})", role.source.name, role.source.year);
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" \
         viewBox=\"0 0 {width} {height}\" font-family=\"{PREVIEW_FONT}\" fill=\"#ffffff\">\
         <rect width=\"{width}\" height=\"{height}\" fill=\"#0b57b7\"/>\
         <text x=\"80\" y=\"100\" font-size=\"30\" fill=\"#c9dcf5\">{}</text>{title}{figures}\
         <text x=\"80\" y=\"585\" font-size=\"22\" fill=\"#c9dcf5\">{}</text></svg>",
        escape(&guide.edition),
        escape(&source)
    )
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::data::shipped_guide;

    #[test]
    fn titles_wrap_between_words_and_stop_at_the_last_line() {
        assert_eq!(
            wrap("How to Become an Infrastructure Engineer", 30, 3),
            ["How to Become an", "Infrastructure Engineer"]
        );
        assert_eq!(wrap("a b c d", 3, 1), ["a b…"]);
        assert_eq!(wrap("", 10, 2), Vec::<String>::new());
    }

    #[test]
    fn the_preview_shows_the_title_figures_and_their_source() {
        let svg = preview_svg(&shipped_guide());
        for text in [
            "How to Become an",
            "Infrastructure Engineer",
            "$95,360",
            "+3%",
            "451,360",
            "Key figures: U.S. Bureau of Labor Statistics (BLS) (2025)",
        ] {
            assert!(svg.contains(text), "{text}");
        }
        assert!(svg.starts_with(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1200\" height=\"630\""
        ));
    }
}
