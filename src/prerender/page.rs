//! Where the pre-rendered guide goes in `index.html`, and how its controls wait for the app.

use std::fmt;

/// The id of the element that holds the pre-rendered guide until the app takes over.
pub const PRERENDERED_ID: &str = "prerendered";

/// The attribute of that element holding the content tag of the data file it was rendered
/// from (`data::content_tag`): the app adopts the page when it fetches the same file.
pub const BUILT_FROM_ATTRIBUTE: &str = "data-built-from";

/// The attribute of that element naming the data file of the guide it shows
/// (`data::guide_url`): the start script fetches it beside the app, and the app reads it.
pub const GUIDE_FILE_ATTRIBUTE: &str = "data-guide-file";

/// The attribute of that element, present when the guide it shows is heir to the progress saved
/// before each guide had its own keys (the guide the site served when it served one):
/// `roadmap::storage` moves that progress to it.
pub const PROGRESS_HEIR_ATTRIBUTE: &str = "data-progress-heir";

/// The attribute the build puts on each control it disabled that a press alone works (a button,
/// a radio, a checkbox): the start script gives those back, and notes what is pressed there.
pub const WAITING_ATTRIBUTE: &str = "data-waits";

/// The attribute of that element where the start script notes what the reader pressed in it
/// before the app was in charge: each pressed control's place (the id of its nearest enclosing
/// element with one, `:`, then the child indices from there joined by `.`; `takeover::places`),
/// separated by spaces, oldest first.
pub const PENDING_ACTS_ATTRIBUTE: &str = "data-pending-acts";

/// What the page says to readers without JavaScript, in place of the shell's `<noscript>`.
const NO_SCRIPT_NOTE: &str = "<noscript><p class=\"noscript\">Without JavaScript you can read the \
whole guide, but the salary chart's controls and the roadmap checklist need it to work.</p></noscript>";

/// Why `index.html` could not take the pre-rendered guide.
#[derive(Debug, PartialEq, Eq)]
pub enum PrerenderError {
    /// The page has no `<body>` to put the guide in.
    NoBody,
    /// The page already holds a pre-rendered guide (the hook ran twice on one build).
    AlreadyRendered,
}

impl fmt::Display for PrerenderError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NoBody => f.write_str("index.html has no <body> element"),
            Self::AlreadyRendered => f.write_str("index.html already holds a pre-rendered guide"),
        }
    }
}

impl std::error::Error for PrerenderError {}

/// The guide a page shows, as the build writes it on the static copy for the start script and
/// the app.
#[derive(Debug, Clone, Copy)]
pub struct ShownGuide<'a> {
    /// Its data file ([`GUIDE_FILE_ATTRIBUTE`]).
    pub file: &'a str,
    /// The content tag of that file ([`BUILT_FROM_ATTRIBUTE`]).
    pub built_from: &'a str,
    /// See [`PROGRESS_HEIR_ATTRIBUTE`].
    pub progress_heir: bool,
}

/// `index_html` with `body_html` placed at the end of its `<body>` (after the element the app
/// mounts in), inside the element the app takes over, written with what the page shows of
/// `guide` (a page without a guide, the site's index, has no app); the shell's `<noscript>` note
/// is replaced by one that fits a readable page.
pub fn insert_prerendered(
    index_html: &str,
    body_html: &str,
    guide: Option<ShownGuide>,
) -> Result<String, PrerenderError> {
    if index_html.contains(&format!("id=\"{PRERENDERED_ID}\"")) {
        return Err(PrerenderError::AlreadyRendered);
    }
    let body_end = index_html.rfind("</body>").ok_or(PrerenderError::NoBody)?;
    let (body, tail) = index_html.split_at(body_end);
    let body = without_noscript(body.trim_end());
    let (note, attributes) = match guide {
        None => ("", String::new()),
        Some(guide) => (
            NO_SCRIPT_NOTE,
            format!(
                " {GUIDE_FILE_ATTRIBUTE}=\"{}\"{} {BUILT_FROM_ATTRIBUTE}=\"{}\"",
                guide.file,
                if guide.progress_heir {
                    format!(" {PROGRESS_HEIR_ATTRIBUTE}")
                } else {
                    String::new()
                },
                guide.built_from
            ),
        ),
    };
    Ok(format!(
        "{body}\n{note}\n<div id=\"{PRERENDERED_ID}\"{attributes}>{}</div>\n{tail}",
        with_controls_disabled(body_html)
    ))
}

