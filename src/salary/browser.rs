//! Browser glue for the chart: the URL query, the container's width and focus.
//! Called from effects and event handlers only, never while rendering.

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

use super::model::ChartState;
use crate::platform::effect::effect;
use crate::platform::layout::shown_width;
use crate::platform::lifetime::hold_until_cleanup;

/// Reads the chart state from the URL once, then writes every change back with
/// `history.replaceState`, keeping the URL's other parameters and its hash.
pub fn sync_with_url(state: RwSignal<ChartState>, codes: Vec<String>) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let location = window.location();
    let query = location.search().unwrap_or_default();
    let known: Vec<&str> = codes.iter().map(String::as_str).collect();
    state.set(ChartState::from_query(&query, &known));
    effect(move |_| {
        let wanted = state.get();
        let Some(window) = web_sys::window() else {
            return;
        };
        let location = window.location();
        let current = location.search().unwrap_or_default();
        let next = wanted.to_query(&current);
        if next != current {
            let path = location.pathname().unwrap_or_default();
            let hash = location.hash().unwrap_or_default();
            if let Ok(history) = window.history() {
                let _ = history.replace_state_with_url(
                    &JsValue::NULL,
                    "",
                    Some(&format!("{path}{next}{hash}")),
                );
            }
        }
    });
}

/// Keeps `width` equal to the element's content width as it resizes. While the page is built
/// out of sight, the width is that of the same element (`selector`) the reader sees.
pub fn follow_width(element: &web_sys::Element, width: RwSignal<f64>, selector: &str) {
    let measured = Some(f64::from(element.client_width()))
        .filter(|measured| *measured > 0.0)
        .or_else(|| shown_width(selector));
    if let Some(measured) = measured {
        width.set(measured);
    }
    let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
        if let Some(entry) = entries.get(0).dyn_ref::<web_sys::ResizeObserverEntry>() {
            let new_width = entry.content_rect().width().floor();
            if new_width > 0.0 && (new_width - width.get_untracked()).abs() >= 1.0 {
                width.set(new_width);
            }
        }
    });
    if let Ok(observer) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) {
        observer.observe(element);
        // Until the chart goes: then the observer stops and its callback is dropped.
        hold_until_cleanup((observer, callback), |(observer, _)| observer.disconnect());
    }
}

/// Moves keyboard focus to the element with this id.
pub fn focus_by_id(id: &str) {
    let element = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id));
    if let Some(element) = element.and_then(|e| e.dyn_into::<web_sys::SvgElement>().ok()) {
        let _ = element.focus();
    }
}
