//! What the reader pressed in the static copy before the app was in charge (a Done button, a
//! chart's radio or bar), done again in the app's page once it is: no first act is lost.
//! Browser-only.

use wasm_bindgen::JsCast;

use super::places::{follow, Place};
use crate::platform::tasks::after_queued_work;

/// Presses, in order, the controls at `places` (noted by the start script, see
/// `static_copy::take_pending_acts`) below the app's layout root `root`, once the effects of the
/// parts just built have run (the checklist reads the saved progress there, which a press made
/// earlier would race), and before the browser paints the parts: the press shows with them.
/// Awaited, the presses are done before whatever the caller builds next.
pub(super) async fn replay(root: &web_sys::Element, places: Vec<Place>) {
    if places.is_empty() {
        return;
    }
    after_queued_work().await;
    for place in places {
        if let Some(control) = follow(root, &place) {
            press(&control);
        }
    }
}

/// A click on `control`, as the reader's was: HTML controls through `click()` (a radio gets
/// checked and says so), others (a chart bar, an SVG element) through a bubbling click event.
fn press(control: &web_sys::Element) {
    if let Some(html) = control.dyn_ref::<web_sys::HtmlElement>() {
        html.click();
        return;
    }
    let init = web_sys::MouseEventInit::new();
    init.set_bubbles(true);
    init.set_cancelable(true);
    if let Ok(click) = web_sys::MouseEvent::new_with_mouse_event_init_dict("click", &init) {
        let _ = control.dispatch_event(&click);
    }
}
