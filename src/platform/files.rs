//! Saving files from the browser: text and PNG downloads through a temporary object URL.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, HtmlCanvasElement, HtmlImageElement, Url};

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
