//! Arrow-key movement between the chart's bars or the map's tiles (one tab stop, roving focus).

/// Where `key` moves focus from `current` among `codes` (in display order); `None` for keys
/// that do not move it. Focus stops at the ends rather than wrapping, as in a list.
pub fn roving_target(key: &str, codes: &[&str], current: Option<&str>) -> Option<usize> {
    let last = codes.len().checked_sub(1)?;
    let here = current.and_then(|code| codes.iter().position(|c| *c == code));
    match key {
        "ArrowDown" | "ArrowRight" => Some(here.map_or(0, |i| (i + 1).min(last))),
        "ArrowUp" | "ArrowLeft" => Some(here.map_or(0, |i| i.saturating_sub(1))),
        "Home" => Some(0),
        "End" => Some(last),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const CODES: [&str; 3] = ["CA", "NY", "TX"];

    #[test]
    fn arrows_move_and_stop_at_the_ends() {
        assert_eq!(roving_target("ArrowDown", &CODES, Some("CA")), Some(1));
        assert_eq!(roving_target("ArrowRight", &CODES, Some("TX")), Some(2));
        assert_eq!(roving_target("ArrowUp", &CODES, Some("CA")), Some(0));
        assert_eq!(roving_target("ArrowLeft", &CODES, Some("NY")), Some(0));
    }

    #[test]
    fn home_end_and_a_lost_position() {
        assert_eq!(roving_target("Home", &CODES, Some("TX")), Some(0));
        assert_eq!(roving_target("End", &CODES, None), Some(2));
        assert_eq!(roving_target("ArrowDown", &CODES, Some("ZZ")), Some(0));
        assert_eq!(roving_target("a", &CODES, Some("CA")), None);
        assert_eq!(roving_target("Home", &[], None), None);
    }
}