/// `html` without the first `<noscript>…</noscript>` element of its body.
fn without_noscript(html: &str) -> String {
    let body = html.find("<body").unwrap_or(0);
    let find = |needle: &str| html[body..].find(needle).map(|at| body + at);
    match (find("<noscript"), find("</noscript>")) {
        (Some(start), Some(end)) if start < end => {
            let kept_before = html[..start].trim_end();
            format!("{kept_before}{}", &html[end + "</noscript>".len()..])
        }
        _ => html.to_owned(),
    }
}

/// `html` with every form control disabled and nothing else in the keyboard's path, as it must
/// be read without JavaScript, where no control can work (links stay). With JavaScript, the
/// start script gives buttons, radios, checkboxes (marked [`WAITING_ATTRIBUTE`]) and the chart's
/// bars back, notes what the reader presses there, and the app does it once it is in charge
/// (`takeover::first_acts`).
pub fn with_controls_disabled(html: &str) -> String {
    out_of_tab_order(&disable_controls(html))
}

/// `html` with every `tabindex="0"` made `-1`, except a scroll region's (`role="region"`): a
/// table too wide for a phone scrolls by keyboard without JavaScript, and the app adopts the
/// static copy's regions as they are.
fn out_of_tab_order(html: &str) -> String {
    const FOCUSABLE: &str = " tabindex=\"0\"";
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find(FOCUSABLE) {
        let tag_start = rest[..at].rfind('<').unwrap_or(0);
        let tag_end = rest[at..].find('>').map_or(rest.len(), |end| at + end);
        let region = rest[tag_start..tag_end].contains(" role=\"region\"");
        out.push_str(&rest[..at]);
        out.push_str(if region {
            FOCUSABLE
        } else {
            " tabindex=\"-1\""
        });
        rest = &rest[at + FOCUSABLE.len()..];
    }
    out.push_str(rest);
    out
}

