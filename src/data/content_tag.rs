//! A short tag of a text's content, to tell whether two texts are the same without keeping
//! both: the data file the page was built from and the one fetched, a stored value and its
//! backup.

/// The tag of `text` (64-bit FNV-1a, in hex): the same text, the same tag.
pub fn content_tag(text: &str) -> String {
    let hash = text.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3)
    });
    format!("{hash:016x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_tag_is_fnv_1a_of_the_bytes() {
        // Published FNV-1a 64 test vectors.
        assert_eq!(content_tag(""), "cbf29ce484222325");
        assert_eq!(content_tag("a"), "af63dc4c8601ec8c");
        assert_ne!(content_tag("{\"a\":1}"), content_tag("{\"a\":2}"));
    }
}
