//! The app adopting the static copy when it fetched the very data file the copy was rendered
//! from: the prose stays as it is, and only the live parts (the contents' reading position, the
//! Embed buttons and dialog, the chart, the checklist) are built and put in place of their
//! static twins. Browser-only.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::tachys::view::any_view::AnyViewState;
use leptos::tachys::view::{Mountable, Render};
use wasm_bindgen::JsCast;

use super::first_acts::replay;
use super::places::{focused_place, follow};
use super::rebuild::RebuiltPage;
use super::static_copy::{discard_prerendered, static_layout, take_pending_acts};
use crate::data::Guide;
use crate::embed::EmbedDialog;
use crate::guide::{
    follow_reading_position, keep_in_page_links_in_page, live_parts, provide_guide,
    table_of_contents, TableOfContents,
};
use crate::platform::layout::focus_without_scrolling;
use crate::platform::lifetime::{hold_until_cleanup, in_scope};

/// The static copy made the app's page: its live parts built from `guide`. Should the copy
/// lack one of them (a host rewrote the page), nothing is touched and the page is rebuilt.
#[component]
pub fn AdoptedPage(guide: Arc<Guide>) -> impl IntoView {
    let rebuild = RwSignal::new(false);
    let scope = Owner::current();
    {
        let guide = guide.clone();
        Effect::new(move |done: Option<()>| {
            if done.is_none() && untrack(|| in_scope(scope.as_ref(), || adopt(&guide))).is_none() {
                rebuild.set(true);
            }
        });
    }
    move || {
        rebuild
            .get()
            .then(|| view! { <RebuiltPage guide=guide.clone() /> })
    }
}

/// A live part and the static element it replaces.
struct Swap {
    target: web_sys::Element,
    build: Box<dyn FnOnce() -> AnyView>,
}

/// Builds the live parts in place of their static twins, moves the layout into the app's root
/// and does what the reader pressed meanwhile; `None` (and nothing changed) when a part's
/// static twin is missing.
fn adopt(guide: &Arc<Guide>) -> Option<()> {
    let document = web_sys::window()?.document()?;
    let app_root = document.get_element_by_id(crate::APP_ROOT_ID)?;
    let layout = static_layout()?;
    let find = |selector: &str| layout.query_selector(selector).ok().flatten();
    provide_guide(guide);
    let entries = table_of_contents(guide);
    let ids: Vec<String> = entries.iter().map(|entry| entry.id.clone()).collect();
    let (active, set_active) = signal(None::<String>);
    let mut swaps = vec![
        Swap {
            target: find(":scope > nav.toc")?,
            build: Box::new(move || view! { <TableOfContents entries active /> }.into_any()),
        },
        Swap {
            target: find(":scope > dialog.embed-dialog")?,
            build: Box::new(|| view! { <EmbedDialog /> }.into_any()),
        },
    ];
    let sections = layout
        .query_selector_all(":scope > .guide-body > .guide-section")
        .ok()?;
    if sections.length() as usize != guide.sections.len() {
        return None;
    }
    for (index, section) in guide.sections.iter().enumerate() {
        let element: web_sys::Element = sections.item(index as u32)?.dyn_into().ok()?;
        if element.id() != section.id {
            return None;
        }
        for part in live_parts(section) {
            let target = element
                .query_selector_all(part.selector)
                .ok()?
                .item(part.nth)?
                .dyn_into()
                .ok()?;
            swaps.push(Swap {
                target,
                build: part.build,
            });
        }
    }
    // Every twin is there: from here on the page changes, in this one task.
    let window = web_sys::window()?;
    let (x, y) = (
        window.scroll_x().unwrap_or(0.0),
        window.scroll_y().unwrap_or(0.0),
    );
    let focused = focused_place(&layout);
    let mut built: Vec<AnyViewState> = Vec::with_capacity(swaps.len());
    for swap in swaps {
        let Some(parent) = swap.target.parent_element() else {
            continue;
        };
        let mut state = (swap.build)().build();
        state.mount(&parent, Some(&swap.target));
        swap.target.remove();
        built.push(state);
    }
    hold_until_cleanup(built, |built| {
        for mut state in built {
            state.unmount();
        }
    });
    let acts = take_pending_acts();
    let _ = app_root.append_child(&layout);
    discard_prerendered();
    if let Some(element) = focused.and_then(|place| follow(&layout, &place)) {
        focus_without_scrolling(&element);
    }
    if window.scroll_y().unwrap_or(0.0) != y {
        window.scroll_to_with_x_and_y(x, y);
    }
    keep_in_page_links_in_page();
    follow_reading_position(ids, set_active);
    replay(&layout, &acts);
    Some(())
}
