//! Browser glue for the chart: the URL query, the container's width, focus and file downloads.
//! Called from effects and event handlers only, never while rendering.

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, HtmlCanvasElement, HtmlImageElement, Url};

use super::model::ChartState;

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
    Effect::new(move |_| {
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

/// Keeps `width` equal to the element's content width as it resizes.
pub fn follow_width(element: &web_sys::Element, width: RwSignal<f64>) {
    let measured = f64::from(element.client_width());
    if measured > 0.0 {
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
        // The observer lives as long as the page.
        callback.forget();
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

fn blob_of(text: &str, mime: &str) -> Option<Blob> {
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    Blob::new_with_str_sequence_and_options(&parts, &options).ok()
}

/// Offers `blob` as a download named `name`.
fn save_blob(name: &str, blob: &Blob) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(url) = Url::create_object_url_with_blob(blob) else {
        return;
    };
    if let Ok(anchor) = document.create_element("a") {
        let anchor: HtmlAnchorElement = anchor.unchecked_into();
        anchor.set_href(&url);
        anchor.set_download(name);
        anchor.click();
    }
    // Revoke later: the download reads the URL after this handler returns.
    let revoke = Closure::once_into_js(move || {
        let _ = Url::revoke_object_url(&url);
    });
    if let Some(window) = web_sys::window() {
        let _ = window
            .set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 10_000);
    }
}

/// Offers `text` as a download named `name`.
pub fn save_text(name: &str, mime: &str, text: &str) {
    if let Some(blob) = blob_of(text, mime) {
        save_blob(name, &blob);
    }
}

/// Draws the SVG at twice its size onto a canvas and offers the PNG as a download.
pub fn save_png(name: &str, svg: &str) {
    let (Some(blob), Some(document)) = (
        blob_of(svg, "image/svg+xml"),
        web_sys::window().and_then(|w| w.document()),
    ) else {
        return;
    };
    let (Ok(url), Ok(image)) = (
        Url::create_object_url_with_blob(&blob),
        HtmlImageElement::new(),
    ) else {
        return;
    };
    let name = name.to_owned();
    let source = url.clone();
    let loaded = image.clone();
    let on_load = Closure::once_into_js(move || {
        let _ = Url::revoke_object_url(&source);
        let Ok(canvas) = document.create_element("canvas") else {
            return;
        };
        let canvas: HtmlCanvasElement = canvas.unchecked_into();
        canvas.set_width(loaded.natural_width() * 2);
        canvas.set_height(loaded.natural_height() * 2);
        let Some(context) = canvas
            .get_context("2d")
            .ok()
            .flatten()
            .and_then(|c| c.dyn_into::<web_sys::CanvasRenderingContext2d>().ok())
        else {
            return;
        };
        let _ = context.scale(2.0, 2.0);
        let _ = context.draw_image_with_html_image_element(&loaded, 0.0, 0.0);
        let on_blob = Closure::once_into_js(move |png: JsValue| {
            if let Ok(png) = png.dyn_into::<Blob>() {
                save_blob(&name, &png);
            }
        });
        let _ = canvas.to_blob_with_type(on_blob.unchecked_ref(), "image/png");
    });
    image.set_onload(Some(on_load.unchecked_ref()));
    image.set_src(&url);
}
