//! Writes the full page into a build's `index.html` (run by trunk's post_build hook), starts the
//! app only when the reader needs it, inlines the stylesheets, and fills the names the page's
//! scripts share with the app into `index.html`, `embed.js` and the worker's template `sw.js`.
//!
//!   prerender <build dir> [release|debug]   reads <dir>/index.html and the guide's data file,
//!                                           <dir>/data/guides/<slug>.json;
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
            println!(
                "prerender: wrote the guide into {} ({bytes} bytes)",
                dir.join("index.html").display()
            );
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
    use career_guide::prerender::render::render_full_page;
    use career_guide::prerender::shared_names::fill_names;
    use career_guide::prerender::{inline_stylesheets, insert_prerendered, start_on_demand};

    let slug = the_guide(&dir.join(GUIDES_DIR))?;
    let file = guide_url(&slug);
    let data_path = dir.join(&file);
    let data = std::fs::read_to_string(&data_path)
        .map_err(|error| format!("cannot read {}: {error}", data_path.display()))?;
    let guide = decode_guide(&file, &data).map_err(|error| error.to_string())?;
    // The app fetches the data without the indentation kept for editing (fewer bytes); it
    // decoded above, so it has no repeated key that re-writing would hide. serde_json's own
    // parser here: its numbers are exact whatever they are.
    let data = serde_json::to_string(&serde_json::from_str::<serde_json::Value>(&data)?)?;
    std::fs::write(&data_path, &data)?;
    let index_path = dir.join("index.html");
    let index = std::fs::read_to_string(&index_path)
        .map_err(|error| format!("cannot read {}: {error}", index_path.display()))?;
    // The one guide is the one the site served before guides had their own progress keys.
    let heir = true;
    let page = insert_prerendered(
        &index,
        &render_full_page(guide),
        &file,
        heir,
        &content_tag(&data),
    )?;
    let page = start_on_demand(&page, release)?;
    // Stylesheets sit at the build's root under their hashed names; once inlined, they go, so
    // that the service worker does not precache files no page asks for.
    let file_of = |href: &str| dir.join(href.rsplit('/').next().unwrap_or(href));
    let (page, inlined) =
        inline_stylesheets(&page, |href| std::fs::read_to_string(file_of(href)).ok())?;
    check_names(&index_path, &page)?;
    std::fs::write(&index_path, &page)?;
    for href in &inlined {
        std::fs::remove_file(file_of(href))?;
    }
    for script in ["embed.js", "sw.js"] {
        let path = dir.join(script);
        let text = std::fs::read_to_string(&path)
            .map_err(|error| format!("cannot read {}: {error}", path.display()))?;
        let filled = fill_names(&text);
        check_names(&path, &filled)?;
        std::fs::write(&path, filled)?;
    }
    Ok(page.len())
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

/// The slug of the one guide in `guides` (`<slug>.json`): the page is that guide's.
#[cfg(not(target_arch = "wasm32"))]
fn the_guide(guides: &std::path::Path) -> Result<String, String> {
    let entries = std::fs::read_dir(guides)
        .map_err(|error| format!("cannot read {}: {error}", guides.display()))?;
    let mut slugs: Vec<String> = entries
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .filter_map(|name| name.strip_suffix(".json").map(str::to_owned))
        .collect();
    slugs.sort();
    match slugs.as_slice() {
        [slug] => Ok(slug.clone()),
        [] => Err(format!(
            "no guide's data file (<slug>.json) in {}",
            guides.display()
        )),
        _ => Err(format!(
            "{} holds {} guides ({}); this build makes the page of one guide",
            guides.display(),
            slugs.len(),
            slugs.join(", ")
        )),
    }
}
