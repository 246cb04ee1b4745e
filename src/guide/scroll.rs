//! Browser glue for reading position: the scroll-spy observer and deep links on first load.

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{IntersectionObserver, IntersectionObserverEntry, IntersectionObserverInit};

use super::model::ScrollSpy;

/// Watches the sections cross a band near the top of the viewport and reports the one being
/// read. The observer lives as long as the page, so its callback is deliberately leaked.
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
    callback.forget();
    for id in &ids {
        if let Some(section) = document.get_element_by_id(id) {
            observer.observe(&section);
        }
    }
}

/// The page's content arrives after the browser's own jump to `#hash`, so do it again now.
pub fn scroll_to_hash_target() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let hash = window.location().hash().unwrap_or_default();
    let Some(id) = hash.strip_prefix('#').filter(|id| !id.is_empty()) else {
        return;
    };
    if let Some(target) = window.document().and_then(|doc| doc.get_element_by_id(id)) {
        target.scroll_into_view();
    }
}
