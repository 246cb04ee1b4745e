//! The app taking over the pre-rendered page: browser-only, called from effects and `mount`.

use wasm_bindgen::JsCast;

use super::page::PRERENDERED_ID;

fn prerendered_element() -> Option<web_sys::Element> {
    web_sys::window()?
        .document()?
        .get_element_by_id(PRERENDERED_ID)
}

/// Whether the page came with the guide already in it (a built `index.html`).
pub fn page_is_prerendered() -> bool {
    prerendered_element().is_some()
}

/// Removes the pre-rendered guide without ceremony (embed mode shows another part).
pub fn discard_prerendered() {
    if let Some(element) = prerendered_element() {
        element.remove();
    }
}

/// Removes the pre-rendered guide once the app has rendered the same page above it, and keeps
/// the reader exactly where they were: both pages have the same layout, so the reader's scroll
/// offset points at the same line in the app's page. (`overflow-anchor: none` on the pre-rendered
/// element keeps the browser from shifting the offset while both are in the document.) Keyboard
/// focus moves to the same element of the app's page, so Tab goes on from there.
pub fn hand_over_to_app() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let (x, y) = (
        window.scroll_x().unwrap_or(0.0),
        window.scroll_y().unwrap_or(0.0),
    );
    let focused = focused_place();
    discard_prerendered();
    if let Some(element) = focused.and_then(|path| app_page().and_then(|root| follow(&root, &path)))
    {
        focus_without_scrolling(&element);
    }
    if window.scroll_y().unwrap_or(0.0) != y {
        window.scroll_to_with_x_and_y(x, y);
    }
}

/// The root of the guide's layout in the static copy and in the app's page (the same markup).
const LAYOUT: &str = ".guide-layout";

fn app_page() -> Option<web_sys::Element> {
    let document = web_sys::window()?.document()?;
    document
        .query_selector(&format!("#app > {LAYOUT}"))
        .ok()
        .flatten()
}

/// Where the focused element sits in the static copy: child indices from its layout root.
fn focused_place() -> Option<Vec<u32>> {
    let document = web_sys::window()?.document()?;
    let root = prerendered_element()?
        .query_selector(LAYOUT)
        .ok()
        .flatten()?;
    let mut element = document.active_element()?;
    let mut path = Vec::new();
    while element != root {
        let parent = element.parent_element()?;
        let siblings = parent.children();
        let index =
            (0..siblings.length()).find(|&i| siblings.item(i).as_ref() == Some(&element))?;
        path.push(index);
        element = parent;
    }
    path.reverse();
    Some(path)
}

/// The element at `path` (child indices) below `root`.
fn follow(root: &web_sys::Element, path: &[u32]) -> Option<web_sys::Element> {
    path.iter().try_fold(root.clone(), |element, &index| {
        element.children().item(index)
    })
}

/// `focus({ preventScroll: true })` on an HTML or SVG element.
fn focus_without_scrolling(element: &web_sys::Element) {
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"preventScroll".into(), &true.into());
    if let Ok(focus) = js_sys::Reflect::get(element, &"focus".into()) {
        if let Some(focus) = focus.dyn_ref::<js_sys::Function>() {
            let _ = focus.call1(element, &options);
        }
    }
}
