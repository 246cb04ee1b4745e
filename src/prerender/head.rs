//! What differs between the site's pages outside the rendered body: the title and description
//! in the head, the canonical address, the skip link's target, and on the index the script that
//! sends the root's old links on to the guide the root used to show.

use crate::markup::escape;

/// `html` with its `<title>` text and `<meta name="description">` content replaced (both
/// escaped), its canonical address `canonical` (relative to the page's base, the site's root)
/// added before `</head>`, and the skip link pointed at this page (`path`, see
/// `guide::address::PagePath`).
pub fn with_page_head(
    html: &str,
    title: &str,
    description: &str,
    canonical: &str,
    path: &str,
) -> String {
    let html = replace_between(html, "<title>", "</title>", &escape(title));
    let html = replace_between(
        &html,
        "<meta name=\"description\" content=\"",
        "\"",
        &escape(description),
    );
    let html = html.replacen(
        "</head>",
        &format!(
            "<link rel=\"canonical\" href=\"{}\">\n</head>",
            escape(canonical)
        ),
        1,
    );
    html.replacen(
        "class=\"skip-link\" href=\"#main\"",
        &format!("class=\"skip-link\" href=\"{}#main\"", escape(path)),
        1,
    )
}

/// The index's script, run before the page is shown: a link made while the root showed the
/// guide `root_guide` (a section `#faq`, a progress link `#progress=…`, the chart's state
/// `?metric=…`, an embed `?embed=chart`) goes on to that guide's page, query and fragment kept.
/// `chart_keys` are the chart's query keys (`metric|sort|…`, shared with the app).
pub fn legacy_links_script(root_guide: &str, chart_keys: &str) -> String {
    format!(
        "<script>(() => {{ const old = () => /[?&](embed|{chart_keys})=/.test(location.search) || (location.hash.length > 1 && location.hash !== '#main'); const go = () => old() && location.replace('{root_guide}/' + location.search + location.hash); go(); addEventListener('hashchange', go); }})();</script>"
    )
}

/// `html` with what lies between the first `start` and the next `end` after it replaced by
/// `text`; unchanged when either is missing.
fn replace_between(html: &str, start: &str, end: &str, text: &str) -> String {
    let Some(from) = html.find(start).map(|at| at + start.len()) else {
        return html.to_owned();
    };
    let Some(to) = html[from..].find(end).map(|at| from + at) else {
        return html.to_owned();
    };
    format!("{}{text}{}", &html[..from], &html[to..])
}

/// A description of at most `max` characters from `text`: cut at a word, with an ellipsis.
pub fn short_description(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let cut: String = text.chars().take(max.saturating_sub(1)).collect();
    let at_word = cut.rfind(' ').map_or(cut.as_str(), |at| &cut[..at]);
    format!("{}…", at_word.trim_end_matches([',', ';', ':', '.']))
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str =
        "<html><head><title>Old</title><meta name=\"description\" content=\"old\" />\
</head><body><a class=\"skip-link\" href=\"#main\">Skip</a></body></html>";

    #[test]
    fn each_page_gets_its_title_description_canonical_and_skip_link() {
        let page = with_page_head(PAGE, "A & B", "Say \"hi\"", "a-b/", "a-b/");
        assert!(page.contains("<title>A &amp; B</title>"));
        assert!(page.contains("content=\"Say &quot;hi&quot;\""));
        assert!(page.contains("<link rel=\"canonical\" href=\"a-b/\">\n</head>"));
        assert!(page.contains("href=\"a-b/#main\""));
        let root = with_page_head(PAGE, "T", "D", "a-b/", "");
        assert!(root.contains("href=\"#main\""));
    }

    #[test]
    fn descriptions_are_cut_at_a_word() {
        assert_eq!(short_description("short", 10), "short");
        assert_eq!(
            short_description("one two three, four", 16),
            "one two three…"
        );
        assert!(short_description(&"word ".repeat(100), 160).chars().count() <= 160);
    }

    #[test]
    fn the_index_sends_old_links_to_the_root_guide() {
        let script = legacy_links_script("infrastructure-engineer", "metric|sort");
        assert!(script.contains("[?&](embed|metric|sort)="));
        assert!(script.contains("location.replace('infrastructure-engineer/'"));
        assert!(
            script.contains("addEventListener('hashchange', go)"),
            "a section pasted later"
        );
    }
}
