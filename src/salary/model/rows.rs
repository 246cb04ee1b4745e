//! The states as the chart shows them: every figure per state, in the chosen order.

use crate::data::Guide;
use crate::short_sort;

use super::metric::Metric;

/// How the states are ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortOrder {
    /// Largest value first.
    #[default]
    ValueDesc,
    ValueAsc,
    /// Alphabetical by state name.
    Name,
}

impl SortOrder {
    /// Every order, as the sort control lists them.
    pub const ALL: [SortOrder; 3] = [SortOrder::ValueDesc, SortOrder::ValueAsc, SortOrder::Name];

    /// The order's name in a URL.
    pub fn key(self) -> &'static str {
        match self {
            SortOrder::ValueDesc => "desc",
            SortOrder::ValueAsc => "asc",
            SortOrder::Name => "name",
        }
    }

    /// The order named `key` in a URL, if there is one.
    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|order| order.key() == key)
    }

    /// The order's name for a reader.
    pub fn label(self) -> &'static str {
        match self {
            SortOrder::ValueDesc => "Highest first",
            SortOrder::ValueAsc => "Lowest first",
            SortOrder::Name => "State name (A-Z)",
        }
    }
}

/// One state with every figure the chart, table, map and tooltip show.
#[derive(Debug, Clone, PartialEq)]
pub struct StateFigures {
    pub code: String,
    pub name: String,
    pub salary: u32,
    pub employed: u32,
    /// Whole percent above (+) or below (-) the national median.
    pub difference: i32,
    /// The current metric's value.
    pub value: f64,
    /// 1 for the highest value of the current metric.
    pub rank: usize,
    /// Where the source lists the state; breaks ties so sorting is stable both ways.
    pub source_index: usize,
}

impl StateFigures {
    /// "5% below the national median", "35% above ...", or "the same as ...".
    pub fn difference_phrase(&self) -> String {
        match self.difference {
            0 => "the same as the national median".to_owned(),
            d if d > 0 => format!("{d}% above the national median"),
            d => format!("{}% below the national median", -d),
        }
    }

    /// The bar's or tile's accessible name, e.g.
    /// "Texas: median $90,592, 5% below the national median, 275,000 employed".
    pub fn accessible_name(&self) -> String {
        format!(
            "{}: median {}, {}, {} employed",
            self.name,
            Metric::Salary.format(self.salary.into()),
            self.difference_phrase(),
            Metric::Employed.format(self.employed.into())
        )
    }
}

/// The states with their figures for `metric`, ranked by it and ordered by `sort`.
/// Sorting is stable: equal values keep the source's order.
pub fn state_figures(guide: &Guide, metric: Metric, sort: SortOrder) -> Vec<StateFigures> {
    let mut rows: Vec<StateFigures> = guide
        .states
        .iter()
        .enumerate()
        .map(|(source_index, state)| StateFigures {
            code: state.code.clone(),
            name: state.name.clone(),
            salary: state.median_salary,
            employed: state.employed,
            difference: guide.vs_national(state),
            value: metric.value(guide, state),
            rank: 0,
            source_index,
        })
        .collect();
    short_sort::sort_by(&mut rows, |a, b| b.value.total_cmp(&a.value));
    for (index, row) in rows.iter_mut().enumerate() {
        row.rank = index + 1;
    }
    match sort {
        SortOrder::ValueDesc => {}
        SortOrder::ValueAsc => short_sort::sort_by(&mut rows, |a, b| {
            a.value
                .total_cmp(&b.value)
                .then(a.source_index.cmp(&b.source_index))
        }),
        SortOrder::Name => short_sort::sort_by(&mut rows, |a, b| a.name.cmp(&b.name)),
    }
    rows
}
