//! The Embed button and its dialog: ready-made snippets with a Copy button.

use leptos::prelude::*;

use super::model::{iframe_snippet, loader_snippet, EmbedPart};
use crate::platform::effect::effect;
use crate::widgets::CopyField;

/// What the dialog is open for: the part, and the chart's state as a query (may be empty).
#[derive(Clone, Copy)]
pub struct EmbedDialogContext {
    target: RwSignal<Option<(EmbedPart, String)>>,
}

/// A button that opens the embed dialog for `part`. Renders nothing where there is no dialog
/// (inside an embed). `query` carries the chart's current state.
#[component]
pub fn EmbedButton(
    part: EmbedPart,
    #[prop(into)] label: String,
    #[prop(optional, into)] query: Option<Signal<String>>,
) -> impl IntoView {
    let context = use_context::<EmbedDialogContext>()?;
    Some(
        view! {
            <button
                type="button"
                class="embed-button"
                aria-haspopup="dialog"
                on:click=move |_| {
                    let query = query.map(|q| q.get_untracked()).unwrap_or_default();
                    context.target.set(Some((part.clone(), query)));
                }
            >
                "Embed"<span class="visually-hidden">{format!(" {label}")}</span>
            </button>
        }
        .into_any(),
    )
}

/// Provides the dialog's context; render [`EmbedDialog`] once in the page.
pub fn provide_embed_dialog() {
    provide_context(EmbedDialogContext {
        target: RwSignal::new(None),
    });
}

/// The snippets for the part asked for, each with a Copy button. A modal `<dialog>`: focus stays
/// inside it, Escape closes it, and focus returns to the button that opened it.
#[component]
pub fn EmbedDialog() -> impl IntoView {
    let context = expect_context::<EmbedDialogContext>();
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    let app_url = RwSignal::new(String::new());
    // Browser-only: the app's address and showing the modal happen after a button asks.
    effect(move |_| {
        if context.target.get().is_some() {
            if let Some(base) = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.base_uri().ok().flatten())
            {
                app_url.set(base.split(['?', '#']).next().unwrap_or_default().to_owned());
            }
            if let Some(dialog) = dialog.get() {
                if !dialog.open() {
                    let _ = dialog.show_modal();
                }
            }
        }
    });
    let snippets = move || {
        let (part, query) = context.target.get()?;
        let url = app_url.get();
        Some((
            part.title(),
            loader_snippet(&url, &part, &query),
            iframe_snippet(&url, &part, &query),
        ))
    };
    view! {
        <dialog class="embed-dialog" node_ref=dialog aria-labelledby="embed-title" on:close=move |_| context.target.set(None)>
            {move || snippets().map(|(title, loader, iframe)| view! {
                <h2 id="embed-title">{format!("Embed: {title}")}</h2>
                <p>"Paste this into your page. The script sizes the frame to its content; it works with several embeds on one page."</p>
                <CopyField id="embed-loader" label="With the loader script (recommended)" text=loader />
                <CopyField id="embed-iframe" label="As a plain iframe" text=iframe />
            }.into_any())}
            <form method="dialog">
                <button type="submit" class="close-dialog">"Close"</button>
            </form>
        </dialog>
    }
}
