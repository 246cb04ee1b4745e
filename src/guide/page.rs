//! The full guide: header, "On this page" and every section.

use std::sync::Arc;

use leptos::prelude::*;

use super::header::GuideHeader;
use super::model::table_of_contents;
use super::scroll::{
    follow_reading_position, keep_in_page_links_in_page, location_hash, scroll_to_hash_target,
};
use super::section::GuideSection;
use super::toc::TableOfContents;
use crate::data::Guide;
use crate::embed::{provide_embed_dialog, EmbedDialog};
use crate::platform::lifetime::in_scope;
use crate::prerender::takeover::{hand_over_to_app, render_in_turns};
use crate::prerender::{in_turn, Stagger};

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
    // Taking over, the page is built a part per task, hidden above the static copy.
    let stagger = if taking_over {
        Stagger::in_turns()
    } else {
        Stagger::at_once()
    };
    provide_context(stagger);
    let hash_at_start = StoredValue::new(String::new());
    // The listeners and observers below live as long as the page, not as one run of the effect.
    let page_scope = Owner::current();
    // Browser-only work runs after the sections are in the DOM, never while rendering.
    Effect::new(move |started: Option<()>| {
        if started.is_none() {
            // From the start: links in the static copy are followed while the page is built.
            in_scope(page_scope.as_ref(), keep_in_page_links_in_page);
            if taking_over {
                hash_at_start.set_value(location_hash());
                render_in_turns(stagger);
            }
        }
        if !stagger.finished().get() {
            return;
        }
        // Tracks nothing: what runs below (focus handlers too) must not run this effect again.
        untrack(|| {
            in_scope(page_scope.as_ref(), || {
                follow_reading_position(ids.clone(), set_active);
            });
            if taking_over {
                // A link followed in the static copy while the page was built still counts.
                let followed_link = location_hash() != hash_at_start.get_value();
                hand_over_to_app();
                if followed_link {
                    scroll_to_hash_target();
                }
            } else {
                scroll_to_hash_target();
            }
        });
    });
    view! {
        <div class="guide-layout" hidden=taking_over>
            <GuideHeader guide=guide.clone() />
            <TableOfContents entries active />
            <main id="main" class="guide-body" tabindex="-1">
                {guide.sections.iter().cloned().map(|section| in_turn(move || view! { <GuideSection section /> }.into_any())).collect_view()}
            </main>
            <EmbedDialog />
        </div>
    }
}
