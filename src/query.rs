//! The one query-string parser, shared by the chart's URL state and embed mode, so that both
//! read `+`, `%XX` and broken escapes the same way (as browsers' URLSearchParams do).

/// The key-value pairs of `query` (with or without its leading `?`), decoded; a malformed
/// escape is kept as typed, and bytes that are not UTF-8 become U+FFFD.
pub fn pairs(query: &str) -> impl Iterator<Item = (String, String)> + '_ {
    form_urlencoded::parse(query.trim_start_matches('?').as_bytes())
        .map(|(key, value)| (key.into_owned(), value.into_owned()))
}

/// The decoded key of one `key=value` part of a query.
pub fn key_of(part: &str) -> String {
    pairs(part).next().map(|(key, _)| key).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_are_decoded_and_broken_ones_kept() {
        let found: Vec<(String, String)> = pairs("?a=1&b=x+y&c=%41%zz&&d&e=%E2%82").collect();
        assert_eq!(
            found,
            [
                ("a".into(), "1".into()),
                ("b".into(), "x y".into()),
                ("c".into(), "A%zz".into()),
                ("d".into(), String::new()),
                ("e".into(), "\u{fffd}".into()),
            ]
        );
        assert_eq!(key_of("%6Detric=employed"), "metric");
        assert_eq!(pairs("").count(), 0);
    }
}
