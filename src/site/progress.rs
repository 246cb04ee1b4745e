//! The reader's progress on each guide, added to the site's index by the app, which the index's
//! start script runs only when this browser holds some progress: a lazy module, fetched on the
//! index alone. Browser-only.

use wasm_bindgen::JsCast;

use super::index_page::ITEMS_ATTRIBUTE;
use crate::platform::parts::{part_entry, PartMissing};
use crate::prerender::PROGRESS_HEIR_ATTRIBUTE;
use crate::roadmap::model::{Counts, ProgressKeys};
use crate::roadmap::storage::{peek, ProgressPlace};

part_entry! {
    site_progress,
    /// Fetches the part and shows the progress (nothing is shown when it cannot be fetched: the
    /// index reads as it is).
    pub fn show_progress() -> Result<(), PartMissing> {
        write_progress();
        Ok(())
    }
}

/// Writes under each guide's card of the index the reader's progress on it ("Your progress: 3 of
/// 25 done", with a bar), where they have started it.
fn write_progress() {
    let Some(document) = web_sys::window().and_then(|window| window.document()) else {
        return;
    };
    let Ok(cards) = document.query_selector_all(".guide-card[data-guide]") else {
        return;
    };
    for index in 0..cards.length() {
        let Some(card) = cards
            .item(index)
            .and_then(|node| node.dyn_into::<web_sys::Element>().ok())
        else {
            continue;
        };
        let slug = card.get_attribute("data-guide").unwrap_or_default();
        let place = ProgressPlace {
            keys: ProgressKeys::of(&slug),
            heir: card.has_attribute(PROGRESS_HEIR_ATTRIBUTE),
        };
        let Some(doc) = peek(&place) else {
            continue;
        };
        let ids = card.get_attribute(ITEMS_ATTRIBUTE).unwrap_or_default();
        let counts = Counts::of(ids.split_whitespace().map(|id| doc.state(id)));
        if counts.not_started == counts.total {
            continue;
        }
        let _ = show(&document, &card, &counts);
    }
}

/// Adds `counts` to `card` as a progress meter like the checklist's, once.
fn show(document: &web_sys::Document, card: &web_sys::Element, counts: &Counts) -> Option<()> {
    if card.query_selector(".progress-meter").ok()?.is_some() {
        return Some(());
    }
    let summary = counts.summary();
    let meter = document.create_element("p").ok()?;
    meter.set_class_name("progress-meter");
    let label = document.create_element("span").ok()?;
    label.set_class_name("progress-label");
    label.set_text_content(Some(&format!("Your progress: {summary}")));
    let bar = document.create_element("progress").ok()?;
    bar.set_attribute("max", &counts.total.max(1).to_string())
        .ok()?;
    bar.set_attribute("value", &counts.settled().to_string())
        .ok()?;
    bar.set_attribute("aria-label", &format!("Your progress: {summary}"))
        .ok()?;
    meter.append_child(&label).ok()?;
    meter.append_child(&bar).ok()?;
    card.append_child(&meter).ok()?;
    Some(())
}
