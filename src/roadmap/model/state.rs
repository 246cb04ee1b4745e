//! Where the reader stands on one roadmap item.

/// The four states of a checklist item; stored by their snake_case names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub enum ItemState {
    #[default]
    NotStarted,
    InProgress,
    Done,
    Skipped,
}

impl ItemState {
    /// Every state, in the order the controls list them.
    pub const ALL: [ItemState; 4] = [
        ItemState::NotStarted,
        ItemState::InProgress,
        ItemState::Done,
        ItemState::Skipped,
    ];

    /// Whether the item needs no more work: done, or deliberately skipped.
    pub fn is_settled(self) -> bool {
        matches!(self, ItemState::Done | ItemState::Skipped)
    }

    /// The state's name for a reader.
    pub fn label(self) -> &'static str {
        match self {
            ItemState::NotStarted => "Not started",
            ItemState::InProgress => "In progress",
            ItemState::Done => "Done",
            ItemState::Skipped => "Skipped",
        }
    }

    /// The state's name in the stored document.
    pub fn key(self) -> &'static str {
        match self {
            ItemState::NotStarted => "not_started",
            ItemState::InProgress => "in_progress",
            ItemState::Done => "done",
            ItemState::Skipped => "skipped",
        }
    }

    /// The state a stored name stands for, if any.
    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|state| state.key() == key)
    }

    /// The stored names, comma-separated, for error messages.
    pub fn keys_list() -> String {
        Self::ALL.map(ItemState::key).join(", ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn done_and_skipped_are_settled() {
        let settled: Vec<_> = ItemState::ALL
            .into_iter()
            .filter(|state| state.is_settled())
            .collect();
        assert_eq!(settled, [ItemState::Done, ItemState::Skipped]);
    }

    #[test]
    fn keys_round_trip() {
        for state in ItemState::ALL {
            assert_eq!(ItemState::from_key(state.key()), Some(state));
        }
        let keys: Vec<&str> = ItemState::ALL.iter().map(|s| s.key()).collect();
        assert_eq!(keys, ["not_started", "in_progress", "done", "skipped"]);
        assert_eq!(ItemState::from_key("Done"), None);
        assert_eq!(ItemState::from_key(""), None);
    }

    #[test]
    fn labels_and_key_list_read_well() {
        assert_eq!(ItemState::InProgress.label(), "In progress");
        assert_eq!(ItemState::default(), ItemState::NotStarted);
        assert_eq!(
            ItemState::keys_list(),
            "not_started, in_progress, done, skipped"
        );
    }
}
