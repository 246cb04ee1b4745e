//! Random documents for the property tests.

use proptest::collection::btree_map;
use proptest::prelude::*;

use super::date::Date;
use super::document::{CalendarFile, ItemProgress, Planner, ProgressDoc, CURRENT_VERSION};
use super::state::ItemState;

/// A timestamp: usually small, so that ties and near-ties happen often; sometimes any value.
fn time() -> impl Strategy<Value = u64> {
    prop_oneof![3 => 0_u64..20, 1 => any::<u64>()]
}

/// Any item state.
pub fn state() -> impl Strategy<Value = ItemState> {
    prop::sample::select(ItemState::ALL.to_vec())
}

/// An item with a short note of any characters (markup, quotes, emoji, control characters).
pub fn item() -> impl Strategy<Value = ItemProgress> {
    (state(), ".{0,30}", time()).prop_map(|(state, note, updated_at)| ItemProgress {
        state,
        note,
        updated_at,
    })
}

/// A planner with a start date between 1970 and 2052.
pub fn planner() -> impl Strategy<Value = Planner> {
    (0_i64..30_000, 1_u32..=80).prop_map(|(days, hours_per_week)| Planner {
        start: Date::from_days_since_epoch(days),
        hours_per_week,
    })
}

/// A document over a few ids, so that two random documents share some.
pub fn doc() -> impl Strategy<Value = ProgressDoc> {
    (
        btree_map("[a-d]{1,2}", item(), 0..8),
        proptest::option::of(planner()),
        time(),
        time(),
        proptest::option::of(calendar()),
    )
        .prop_map(
            |(items, planner, updated_at, planner_updated_at, calendar)| ProgressDoc {
                version: CURRENT_VERSION,
                updated_at,
                items,
                planner,
                planner_updated_at,
                calendar,
            },
        )
}

/// A calendar file record: a few ids and revisions, so that two documents' often tie.
pub fn calendar() -> impl Strategy<Value = CalendarFile> {
    (0_u32..4, "[a-c0-9]{1,3}").prop_map(|(sequence, id)| CalendarFile { sequence, id })
}
