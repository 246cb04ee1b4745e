//! The app building the whole page anew from the fetched data (new data deployed without a
//! rebuild of the page): out of sight, a part per task, then swapped in for the static copy.
//! Browser-only.

use std::collections::VecDeque;
use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

use super::first_acts::replay;
use super::places::{focused_place, follow};
use super::section_layout::{lay_out_one_per_frame, skip_sections_off_screen};
use super::static_copy::{discard_prerendered, static_layout, take_pending_acts};
use crate::data::Guide;
use crate::guide::{location_hash, scroll_to_hash_target, GuidePage};
use crate::platform::effect::effect;
use crate::platform::layout::focus_without_scrolling;
use crate::platform::lifetime::{hold_until_cleanup, in_scope};
use crate::platform::parts::{part_entry, part_view, Maker, PartMissing};
use crate::platform::stagger::Stagger;

/// [`RebuiltPage`], from a part of the app of its own (`platform::parts`): fetched only when the
/// data differs from the page's.
pub fn rebuilt_page(guide: Arc<Guide>) -> AnyView {
    part_view(
        Arc::new(move || Box::pin(rebuilt_part(guide.clone()))),
        None,
    )
}

part_entry! {
    rebuilt_page,
    /// The rebuilt page's part.
    fn rebuilt_part(guide: Arc<Guide>) -> Result<Maker, PartMissing> {
        Ok(Arc::new(move || {
            view! { <RebuiltPage guide=guide.clone() /> }.into_any()
        }))
    }
}

/// The guide built from `guide` out of sight, above the static copy, a part per task; then
/// shown in the copy's place, with the reader's place, focus and presses kept.
#[component]
pub fn RebuiltPage(guide: Arc<Guide>) -> impl IntoView {
    let stagger = Stagger::in_turns();
    provide_context(stagger);
    let hash_at_start = location_hash();
    let scope = Owner::current();
    effect(move |started: Option<()>| {
        if started.is_none() {
            in_scope(scope.as_ref(), || render_in_turns(stagger));
        }
        if !stagger.finished().get() {
            return;
        }
        untrack(|| {
            // A link followed in the static copy while the page was built still counts.
            let followed_link = location_hash() != hash_at_start;
            hand_over_to_app();
            if followed_link {
                scroll_to_hash_target();
            }
        });
    });
    view! { <GuidePage guide /> }
}

/// Lets one waiting part of the app's page render per task (a message the page posts to itself,
/// which no timer clamps), until none is waiting.
fn render_in_turns(stagger: Stagger) {
    let Ok(channel) = web_sys::MessageChannel::new() else {
        // Zero-delay timers instead: slower (browsers space nested ones out), still a part a task.
        leptos::task::spawn_local(async move {
            while stagger.advance() {
                crate::platform::tasks::next_task().await;
            }
        });
        return;
    };
    let (receiver, sender) = (channel.port1(), channel.port2());
    let next_turn = Closure::<dyn FnMut()>::new({
        let sender = sender.clone();
        move || {
            if stagger.advance() {
                let _ = sender.post_message(&JsValue::NULL);
            }
        }
    });
    receiver.set_onmessage(Some(next_turn.as_ref().unchecked_ref()));
    hold_until_cleanup((receiver, next_turn), |(receiver, _)| {
        receiver.set_onmessage(None);
    });
    let _ = sender.post_message(&JsValue::NULL);
}

/// Shows the app's page, built hidden above the static copy, in place of that copy, and keeps
/// the reader exactly where they were: both pages have the same layout, so the reader's scroll
/// offset points at the same line in the app's page. Keyboard focus moves to the same element of
/// the app's page, so Tab goes on from there, and what the reader pressed in the copy is done.
///
/// Laying out the whole new page at once is most of the swap's cost, so its sections are not laid
/// out while off screen (`content-visibility: auto`), standing in at their static copy's height
/// meanwhile; then one section a frame gets its layout back.
fn hand_over_to_app() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let (x, y) = (
        window.scroll_x().unwrap_or(0.0),
        window.scroll_y().unwrap_or(0.0),
    );
    let focused = static_layout().and_then(|layout| focused_place(&layout));
    let acts = take_pending_acts(|_| true);
    let page = app_page();
    let mut skipped = VecDeque::new();
    if let Some(page) = &page {
        skipped = skip_sections_off_screen(page);
        let _ = page.remove_attribute("hidden");
    }
    discard_prerendered();
    if let Some(page) = &page {
        if let Some(element) = focused.and_then(|place| follow(page, &place)) {
            focus_without_scrolling(&element);
        }
    }
    if window.scroll_y().unwrap_or(0.0) != y {
        window.scroll_to_with_x_and_y(x, y);
    }
    if let Some(page) = page.clone() {
        leptos::task::spawn_local(async move { replay(&page, acts).await });
    }
    lay_out_one_per_frame(skipped);
}

/// The root of the app's page: the same markup as the static copy's layout root.
fn app_page() -> Option<web_sys::Element> {
    let document = web_sys::window()?.document()?;
    document
        .query_selector(&format!("#{} > .guide-layout", crate::APP_ROOT_ID))
        .ok()
        .flatten()
}
