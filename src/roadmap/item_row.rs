//! One checklist item: its text, its four state buttons and its note. The note's text and its
//! editor are built only when there is something to show (a note written, the editor open):
//! most items have neither, and the checklist is built faster without them.

use leptos::prelude::*;

use super::context::RoadmapContext;
use super::edits::Edit;
use super::model::{ChecklistItem, ItemState, NOTE_MAX_CHARS};

/// The key that sets each state while the item has focus.
fn shortcut(key: &str) -> Option<ItemState> {
    match key {
        "n" | "N" => Some(ItemState::NotStarted),
        "p" | "P" => Some(ItemState::InProgress),
        "d" | "D" => Some(ItemState::Done),
        "s" | "S" => Some(ItemState::Skipped),
        _ => None,
    }
}

/// The state whose button `event` (a click in an item's group of state buttons) pressed.
fn chosen_state(event: &leptos::ev::MouseEvent) -> Option<ItemState> {
    let target = event.target()?;
    let element = wasm_bindgen::JsCast::dyn_ref::<web_sys::Element>(&target)?;
    let button = element.closest(".state-button[value]").ok()??;
    ItemState::from_key(&button.get_attribute("value")?)
}

/// An item with state buttons (pressed state shown by text, icon and shape) and a note. The
/// icons and the printed status are the stylesheet's (`style/roadmap.css`): no element of their
/// own in each of the checklist's items.
#[component]
pub fn ItemRow(item: ChecklistItem) -> impl IntoView {
    let RoadmapContext { doc, edit, .. } = expect_context::<RoadmapContext>();
    let id = item.id.clone();
    let name = item.term.clone().unwrap_or_else(|| item.text.clone());
    let state = {
        let id = id.clone();
        Memo::new(move |_| doc.with(|d| d.state(&id)))
    };
    let note = {
        let id = id.clone();
        Memo::new(move |_| doc.with(|d| d.note(&id).to_owned()))
    };
    let has_note = Memo::new(move |_| note.with(|note| !note.is_empty()));
    let note_open = RwSignal::new(false);
    let on_key = {
        let id = id.clone();
        move |event: leptos::ev::KeyboardEvent| {
            let typing = event
                .target()
                .and_then(|t| {
                    wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlTextAreaElement>(t).ok()
                })
                .is_some();
            if typing || event.ctrl_key() || event.meta_key() || event.alt_key() {
                return;
            }
            if let Some(new_state) = shortcut(&event.key()) {
                event.prevent_default();
                edit.run(Edit::State(id.clone(), new_state));
            }
        }
    };
    // One listener for the four buttons (the group's), not one each: three closures fewer an
    // item to build while the reader waits for the checklist.
    let on_choice = {
        let id = id.clone();
        move |event: leptos::ev::MouseEvent| {
            if let Some(choice) = chosen_state(&event) {
                edit.run(Edit::State(id.clone(), choice));
            }
        }
    };
    let buttons = ItemState::ALL
        .into_iter()
        .map(|choice| {
            view! {
                <button
                    type="button"
                    class=format!("state-button {}", choice.key())
                    value=choice.key()
                    aria-pressed=move || (state.get() == choice).to_string()
                >
                    {choice.label()}
                </button>
            }
            .into_any()
        })
        .collect_view();
    let note_id = format!("note-{id}");
    let on_note = {
        let id = id.clone();
        move |event: leptos::ev::Event| edit.run(Edit::Note(id.clone(), event_target_value(&event)))
    };
    let note_label = format!("Note on {name}");
    let toggle = view! {
        <button
            type="button"
            class="note-toggle"
            aria-expanded=move || note_open.get().to_string()
            // It names the editor only while there is one.
            aria-controls={
                let note_id = note_id.clone();
                move || note_open.get().then(|| note_id.clone())
            }
            on:click=move |_| note_open.update(|open| *open = !*open)
        >
            {move || if has_note.get() { "Edit note" } else { "Add note" }}
        </button>
    };
    view! {
        <li class="check-item" data-state=move || state.get().key() id=format!("item-{id}") on:keydown=on_key>
            // The note's button follows the item's text: on a phone it ends the text's last
            // line, so that the state buttons take one row of their own; wider, it sits at the
            // end of their row (`style/roadmap.css`).
            <p class="item-text">
                {item.term.clone().map(|term| view! { <strong>{term}</strong> }.into_any())}
                {item.tag.clone().map(|tag| view! { " " <span class="tag">{tag}</span> }.into_any())}
                {(item.term.is_some() && !item.text.is_empty()).then_some(": ")}
                // Left out when empty: rendered to HTML it would become a space (see ItemLine).
                {(!item.text.is_empty()).then(|| item.text.clone())}
            </p>
            " "
            {toggle}
            <div class="state-buttons" role="group" aria-label=format!("Progress on {name}") on:click=on_choice>
                {buttons}
            </div>
            // The note in sight, as text (never markup); on paper too. The editor, built only
            // once opened, takes its place on screen.
            {move || has_note.get().then(|| view! {
                <p class="item-note"><span class="visually-hidden">"Note: "</span>{move || note.get()}</p>
            }.into_any())}
            {move || note_open.get().then(|| view! {
                <div class="note-editor" id=note_id.clone()>
                    <textarea
                        aria-label=note_label.clone()
                        maxlength=NOTE_MAX_CHARS
                        rows="3"
                        prop:value=move || note.get()
                        on:input=on_note.clone()
                    ></textarea>
                    <span class="note-counter" aria-live="polite">
                        {move || format!("{} / {NOTE_MAX_CHARS}", note.with(|n| n.chars().count()))}
                    </span>
                </div>
            }.into_any())}
        </li>
    }
}
