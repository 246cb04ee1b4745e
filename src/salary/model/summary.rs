//! The one-sentence summary above the chart and the tooltip's lines, written from the data.

use crate::data::format_dollars;

use super::metric::Metric;
use super::rows::StateFigures;

/// A sentence naming the highest and lowest state for `metric` and how many states pay more
/// than the national median. `rows` may be in any order.
pub fn summary_sentence(rows: &[StateFigures], metric: Metric, national_median: u32) -> String {
    let Some(top) = rows.iter().min_by_key(|row| row.rank) else {
        return String::new();
    };
    let bottom = rows.iter().max_by_key(|row| row.rank).unwrap_or(top);
    let above = rows
        .iter()
        .filter(|row| row.salary > national_median)
        .count();
    let national = format_dollars(national_median);
    let lead = match metric {
        Metric::Salary | Metric::Difference => format!(
            "{} pays the highest median salary ({}, {}) and {} the lowest ({}, {})",
            top.name,
            Metric::Salary.format(top.salary.into()),
            Metric::Difference.format(top.difference.into()),
            bottom.name,
            Metric::Salary.format(bottom.salary.into()),
            Metric::Difference.format(bottom.difference.into()),
        ),
        Metric::Employed => format!(
            "{} employs the most people in this role ({}) and {} the fewest ({})",
            top.name,
            Metric::Employed.format(top.employed.into()),
            bottom.name,
            Metric::Employed.format(bottom.employed.into()),
        ),
    };
    format!(
        "{lead}; {above} of the {} states pay more than the national median of {national}.",
        rows.len()
    )
}

/// The tooltip's lines for one state: label and value pairs.
pub fn tooltip_lines(
    row: &StateFigures,
    metric: Metric,
    state_count: usize,
) -> Vec<(&'static str, String)> {
    vec![
        ("Median salary", Metric::Salary.format(row.salary.into())),
        ("Employed", Metric::Employed.format(row.employed.into())),
        ("vs national median", short_difference(row.difference)),
        (
            "Rank",
            format!(
                "{} of {state_count} by {}",
                row.rank,
                metric.label().to_ascii_lowercase()
            ),
        ),
    ]
}

/// "5% below", "35% above" or "the same".
fn short_difference(difference: i32) -> String {
    match difference {
        0 => "the same".to_owned(),
        d if d > 0 => format!("{d}% above"),
        d => format!("{}% below", -d),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::salary::model::{state_figures, SortOrder};

    fn guide() -> crate::data::Guide {
        crate::data::shipped_guide()
    }

    #[test]
    fn the_summary_names_highest_lowest_and_count_above() {
        let guide = guide();
        let rows = state_figures(&guide, Metric::Salary, SortOrder::Name);
        assert_eq!(
            summary_sentence(&rows, Metric::Salary, 95_360),
            "California pays the highest median salary ($128,736, +35%) and Ohio the lowest ($85,824, -10%); 6 of the 10 states pay more than the national median of $95,360."
        );
        let rows = state_figures(&guide, Metric::Employed, SortOrder::ValueAsc);
        assert!(summary_sentence(&rows, Metric::Employed, 95_360)
            .starts_with("California employs the most people in this role (287,500) and Washington the fewest (87,500)"));
        assert_eq!(summary_sentence(&[], Metric::Salary, 1), "");
    }

    #[test]
    fn the_tooltip_gives_every_figure_and_the_rank() {
        let guide = guide();
        let rows = state_figures(&guide, Metric::Salary, SortOrder::ValueDesc);
        let texas = rows.iter().find(|r| r.code == "TX").unwrap();
        let lines = tooltip_lines(texas, Metric::Salary, rows.len());
        assert_eq!(
            lines,
            vec![
                ("Median salary", "$90,592".to_owned()),
                ("Employed", "275,000".to_owned()),
                ("vs national median", "5% below".to_owned()),
                ("Rank", "8 of 10 by median salary".to_owned()),
            ]
        );
        assert_eq!(
            texas.accessible_name(),
            "Texas: median $90,592, 5% below the national median, 275,000 employed"
        );
    }
}
