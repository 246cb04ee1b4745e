//! The static copy: the guide pre-rendered into the built page, found by its id. Browser-only.

use super::page::PRERENDERED_ID;

/// The static copy, while it is in the page.
pub(super) fn prerendered_element() -> Option<web_sys::Element> {
    web_sys::window()?
        .document()?
        .get_element_by_id(PRERENDERED_ID)
}
