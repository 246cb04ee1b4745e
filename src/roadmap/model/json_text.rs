//! JSON strings written by hand, for the stored document (`ProgressDoc::to_json`) and the paths
//! in fault messages: with them the wasm has no JSON serializer at all (reading goes through
//! `crate::data::parse_json`); serde_json's serializer and the serde derives cost more.

use std::fmt::Write;

/// `text` as a JSON string: quotes, backslashes and control characters escaped (`\n` and the
/// like by name, the rest as `\u00XX`), everything else as it is.
pub fn json_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    push_string(&mut out, text);
    out
}

/// Appends `text` to `out` as a JSON string (see [`json_string`]).
pub fn push_string(out: &mut String, text: &str) {
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if u32::from(c) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_are_escaped_as_json_requires() {
        assert_eq!(json_string("plain"), "\"plain\"");
        assert_eq!(
            json_string("a\"b\\c\nd\re\tf\u{8}g\u{c}h\u{1}i\u{1f}j\u{7f}"),
            "\"a\\\"b\\\\c\\nd\\re\\tf\\bg\\fh\\u0001i\\u001fj\u{7f}\""
        );
        assert_eq!(json_string("é🦀<script>"), "\"é🦀<script>\"");
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Any text written here reads back the same through a real JSON parser.
        #[test]
        fn any_text_round_trips(text in "\\PC*|[\\u{0}-\\u{1f}\"\\\\]*") {
            let parsed: String = serde_json::from_str(&json_string(&text)).unwrap();
            prop_assert_eq!(parsed, text);
        }
    }
}
