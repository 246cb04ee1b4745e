//! The Embed button and its dialog: ready-made snippets with a Copy button.

use std::sync::Arc;

use leptos::prelude::*;

use super::model::{iframe_snippet, loader_snippet, EmbedPart};
use crate::data::Guide;
use crate::guide::address::OwnPage;
use crate::platform::effect::effect;
use crate::platform::parts::{part_entry, part_once, Maker, PartMissing};
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
/// inside it, Escape closes it, and focus returns to the button that opened it. The snippets are a
/// part of the app of its own (`platform::parts`), fetched when the dialog is first opened.
#[component]
pub fn EmbedDialog() -> impl IntoView {
    let context = expect_context::<EmbedDialogContext>();
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    // Browser-only: showing the modal happens after a button asks.
    effect(move |_| {
        if context.target.get().is_some() {
            if let Some(dialog) = dialog.get() {
                if !dialog.open() {
                    let _ = dialog.show_modal();
                }
            }
        }
    });
    let target = context.target;
    let guide = use_context::<Arc<Guide>>();
    let fetch = Arc::new(move || Box::pin(snippets_part(target)) as _);
    // Fetched at the first opening, then kept: the snippets follow the part asked for.
    let opened = Signal::derive(move || target.with(Option::is_some));
    view! {
        <dialog class="embed-dialog" node_ref=dialog aria-labelledby="embed-title" on:close=move |_| target.set(None)>
            <h2 id="embed-title">
                {move || target.with(|t| t.as_ref().map(|(part, _)| format!("Embed: {}", guide.as_deref().map(|g| part.title(g)).unwrap_or_else(|| part.generic_title().to_owned()))))}
            </h2>
            {part_once(opened, fetch, None)}
            <form method="dialog">
                <button type="submit" class="close-dialog">"Close"</button>
            </form>
        </dialog>
    }
}

part_entry! {
    embed_snippets,
    /// The embed snippets' part.
    fn snippets_part(target: RwSignal<Option<(EmbedPart, String)>>) -> Result<Maker, PartMissing> {
        Ok(Arc::new(move || view! { <Snippets target /> }.into_any()))
    }
}

/// The two snippets for the guide's own page, each with Copy.
#[component]
fn Snippets(target: RwSignal<Option<(EmbedPart, String)>>) -> impl IntoView {
    let slug = use_context::<OwnPage>()
        .unwrap_or_default()
        .slug()
        .to_owned();
    let guide = use_context::<Arc<Guide>>();
    let app_url = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten())
        .map(|base| base.split(['?', '#']).next().unwrap_or_default().to_owned())
        .unwrap_or_default();
    move || {
        target.get().map(|(part, query)| {
            let title = guide
                .as_deref()
                .map_or_else(|| part.generic_title().to_owned(), |guide| part.title(guide));
            view! {
                <p>"Paste this into your page. The script sizes the frame to its content; it works with several embeds on one page."</p>
                <CopyField id="embed-loader" label="With the loader script (recommended)" text=loader_snippet(&app_url, &slug, &title, &part, &query) />
                <CopyField id="embed-iframe" label="As a plain iframe" text=iframe_snippet(&app_url, &slug, &title, &part, &query) />
            }
            .into_any()
        })
    }
}
