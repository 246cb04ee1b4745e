//! The full guide: header, "On this page" and every section.

use std::sync::Arc;

use leptos::prelude::*;

use super::header::GuideHeader;
use super::model::table_of_contents;
use super::scroll::{follow_reading_position, keep_in_page_links_in_page, scroll_to_hash_target};
use super::section::GuideSection;
use super::toc::TableOfContents;
use crate::data::Guide;
use crate::embed::{provide_embed_dialog, EmbedDialog};
use crate::prerender::takeover::hand_over_to_app;

/// The whole guide, laid out for reading; the guide is also put in context for the blocks.
#[component]
pub fn GuidePage(
    guide: Arc<Guide>,
    /// The page replaces the same page rendered at build time, where the reader may have
    /// scrolled already: keep their place instead of jumping to the `#hash` again.
    #[prop(optional)]
    taking_over: bool,
) -> impl IntoView {
    provide_context(guide.clone());
    provide_embed_dialog();
    let entries = table_of_contents(&guide);
    let (active, set_active) = signal(None::<String>);
    let ids: Vec<String> = entries.iter().map(|entry| entry.id.clone()).collect();
    // Browser-only work runs after the sections are in the DOM, never while rendering.
    Effect::new(move |_| {
        follow_reading_position(ids.clone(), set_active);
        keep_in_page_links_in_page();
        if taking_over {
            hand_over_to_app();
        } else {
            scroll_to_hash_target();
        }
    });
    view! {
        <div class="guide-layout">
            <GuideHeader guide=guide.clone() />
            <TableOfContents entries active />
            <main id="main" class="guide-body" tabindex="-1">
                {guide.sections.iter().cloned().map(|section| view! { <GuideSection section /> }).collect_view()}
            </main>
            <EmbedDialog />
        </div>
    }
}
