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
use crate::platform::effect::effect;
use crate::platform::lifetime::in_scope;
use crate::platform::stagger::{in_turn, page_on_screen};

/// Puts what every part of the guide reads in the context: the guide itself (for the blocks'
/// figures) and the embed dialog the sections' Embed buttons open.
pub fn provide_guide(guide: &Arc<Guide>) {
    provide_context(guide.clone());
    provide_embed_dialog();
}

/// The whole guide, laid out for reading.
///
/// Built a part per task (a `Stagger` in the context), the page starts hidden, and whoever
/// staggers it shows it and keeps the reader's place; built at once, it jumps to the URL's
/// `#hash` once its sections are there.
#[component]
pub fn GuidePage(guide: Arc<Guide>) -> impl IntoView {
    provide_guide(&guide);
    let entries = table_of_contents(&guide);
    let (active, set_active) = signal(None::<String>);
    let ids: Vec<String> = entries.iter().map(|entry| entry.id.clone()).collect();
    let on_screen = page_on_screen();
    let built_at_once = on_screen.get_untracked();
    // The listeners and observers below live as long as the page, not as one run of the effect.
    let page_scope = Owner::current();
    // Browser-only work runs after the sections are in the DOM, never while rendering.
    effect(move |started: Option<()>| {
        if started.is_none() {
            // From the start: links in a copy on screen are followed while this page is built.
            in_scope(page_scope.as_ref(), keep_in_page_links_in_page);
        }
        if !on_screen.get() {
            return;
        }
        // Tracks nothing: what runs below (focus handlers too) must not run this effect again.
        untrack(|| {
            in_scope(page_scope.as_ref(), || {
                follow_reading_position(ids.clone(), set_active);
            });
            if built_at_once {
                scroll_to_hash_target();
            }
        });
    });
    view! {
        <div class="guide-layout" hidden=!built_at_once>
            <GuideHeader guide=guide.clone() />
            <TableOfContents entries active />
            <main id="main" class="guide-body" tabindex="-1">
                {guide.sections.iter().cloned().map(|section| in_turn(move || view! { <GuideSection section /> }.into_any())).collect_view()}
            </main>
            <EmbedDialog />
        </div>
    }
}
