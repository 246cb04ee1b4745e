//! The app adopting the static copy when it fetched the very data file the copy was rendered
//! from: the prose stays as it is, and only the live parts (the contents' reading position, the
//! Embed buttons and dialog, the checklist, the chart) are built, out of sight and a piece per
//! task, and put in place of their static twins. Browser-only.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::tachys::view::any_view::AnyViewState;
use leptos::tachys::view::{Mountable, Render};
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use super::first_acts::replay;
use super::places::{focused_place, follow, Place};
use super::rebuild::rebuilt_page;
use super::stand_ins::StandIns;
use super::static_copy::{prerendered_element, static_layout, take_pending_acts};
use crate::data::Guide;
use crate::embed::EmbedDialog;
use crate::guide::{
    follow_reading_position, keep_in_page_links_in_page, live_parts, provide_guide,
    table_of_contents, TableOfContents,
};
use crate::platform::effect::effect;
use crate::platform::layout::focus_without_scrolling;
use crate::platform::lifetime::{hold_until_cleanup, in_scope};
use crate::platform::stagger::Stagger;
use crate::platform::tasks::next_task;
use crate::short_sort;

/// The static copy made the app's page: its live parts built from `guide`. Should the copy
/// lack one of them (a host rewrote the page), nothing is touched and the page is rebuilt.
#[component]
pub fn AdoptedPage(guide: Arc<Guide>) -> impl IntoView {
    let rebuild = RwSignal::new(false);
    let scope = Owner::current();
    {
        let guide = guide.clone();
        effect(move |started: Option<()>| {
            if started.is_some() {
                return;
            }
            match untrack(|| in_scope(scope.as_ref(), || plan(&guide))) {
                Some(plan) => spawn_local(carry_out(plan, scope.clone())),
                None => rebuild.set(true),
            }
        });
    }
    move || rebuild.get().then(|| rebuilt_page(guide.clone()))
}

/// A live part and the static element it replaces.
struct Swap {
    target: web_sys::Element,
    build: Box<dyn FnOnce() -> AnyView>,
    /// Built a piece per task (the checklist's steps), or at once with the next one (small).
    in_turns: bool,
    /// The element holding the part's pieces ([`crate::guide::LivePart::pieces`]): the part is
    /// put in place before its pieces are built, the twin's pieces standing in for them.
    pieces: Option<&'static str>,
}

/// The adoption to carry out: the copy's layout root and each swap, in order.
struct Plan {
    layout: web_sys::Element,
    swaps: Vec<Swap>,
}

/// Finds every live part's static twin and puts what the parts read in the context; `None`
/// (and nothing changed in the page) when a twin is missing.
fn plan(guide: &Arc<Guide>) -> Option<Plan> {
    let layout = static_layout()?;
    let find = |selector: &str| layout.query_selector(selector).ok().flatten();
    provide_guide(guide);
    let entries = table_of_contents(guide);
    let ids: Vec<String> = entries.iter().map(|entry| entry.id.clone()).collect();
    let (active, set_active) = signal(None::<String>);
    let mut swaps = vec![
        Swap {
            target: find(":scope > nav.toc")?,
            build: Box::new(move || {
                // The reading position, marked in the contents from now on.
                follow_reading_position(ids, set_active);
                view! { <TableOfContents entries active /> }.into_any()
            }),
            in_turns: false,
            pieces: None,
        },
        Swap {
            target: find(":scope > dialog.embed-dialog")?,
            build: Box::new(|| view! { <EmbedDialog /> }.into_any()),
            in_turns: false,
            pieces: None,
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
            // The checklist and the chart, not the Embed buttons.
            let in_turns = !part.selector.ends_with(".embed-button");
            swaps.push(Swap {
                target,
                build: part.build,
                in_turns,
                pieces: part.pieces,
            });
        }
    }
    // The parts the reader acts on most first: the checklist, then the chart; the rest after.
    short_sort::sort_by_key(&mut swaps, |swap| {
        let class = swap.target.class_name();
        match () {
            _ if class.contains("roadmap") => 0,
            _ if class.contains("salary-explorer") => 1,
            _ => 2,
        }
    });
    Some(Plan { layout, swaps })
}

