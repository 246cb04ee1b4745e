//! Browser glue for reading position: the scroll-spy observer and deep links on first load.

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{IntersectionObserver, IntersectionObserverEntry, IntersectionObserverInit};

use super::address::PagePath;
use super::model::ScrollSpy;
use crate::platform::layout::jump_to_shown;
use crate::platform::lifetime::hold_until_cleanup;

/// Watches the sections cross a band near the top of the viewport and reports the one being
/// read, until the calling scope is cleaned up.
pub fn follow_reading_position(ids: Vec<String>, report: WriteSignal<Option<String>>) {
    let Some(document) = web_sys::window().and_then(|window| window.document()) else {
        return;
    };
    let mut spy = ScrollSpy::new(ids.clone());
    let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
        for entry in entries.iter() {
            let entry: IntersectionObserverEntry = entry.unchecked_into();
            spy.observe(&entry.target().id(), entry.is_intersecting());
        }
        report.set(spy.active().map(str::to_owned));
    });
    let options = IntersectionObserverInit::new();
    // The band: from just below the top edge to 70% up from the bottom.
    options.set_root_margin("-10% 0px -70% 0px");
    let Ok(observer) =
        IntersectionObserver::new_with_options(callback.as_ref().unchecked_ref(), &options)
    else {
        return;
    };
    for id in &ids {
        if let Some(section) = document.get_element_by_id(id) {
            observer.observe(&section);
        }
    }
    hold_until_cleanup((observer, callback), |(observer, _)| observer.disconnect());
}

/// The URL's `#hash`, or an empty string.
pub fn location_hash() -> String {
    web_sys::window()
        .and_then(|window| window.location().hash().ok())
        .unwrap_or_default()
}

/// The page's content arrives after the browser's own jump to `#hash`, so do it again now.
pub fn scroll_to_hash_target() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let hash = location_hash();
    let Some(id) = hash.strip_prefix('#').filter(|id| !id.is_empty()) else {
        return;
    };
    if let Some(target) = window.document().and_then(|doc| doc.get_element_by_id(id)) {
        target.scroll_into_view();
    }
}

/// Makes every in-page link (`href="{path}#…"`, see [`PagePath`]) jump within this page. The
/// link leaves out the query the chart keeps its state in (`?metric=…`), so followed as it is it
/// would load the page anew. Setting `location.hash` keeps the path and the query; modified
/// clicks (new tab, new window) are left to the browser.
pub fn keep_in_page_links_in_page() {
    let path = PagePath::current();
    // Clicks bubble to the window: one listener there, removed when the calling scope goes.
    let handle = window_event_listener(leptos::ev::click, move |event: web_sys::MouseEvent| {
        let modified = event.ctrl_key() || event.meta_key() || event.shift_key() || event.alt_key();
        if modified || event.button() != 0 || event.default_prevented() {
            return;
        }
        let link = event
            .target()
            .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
            .and_then(|element| element.closest("a[href*='#']").ok().flatten());
        let Some(href) = link.and_then(|link| link.get_attribute("href")) else {
            return;
        };
        let Some(fragment) = path.fragment_of(&href) else {
            return;
        };
        if let Some(window) = web_sys::window() {
            event.prevent_default();
            let _ = window.location().set_hash(fragment);
            // While a page is built out of sight, its twin of the target comes first.
            jump_to_shown(fragment);
        }
    });
    on_cleanup(move || handle.remove());
}
