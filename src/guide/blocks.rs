//! The small text blocks: lists, notes, myths, questions and sources.

use std::sync::Arc;

use leptos::prelude::*;

use crate::data::{Guide, Item, Myth, Note, NoteTone, Question, SourceRef};

/// Fills a text's `{placeholders}` with the figures of the guide in context.
pub fn filler() -> impl Fn(&str) -> String {
    let guide = expect_context::<Arc<Guide>>();
    move |text| guide.filled(text)
}

/// One list entry: bold term, badge, then text.
#[component]
pub fn ItemLine(item: Item) -> impl IntoView {
    let fill = filler();
    let separator = (item.term.is_some() && !item.text.is_empty()).then_some(": ");
    view! {
        <li>
            {item.term.map(|term| view! { <strong>{fill(&term)}</strong> })}
            {item.tag.map(|tag| view! { " " <span class="tag">{tag}</span> })}
            {separator}
            {fill(&item.text)}
        </li>
    }
}

/// A bullet list with an optional title.
#[component]
pub fn ItemList(title: Option<String>, items: Vec<Item>) -> impl IntoView {
    view! {
        {title.map(|title| view! { <h3>{title}</h3> })}
        <ul class="items">
            {items.into_iter().map(|item| view! { <ItemLine item /> }).collect_view()}
        </ul>
    }
}

/// An aside; caveats flag where the source's own figures disagree.
#[component]
pub fn NoteBox(note: Note) -> impl IntoView {
    let fill = filler();
    let Note { tone, title, text } = note;
    let (class, label) = match tone {
        NoteTone::Caveat => ("note caveat", "Data caveat"),
        NoteTone::Tip => ("note tip", "Tip"),
    };
    view! {
        <div class=class role="note">
            <p class="note-title">
                <span class="note-kind">{label}": "</span>
                {fill(&title)}
            </p>
            <p>{fill(&text)}</p>
        </div>
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
                    }
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
                    }
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
                    }
                })
                .collect_view()}
        </ul>
    }
}
