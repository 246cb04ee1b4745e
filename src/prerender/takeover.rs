//! The app taking over the pre-rendered page: browser-only, called from effects and `mount`.

use std::collections::VecDeque;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

use super::section_layout::{lay_out_one_per_frame, skip_sections_off_screen};
use super::stagger::Stagger;
use super::static_copy::prerendered_element;

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
