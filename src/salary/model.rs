//! The state salary table's rows: ranked by median salary, each compared with the nation.

use crate::data::{Guide, StateSalary};

/// One row of the state table, with the figures computed from the data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StateRow {
    /// 1 for the best-paid state.
    pub rank: usize,
    pub state: StateSalary,
    /// Whole percent above (+) or below (-) the national median.
    pub vs_national: i32,
}

/// The states from the best-paid down; ties keep the source's order.
pub fn rows_by_salary(guide: &Guide) -> Vec<StateRow> {
    let mut states: Vec<&StateSalary> = guide.states.iter().collect();
    states.sort_by_key(|state| std::cmp::Reverse(state.median_salary));
    states
        .into_iter()
        .enumerate()
        .map(|(index, state)| StateRow {
            rank: index + 1,
            state: state.clone(),
            vs_national: guide.vs_national(state),
        })
        .collect()
}
