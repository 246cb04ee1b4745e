//! Text made safe inside markup the app writes as strings (HTML heads, SVG, snippets): one rule
//! for every place, so none forgets a character.

/// `text` safe as the content of an HTML or XML element and in a double-quoted attribute.
pub fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_character_that_ends_text_or_an_attribute_is_escaped() {
        assert_eq!(
            super::escape(r#"a & <b> "c""#),
            "a &amp; &lt;b&gt; &quot;c&quot;"
        );
    }
}
