//! When the app breaks after it started: a panic is reported to the page, whose start script
//! shows the one failure notice (what failed, and Reload) that also covers a failed start.

use wasm_bindgen::JsValue;

/// The event the app dispatches on `window` when it fails, its `detail` saying what failed. The
/// start script (`prerender/start_on_demand.js`) gets this name from `prerender/start.rs`.
pub const FAILED_EVENT: &str = "career-guide:failed";

/// Reports every later panic to the page (see [`FAILED_EVENT`]) before the wasm stops: with
/// `panic = "abort"` nothing else would tell the reader that the controls no longer work.
pub fn report_panics() {
    std::panic::set_hook(Box::new(|info| report_failure(&info.to_string())));
}

/// Tells the page that the app failed, with `reason` for the notice.
pub fn report_failure(reason: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let init = web_sys::CustomEventInit::new();
    init.set_detail(&JsValue::from_str(reason));
    if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(FAILED_EVENT, &init) {
        let _ = window.dispatch_event(&event);
    }
}
