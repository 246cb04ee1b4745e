//! The app's sections during the swap: laid out only when on screen, standing in at the static
//! copy's heights, then given their layout back one per animation frame. Browser-only.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use super::static_copy::prerendered_element;

/// Lets the browser skip laying out each of the app's sections while it is off screen, standing
/// in at its static copy's height; returns the sections, top first.
pub(super) fn skip_sections_off_screen(page: &web_sys::Element) -> VecDeque<web_sys::HtmlElement> {
    let mut skipped = VecDeque::new();
    let Some(window) = web_sys::window() else {
        return skipped;
    };
    let sections =
        |root: &web_sys::Element| root.query_selector_all(".guide-body > .guide-section").ok();
    // The two pages have the same sections in the same order.
    let (Some(copies), Some(twins)) = (
        prerendered_element().and_then(|copy| sections(&copy)),
        sections(page),
    ) else {
        return skipped;
    };
    let as_html = |node: Option<web_sys::Node>| {
        node.and_then(|node| node.dyn_into::<web_sys::HtmlElement>().ok())
    };
    for index in 0..copies.length().min(twins.length()) {
        let (Some(copy), Some(twin)) = (as_html(copies.item(index)), as_html(twins.item(index)))
        else {
            continue;
        };
        if let Some(height) = content_height(&window, &copy) {
            let style = twin.style();
            let _ = style.set_property("content-visibility", "auto");
            // Six decimals: layout works in 1/64 px, which six write exactly; fewer would round
            // the height, and the page would shift once every section is laid out again.
            let _ = style.set_property(
                "contain-intrinsic-height",
                &format!("auto {}px", crate::decimal::decimal(height, 6)),
            );
            skipped.push_back(twin);
        }
    }
    skipped
}

/// Gives the sections their layout back, one per animation frame, so that no frame lays out
/// much: smooth scrolling, find in page and the scroll bar need every section laid out.
pub(super) fn lay_out_one_per_frame(sections: VecDeque<web_sys::HtmlElement>) {
    let frame: Frame = Rc::new(RefCell::new(None));
    let next_frame = frame.clone();
    let mut sections = sections;
    *frame.borrow_mut() = Some(Closure::new(move || {
        let Some(section) = sections.pop_front() else {
            // Done: drop this closure (the last reference to it).
            next_frame.borrow_mut().take();
            return;
        };
        let style = section.style();
        let _ = style.remove_property("content-visibility");
        let _ = style.remove_property("contain-intrinsic-height");
        request_frame(&next_frame);
    }));
    request_frame(&frame);
}

/// A callback that asks for the next animation frame itself; empty once it is done.
type Frame = Rc<RefCell<Option<Closure<dyn FnMut()>>>>;

fn request_frame(frame: &Frame) {
    if let (Some(window), Some(callback)) = (web_sys::window(), frame.borrow().as_ref()) {
        let _ = window.request_animation_frame(callback.as_ref().unchecked_ref());
    }
}

/// The height of an element's content box: what `contain-intrinsic-height` stands in for.
fn content_height(window: &web_sys::Window, element: &web_sys::HtmlElement) -> Option<f64> {
    let style = window.get_computed_style(element).ok().flatten()?;
    let px = |property: &str| {
        style
            .get_property_value(property)
            .ok()
            // JavaScript's parseFloat: Rust's float parser would add kilobytes to the wasm.
            .map(|value| js_sys::parse_float(&value))
            .filter(|value| value.is_finite())
            .unwrap_or(0.0)
    };
    let edges = [
        "padding-top",
        "padding-bottom",
        "border-top-width",
        "border-bottom-width",
    ];
    Some(element.get_bounding_client_rect().height() - edges.into_iter().map(px).sum::<f64>())
}
