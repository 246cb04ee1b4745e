//! Undo for the changes that set much at once (reset, replacing or merging from a file or a link,
//! removing old entries): the document before and after each, most recent last, so that a second
//! such change never drops the first one's Undo. Each Undo puts back exactly what the reader had
//! wherever the change still stands, and keeps whatever was edited since.

use std::collections::BTreeSet;

use super::document::{ItemProgress, ProgressDoc};

/// The most changes kept for Undo; past it the oldest goes, and the notice says so.
pub const MAX_UNDO: usize = 10;

/// A change that Undo can take back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WholeChange {
    Reset,
    /// The reader's progress replaced by a link's (`from_link`) or a file's.
    Replaced {
        from_link: bool,
    },
    /// A link's or a file's progress merged into the reader's.
    Merged {
        from_link: bool,
    },
    /// The entries this guide no longer has, removed.
    Cleared,
}

impl WholeChange {
    /// What the notice says happened.
    pub fn done(self) -> &'static str {
        match self {
            WholeChange::Reset => "Your progress was reset.",
            WholeChange::Replaced { from_link: true } => {
                "Your progress was replaced with the link's."
            }
            WholeChange::Replaced { from_link: false } => {
                "Your progress was replaced with the file's."
            }
            WholeChange::Merged { from_link: true } => "The link's progress was merged into yours.",
            WholeChange::Merged { from_link: false } => {
                "The file's progress was merged into yours."
            }
            WholeChange::Cleared => "The entries this guide no longer has were removed.",
        }
    }

    /// The Undo button's words.
    pub fn undo_label(self) -> &'static str {
        match self {
            WholeChange::Reset => "Undo reset",
            WholeChange::Replaced { .. } => "Undo replace",
            WholeChange::Merged { .. } => "Undo merge",
            WholeChange::Cleared => "Undo remove",
        }
    }
}

/// One change that can be undone: what it was, and the document before and after it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Undoable {
    pub change: WholeChange,
    pub before: ProgressDoc,
    pub after: ProgressDoc,
}

impl Undoable {
    /// What Undo makes of `current`: each entry, and the plan, as it was before the change
    /// wherever it still shows what the change made of it; an entry edited since (here or in
    /// another tab) keeps that newer edit.
    pub fn undone(&self, current: &ProgressDoc) -> ProgressDoc {
        let mut target = current.clone();
        let ids: BTreeSet<&String> = self
            .before
            .items
            .keys()
            .chain(self.after.items.keys())
            .collect();
        for id in ids {
            let made = self.after.item(id).cloned().unwrap_or_default();
            let now = current.item(id).cloned().unwrap_or_default();
            if now.shows_as(&made) {
                let was: ItemProgress = self.before.item(id).cloned().unwrap_or_default();
                target.items.insert(id.clone(), was);
            }
        }
        if current.planner == self.after.planner {
            target.planner = self.before.planner;
        }
        target
    }
}

/// The changes that can be undone, latest last.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UndoStack {
    entries: Vec<Undoable>,
    /// Whether an older change fell off the end ([`MAX_UNDO`]).
    dropped: bool,
}

impl UndoStack {
    /// Records `change`, which made `after` of the document `before`.
    pub fn push(&mut self, change: WholeChange, before: ProgressDoc, after: ProgressDoc) {
        if self.entries.len() == MAX_UNDO {
            self.entries.remove(0);
            self.dropped = true;
        }
        self.entries.push(Undoable {
            change,
            before,
            after,
        });
    }

    /// The change the Undo button takes back, if any.
    pub fn latest(&self) -> Option<WholeChange> {
        self.entries.last().map(|undoable| undoable.change)
    }

    /// Takes the latest change off, to be undone.
    pub fn pop(&mut self) -> Option<Undoable> {
        self.entries.pop()
    }

    /// What the notice adds after the latest change: the earlier ones still waiting, and
    /// whether any is gone for good.
    pub fn earlier(&self) -> String {
        let waiting = self.entries.len().saturating_sub(1);
        let mut text = match waiting {
            0 => String::new(),
            1 => " 1 earlier change can be undone after it.".to_owned(),
            n => format!(" {n} earlier changes can be undone after it."),
        };
        if self.dropped {
            text.push_str(" Older changes can no longer be undone.");
        }
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::roadmap::model::state::ItemState;

    fn doc_with(id: &str) -> ProgressDoc {
        let mut doc = ProgressDoc::new();
        doc.set_state(id, ItemState::Done, 1);
        doc
    }

    #[test]
    fn undo_goes_back_one_change_at_a_time_and_drops_none_silently() {
        let mut stack = UndoStack::default();
        assert_eq!(stack.latest(), None);
        stack.push(WholeChange::Reset, doc_with("a"), ProgressDoc::new());
        stack.push(
            WholeChange::Replaced { from_link: true },
            doc_with("b"),
            doc_with("c"),
        );
        assert_eq!(
            stack.latest(),
            Some(WholeChange::Replaced { from_link: true })
        );
        assert_eq!(stack.earlier(), " 1 earlier change can be undone after it.");
        assert_eq!(stack.pop().map(|u| u.before), Some(doc_with("b")));
        assert_eq!(stack.latest(), Some(WholeChange::Reset));
        assert_eq!(stack.earlier(), "");
        assert_eq!(stack.pop().map(|u| u.before), Some(doc_with("a")));
        assert!(stack.pop().is_none());
    }

    #[test]
    fn past_the_limit_the_oldest_goes_and_the_notice_says_so() {
        let mut stack = UndoStack::default();
        for n in 0..=MAX_UNDO {
            let doc = doc_with(&n.to_string());
            stack.push(WholeChange::Merged { from_link: false }, doc.clone(), doc);
        }
        assert!(stack
            .earlier()
            .ends_with("Older changes can no longer be undone."));
        let mut last = None;
        while let Some(undoable) = stack.pop() {
            last = Some(undoable.before);
        }
        assert_eq!(
            last,
            Some(doc_with("1")),
            "the first change is the one dropped"
        );
    }

    #[test]
    fn undo_puts_back_what_the_change_made_and_keeps_what_was_edited_since() {
        let mut before = ProgressDoc::new();
        before.set_state("a", ItemState::Done, 1);
        before.set_note("b", "mine", 1);
        let mut after = before.clone();
        after.reset(2);
        let mut current = after.clone();
        current.set_state("c", ItemState::InProgress, 3);
        current.set_note("b", "written after the reset", 4);
        let undoable = Undoable {
            change: WholeChange::Reset,
            before,
            after,
        };
        let undone = undoable.undone(&current);
        assert_eq!(undone.state("a"), ItemState::Done, "put back");
        assert_eq!(
            undone.note("b"),
            "written after the reset",
            "edited since: kept"
        );
        assert_eq!(undone.state("c"), ItemState::InProgress, "new since: kept");
    }

    #[test]
    fn every_change_names_itself_and_its_undo() {
        for from_link in [true, false] {
            for change in [
                WholeChange::Cleared,
                WholeChange::Reset,
                WholeChange::Replaced { from_link },
                WholeChange::Merged { from_link },
            ] {
                assert!(change.done().ends_with('.'));
                assert!(change.undo_label().starts_with("Undo "));
            }
        }
    }
}