/// Builds each live part out of sight (a piece per task where it is large), puts it in place of
/// its twin, keeping keyboard focus on the same control; then makes the copy the app's page
/// and does what the reader pressed in it meanwhile. A part built in pieces is put in place
/// before them, the twin's pieces standing in until each is built, so that its first pieces
/// work (and take the presses made on them) without waiting for its last.
async fn carry_out(plan: Plan, scope: Option<Owner>) {
    let Plan { layout, swaps } = plan;
    let mut built: Vec<(Owner, AnyViewState)> = Vec::with_capacity(swaps.len());
    for swap in swaps {
        let owner = in_scope(scope.as_ref(), Owner::new);
        let (stagger, mut state) = owner.with(|| {
            let stagger = if swap.in_turns {
                Stagger::in_turns()
            } else {
                Stagger::at_once()
            };
            provide_context(stagger);
            (stagger, (swap.build)().build())
        });
        let mut stand_ins = swap.pieces.map(|list| StandIns::new(&swap.target, list));
        // A part in pieces is put in place with its first piece (where the reader's eye and
        // press most likely are); the others are built one per task after.
        while stagger.advance() {
            next_task().await;
            if stand_ins.is_some() {
                break;
            }
        }
        let Some(parent) = swap.target.parent_element() else {
            continue;
        };
        let roots = keeping_focus(&layout, || {
            state.mount(&parent, Some(&swap.target));
            if let Some(stand_ins) = &mut stand_ins {
                stand_ins.move_into(&state.elements());
            }
            swap.target.remove();
            state.elements()
        });
        built.push((owner, state));
        // What the reader pressed in this part is done now, not once every part is in: the
        // presses whose place is inside the part just put in (and not in a stand-in).
        replay(
            &layout,
            take_pending_acts(live_in(&layout, &roots, stand_ins.as_ref())),
        )
        .await;
        if let Some(stand_ins) = &mut stand_ins {
            while stagger.advance() {
                next_task().await;
                keeping_focus(&layout, || stand_ins.retire_built());
                replay(
                    &layout,
                    take_pending_acts(live_in(&layout, &roots, Some(&*stand_ins))),
                )
                .await;
            }
        }
        if swap.in_turns {
            next_task().await;
        }
    }
    let acts = in_scope(scope.as_ref(), || {
        hold_until_cleanup(built, |built| {
            for (owner, mut state) in built {
                state.unmount();
                drop(owner);
            }
        });
        let acts = take_pending_acts(|_| true);
        become_app_root();
        keep_in_page_links_in_page();
        acts
    });
    replay(&layout, acts).await;
}

/// Runs `change` (which moves or replaces elements of `layout`), keeping keyboard focus on the
/// control at the same place.
fn keeping_focus<T>(layout: &web_sys::Element, change: impl FnOnce() -> T) -> T {
    let focused = focused_place(layout);
    let result = change();
    if let Some(element) = focused.and_then(|place| follow(layout, &place)) {
        focus_without_scrolling(&element);
    }
    result
}

/// Whether a place in `layout` is a live control: inside one of the part's `roots`, not in one
/// of its stand-ins.
fn live_in<'a>(
    layout: &'a web_sys::Element,
    roots: &'a [web_sys::Element],
    stand_ins: Option<&'a StandIns>,
) -> impl Fn(&Place) -> bool + 'a {
    move |place| {
        follow(layout, place).is_some_and(|control| {
            roots.iter().any(|root| root.contains(Some(&control)))
                && !stand_ins.is_some_and(|stand_ins| stand_ins.hold(&control))
        })
    }
}

/// The static copy's element becomes the app's root (`#app`, where the page's scripts and styles
/// look for the app's page), and the element the app mounted in keeps what it holds (the offline
/// banner) without the id. Moving the layout instead would make the browser lay the whole page
/// out again.
fn become_app_root() {
    let Some(copy) = prerendered_element() else {
        return;
    };
    let app_root = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.get_element_by_id(crate::APP_ROOT_ID));
    if let Some(app_root) = app_root {
        let _ = app_root.remove_attribute("id");
    }
    for attribute in [crate::prerender::BUILT_FROM_ATTRIBUTE, "id"] {
        let _ = copy.remove_attribute(attribute);
    }
    copy.set_id(crate::APP_ROOT_ID);
}
