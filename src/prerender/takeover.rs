//! The app taking over the pre-rendered page: browser-only, called from effects and `mount`.

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
/// element keeps the browser from shifting the offset while both are in the document.)
pub fn hand_over_to_app() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let (x, y) = (
        window.scroll_x().unwrap_or(0.0),
        window.scroll_y().unwrap_or(0.0),
    );
    discard_prerendered();
    if window.scroll_y().unwrap_or(0.0) != y {
        window.scroll_to_with_x_and_y(x, y);
    }
}
