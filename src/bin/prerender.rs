//! Writes the site's pages from a build's `index.html` (run by trunk's post_build hook): each
//! guide's at `<slug>/index.html`, and at the root the one guide or, with two or more, their
//! index (`site::plan`); each page starts the app only when the reader needs it and has its
//! stylesheets inline; fills the names the page's scripts share with the app into the pages,
//! `embed.js` and the worker's template `sw.js`.
//!
//!   prerender <build dir> [release|debug]   reads <dir>/index.html, every guide's data file
//!                                           <dir>/data/guides/<slug>.json and, with two guides
//!                                           or more, <dir>/data/site.json;
//!                                           release builds register the service worker
//!
//! Native only: the wasm build of the app never contains it.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    use std::path::PathBuf;

    let mut args = std::env::args_os().skip(1);
    let dir = args.next().map(PathBuf::from);
    let release = match args.next().as_ref().map(|profile| profile.to_str()) {
        None | Some(Some("debug")) => Some(false),
        Some(Some("release")) => Some(true),
        Some(_) => None,
    };
    let (Some(dir), Some(release)) = (dir, release) else {
        eprintln!("usage: prerender <build dir> [release|debug]");
        return std::process::ExitCode::from(2);
    };
    match prerender(&dir, release) {
        Ok(bytes) => {
            println!("prerender: {bytes} bytes of pages in all");
            std::process::ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("prerender: {error}");
            std::process::ExitCode::FAILURE
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn prerender(dir: &std::path::Path, release: bool) -> Result<usize, Box<dyn std::error::Error>> {
    use career_guide::data::{content_tag, decode_guide, guide_url, GUIDES_DIR};
    use career_guide::prerender::head::{legacy_links_script, short_description, with_page_head};
    use career_guide::prerender::preview::preview_svg;
    use career_guide::prerender::render::{render_full_page, render_index};
    use career_guide::prerender::shared_names::{embed_titles, fill_names};
    use career_guide::prerender::structured::{
        json_ld_script, occupation_json_ld, open_graph_tags, PREVIEW_IMAGE,
    };
    use career_guide::prerender::{insert_prerendered, ShownGuide};
    use career_guide::salary::model::CHART_QUERY_KEYS;
    use career_guide::site::{plan_site, IndexEntry, Root};

    let settings = site_settings(dir)?;
    let plan = plan_site(
        &slugs_in(&dir.join(GUIDES_DIR))?,
        settings.root_guide.as_deref(),
    )?;
    let index_path = dir.join("index.html");
    let template = std::fs::read_to_string(&index_path)
        .map_err(|error| format!("cannot read {}: {error}", index_path.display()))?;
    // Addresses others read out of the page (search engines, link previews): from the site's
    // public address when site.json gives it, else from the root's path (trunk's <base>).
    let root = settings.url.clone().unwrap_or_else(|| base_href(&template));
    let mut pages = Pages::default();
    let mut entries = Vec::new();
    let mut root_guide = None;
    for slug in &plan.guides {
        let file = guide_url(slug);
        let data_path = dir.join(&file);
        let data = std::fs::read_to_string(&data_path)
            .map_err(|error| format!("cannot read {}: {error}", data_path.display()))?;
        let guide = decode_guide(&file, &data).map_err(|error| error.to_string())?;
        // The app fetches the data without the indentation kept for editing (fewer bytes); it
        // decoded above, so it has no repeated key that re-writing would hide. serde_json's own
        // parser here: its numbers are exact whatever they are.
        let data = serde_json::to_string(&serde_json::from_str::<serde_json::Value>(&data)?)?;
        std::fs::write(&data_path, &data)?;
        let tag = content_tag(&data);
        let shown = ShownGuide {
            file: &file,
            built_from: &tag,
            progress_heir: plan.heir.as_deref() == Some(slug.as_str()),
        };
        let own = format!("{slug}/");
        let title = format!("{} · career guide", guide.title);
        let description = short_description(&guide.filled(&guide.intro.join(" ")), 160);
        let extra_head = format!(
            "{}\n{}",
            open_graph_tags(
                &guide.title,
                &description,
                &format!("{root}{own}{PREVIEW_IMAGE}")
            ),
            json_ld_script(&occupation_json_ld(&guide))
        );
        // The guide's own page, and the root when the site has this one guide: the same page,
        // whose address to keep is the guide's own.
        let mut at = vec![own.clone()];
        if plan.root == Root::Guide {
            at.push(String::new());
        }
        for path in at {
            let page = insert_prerendered(
                &template,
                &render_full_page(guide.clone(), &path),
                Some(shown),
            )?;
            let page = with_page_head(&page, &title, &description, &format!("{root}{own}"), &path);
            let page = page.replacen("</head>", &format!("{extra_head}\n</head>"), 1);
            pages.add(dir, &path, page, release)?;
        }
        // Its preview image's drawing, made a PNG by scripts/preview-images.mjs.
        std::fs::write(dir.join(&own).join("preview.svg"), preview_svg(&guide))?;
        entries.push(IndexEntry::of(
            slug,
            &guide,
            plan.heir.as_deref() == Some(slug.as_str()),
        ));
        if *slug == plan.root_guide {
            root_guide = Some(guide);
        }
    }
    if plan.root == Root::Index {
        let page = insert_prerendered(&template, &render_index(entries), None)?;
        let description =
            "Career guides, each with what the role pays by state and a step-by-step \
                           roadmap to tick off as you go.";
        let page = with_page_head(&page, "Career guides", description, &root, "");
        let script = legacy_links_script(&plan.root_guide, &CHART_QUERY_KEYS.join("|"));
        let page = page.replacen("</head>", &format!("{script}\n</head>"), 1);
        pages.add(dir, "", page, release)?;
    }
    let bytes = pages.finish(dir)?;
    for script in ["embed.js", "sw.js"] {
        let path = dir.join(script);
        let text = std::fs::read_to_string(&path)
            .map_err(|error| format!("cannot read {}: {error}", path.display()))?;
        // Snippets that name no guide were made while the root showed the root guide.
        let text = text.replace("__EMBED_TITLES__", &embed_titles(root_guide.as_ref()));
        let filled = fill_names(&text);
        check_names(&path, &filled)?;
        std::fs::write(&path, filled)?;
    }
    Ok(bytes)
}

/// The pages being written: each finished as the start script and stylesheets need, the
/// stylesheets removed once every page has them inline.
#[cfg(not(target_arch = "wasm32"))]
#[derive(Default)]
struct Pages {
    inlined: std::collections::BTreeSet<String>,
    bytes: usize,
}

#[cfg(not(target_arch = "wasm32"))]
impl Pages {
    /// Writes `page` as `<dir>/<path>index.html`, with the app started on demand and the
    /// stylesheets inline.
    fn add(
        &mut self,
        dir: &std::path::Path,
        path: &str,
        page: String,
        release: bool,
    ) -> Result<(), Box<dyn std::error::Error>> {
        use career_guide::prerender::{inline_stylesheets, start_on_demand};
        let page = start_on_demand(&page, release)?;
        // Stylesheets sit at the build's root under their hashed names.
        let file_of = |href: &str| dir.join(href.rsplit('/').next().unwrap_or(href));
        let (page, inlined) =
            inline_stylesheets(&page, |href| std::fs::read_to_string(file_of(href)).ok())?;
        let target = dir.join(path).join("index.html");
        check_names(&target, &page)?;
        if let Some(folder) = target.parent() {
            std::fs::create_dir_all(folder)?;
        }
        std::fs::write(&target, &page)?;
        println!(
            "prerender: wrote {} ({} bytes)",
            target.display(),
            page.len()
        );
        self.inlined.extend(inlined);
        self.bytes += page.len();
        Ok(())
    }

    /// Removes the stylesheets every page now holds, so that the service worker does not
    /// precache files no page asks for; the bytes written.
    fn finish(self, dir: &std::path::Path) -> std::io::Result<usize> {
        for href in &self.inlined {
            std::fs::remove_file(dir.join(href.rsplit('/').next().unwrap_or(href)))?;
        }
        Ok(self.bytes)
    }
}

/// The slugs of the guides in `guides`: the names of its `.json` files without the extension.
#[cfg(not(target_arch = "wasm32"))]
fn slugs_in(guides: &std::path::Path) -> Result<Vec<String>, String> {
    let entries = std::fs::read_dir(guides)
        .map_err(|error| format!("cannot read {}: {error}", guides.display()))?;
    Ok(entries
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .filter_map(|name| name.strip_suffix(".json").map(str::to_owned))
        .collect())
}

/// The site's settings, `data/site.json`: all optional.
#[cfg(not(target_arch = "wasm32"))]
#[derive(Default)]
struct SiteSettings {
    /// The guide the root showed while the site had one (`site::SitePlan::root_guide`).
    root_guide: Option<String>,
    /// The site's public address, ending in `/` (`https://example.org/careers/`): search engines
    /// and link previews get whole addresses from it.
    url: Option<String>,
}

/// The build's `data/site.json`, when there is one.
#[cfg(not(target_arch = "wasm32"))]
fn site_settings(dir: &std::path::Path) -> Result<SiteSettings, String> {
    let path = dir.join("data").join("site.json");
    let Ok(text) = std::fs::read_to_string(&path) else {
        return Ok(SiteSettings::default());
    };
    let value: serde_json::Value =
        serde_json::from_str(&text).map_err(|error| format!("{}: {error}", path.display()))?;
    let text_of = |key: &str| match value.get(key) {
        None => Ok(None),
        Some(serde_json::Value::String(text)) => Ok(Some(text.clone())),
        Some(_) => Err(format!("{}: {key} must be text", path.display())),
    };
    let url = text_of("url")?;
    if url.as_deref().is_some_and(|url| {
        !(url.starts_with("https://") || url.starts_with("http://")) || !url.ends_with('/')
    }) {
        return Err(format!(
            "{}: url must be the site's whole address, ending in / (https://example.org/careers/)",
            path.display()
        ));
    }
    Ok(SiteSettings {
        root_guide: text_of("root_guide")?,
        url,
    })
}

/// The path of trunk's `<base href>` in `template` (the site's root, `/` or `/career-guide/`).
#[cfg(not(target_arch = "wasm32"))]
fn base_href(template: &str) -> String {
    template
        .split_once("<base href=\"")
        .and_then(|(_, rest)| rest.split_once('"'))
        .map_or_else(|| "/".to_owned(), |(href, _)| href.to_owned())
}

/// Refuses a file that still holds a `__NAME__` placeholder no shared name fills.
#[cfg(not(target_arch = "wasm32"))]
fn check_names(path: &std::path::Path, text: &str) -> Result<(), String> {
    let left = career_guide::prerender::shared_names::unfilled(text);
    if left.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "{} still holds {}",
            path.display(),
            left.join(", ")
        ))
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}
