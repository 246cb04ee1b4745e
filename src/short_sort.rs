//! A stable sort for the app's short lists: the ten states of the chart, the live parts of a
//! page.
//!
//! The standard library's stable sort is built for long slices, and each element type and
//! comparison it sorts adds a large copy of its code to the wasm. Insertion sort's copies are
//! small, it is stable, and it is as quick as any for lists this short. Not for lists a reader's
//! data can make long (stored backups): its time grows with the square of the length.

use std::cmp::Ordering;

/// Sorts `items` by `compare`, keeping the order of items that compare equal.
pub fn sort_by<T>(items: &mut [T], mut compare: impl FnMut(&T, &T) -> Ordering) {
    for unsorted in 1..items.len() {
        let mut at = unsorted;
        while at > 0 && compare(&items[at - 1], &items[at]) == Ordering::Greater {
            items.swap(at - 1, at);
            at -= 1;
        }
    }
}

/// Sorts `items` by the key `key` gives each, keeping the order of items with equal keys.
pub fn sort_by_key<T, K: Ord>(items: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

// Property tests run natively only (proptest is not built for the wasm target).
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn sorts_as_the_standard_stable_sort_does(items in prop::collection::vec((0_u8..4, any::<u16>()), 0..40)) {
            // Keys repeat often, so stability shows: equal keys keep the order they came in.
            let mut ours = items.clone();
            sort_by_key(&mut ours, |item| item.0);
            let mut standard = items;
            standard.sort_by_key(|item| item.0);
            prop_assert_eq!(ours, standard);
        }

        #[test]
        fn a_reversed_comparison_sorts_descending(mut items in prop::collection::vec(any::<i32>(), 0..40)) {
            sort_by(&mut items, |a, b| b.cmp(a));
            prop_assert!(items.windows(2).all(|pair| pair[0] >= pair[1]));
        }
    }
}
