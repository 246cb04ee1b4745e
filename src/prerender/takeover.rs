//! The app taking over the pre-rendered page: browser-only, called from effects and `mount`.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

use super::page::PRERENDERED_ID;
use super::stagger::Stagger;

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

/// Lets one waiting part of the app's page render per task (a message the page posts to itself,
/// which no timer clamps), until none is waiting.
pub fn render_in_turns(stagger: Stagger) {
    let Ok(channel) = web_sys::MessageChannel::new() else {
        // Zero-delay timers instead: slower (browsers space nested ones out), still a part a task.
        leptos::task::spawn_local(async move {
            while stagger.advance() {
                crate::platform::tasks::next_task().await;
            }
        });
        return;
    };
    let (receiver, sender) = (channel.port1(), channel.port2());
    let next_turn = Closure::<dyn FnMut()>::new({
        let sender = sender.clone();
        move || {
            if stagger.advance() {
                let _ = sender.post_message(&JsValue::NULL);
            }
        }
    });
    receiver.set_onmessage(Some(next_turn.as_ref().unchecked_ref()));
    // Called once per page load; the port keeps it until the page goes.
    next_turn.forget();
    let _ = sender.post_message(&JsValue::NULL);
}

/// Shows the app's page, built hidden above the static copy, in place of that copy, and keeps
/// the reader exactly where they were: both pages have the same layout, so the reader's scroll
/// offset points at the same line in the app's page. Keyboard focus moves to the same element of
/// the app's page, so Tab goes on from there.
///
/// Laying out the whole new page at once is most of the swap's cost, so its sections are not laid
/// out while off screen (`content-visibility: auto`), standing in at their static copy's height
/// meanwhile; then one section a frame gets its layout back.
pub fn hand_over_to_app() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let (x, y) = (
        window.scroll_x().unwrap_or(0.0),
        window.scroll_y().unwrap_or(0.0),
    );
    let focused = focused_place();
    let mut skipped = VecDeque::new();
    if let Some(page) = app_page() {
        skipped = skip_sections_off_screen(&page);
        let _ = page.remove_attribute("hidden");
    }
    discard_prerendered();
    if let Some(element) = focused.and_then(|path| app_page().and_then(|root| follow(&root, &path)))
    {
        focus_without_scrolling(&element);
    }
    if window.scroll_y().unwrap_or(0.0) != y {
        window.scroll_to_with_x_and_y(x, y);
    }
    lay_out_one_per_frame(skipped);
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

/// Lets the browser skip laying out each of the app's sections while it is off screen, standing
/// in at its static copy's height; returns the sections, top first.
fn skip_sections_off_screen(page: &web_sys::Element) -> VecDeque<web_sys::HtmlElement> {
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
            let _ = style.set_property("contain-intrinsic-height", &format!("auto {height}px"));
            skipped.push_back(twin);
        }
    }
    skipped
}

/// Gives the sections their layout back, one per animation frame, so that no frame lays out
/// much: smooth scrolling, find in page and the scroll bar need every section laid out.
fn lay_out_one_per_frame(sections: VecDeque<web_sys::HtmlElement>) {
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

/// While the app's page is built out of sight, its elements share their ids with the static
/// copy's and come first in the document, so the browser's own jump to `#id` finds a hidden
/// element and does nothing. Jumps to the static copy's element instead (and focuses it when it
/// takes focus, as the skip link's target does); the app's page follows after the swap.
pub fn jump_in_static_copy(fragment: &str) {
    let Some(copy) = prerendered_element() else {
        return;
    };
    let id = fragment.trim_start_matches('#');
    let Ok(candidates) = copy.query_selector_all("[id]") else {
        return;
    };
    let target = (0..candidates.length())
        .filter_map(|index| candidates.item(index)?.dyn_into::<web_sys::Element>().ok())
        .find(|element| element.id() == id);
    if let Some(target) = target {
        target.scroll_into_view();
        if target.has_attribute("tabindex") {
            focus_without_scrolling(&target);
        }
    }
}

/// The width of the element matching `selector` in the static copy: while the app's page is
/// built hidden, its own elements have no width yet, and the copy has the same layout.
pub fn width_in_static_copy(selector: &str) -> Option<f64> {
    let element = prerendered_element()?
        .query_selector(selector)
        .ok()
        .flatten()?;
    Some(f64::from(element.client_width())).filter(|width| *width > 0.0)
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
