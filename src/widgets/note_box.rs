//! The note box: an aside in the guide's sections and under the salary chart.

use leptos::prelude::*;

use super::fill::filler;
use crate::data::{Note, NoteTone};

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
