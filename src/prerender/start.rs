//! How the built page starts the app: only when the reader needs it (`start_on_demand.js`), with
//! the page's styles inline so that the first load and the first paint need the HTML alone.

use std::fmt;

use super::shared_names::fill_names;

/// What trunk's start script begins with; the module path follows, then `';`.
const TRUNK_IMPORT: &str = "import init, * as bindings from '";

/// Where trunk's start names the wasm it gives to `init`; the path follows, then `'`.
const TRUNK_WASM: &str = "module_or_path: '";

/// Why the built page could not be rewritten.
#[derive(Debug, PartialEq, Eq)]
pub enum StartError {
    /// trunk's start script is not in the page (its format changed?).
    NoStartScript,
    /// A stylesheet the page links to could not be read.
    MissingStylesheet(String),
}

impl fmt::Display for StartError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NoStartScript => write!(
                f,
                "index.html has no trunk start script (`{TRUNK_IMPORT}…`)"
            ),
            Self::MissingStylesheet(href) => write!(f, "cannot read the stylesheet {href}"),
        }
    }
}

impl std::error::Error for StartError {}

/// The start script that replaces trunk's: it registers the service worker and starts the app
/// only when the reader needs it (see the file for when). Its placeholders are filled in by
/// [`start_on_demand`].
const START_ON_DEMAND: &str = include_str!("start_on_demand.js");

/// Where trunk's own start (after its import) goes in [`START_ON_DEMAND`].
const TRUNK_REST: &str = "/* trunk's start */";

/// `html` with the app's JavaScript and wasm fetched only when the reader needs the app: the
/// preload hints go, and trunk's start script becomes [`START_ON_DEMAND`] around trunk's own
/// start. The guide is already readable, so the app must not compete with it for the network or
/// the CPU. A failure to start shows a notice with Reload instead of leaving the controls dead.
/// `register_worker`: whether the page registers the service worker (release builds only, as in
/// the app's offline module).
pub fn start_on_demand(html: &str, register_worker: bool) -> Result<String, StartError> {
    let at = html.find(TRUNK_IMPORT).ok_or(StartError::NoStartScript)?;
    let path_start = at + TRUNK_IMPORT.len();
    let path_len = html[path_start..]
        .find("';")
        .ok_or(StartError::NoStartScript)?;
    let module = &html[path_start..path_start + path_len];
    let import_end = path_start + path_len + "';".len();
    let script_end = import_end
        + html[import_end..]
            .find("</script>")
            .ok_or(StartError::NoStartScript)?;
    // trunk's start is given the response of a fetch the script starts beside the import, so
    // that the wasm streams in (and compiles) while the script is fetched and run.
    let trunk_rest = html[import_end..script_end].trim();
    let wasm_start = trunk_rest
        .find(TRUNK_WASM)
        .ok_or(StartError::NoStartScript)?
        + TRUNK_WASM.len();
    let wasm_len = trunk_rest[wasm_start..]
        .find('\'')
        .ok_or(StartError::NoStartScript)?;
    let wasm = &trunk_rest[wasm_start..wasm_start + wasm_len];
    let trunk_rest = trunk_rest.replacen(&format!("'{wasm}'"), "wasmResponse", 1);
    let start = START_ON_DEMAND
        .replace("__MODULE__", module)
        .replace("__WASM__", wasm)
        .replace(
            "__REGISTER_WORKER__",
            if register_worker { "true" } else { "false" },
        )
        .replace(TRUNK_REST, &trunk_rest);
    // The names the page's scripts share with the app (chart keys, events, embed parts).
    let rewritten = fill_names(&format!("{}{start}{}", &html[..at], &html[script_end..]));
    map_links(&rewritten, |tag| {
        let preload = tag.contains("rel=\"modulepreload\"")
            || (tag.contains("rel=\"preload\"") && tag.contains("type=\"application/wasm\""));
        Ok(if preload {
            String::new()
        } else {
            tag.to_owned()
        })
    })
}

/// `html` with each `<link rel="stylesheet" href=…>` replaced by a `<style>` holding the file's
/// text, read by `read(href)`; returns the page and the hrefs it inlined.
pub fn inline_stylesheets(
    html: &str,
    read: impl Fn(&str) -> Option<String>,
) -> Result<(String, Vec<String>), StartError> {
    let mut inlined = Vec::new();
    let page = map_links(html, |tag| {
        if !tag.contains("stylesheet") {
            return Ok(tag.to_owned());
        }
        // A stylesheet link in a shape this does not read would be left behind, pointing at a
        // file the build no longer has: refuse instead.
        let href = attribute(tag, "href")
            .filter(|_| tag.contains("rel=\"stylesheet\""))
            .ok_or_else(|| StartError::MissingStylesheet(tag.to_owned()))?;
        let css = read(href).ok_or_else(|| StartError::MissingStylesheet(href.to_owned()))?;
        inlined.push(href.to_owned());
        Ok(format!("<style>{}</style>", css.trim()))
    })?;
    Ok((page, inlined))
}

