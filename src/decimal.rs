//! Writing a non-integer number as text (SVG coordinates, CSS lengths, "1.2K"), without Rust's
//! float formatting: its exact and shortest algorithms add kilobytes to the wasm, for numbers
//! that never need more than a few decimals.

/// `value` rounded to `places` decimals (at most 6), written without trailing zeros ("12.5",
/// "-3", "0.25"); a value that is not finite, or too large to matter, is written as "0".
pub fn decimal(value: f64, places: u32) -> String {
    let places = places.min(6);
    let scale = 10_i64.pow(places);
    let scaled = (value * scale as f64).round();
    if !scaled.is_finite() || scaled.abs() >= 9.0e15 {
        return "0".to_owned();
    }
    let scaled = scaled as i64;
    let sign = if scaled < 0 { "-" } else { "" };
    let (whole, fraction) = (
        scaled.unsigned_abs() / scale as u64,
        scaled.unsigned_abs() % scale as u64,
    );
    if fraction == 0 {
        return format!("{sign}{whole}");
    }
    let digits = format!("{fraction:0width$}", width = places as usize);
    format!("{sign}{whole}.{}", digits.trim_end_matches('0'))
}

/// Two decimals: what a pixel on screen needs.
pub fn px(value: f64) -> String {
    decimal(value, 2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_written_as_short_as_they_allow() {
        assert_eq!(decimal(12.5, 2), "12.5");
        assert_eq!(decimal(12.0, 2), "12");
        assert_eq!(decimal(-3.0, 1), "-3");
        assert_eq!(decimal(0.25, 2), "0.25");
        assert_eq!(decimal(1.0 / 3.0, 2), "0.33");
        assert_eq!(decimal(2.0 / 3.0, 2), "0.67");
        assert_eq!(decimal(-0.004, 2), "0");
        assert_eq!(decimal(-0.05, 1), "-0.1");
        assert_eq!(decimal(95.36, 1), "95.4");
        assert_eq!(decimal(0.001, 3), "0.001");
        assert_eq!(decimal(f64::NAN, 2), "0");
        assert_eq!(decimal(f64::INFINITY, 2), "0");
        assert_eq!(px(640.0), "640");
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn it_reads_back_as_the_value_rounded(value in -1.0e9f64..1.0e9, places in 0u32..4) {
            let text = decimal(value, places);
            let back: f64 = text.parse().unwrap();
            let step = 10f64.powi(-(places as i32));
            prop_assert!((back - value).abs() <= step / 2.0 + 1e-6, "{value} -> {text}");
            prop_assert!(!text.contains('.') || !text.ends_with('0'));
        }
    }
}
