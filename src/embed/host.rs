//! The only code that talks to an embedding page: reading embed mode at start, applying the
//! requested theme, and posting the content's height to the parent. It reads nothing from it.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

use super::model::{resize_message, EmbedRequest};

/// Embed mode as the page's URL asks for it; `None` for the full page.
pub fn request_from_location() -> Option<EmbedRequest> {
    let search = web_sys::window()?.location().search().ok()?;
    EmbedRequest::from_query(&search)
}

/// Marks the page as embedded (for the stylesheet) and applies the requested theme.
pub fn prepare_page(request: &EmbedRequest) {
    let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    else {
        return;
    };
    let _ = root.class_list().add_1("embedded");
    // The page's own chrome: a skip link means nothing inside another site's frame.
    if let Some(link) = root.query_selector(".skip-link").ok().flatten() {
        link.remove();
    }
    if let Some(theme) = request.theme.attribute() {
        let _ = root.set_attribute("data-theme", theme);
    }
}

/// Undoes index.html's early guess that the page is embedded, when the URL is not a valid
/// embed request after all: the full page shows.
pub fn leave_embed_mode() {
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.class_list().remove_1("embedded");
    }
}

/// Posts the page's height to the parent whenever the content's size changes (ResizeObserver,
/// not a timer). Does nothing in a top-level page.
pub fn report_height(frame_id: Option<String>) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Some(parent) = window
        .parent()
        .ok()
        .flatten()
        .filter(|parent| *parent != window)
    else {
        return;
    };
    let Some(body) = window.document().and_then(|d| d.body()) else {
        return;
    };
    let measured = body.clone();
    let last = std::cell::Cell::new(0u32);
    let callback = Closure::<dyn Fn()>::new(move || {
        let height = measured.get_bounding_client_rect().height();
        let (kind, id, height) = resize_message(frame_id.as_deref(), height);
        if height == last.replace(height) {
            return;
        }
        let message = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&message, &"type".into(), &kind.into());
        let id = id.map_or(JsValue::NULL, |id| JsValue::from_str(&id));
        let _ = js_sys::Reflect::set(&message, &"id".into(), &id);
        let _ = js_sys::Reflect::set(&message, &"height".into(), &height.into());
        // The message holds only our own height, so any host may read it.
        let _ = parent.post_message(&message, "*");
    });
    if let Ok(observer) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) {
        observer.observe(&body);
        // Set up before the app is mounted, outside any scope, so nothing could ever clean it
        // up: it lasts as long as the page. (`hold_until_cleanup` would do the same here, with
        // more code in the wasm.)
        callback.forget();
    }
}
