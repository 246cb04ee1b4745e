//! Every name the page's JavaScript shares with the Rust app, from one source: the Rust
//! constants. The build fills them into the files that run as JavaScript (the start script,
//! `index.html`'s embed check, `embed.js`, the service worker's template), each written there as
//! a `__NAME__` placeholder, so a name changed here changes everywhere.

use crate::data::Guide;
use crate::embed::model::{EmbedPart, RESIZE_MESSAGE};
use crate::offline::model::{PROBE_PARAM, SKIP_WAITING_MESSAGE};
use crate::prerender::page::{
    GUIDE_FILE_ATTRIBUTE, PENDING_ACTS_ATTRIBUTE, PRERENDERED_ID, WAITING_ATTRIBUTE,
};
use crate::roadmap::model::{FRAGMENT_KEY, STORAGE_PREFIX};
use crate::salary::model::CHART_QUERY_KEYS;

/// `embed.js`'s frame titles, part by part, for snippets that name no title: after `guide`'s
/// role, the root guide (whose page such snippets, made while the site showed one, open), or
/// generic ones without a guide. A JavaScript object literal (JSON, escaped as such, is one).
pub fn embed_titles(guide: Option<&Guide>) -> String {
    let quoted = |text: &str| serde_json::Value::String(text.to_owned()).to_string();
    let titles: Vec<String> = EmbedPart::all()
        .iter()
        .map(|part| {
            let title = guide.map_or_else(|| part.generic_title().to_owned(), |g| part.title(g));
            format!("{}: {}", quoted(part.key()), quoted(&title))
        })
        .collect();
    format!("{{ {} }}", titles.join(", "))
}

/// Each placeholder and the text that replaces it.
pub fn shared_names() -> Vec<(&'static str, String)> {
    let parts = EmbedPart::all();
    let keys: Vec<&str> = parts.iter().map(EmbedPart::key).collect();
    vec![
        ("__CHART_KEYS__", CHART_QUERY_KEYS.join("|")),
        ("__EMBED_PARTS__", keys.join("|")),
        ("__EMBED_TITLES__", embed_titles(None)),
        ("__RESIZE_MESSAGE__", RESIZE_MESSAGE.to_owned()),
        ("__SKIP_WAITING_MESSAGE__", SKIP_WAITING_MESSAGE.to_owned()),
        ("__PROBE_PARAM__", PROBE_PARAM.to_owned()),
        ("__PRERENDERED_ID__", PRERENDERED_ID.to_owned()),
        ("__PENDING_ACTS__", PENDING_ACTS_ATTRIBUTE.to_owned()),
        ("__WAITING__", WAITING_ATTRIBUTE.to_owned()),
        ("__PROGRESS_KEY__", FRAGMENT_KEY.to_owned()),
        ("__GUIDE_FILE__", GUIDE_FILE_ATTRIBUTE.to_owned()),
        ("__STORAGE_PREFIX__", STORAGE_PREFIX.to_owned()),
    ]
}

/// `text` with every shared name filled in.
pub fn fill_names(text: &str) -> String {
    shared_names()
        .into_iter()
        .fold(text.to_owned(), |text, (placeholder, name)| {
            text.replace(placeholder, &name)
        })
}

/// The `__NAME__` placeholders left in `text` that no shared name fills.
pub fn unfilled(text: &str) -> Vec<String> {
    let mut left = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find("__") {
        let after = &rest[at + 2..];
        let len = after
            .find(|c: char| !(c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_'))
            .unwrap_or(after.len());
        let name = &after[..len];
        if let Some(name) = name.strip_suffix("__").filter(|name| !name.is_empty()) {
            left.push(format!("__{name}__"));
            rest = &after[len..];
        } else {
            rest = after;
        }
    }
    left
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILES: [(&str, &str); 4] = [
        ("index.html", include_str!("../../index.html")),
        ("public/embed.js", include_str!("../../public/embed.js")),
        ("public/sw.js", include_str!("../../public/sw.js")),
        (
            "src/prerender/start_on_demand.js",
            include_str!("start_on_demand.js"),
        ),
    ];

    #[test]
    fn every_placeholder_in_the_javascript_is_a_shared_name() {
        for (file, text) in FILES {
            let mut left = unfilled(&fill_names(text));
            // The start script's own: this build's module and wasm paths and profile (`start.rs`).
            left.retain(|name| {
                !["__MODULE__", "__WASM__", "__REGISTER_WORKER__"].contains(&name.as_str())
            });
            assert_eq!(left, Vec::<String>::new(), "{file}");
        }
        // Each name is used somewhere, and the names are what the JavaScript expects.
        for (placeholder, _) in shared_names() {
            assert!(
                FILES.iter().any(|(_, text)| text.contains(placeholder)),
                "{placeholder} is used by no file"
            );
        }
        let embed = fill_names(FILES[1].1);
        assert!(embed.contains("{ \"chart\": \"Salary by state\", "));
        let guide = crate::data::shipped_guide();
        assert!(embed_titles(Some(&guide))
            .starts_with("{ \"chart\": \"Infrastructure Engineer salary by state\", "));
        assert!(embed.contains("data.type !== 'career-guide:resize'"));
        assert!(fill_names(FILES[0].1).contains("embed=(chart|roadmap|guide)(&|$)"));
        assert!(fill_names(FILES[2].1).contains("'career-guide:skip-waiting'"));
    }

    #[test]
    fn unfilled_finds_placeholders_only() {
        assert_eq!(
            unfilled("a __X__ b __Y_Z__ c __V2__"),
            ["__X__", "__Y_Z__", "__V2__"]
        );
        assert_eq!(unfilled("__proto__ a_b __ __a__"), Vec::<String>::new());
    }
}
