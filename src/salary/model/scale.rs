//! Linear scales and "nice" axis ticks (1, 2 or 5 times a power of ten).

/// Maps a value domain onto a pixel range.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LinearScale {
    pub domain: (f64, f64),
    pub range: (f64, f64),
}

impl LinearScale {
    /// The pixel position of `value`; a zero-width domain maps everything to the range start.
    pub fn map(&self, value: f64) -> f64 {
        let (d0, d1) = self.domain;
        let (r0, r1) = self.range;
        if d1 == d0 {
            return r0;
        }
        r0 + (value - d0) / (d1 - d0) * (r1 - r0)
    }
}

/// A round step near `span / count`: 1, 2 or 5 times a power of ten.
pub fn nice_step(span: f64, count: usize) -> f64 {
    if span <= 0.0 || !span.is_finite() || count == 0 {
        return 1.0;
    }
    let raw = span / count as f64;
    let power = 10f64.powf(raw.log10().floor());
    let fraction = raw / power;
    let nice = if fraction <= 1.0 {
        1.0
    } else if fraction <= 2.0 {
        2.0
    } else if fraction <= 5.0 {
        5.0
    } else {
        10.0
    };
    nice * power
}

/// Ticks covering `min..=max` (always including 0) with about `count` steps; the first and last
/// tick are the axis ends.
pub fn nice_ticks(min: f64, max: f64, count: usize) -> Vec<f64> {
    let low = min.min(0.0);
    let high = max.max(0.0);
    if low == high {
        return vec![0.0, 1.0];
    }
    let step = nice_step(high - low, count.max(1));
    let first = (low / step).floor() as i64;
    let last = (high / step).ceil() as i64;
    // Multiplying each index avoids the drift of repeated addition (0.1 + 0.2 ...).
    (first..=last).map(|index| index as f64 * step).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_are_round() {
        assert_eq!(nice_step(160_000.0, 4), 50_000.0);
        assert_eq!(nice_step(150_000.0, 5), 50_000.0);
        assert_eq!(nice_step(45.0, 5), 10.0);
        assert_eq!(nice_step(7.0, 7), 1.0);
        assert_eq!(nice_step(0.0, 5), 1.0);
        assert_eq!(nice_step(f64::NAN, 5), 1.0);
    }

    #[test]
    fn ticks_start_at_zero_for_positive_data() {
        assert_eq!(
            nice_ticks(85_824.0, 147_500.0, 5),
            vec![0.0, 50_000.0, 100_000.0, 150_000.0]
        );
    }

    #[test]
    fn ticks_span_both_signs_for_diverging_data() {
        assert_eq!(
            nice_ticks(-10.0, 35.0, 5),
            vec![-10.0, 0.0, 10.0, 20.0, 30.0, 40.0]
        );
    }

    #[test]
    fn ticks_cover_all_negative_data_up_to_zero() {
        assert_eq!(nice_ticks(-8.0, -2.0, 4), vec![-8.0, -6.0, -4.0, -2.0, 0.0]);
    }

    #[test]
    fn a_flat_domain_still_gets_an_axis() {
        assert_eq!(nice_ticks(0.0, 0.0, 5), vec![0.0, 1.0]);
    }

    #[test]
    fn fractional_steps_do_not_drift() {
        let ticks = nice_ticks(0.0, 0.3, 3);
        assert_eq!(ticks.len(), 4);
        assert!((ticks[3] - 0.3).abs() < 1e-12);
        assert!(ticks.windows(2).all(|pair| pair[1] > pair[0]));
    }

    #[test]
    fn scales_map_linearly_and_survive_a_flat_domain() {
        let scale = LinearScale {
            domain: (0.0, 100.0),
            range: (10.0, 210.0),
        };
        assert_eq!(scale.map(50.0), 110.0);
        assert_eq!(scale.map(-10.0), -10.0);
        let flat = LinearScale {
            domain: (5.0, 5.0),
            range: (10.0, 210.0),
        };
        assert_eq!(flat.map(5.0), 10.0);
    }
}
