//! What the chart measures: median salary, number employed, or difference from the national median.

use crate::data::{format_count, format_dollars, format_signed_percent, Guide, StateSalary};
use crate::decimal::decimal;

/// The figure the bars, tiles and sort follow.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Metric {
    #[default]
    Salary,
    Employed,
    Difference,
}

impl Metric {
    /// Every metric, in the order the switch shows them.
    pub const ALL: [Metric; 3] = [Metric::Salary, Metric::Employed, Metric::Difference];

    /// The metric's name in a URL.
    pub fn key(self) -> &'static str {
        match self {
            Metric::Salary => "salary",
            Metric::Employed => "employed",
            Metric::Difference => "difference",
        }
    }

    /// The metric named `key` in a URL, if there is one.
    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|metric| metric.key() == key)
    }

    /// The metric's name for a reader.
    pub fn label(self) -> &'static str {
        match self {
            Metric::Salary => "Median salary",
            Metric::Employed => "Number employed",
            Metric::Difference => "Difference from national median",
        }
    }

    /// The state's figure for this metric.
    pub fn value(self, guide: &Guide, state: &StateSalary) -> f64 {
        match self {
            Metric::Salary => f64::from(state.median_salary),
            Metric::Employed => f64::from(state.employed),
            Metric::Difference => f64::from(guide.vs_national(state)),
        }
    }

    /// A value written in full, e.g. `$128,736`, `287,500` or `+35%`.
    pub fn format(self, value: f64) -> String {
        match self {
            Metric::Salary => format_dollars(value.round().max(0.0) as u32),
            Metric::Employed => format_count(value.round().max(0.0) as u64),
            Metric::Difference => format_signed_percent(value.round() as i32),
        }
    }

    /// A value written short for axis ticks and small tiles, e.g. `$120K`, `250K` or `+20%`.
    pub fn format_short(self, value: f64) -> String {
        match self {
            Metric::Salary => format!("${}", short_thousands(value)),
            Metric::Employed => short_thousands(value),
            Metric::Difference => format_signed_percent(value.round() as i32),
        }
    }
}

/// `128736` -> `129K`, `2500` -> `2.5K`, `0` -> `0`.
fn short_thousands(value: f64) -> String {
    if value.abs() < 1000.0 {
        return decimal(value, 0);
    }
    let thousands = value / 1000.0;
    if (thousands - thousands.round()).abs() < 0.05 || thousands.abs() >= 100.0 {
        format!("{}K", decimal(thousands, 0))
    } else {
        format!("{}K", decimal(thousands, 1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_round_trip() {
        for metric in Metric::ALL {
            assert_eq!(Metric::from_key(metric.key()), Some(metric));
        }
        assert_eq!(Metric::from_key("Salary"), None);
    }

    #[test]
    fn values_are_written_in_full_and_short() {
        assert_eq!(Metric::Salary.format(128_736.0), "$128,736");
        assert_eq!(Metric::Employed.format(287_500.0), "287,500");
        assert_eq!(Metric::Difference.format(-5.0), "-5%");
        assert_eq!(Metric::Salary.format_short(120_000.0), "$120K");
        assert_eq!(Metric::Salary.format_short(128_736.0), "$129K");
        assert_eq!(Metric::Employed.format_short(87_500.0), "87.5K");
        assert_eq!(Metric::Employed.format_short(0.0), "0");
        assert_eq!(Metric::Difference.format_short(20.0), "+20%");
    }
}
