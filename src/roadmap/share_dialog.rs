//! "Share or move my progress": a link that carries the whole progress document in its
//! fragment, with its length, a Copy button and a QR code, in a modal dialog (in the tool
//! panels' part, `tool_panels.rs`).

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::compression::deflate;
use super::context::RoadmapContext;
use super::model::{has_notes, link_json, qr_path, write_link, ProgressDoc, QR_MAX_CHARS};
use crate::guide::address::PagePath;
use crate::platform::effect::effect;
use crate::widgets::CopyField;

/// This page's address without its query or fragment (the site's root, the `<base>`, and the
/// page's path below it): a link opens this guide's full page, also from an embedded
/// checklist's frame, and one pasted into this page's address bar opens in it.
fn app_address() -> String {
    let path = PagePath::current();
    let base = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.base_uri().ok().flatten())
        .map(|base| base.split(['?', '#']).next().unwrap_or_default().to_owned())
        .unwrap_or_default();
    format!("{base}{}", path.0)
}

/// The dialog, opened each time `opens` goes up (the tool bar's Share button asks the panels).
#[component]
pub fn ShareDialog(opens: RwSignal<u32>) -> impl IntoView {
    let RoadmapContext { doc, .. } = expect_context::<RoadmapContext>();
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    // Made once, at the first opening; each opening makes the link anew (`ShareContents`).
    let opened = Memo::new(move |_| opens.get() > 0);
    effect(move |_| {
        if opens.get() > 0 {
            if let Some(dialog) = dialog.get() {
                if !dialog.open() {
                    let _ = dialog.show_modal();
                }
            }
        }
    });
    view! {
        <dialog class="share-dialog" node_ref=dialog aria-labelledby="share-title">
            <h2 id="share-title">"Share or move your progress"</h2>
            {move || opened.get().then(|| view! { <ShareContents doc opens /> }.into_any())}
            <form method="dialog">
                <button type="submit" class="close-dialog">"Close"</button>
            </form>
        </dialog>
    }
}

/// What the dialog holds: the link (made anew at each opening), its length, Copy, the QR code.
#[component]
fn ShareContents(doc: RwSignal<ProgressDoc>, opens: RwSignal<u32>) -> impl IntoView {
    // The guide the link names (a copyable handle: the link is made from several closures).
    let guide = StoredValue::new(expect_context::<RoadmapContext>().checklist.guide.clone());
    let address = StoredValue::new(app_address());
    let with_notes = RwSignal::new(true);
    let link = RwSignal::new(None::<Result<String, String>>);
    // Each request for a link is numbered: a slower, older one (made with the notes, say) must
    // never replace the newest.
    let latest = StoredValue::new(0_u32);
    let make_link = move || {
        let notes = with_notes.get_untracked() && doc.with_untracked(has_notes);
        let json = guide.with_value(|guide| doc.with_untracked(|doc| link_json(doc, notes, guide)));
        let request = latest.get_value().wrapping_add(1);
        latest.set_value(request);
        link.set(None);
        spawn_local(async move {
            let made = deflate(json.as_bytes())
                .await
                .map(|bytes| write_link(&address.get_value(), &bytes, notes));
            if latest.try_get_value() == Some(request) {
                link.set(Some(made));
            }
        });
    };
    effect(move |_| {
        opens.track();
        make_link();
    });
    let notes = move || doc.with(has_notes);
    view! {
        <p>
            "Open this link in another browser or on another device to bring your progress there. "
            "Everything travels inside the link: no account, and nothing is sent to a server. "
            "The other side shows what the link would change before anything does."
        </p>
        {move || notes().then(|| view! {
            <label class="share-notes">
                <input
                    type="checkbox"
                    prop:checked=move || with_notes.get()
                    on:change=move |event| {
                        with_notes.set(event_target_checked(&event));
                        make_link();
                    }
                />
                " Include my notes"
            </label>
        }.into_any())}
        {move || match link.get() {
            None => view! { <p role="status">"Making the link…"</p> }.into_any(),
            Some(Err(problem)) => view! {
                <p class="notice error" role="alert">{format!("The link could not be made: {problem}.")}</p>
            }
            .into_any(),
            Some(Ok(url)) => {
                let length = format!("{} characters", url.chars().count());
                let code = qr_path(&url);
                view! {
                    <CopyField id="share-link" label="Link to your progress" text=url />
                    <p class="share-length">{length}</p>
                    {match code {
                        Some((size, path)) => view! {
                            <svg
                                class="share-qr"
                                viewBox=format!("0 0 {size} {size}")
                                role="img"
                                aria-label="QR code of the link: scan it with a phone's camera to open it there"
                            >
                                <rect width=size.to_string() height=size.to_string() fill="#fff"></rect>
                                <path d=path fill="#000"></path>
                            </svg>
                        }
                        .into_any(),
                        None => view! {
                            <p class="share-no-qr">
                                {format!("This link is too long for a QR code a camera can read (over {QR_MAX_CHARS} characters).")}
                                {notes().then_some(" Leave your notes out to make it shorter.")}
                            </p>
                        }
                        .into_any(),
                    }}
                }
                .into_any()
            }
        }}
    }
}
