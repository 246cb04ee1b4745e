//! The map's colour classes: value bins with their legend labels. Every tile also prints its
//! value, so colour never carries the meaning alone.

use super::metric::Metric;

/// One legend entry: the CSS class of its colour and the values it covers.
#[derive(Debug, Clone, PartialEq)]
pub struct ShadeBin {
    pub class: &'static str,
    pub from: f64,
    pub to: f64,
    pub label: String,
}

const SEQUENTIAL: [&str; 4] = ["seq-1", "seq-2", "seq-3", "seq-4"];
const BELOW: [&str; 2] = ["below-2", "below-1"];
const ABOVE: [&str; 3] = ["above-1", "above-2", "above-3"];

/// The legend for `metric` over these values: four equal steps from lowest to highest, or for
/// the difference metric, two steps below the national median and three above it.
pub fn shade_bins(metric: Metric, values: &[f64]) -> Vec<ShadeBin> {
    let low = values.iter().copied().fold(f64::INFINITY, f64::min);
    let high = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    if values.is_empty() {
        return Vec::new();
    }
    let mut bins = Vec::new();
    let mut push_steps = |classes: &[&'static str], from: f64, to: f64| {
        let step = (to - from) / classes.len() as f64;
        for (index, class) in classes.iter().enumerate() {
            let a = from + step * index as f64;
            let b = if index + 1 == classes.len() {
                to
            } else {
                a + step
            };
            bins.push(ShadeBin {
                class,
                from: a,
                to: b,
                label: format!("{} to {}", metric.format_short(a), metric.format_short(b)),
            });
        }
    };
    if metric == Metric::Difference {
        if low < 0.0 {
            push_steps(&BELOW, low, 0.0);
        }
        if high >= 0.0 {
            push_steps(&ABOVE, 0.0, high.max(1.0));
        }
    } else {
        push_steps(&SEQUENTIAL, low, high.max(low + 1.0));
    }
    bins
}

/// The class of the bin holding `value` (the last bin's upper end included).
pub fn shade_for(bins: &[ShadeBin], value: f64) -> &'static str {
    bins.iter()
        .find(|bin| value >= bin.from && value < bin.to)
        .or_else(|| bins.iter().rev().find(|bin| value >= bin.from))
        .or_else(|| bins.first())
        .map_or("no-data", |bin| bin.class)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sequential_bins_cover_lowest_to_highest() {
        let bins = shade_bins(Metric::Salary, &[80_000.0, 100_000.0, 120_000.0]);
        assert_eq!(bins.len(), 4);
        assert_eq!(bins[0].from, 80_000.0);
        assert_eq!(bins[3].to, 120_000.0);
        assert_eq!(shade_for(&bins, 80_000.0), "seq-1");
        assert_eq!(shade_for(&bins, 120_000.0), "seq-4");
        assert_eq!(shade_for(&bins, 100_000.0), "seq-3");
        assert_eq!(bins[0].label, "$80K to $90K");
    }

    #[test]
    fn differences_split_at_zero() {
        let bins = shade_bins(Metric::Difference, &[-10.0, 2.0, 35.0]);
        let classes: Vec<&str> = bins.iter().map(|b| b.class).collect();
        assert_eq!(
            classes,
            ["below-2", "below-1", "above-1", "above-2", "above-3"]
        );
        assert_eq!(shade_for(&bins, -10.0), "below-2");
        assert_eq!(shade_for(&bins, -2.0), "below-1");
        assert_eq!(shade_for(&bins, 0.0), "above-1");
        assert_eq!(shade_for(&bins, 35.0), "above-3");
    }

    #[test]
    fn one_value_or_none_still_works() {
        let bins = shade_bins(Metric::Employed, &[5.0]);
        assert_eq!(shade_for(&bins, 5.0), "seq-1");
        assert!(shade_bins(Metric::Employed, &[]).is_empty());
        assert_eq!(shade_for(&[], 1.0), "no-data");
    }
}
