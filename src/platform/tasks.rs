//! Yielding to the browser between pieces of work, so that no task runs long.

use wasm_bindgen::JsValue;

/// Resolves once the work queued so far (the effects a change just scheduled, which run as
/// microtasks) has run: still in this task, before the browser paints.
pub async fn after_queued_work() {
    let resolved = js_sys::Promise::resolve(&JsValue::NULL);
    let _ = wasm_bindgen_futures::JsFuture::from(resolved).await;
}

/// Resolves in a later task: the browser may handle input and paint first. A message the page
/// posts to itself, which no timer clamps (nested zero-delay timers wait 4 ms each); a timer
/// where there are no message channels.
pub async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        if let Ok(channel) = web_sys::MessageChannel::new() {
            channel.port1().set_onmessage(Some(&resolve));
            if channel.port2().post_message(&JsValue::NULL).is_ok() {
                return;
            }
        }
        let scheduled = web_sys::window()
            .and_then(|window| window.set_timeout_with_callback(&resolve).ok())
            .is_some();
        if !scheduled {
            let _ = resolve.call0(&JsValue::NULL);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}