fn disable_controls(html: &str) -> String {
    const CONTROLS: [&str; 4] = ["<input", "<button", "<select", "<textarea"];
    let mut out = String::with_capacity(html.len() + 256);
    let mut rest = html;
    while let Some(at) = rest.find('<') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let tag = CONTROLS
            .iter()
            .find(|tag| rest.starts_with(**tag) && rest[tag.len()..].starts_with([' ', '>', '/']));
        let start_tag = &rest[..rest.find('>').map_or(rest.len(), |end| end + 1)];
        match tag {
            // Disabled by the app itself (a tool not ready yet): it stays so, and is not given back.
            Some(_) if has_attribute(start_tag, "disabled") => {
                out.push('<');
                rest = &rest[1..];
            }
            Some(tag) => {
                out.push_str(tag);
                out.push_str(" disabled");
                if pressable(tag, start_tag) {
                    out.push_str(&format!(" {WAITING_ATTRIBUTE}"));
                }
                rest = &rest[tag.len()..];
            }
            None => {
                out.push('<');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Whether a control works with a press alone (a button, a radio, a checkbox), so that the
/// start script may give it back: what is typed in a text field before the app would be lost.
fn pressable(tag: &str, start_tag: &str) -> bool {
    tag == "<button"
        || (tag == "<input"
            && ["type=\"radio\"", "type=\"checkbox\""]
                .iter()
                .any(|kind| start_tag.contains(kind)))
}

/// Whether `start_tag` has the attribute `name` (as Leptos writes them: ` name` or ` name=`).
fn has_attribute(start_tag: &str, name: &str) -> bool {
    start_tag.match_indices(name).any(|(at, _)| {
        start_tag[..at].ends_with(' ')
            && matches!(
                start_tag[at + name.len()..].chars().next(),
                Some(' ' | '=' | '>' | '/')
            )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const SHELL: &str =
        "<html><head><title>t</title><noscript>head</noscript></head>\n<body class=\"x\">\n  <div id=\"app\"></div>\n  \
<noscript>\n    <p>needs JS</p>\n  </noscript>\n</body></html>";

    #[test]
    fn the_guide_goes_after_the_app_root_and_the_old_note_goes() {
        let shown = ShownGuide {
            file: "data/guides/a.json",
            built_from: "0123abcd",
            progress_heir: true,
        };
        let page = insert_prerendered(SHELL, "<main>guide</main>", Some(shown)).unwrap();
        let app = page.find("<div id=\"app\"></div>").unwrap();
        let guide = page
            .find("<div id=\"prerendered\" data-guide-file=\"data/guides/a.json\" data-progress-heir data-built-from=\"0123abcd\"><main>guide</main></div>")
            .unwrap();
        assert!(app < guide);
        assert!(!page.contains("needs JS"));
        assert_eq!(
            page.matches("<noscript>").count(),
            2,
            "the head's stays, the body's is new"
        );
        assert!(page.contains("read the whole guide"));
        assert!(page.ends_with("</body></html>"));
        assert!(page.starts_with("<html><head><title>t</title><noscript>head</noscript></head>"));
    }

    #[test]
    fn a_page_without_a_body_or_already_rendered_is_refused() {
        assert_eq!(
            insert_prerendered("<html></html>", "x", None),
            Err(PrerenderError::NoBody)
        );
        let once = insert_prerendered(SHELL, "x", None).unwrap();
        assert_eq!(
            insert_prerendered(&once, "x", None),
            Err(PrerenderError::AlreadyRendered)
        );
    }

    #[test]
    fn controls_are_disabled_and_nothing_else_changes() {
        let html = "<p>a<b>b</b></p><input type=\"checkbox\"><button class=\"c\">Go</button>\
<inputs></inputs><select><option>1</option></select><textarea></textarea><br/>\
<input type=\"text\"><input type=\"radio\" name=\"m\">";
        assert_eq!(
            with_controls_disabled(html),
            "<p>a<b>b</b></p><input disabled data-waits type=\"checkbox\"><button disabled data-waits class=\"c\">Go</button>\
<inputs></inputs><select disabled><option>1</option></select><textarea disabled></textarea><br/>\
<input disabled type=\"text\"><input disabled data-waits type=\"radio\" name=\"m\">"
        );
        assert_eq!(with_controls_disabled("a < b"), "a < b");
        assert_eq!(
            with_controls_disabled("<g tabindex=\"0\" role=\"img\"></g><a href=\"#x\">x</a>"),
            "<g tabindex=\"-1\" role=\"img\"></g><a href=\"#x\">x</a>"
        );
    }

    #[test]
    fn a_scroll_region_stays_in_the_keyboards_path() {
        let html = "<div tabindex=\"0\" role=\"region\" aria-label=\"t\"><table></table></div>\
<svg><g tabindex=\"0\" role=\"img\"></g></svg><div role=\"region\"><g tabindex=\"0\"></g></div>";
        assert_eq!(
            with_controls_disabled(html),
            "<div tabindex=\"0\" role=\"region\" aria-label=\"t\"><table></table></div>\
<svg><g tabindex=\"-1\" role=\"img\"></g></svg><div role=\"region\"><g tabindex=\"-1\"></g></div>"
        );
    }

    #[test]
    fn a_control_the_app_disabled_itself_is_left_as_it_is() {
        let html = "<button type=\"button\" disabled aria-describedby=\"r\">Add</button>\
<button disabled=\"\">x</button><button data-disabledness=\"1\">y</button>";
        assert_eq!(
            with_controls_disabled(html),
            "<button type=\"button\" disabled aria-describedby=\"r\">Add</button>\
<button disabled=\"\">x</button><button disabled data-waits data-disabledness=\"1\">y</button>"
        );
    }
}
