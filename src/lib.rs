//! career-guide: career guides (how to become an Infrastructure Engineer, and any role with a data
//! file in `public/data/guides/`), as a web app.
//!
//! Each feature has its own folder with a pure, natively tested model and thin views.

// Leptos view types nest deeply; the roadmap's tool bar passes the default limit of 128.
#![recursion_limit = "256"]

pub mod app;
pub mod data;
pub mod decimal;
pub mod embed;
pub mod guide;
pub mod markup;
pub mod offline;
pub mod platform;
pub mod prerender;
pub mod query;
pub mod roadmap;
pub mod salary;
pub mod short_sort;
pub mod site;
pub mod takeover;
pub mod widgets;

pub use app::App;

/// Mounts the app in the page's `#app` element (or its `<body>`), in embed mode when the URL
/// asks for it; a guide rendered into the page at build time stays until the app replaces it.
pub fn mount() {
    use wasm_bindgen::JsCast;

    // The site's index names no guide: the app only shows the reader's progress on each.
    if takeover::page_is_prerendered() && takeover::guide_file().is_none() {
        // Nothing is mounted, so Leptos's executor is not set up: wasm-bindgen's runs the task.
        wasm_bindgen_futures::spawn_local(async {
            let _ = site::progress::show_progress().await;
        });
        return;
    }
    // The file the page names (read before embed mode discards the static copy); a page built
    // without one gets the error view, which names the file it could not fetch.
    let data_url = takeover::guide_file().unwrap_or_else(|| data::guide_url(""));
    let progress_heir = takeover::progress_heir();
    let embed = embed::host::request_from_location();
    match &embed {
        Some(request) => {
            takeover::discard_prerendered();
            embed::host::prepare_page(request);
            embed::host::report_height(request.frame_id.clone());
        }
        // index.html's early guess (a one-line script) said embed, but the request is not one.
        None => embed::host::leave_embed_mode(),
    }
    let prerendered = takeover::page_is_prerendered();
    let app = move || leptos::view! { <App data_url=data_url.clone() progress_heir embed=embed.clone() prerendered /> };
    let root = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.get_element_by_id(APP_ROOT_ID))
        .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok());
    match root {
        Some(root) => leptos::mount::mount_to(root, app).forget(),
        None => leptos::mount::mount_to_body(app),
    }
}

/// The id of the element in `index.html` the app renders into.
pub const APP_ROOT_ID: &str = "app";
