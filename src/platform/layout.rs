//! Finding what the reader actually sees when a page holds an element twice: while a page is
//! built out of sight, its elements share their ids and classes with the copy on screen, and
//! come first in the document. Browser-only.

use wasm_bindgen::JsCast;

/// Whether `element` takes up room on screen (it is not hidden, nor inside something hidden).
fn is_laid_out(element: &web_sys::Element) -> bool {
    let rect = element.get_bounding_client_rect();
    rect.width() > 0.0 || rect.height() > 0.0
}

/// The content width of the first element matching `selector` that is laid out; `None` when
/// none is (yet).
pub fn shown_width(selector: &str) -> Option<f64> {
    let document = web_sys::window()?.document()?;
    let matches = document.query_selector_all(selector).ok()?;
    (0..matches.length())
        .filter_map(|index| matches.item(index)?.dyn_into::<web_sys::Element>().ok())
        .map(|element| f64::from(element.client_width()))
        .find(|width| *width > 0.0)
}

/// Scrolls to the laid-out element whose id is `fragment` (with or without its `#`), and
/// focuses it when it takes focus (as the skip link's target does). The browser's own jump to
/// `#id` goes to the first element with that id, even a hidden one, and then does nothing.
pub fn jump_to_shown(fragment: &str) {
    let id = fragment.trim_start_matches('#');
    let Some(document) = web_sys::window().and_then(|window| window.document()) else {
        return;
    };
    let Ok(candidates) = document.query_selector_all("[id]") else {
        return;
    };
    let target = (0..candidates.length())
        .filter_map(|index| candidates.item(index)?.dyn_into::<web_sys::Element>().ok())
        .find(|element| element.id() == id && is_laid_out(element));
    if let Some(target) = target {
        target.scroll_into_view();
        if target.has_attribute("tabindex") {
            focus_without_scrolling(&target);
        }
    }
}

/// `focus({ preventScroll: true })` on an HTML or SVG element.
pub fn focus_without_scrolling(element: &web_sys::Element) {
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"preventScroll".into(), &true.into());
    if let Ok(focus) = js_sys::Reflect::get(element, &"focus".into()) {
        if let Some(focus) = focus.dyn_ref::<js_sys::Function>() {
            let _ = focus.call1(element, &options);
        }
    }
}
