//! Embed mode: which part a host page asked for, and the snippets that ask for it.

use crate::data::Guide;
use crate::markup::escape;
use crate::query::pairs;

/// The type of the message an embedded page posts to its host with its height; `public/embed.js`
/// gets it at build time (`prerender::shared_names`).
pub const RESIZE_MESSAGE: &str = "career-guide:resize";

/// The part of the app an embedding page shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EmbedPart {
    Chart,
    Roadmap,
    /// The guide, or one section of it.
    Guide {
        section: Option<String>,
    },
}

impl EmbedPart {
    /// Every part (the guide whole), in the order the loader's documentation lists them.
    pub fn all() -> [EmbedPart; 3] {
        [
            EmbedPart::Chart,
            EmbedPart::Roadmap,
            EmbedPart::Guide { section: None },
        ]
    }

    /// The part's name in `?embed=`.
    pub fn key(&self) -> &'static str {
        match self {
            EmbedPart::Chart => "chart",
            EmbedPart::Roadmap => "roadmap",
            EmbedPart::Guide { .. } => "guide",
        }
    }

    /// The frame's title for this part of `guide`, for screen readers on the host page.
    pub fn title(&self, guide: &Guide) -> String {
        match self {
            EmbedPart::Chart => format!("{} salary by state", guide.role.name),
            EmbedPart::Roadmap => format!("{} roadmap checklist", guide.role.name),
            EmbedPart::Guide { .. } => guide.title.clone(),
        }
    }

    /// The frame's title when the snippet names no guide's (the host loader's fallback).
    pub fn generic_title(&self) -> &'static str {
        match self {
            EmbedPart::Chart => "Salary by state",
            EmbedPart::Roadmap => "Roadmap checklist",
            EmbedPart::Guide { .. } => "Career guide",
        }
    }
}

/// The colour theme an embedding page asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    Light,
    Dark,
    /// Follow the reader's system setting.
    #[default]
    Auto,
}

impl Theme {
    /// The value for the page's `data-theme` attribute; none for auto.
    pub fn attribute(self) -> Option<&'static str> {
        match self {
            Theme::Light => Some("light"),
            Theme::Dark => Some("dark"),
            Theme::Auto => None,
        }
    }
}

/// What `?embed=…` asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmbedRequest {
    pub part: EmbedPart,
    pub theme: Theme,
    /// The host loader's id for this frame, echoed in resize messages.
    pub frame_id: Option<String>,
}

impl EmbedRequest {
    /// Reads embed mode from a query string; `None` for the full page (no or unknown `embed`).
    pub fn from_query(query: &str) -> Option<Self> {
        let mut part = None;
        let mut section = None;
        let mut theme = Theme::Auto;
        let mut frame_id = None;
        for (key, value) in pairs(query) {
            match key.as_str() {
                "embed" => part = Some(value),
                "section" if is_id(&value) => section = Some(value),
                "theme" => {
                    theme = match value.as_str() {
                        "light" => Theme::Light,
                        "dark" => Theme::Dark,
                        _ => Theme::Auto,
                    }
                }
                "id" if is_id(&value) => frame_id = Some(value),
                _ => {}
            }
        }
        let part = match part?.as_str() {
            "chart" => EmbedPart::Chart,
            "roadmap" => EmbedPart::Roadmap,
            "guide" => EmbedPart::Guide { section },
            _ => return None,
        };
        Some(Self {
            part,
            theme,
            frame_id,
        })
    }
}

