//! A read-only text (an embed snippet, a progress link) with a Copy button that says when it
//! has copied, falling back to selecting the text where the Clipboard API is missing or refused.

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

/// The text in a read-only field labelled `label`, and its Copy button.
#[component]
pub fn CopyField(id: &'static str, label: &'static str, text: String) -> impl IntoView {
    let copied = RwSignal::new(None::<&'static str>);
    let area = NodeRef::<leptos::html::Textarea>::new();
    let to_copy = text.clone();
    let copy = move |_| {
        let text = to_copy.clone();
        spawn_local(async move {
            let clipboard = web_sys::window().map(|w| w.navigator().clipboard());
            let written = match clipboard {
                Some(clipboard) => {
                    wasm_bindgen_futures::JsFuture::from(clipboard.write_text(&text))
                        .await
                        .is_ok()
                }
                None => false,
            };
            // Fallback where the Clipboard API is missing or refused: select and copy.
            let done = written
                || area.get_untracked().is_some_and(|area| {
                    area.select();
                    web_sys::window()
                        .and_then(|w| w.document())
                        .and_then(|d| d.dyn_into::<web_sys::HtmlDocument>().ok())
                        .and_then(|d| d.exec_command("copy").ok())
                        .unwrap_or(false)
                });
            copied.set(Some(if done {
                "Copied"
            } else {
                "Press Ctrl+C (or ⌘C) to copy the selected text"
            }));
        });
    };
    view! {
        <div class="snippet">
            <label for=id>{label}</label>
            <textarea id=id node_ref=area readonly rows="4" prop:value=text></textarea>
            <button type="button" on:click=copy>"Copy"<span class="visually-hidden">{format!(" {label}")}</span></button>
            <span class="copy-status" role="status">{move || copied.get()}</span>
        </div>
    }
}
