//! Merging two copies of the document, so that two open tabs lose neither one's edits.

use super::document::{ItemProgress, ProgressDoc};
use super::state::ItemState;

/// Combines two documents item by item: the later edit of each item wins (by its
/// `updated_at`), and so does the later planner choice. Ties are broken by comparing the
/// entries themselves, so the result never depends on the argument order: the merge is
/// commutative, associative and idempotent (each entry is a maximum under one total order).
pub fn merge(a: &ProgressDoc, b: &ProgressDoc) -> ProgressDoc {
    let mut items = a.items.clone();
    for (id, theirs) in &b.items {
        let ours_wins = items.get(id).is_some_and(|ours| rank(ours) >= rank(theirs));
        if !ours_wins {
            items.insert(id.clone(), theirs.clone());
        }
    }
    let (planner_updated_at, planner) = std::cmp::max(
        (a.planner_updated_at, a.planner),
        (b.planner_updated_at, b.planner),
    );
    ProgressDoc {
        version: a.version.max(b.version),
        updated_at: a.updated_at.max(b.updated_at),
        items,
        planner,
        planner_updated_at,
        // The latest file's revision, so that the next download is newer than either's.
        calendar: a.calendar.clone().max(b.calendar.clone()),
    }
}

/// The total order entries are merged by: time first, then state, then note.
fn rank(item: &ItemProgress) -> (u64, ItemState, &str) {
    (item.updated_at, item.state, item.note.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::roadmap::model::date::Date;
    use crate::roadmap::model::document::Planner;

    fn planner(start: &str, hours: u32) -> Option<Planner> {
        Planner::new(Date::parse(start).unwrap(), hours)
    }

    #[test]
    fn edits_to_different_items_are_both_kept() {
        let base = ProgressDoc::new();
        let mut tab_a = base.clone();
        let mut tab_b = base;
        tab_a.set_state("tool-terraform", ItemState::Done, 10);
        tab_b.set_note("skill-linux", "finished the course", 12);
        let merged = merge(&tab_a, &tab_b);
        assert_eq!(merged.state("tool-terraform"), ItemState::Done);
        assert_eq!(merged.note("skill-linux"), "finished the course");
        assert_eq!(merged.updated_at, 12);
        assert_eq!(merged, merge(&tab_b, &tab_a));
    }

    #[test]
    fn the_later_edit_of_one_item_wins() {
        let mut tab_a = ProgressDoc::new();
        let mut tab_b = ProgressDoc::new();
        tab_a.set_state("tool-terraform", ItemState::InProgress, 10);
        tab_b.set_state("tool-terraform", ItemState::Done, 20);
        assert_eq!(
            merge(&tab_a, &tab_b).state("tool-terraform"),
            ItemState::Done
        );
        assert_eq!(
            merge(&tab_b, &tab_a).state("tool-terraform"),
            ItemState::Done
        );
    }

    #[test]
    fn ties_are_broken_the_same_way_in_either_order() {
        let mut tab_a = ProgressDoc::new();
        let mut tab_b = ProgressDoc::new();
        tab_a.set_state("tool-terraform", ItemState::Done, 10);
        tab_b.set_state("tool-terraform", ItemState::Skipped, 10);
        let ab = merge(&tab_a, &tab_b);
        assert_eq!(ab, merge(&tab_b, &tab_a));
        assert_eq!(ab.state("tool-terraform"), ItemState::Skipped);

        let mut note_a = ProgressDoc::new();
        let mut note_b = ProgressDoc::new();
        note_a.set_note("skill-iac", "alpha", 5);
        note_b.set_note("skill-iac", "beta", 5);
        assert_eq!(merge(&note_a, &note_b), merge(&note_b, &note_a));
    }

    #[test]
    fn a_cleared_item_stays_cleared_against_an_older_copy() {
        let mut older = ProgressDoc::new();
        older.set_state("tool-terraform", ItemState::Done, 10);
        let mut newer = older.clone();
        newer.reset(20);
        let merged = merge(&older, &newer);
        assert_eq!(merged.state("tool-terraform"), ItemState::NotStarted);
    }

    #[test]
    fn the_planner_keeps_its_latest_choice_whatever_else_changed() {
        let mut tab_a = ProgressDoc::new();
        let mut tab_b = ProgressDoc::new();
        tab_a.set_planner(planner("2026-11-25", 10), 20);
        // Tab B's document is newer overall, but its planner choice is older.
        tab_b.set_planner(planner("2026-01-01", 5), 15);
        tab_b.set_state("tool-terraform", ItemState::Done, 30);
        let merged = merge(&tab_a, &tab_b);
        assert_eq!(merged.planner, planner("2026-11-25", 10));
        assert_eq!(merged.state("tool-terraform"), ItemState::Done);

        let mut cleared = merged.clone();
        cleared.set_planner(None, 40);
        assert_eq!(merge(&cleared, &tab_a).planner, None);
        assert_eq!(merge(&tab_a, &cleared).planner, None);
    }

    #[test]
    fn merging_is_idempotent_and_associative_on_examples() {
        let mut a = ProgressDoc::new();
        let mut b = ProgressDoc::new();
        let mut c = ProgressDoc::new();
        a.set_state("x", ItemState::Done, 1);
        b.set_state("x", ItemState::InProgress, 2);
        c.set_note("x", "n", 2);
        c.set_planner(planner("2026-02-28", 8), 3);
        assert_eq!(merge(&a, &a), a);
        assert_eq!(merge(&merge(&a, &b), &c), merge(&a, &merge(&b, &c)));
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use super::*;
    use crate::roadmap::model::arbitrary::doc;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn merge_is_commutative(a in doc(), b in doc()) {
            prop_assert_eq!(merge(&a, &b), merge(&b, &a));
        }

        #[test]
        fn merge_is_idempotent(a in doc()) {
            prop_assert_eq!(merge(&a, &a), a);
        }

        #[test]
        fn merge_is_associative(a in doc(), b in doc(), c in doc()) {
            prop_assert_eq!(merge(&merge(&a, &b), &c), merge(&a, &merge(&b, &c)));
        }

        #[test]
        fn merge_keeps_every_id_and_the_latest_time(a in doc(), b in doc()) {
            let merged = merge(&a, &b);
            for (id, item) in a.items.iter().chain(&b.items) {
                let kept = merged.item(id).unwrap();
                prop_assert!(kept.updated_at >= item.updated_at);
            }
            prop_assert_eq!(merged.items.len(), a.items.keys().chain(b.items.keys()).collect::<std::collections::BTreeSet<_>>().len());
        }
    }
}