/// Ids are short and plain, since they travel in URLs and messages.
fn is_id(value: &str) -> bool {
    !value.is_empty()
        && value.len() <= 64
        && value
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// The query an embed of `part` uses; `extra` carries the chart's own state (`metric=…`).
pub fn embed_query(part: &EmbedPart, extra: &str) -> String {
    let mut query = format!("embed={}", part.key());
    if let EmbedPart::Guide { section: Some(id) } = part {
        query.push_str(&format!("&section={id}"));
    }
    let extra = extra.trim_start_matches('?');
    if !extra.is_empty() {
        query.push('&');
        query.push_str(extra);
    }
    query
}

/// The snippet for the host loader: a placeholder element naming the guide `slug`, the part and
/// the frame's `title`, and the script (at the site's root `app_url`) that fills it.
pub fn loader_snippet(
    app_url: &str,
    slug: &str,
    title: &str,
    part: &EmbedPart,
    chart_query: &str,
) -> String {
    let section = match part {
        EmbedPart::Guide { section: Some(id) } => format!(" data-section=\"{id}\""),
        _ => String::new(),
    };
    let query = chart_query.trim_start_matches('?');
    let query = if query.is_empty() {
        String::new()
    } else {
        format!(" data-query=\"{}\"", escape(query))
    };
    format!(
        "<div data-career-guide=\"{}\" data-guide=\"{}\" data-title=\"{}\"{section}{query}></div>\n<script src=\"{app_url}embed.js\" async></script>",
        part.key(),
        escape(slug),
        escape(title)
    )
}

/// The snippet for a plain iframe, titled `title`, of the guide `slug`'s page below the site's
/// root `app_url` (no script; fixed height).
pub fn iframe_snippet(
    app_url: &str,
    slug: &str,
    title: &str,
    part: &EmbedPart,
    chart_query: &str,
) -> String {
    format!(
        "<iframe src=\"{app_url}{}/?{}\" title=\"{}\" loading=\"lazy\" style=\"width: 100%; height: 720px; border: 0;\"></iframe>",
        escape(slug),
        escape(&embed_query(part, chart_query)),
        escape(title)
    )
}

/// The resize message an embedded page posts to its host: type, frame id and height in pixels.
pub fn resize_message(frame_id: Option<&str>, height: f64) -> (&'static str, Option<String>, u32) {
    (
        RESIZE_MESSAGE,
        frame_id.map(str::to_owned),
        height.max(0.0).ceil() as u32,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_embed_means_the_full_page() {
        assert_eq!(EmbedRequest::from_query(""), None);
        assert_eq!(EmbedRequest::from_query("?metric=employed"), None);
        assert_eq!(EmbedRequest::from_query("?embed=everything"), None);
    }

    #[test]
    fn each_part_theme_and_id_is_read() {
        let chart =
            EmbedRequest::from_query("?embed=chart&theme=dark&id=cg-1&metric=employed").unwrap();
        assert_eq!(chart.part, EmbedPart::Chart);
        assert_eq!(chart.theme, Theme::Dark);
        assert_eq!(chart.frame_id.as_deref(), Some("cg-1"));
        let guide = EmbedRequest::from_query("embed=guide&section=faq").unwrap();
        assert_eq!(
            guide.part,
            EmbedPart::Guide {
                section: Some("faq".into())
            }
        );
        assert_eq!(guide.theme, Theme::Auto);
        let roadmap = EmbedRequest::from_query("embed=roadmap&theme=purple&id=<script>").unwrap();
        assert_eq!(
            (roadmap.part, roadmap.theme, roadmap.frame_id),
            (EmbedPart::Roadmap, Theme::Auto, None)
        );
    }

    #[test]
    fn snippets_carry_the_part_section_and_chart_state() {
        let app = "https://guide.example/career/";
        let guide = crate::data::shipped_guide();
        let title = EmbedPart::Chart.title(&guide);
        assert_eq!(title, "Infrastructure Engineer salary by state");
        let chart = loader_snippet(
            app,
            "infra",
            &title,
            &EmbedPart::Chart,
            "?metric=employed&view=map",
        );
        assert_eq!(
            chart,
            "<div data-career-guide=\"chart\" data-guide=\"infra\" data-title=\"Infrastructure Engineer salary by state\" data-query=\"metric=employed&amp;view=map\"></div>\n<script src=\"https://guide.example/career/embed.js\" async></script>"
        );
        let section = EmbedPart::Guide {
            section: Some("faq".into()),
        };
        assert!(loader_snippet(app, "infra", "T", &section, "")
            .starts_with("<div data-career-guide=\"guide\" data-guide=\"infra\" data-title=\"T\" data-section=\"faq\"></div>"));
        let iframe = iframe_snippet(app, "infra", &title, &EmbedPart::Chart, "sort=asc");
        assert!(iframe.starts_with(
            "<iframe src=\"https://guide.example/career/infra/?embed=chart&amp;sort=asc\""
        ));
        assert!(iframe.contains("title=\"Infrastructure Engineer salary by state\""));
    }

    #[test]
    fn resize_messages_round_up_and_never_go_negative() {
        assert_eq!(
            resize_message(Some("a"), 100.2),
            ("career-guide:resize", Some("a".into()), 101)
        );
        assert_eq!(resize_message(None, -5.0).2, 0);
    }
}
