//! The small text blocks: lists, myths, questions and sources (notes are
//! [`crate::widgets::NoteBox`], shared with the salary chart).

use leptos::prelude::*;

use crate::data::{Item, Myth, Question, SourceRef};
use crate::widgets::filler;

/// One list entry: bold term, badge, then text.
#[component]
pub fn ItemLine(item: Item) -> impl IntoView {
    let fill = filler();
    let separator = (item.term.is_some() && !item.text.is_empty()).then_some(": ");
    view! {
        <li>
            {item.term.map(|term| view! { <strong>{fill(&term)}</strong> }.into_any())}
            {item.tag.map(|tag| view! { " " <span class="tag">{tag}</span> }.into_any())}
            {separator}
            // An empty text is left out: rendered to HTML it would become a space the app's
            // own rendering does not have.
            {(!item.text.is_empty()).then(|| fill(&item.text))}
        </li>
    }
}

/// A bullet list with an optional title.
#[component]
pub fn ItemList(title: Option<String>, items: Vec<Item>) -> impl IntoView {
    view! {
        {title.map(|title| view! { <h3>{title}</h3> }.into_any())}
        <ul class="items">
            {items.into_iter().map(|item| view! { <ItemLine item /> }.into_any()).collect_view()}
        </ul>
    }
}

/// Myths, each with the reality that answers it.
#[component]
pub fn MythList(items: Vec<Myth>) -> impl IntoView {
    let fill = filler();
    view! {
        <dl class="myths">
            {items
                .into_iter()
                .map(|pair| {
                    view! {
                        <div class="myth">
                            <dt><span class="label">"Myth: "</span>{fill(&pair.myth)}</dt>
                            <dd><span class="label">"Reality: "</span>{fill(&pair.reality)}</dd>
                        </div>
                    }.into_any()
                })
                .collect_view()}
        </dl>
    }
}

/// Frequently asked questions, all open so they print and search well.
#[component]
pub fn FaqList(items: Vec<Question>) -> impl IntoView {
    let fill = filler();
    view! {
        <div class="faq">
            {items
                .into_iter()
                .map(|qa| {
                    view! {
                        <h3>{fill(&qa.question)}</h3>
                        <p>{fill(&qa.answer)}</p>
                    }.into_any()
                })
                .collect_view()}
        </div>
    }
}

/// Where the guide's figures come from.
#[component]
pub fn SourceList(items: Vec<SourceRef>) -> impl IntoView {
    let fill = filler();
    view! {
        <ul class="sources">
            {items
                .into_iter()
                .map(|source| {
                    let by = source.publisher.map(|publisher| format!(", {publisher}"));
                    let year = source.year.map(|year| format!(" ({year})"));
                    view! {
                        <li>
                            <strong>{source.name}</strong>
                            {by}
                            {year}
                            ": "
                            {fill(&source.used_for)}
                        </li>
                    }.into_any()
                })
                .collect_view()}
        </ul>
    }
}
