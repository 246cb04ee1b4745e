//! The reader's changes to their progress, applied to the document.

use super::model::{CalendarFile, ItemState, Planner, ProgressDoc};

/// One change the reader makes.
#[derive(Debug, Clone, PartialEq)]
pub enum Edit {
    State(String, ItemState),
    Note(String, String),
    Planner(Option<Planner>),
    /// Clears everything; the view keeps the previous document for Undo.
    Reset,
    /// Puts back a whole document (Undo, or an import).
    Restore(ProgressDoc),
    /// Clears the entries of these ids (those this guide no longer has).
    Clear(Vec<String>),
    /// Records a calendar file written (its revision, and the reader's id).
    Calendar(CalendarFile),
}

impl Edit {
    /// Applies the edit at time `now`.
    pub fn apply(self, doc: &mut ProgressDoc, now: u64) {
        match self {
            Edit::State(id, state) => {
                doc.set_state(&id, state, now);
            }
            Edit::Note(id, note) => {
                doc.set_note(&id, &note, now);
            }
            Edit::Planner(planner) => {
                doc.set_planner(planner, now);
            }
            Edit::Reset => {
                doc.reset(now);
            }
            Edit::Restore(target) => doc.assign(&target, now),
            Edit::Clear(ids) => {
                doc.clear(&ids, now);
            }
            Edit::Calendar(file) => {
                doc.calendar = doc.calendar.take().max(Some(file));
                doc.updated_at = doc.updated_at.max(now);
            }
        }
    }
}
