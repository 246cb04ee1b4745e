//! The static copy: the guide rendered into the built page, found by its id, with what the
//! build and the start script wrote on it. Browser-only.

use super::places::{parse_places, write_places, Place};
use crate::prerender::{
    BUILT_FROM_ATTRIBUTE, GUIDE_FILE_ATTRIBUTE, PENDING_ACTS_ATTRIBUTE, PRERENDERED_ID,
    PROGRESS_HEIR_ATTRIBUTE,
};

/// The static copy, while it is in the page.
pub(super) fn prerendered_element() -> Option<web_sys::Element> {
    web_sys::window()?
        .document()?
        .get_element_by_id(PRERENDERED_ID)
}

/// The root of the static copy's layout (the markup the app's page also has).
pub(super) fn static_layout() -> Option<web_sys::Element> {
    prerendered_element()?.first_element_child()
}

/// Whether the page came with the guide already in it (a built `index.html`).
pub fn page_is_prerendered() -> bool {
    prerendered_element().is_some()
}

/// Removes the pre-rendered guide without ceremony (embed mode shows another part).
pub fn discard_prerendered() {
    if let Some(element) = prerendered_element() {
        element.remove();
    }
}

/// The data file of the guide the page shows, as the build named it on the static copy.
pub fn guide_file() -> Option<String> {
    prerendered_element()?.get_attribute(GUIDE_FILE_ATTRIBUTE)
}

/// Whether the page's guide is heir to the progress saved before guides had their own keys.
pub fn progress_heir() -> bool {
    prerendered_element().is_some_and(|copy| copy.has_attribute(PROGRESS_HEIR_ATTRIBUTE))
}

/// The content tag of the data file the static copy was rendered from.
pub fn built_from() -> Option<String> {
    prerendered_element()?.get_attribute(BUILT_FROM_ATTRIBUTE)
}

/// What the start script noted the reader pressed in the static copy (see
/// [`PENDING_ACTS_ATTRIBUTE`]) at places `within` says yes to; taken, so that each act is done
/// once, and the others left for later.
pub(super) fn take_pending_acts(within: impl Fn(&Place) -> bool) -> Vec<Place> {
    let Some(copy) = prerendered_element() else {
        return Vec::new();
    };
    let noted = copy
        .get_attribute(PENDING_ACTS_ATTRIBUTE)
        .unwrap_or_default();
    let (taken, left): (Vec<_>, Vec<_>) = parse_places(&noted)
        .into_iter()
        .partition(|place| within(place));
    let _ = if left.is_empty() {
        copy.remove_attribute(PENDING_ACTS_ATTRIBUTE)
    } else {
        copy.set_attribute(PENDING_ACTS_ATTRIBUTE, &write_places(&left))
    };
    taken
}