/// The value of `name="…"` in one tag.
fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let key = format!(" {name}=\"");
    let start = tag.find(&key)? + key.len();
    let len = tag[start..].find('"')?;
    Some(&tag[start..start + len])
}

/// `html` with each `<link …>` tag replaced by what `replace` makes of it.
fn map_links(
    html: &str,
    mut replace: impl FnMut(&str) -> Result<String, StartError>,
) -> Result<String, StartError> {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find("<link ") {
        out.push_str(&rest[..at]);
        let end = rest[at..].find('>').map_or(rest.len(), |end| at + end + 1);
        out.push_str(&replace(&rest[at..end])?);
        rest = &rest[end..];
    }
    out.push_str(rest);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    // The shape of trunk 0.21's output, trimmed.
    const BUILT: &str =
        "<head>\n<script type=\"module\">\nimport init, * as bindings from '/cg-1a.js';\n\
const wasm = await init({ module_or_path: '/cg-1a_bg.wasm' });\n</script>\n\
<link rel=\"stylesheet\" href=\"/base-2b.css\" integrity=\"sha384-x\"/>\n\
<link rel=\"manifest\" href=\"manifest.webmanifest\" />\n\
<link rel=\"modulepreload\" href=\"/cg-1a.js\" crossorigin=\"anonymous\">\
<link rel=\"preload\" href=\"/cg-1a_bg.wasm\" as=\"fetch\" type=\"application/wasm\"></head>";

    #[test]
    fn the_app_is_fetched_on_demand_and_not_preloaded() {
        let page = start_on_demand(BUILT, true).unwrap();
        assert!(!page.contains("import init"));
        assert!(!page.contains("modulepreload"));
        assert!(!page.contains("rel=\"preload\""));
        for (placeholder, uses) in [
            ("__MODULE__", 1),
            ("__WASM__", 1),
            ("__REGISTER_WORKER__", 1),
            ("__CHART_KEYS__", 1),
            (TRUNK_REST, 1),
        ] {
            assert_eq!(
                START_ON_DEMAND.matches(placeholder).count(),
                uses,
                "{placeholder}"
            );
            assert!(!page.contains(placeholder), "{placeholder} is filled");
        }
        let needed = page.find("await (guideFile ? needed()").unwrap();
        let import = page.find("import('/cg-1a.js')").unwrap();
        assert!(needed < import);
        // The data comes beside the app, on the same act, never with the first load.
        let data = page
            .find("rel: 'preload', as: 'fetch', href: guideFile")
            .unwrap();
        assert!(needed < data);
        assert!(page.contains("const init = bindings.default;\n  const wasm = await init("));
        // The wasm is fetched beside the script, and trunk's start is given that response.
        let wasm_fetch = page
            .find("const wasmResponse = fetch('/cg-1a_bg.wasm');")
            .unwrap();
        assert!(import < wasm_fetch);
        assert!(page.contains("await init({ module_or_path: wasmResponse })"));
        let failure = page.find("} catch (error) {").unwrap();
        assert!(
            page.find("const wasm = await init(").unwrap() < failure,
            "the start is guarded"
        );
        assert!(
            failure < page.find("</script>").unwrap(),
            "inside trunk's script"
        );
        assert!(page.contains("if (true && 'serviceWorker' in navigator"));
        assert!(page.contains("const CHART_STATE = /[?&](metric|sort|view|state)=/;"));
        assert!(page.contains(
            "addEventListener('error', (event) => stopped(event.error, true, new Error().stack));"
        ));
        assert!(page.contains("<link rel=\"manifest\""), "other links stay");
        assert!(page.ends_with("</head>"));
    }

    #[test]
    fn debug_builds_register_no_worker() {
        let page = start_on_demand(BUILT, false).unwrap();
        assert!(page.contains("if (false && 'serviceWorker' in navigator"));
    }

    #[test]
    fn a_page_without_trunks_start_script_is_refused() {
        assert_eq!(
            start_on_demand("<head></head>", true),
            Err(StartError::NoStartScript)
        );
    }

    #[test]
    fn stylesheets_are_inlined_and_other_links_kept() {
        let (page, inlined) = inline_stylesheets(BUILT, |href| {
            (href == "/base-2b.css").then(|| "a{b:c}\n".into())
        })
        .unwrap();
        assert!(page.contains("<style>a{b:c}</style>\n<link rel=\"manifest\""));
        assert!(!page.contains("base-2b.css"));
        assert_eq!(inlined, ["/base-2b.css"]);
        assert_eq!(
            inline_stylesheets(BUILT, |_| None),
            Err(StartError::MissingStylesheet("/base-2b.css".into()))
        );
        let unquoted = "<link href=/a.css rel=stylesheet>";
        assert_eq!(
            inline_stylesheets(unquoted, |_| Some("x".into())),
            Err(StartError::MissingStylesheet(unquoted.into())),
            "a stylesheet link it cannot read is refused, never left behind"
        );
    }
}
