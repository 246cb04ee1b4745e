//! The reader's changes to their progress, applied to the document.

use super::model::{ItemState, Planner, ProgressDoc};

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
        }
    }
}
