//! The progress link: the whole progress document carried in a URL fragment (which never
//! reaches a server), and its QR code. Pure: the browser compresses the document's JSON
//! (`roadmap/compression.rs`, `deflate-raw`); this module writes and reads the fragment
//! (`#progress=1.<base64url>`) and draws the code. What a link brings is checked by the same
//! path as an imported file (`preview_import`).

use std::fmt;

use qrcodegen::{QrCode, QrCodeEcc};

use super::checksum::crc32;
use super::document::ProgressDoc;

/// The fragment's key: `#progress=…`; the page's start script gets it at build time, so that a
/// link starts the app at once.
pub const FRAGMENT_KEY: &str = "progress";

/// The format's version, first in the value: a later format can be told apart. A link made
/// without the notes says so with an `n` after it, so that opening it keeps the reader's notes.
/// Version 2 ends its bytes with a CRC-32 (big-endian) of the version, the notes mark and the
/// bytes, so that a changed mark is damage too; version 1, which had none, is still read, so
/// that links shared before keep opening.
const VERSION: &str = "2";
/// The format before the checksum.
const VERSION_UNCHECKED: &str = "1";

/// What a progress link carries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkData {
    /// The document's JSON, compressed.
    pub compressed: Vec<u8>,
    /// Whether the notes were left in (else each note in it is empty, not erased).
    pub with_notes: bool,
}

/// The longest link a QR code is drawn for: version 40 at error correction level M holds 2,331
/// bytes, but a phone camera reads codes that dense badly; 1,200 keeps it to about version 27.
pub const QR_MAX_CHARS: usize = 1200;

/// Why a fragment that says it is a progress link cannot be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkError {
    /// Nothing after the key.
    Empty,
    /// A version this app does not know (a newer app made the link).
    UnknownVersion(String),
    /// Not base64url: the link was cut or altered.
    Damaged,
    /// Longer than any progress could make it: refused before it is decoded or inflated.
    TooLong,
}

impl fmt::Display for LinkError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LinkError::Empty => f.write_str("the link carries no progress"),
            LinkError::UnknownVersion(version) => write!(
                f,
                "the link was made by a newer version of this guide (format {version})"
            ),
            LinkError::Damaged => f.write_str("the link is damaged or was cut short"),
            LinkError::TooLong => f.write_str("the link is longer than any progress could make it"),
        }
    }
}

/// The JSON a link carries for `doc`: the whole document, or without its notes, named by its
/// `guide`.
pub fn link_json(doc: &ProgressDoc, with_notes: bool, guide: &str) -> String {
    if with_notes {
        return doc.to_json_named(guide);
    }
    let mut bare = doc.clone();
    for item in bare.items.values_mut() {
        item.note.clear();
    }
    bare.to_json_named(guide)
}

/// Whether `doc` has a note a link could leave out.
pub fn has_notes(doc: &ProgressDoc) -> bool {
    doc.items.values().any(|item| !item.note.is_empty())
}

/// The link to `base` (the app's address, without query or fragment) carrying `compressed`
/// and its checksum, made with or without the notes.
pub fn write_link(base: &str, compressed: &[u8], with_notes: bool) -> String {
    let notes = if with_notes { "" } else { "n" };
    let mut bytes = compressed.to_vec();
    bytes.extend_from_slice(&checksum(&format!("{VERSION}{notes}"), compressed).to_be_bytes());
    format!(
        "{base}#{FRAGMENT_KEY}={VERSION}{notes}.{}",
        base64url_encode(&bytes)
    )
}

/// Whether the URL's `hash` is a progress link (readable or not): what [`read_fragment`] reads.
pub fn is_progress_link(hash: &str) -> bool {
    hash.strip_prefix('#')
        .unwrap_or(hash)
        .strip_prefix(FRAGMENT_KEY)
        .is_some_and(|rest| rest.starts_with('='))
}

/// What the URL's `hash` says: `None` when it is not a progress link (`#faq`, nothing), else
/// what it carries or why it cannot be read.
pub fn read_fragment(hash: &str) -> Option<Result<LinkData, LinkError>> {
    let value = hash
        .strip_prefix('#')
        .unwrap_or(hash)
        .strip_prefix(FRAGMENT_KEY)?
        .strip_prefix('=')?;
    if value.is_empty() {
        return Some(Err(LinkError::Empty));
    }
    let Some((version, data)) = value.split_once('.') else {
        return Some(Err(LinkError::Damaged));
    };
    let unknown = || {
        Some(Err(LinkError::UnknownVersion(
            version.chars().take(8).collect(),
        )))
    };
    let (checked, notes) = if let Some(notes) = version.strip_prefix(VERSION) {
        (true, notes)
    } else if let Some(notes) = version.strip_prefix(VERSION_UNCHECKED) {
        (false, notes)
    } else {
        return unknown();
    };
    let with_notes = match notes {
        "" => true,
        "n" => false,
        _ => return unknown(),
    };
    if data.len() > MAX_LINK_DATA_CHARS {
        return Some(Err(LinkError::TooLong));
    }
    let Some(mut compressed) = base64url_decode(data) else {
        return Some(Err(LinkError::Damaged));
    };
    if checked {
        let Some(body) = compressed.len().checked_sub(4) else {
            return Some(Err(LinkError::Damaged));
        };
        let sum = compressed.split_off(body);
        if sum != checksum(version, &compressed).to_be_bytes() {
            return Some(Err(LinkError::Damaged));
        }
    }
    Some(Ok(LinkData {
        compressed,
        with_notes,
    }))
}

/// The CRC-32 a version 2 link ends with: of its version and notes mark (`2n`), a dot, and its
/// compressed bytes.
fn checksum(version: &str, compressed: &[u8]) -> u32 {
    let mut covered = Vec::with_capacity(version.len() + 1 + compressed.len());
    covered.extend_from_slice(version.as_bytes());
    covered.push(b'.');
    covered.extend_from_slice(compressed);
    crc32(&covered)
}

/// The most base64url a link's data may have: a little above what the largest document a link
/// can bring (every roadmap item and the most entries the roadmap lacks that an import takes,
/// each id and note at its longest, in characters deflate cannot shrink) compresses to with its
/// checksum. Anything longer is refused before it is decoded. `tests/e2e/share-safety.test.mjs`
/// measures that document's link in the browser, prints its length, and fails if this cap is
/// below it or more than a tenth above it.
pub const MAX_LINK_DATA_CHARS: usize = 560_000;

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// `bytes` in base64url without padding (RFC 4648 section 5), as URLs carry it unescaped.
/// Hand-written: 30 lines against a crate's generic engines, for the one alphabet used.
pub fn base64url_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &byte)| n | u32::from(byte) << (16 - 8 * i));
        for i in 0..=chunk.len() {
            out.push(char::from(ALPHABET[(n >> (18 - 6 * i) & 63) as usize]));
        }
    }
    out
}

/// The bytes of base64url `text` (with or without RFC 4648's padding to a multiple of four);
/// `None` for any other character, other padding, or a length no encoding gives.
pub fn base64url_decode(text: &str) -> Option<Vec<u8>> {
    let bare = text.trim_end_matches('=');
    let padding = text.len() - bare.len();
    if bare.len() % 4 == 1 || (padding > 0 && (padding > 2 || !text.len().is_multiple_of(4))) {
        return None;
    }
    let text = bare;
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    for chunk in text.as_bytes().chunks(4) {
        let mut n = 0u32;
        for (i, &c) in chunk.iter().enumerate() {
            let value = ALPHABET.iter().position(|&a| a == c)? as u32;
            n |= value << (18 - 6 * i);
        }
        let bytes = n.to_be_bytes();
        out.extend_from_slice(&bytes[1..chunk.len()]);
        // The bits below the last whole byte must be zero, so that one link has one spelling.
        let unused = match chunk.len() {
            2 => n & 0xFFFF,
            3 => n & 0xFF,
            _ => 0,
        };
        if unused != 0 {
            return None;
        }
    }
    Some(out)
}

/// The QR code of `link`, as the side of its square in modules (the quiet zone of 4 included)
/// and one SVG path drawing its dark modules; `None` when the link is too long for a camera.
pub fn qr_path(link: &str) -> Option<(u32, String)> {
    if link.len() > QR_MAX_CHARS {
        return None;
    }
    let code = QrCode::encode_text(link, QrCodeEcc::Medium).ok()?;
    let size = code.size();
    let mut path = String::new();
    for y in 0..size {
        for x in 0..size {
            if code.get_module(x, y) {
                path.push_str(&format!("M{} {}h1v1h-1z", x + 4, y + 4));
            }
        }
    }
    Some(((size + 8) as u32, path))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64url_matches_the_rfc_vectors() {
        for (plain, encoded) in [
            ("", ""),
            ("f", "Zg"),
            ("fo", "Zm8"),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg"),
            ("fooba", "Zm9vYmE"),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64url_encode(plain.as_bytes()), encoded);
            assert_eq!(base64url_decode(encoded).unwrap(), plain.as_bytes());
        }
        assert_eq!(base64url_encode(&[0xfb, 0xff]), "-_8");
        assert_eq!(base64url_decode("Zg=="), Some(b"f".to_vec()));
        // Padding, when there is any, only as RFC 4648 writes it.
        for wrong in ["Zg=", "Zg===", "Zm9v=", "Zm8==", "=", "Z=g="] {
            assert_eq!(base64url_decode(wrong), None, "{wrong}");
        }
        assert_eq!(base64url_decode("Zm8="), Some(b"fo".to_vec()));
    }

    #[test]
    fn a_plain_anchor_is_not_a_progress_link() {
        assert_eq!(read_fragment("#faq"), None);
        assert_eq!(read_fragment(""), None);
        assert_eq!(read_fragment("#progressive"), None);
        assert_eq!(read_fragment("#progress"), None);
    }

    #[test]
    fn a_damaged_or_foreign_link_says_so() {
        assert_eq!(read_fragment("#progress="), Some(Err(LinkError::Empty)));
        assert_eq!(
            read_fragment("#progress=1.ab$c"),
            Some(Err(LinkError::Damaged))
        );
        assert_eq!(
            read_fragment("#progress=1.abcde"),
            Some(Err(LinkError::Damaged))
        );
        assert_eq!(
            read_fragment("#progress=1.Zh"),
            Some(Err(LinkError::Damaged)),
            "stray bits"
        );
        assert_eq!(
            read_fragment("#progress=nodot"),
            Some(Err(LinkError::Damaged))
        );
        assert_eq!(
            read_fragment("#progress=9.Zm9v"),
            Some(Err(LinkError::UnknownVersion("9".into())))
        );
        assert!(LinkError::Damaged.to_string().contains("damaged"));
    }

    #[test]
    fn a_link_longer_than_any_document_is_refused_before_it_is_read() {
        // What the largest document compresses to at worst (deflate's stored blocks) still reads.
        let largest = "A".repeat(MAX_LINK_DATA_CHARS);
        assert!(matches!(
            read_fragment(&format!("#progress=1.{largest}")),
            Some(Ok(_))
        ));
        let longer = format!("#progress=1.{largest}AAAA");
        assert_eq!(read_fragment(&longer), Some(Err(LinkError::TooLong)));
        assert!(LinkError::TooLong.to_string().contains("longer"));
    }

    #[test]
    fn a_link_reads_back_to_its_bytes() {
        let link = write_link("https://example.org/guide/", &[1, 2, 3, 250], true);
        assert!(link.starts_with("https://example.org/guide/#progress=2."));
        let hash = &link[link.find('#').unwrap()..];
        let read = read_fragment(hash).unwrap().unwrap();
        assert_eq!(read.compressed, vec![1, 2, 3, 250]);
        assert!(read.with_notes);
        let bare = write_link("https://example.org/guide/", &[7], false);
        assert!(bare.contains("#progress=2n."));
        let read = read_fragment(&bare[bare.find('#').unwrap()..])
            .unwrap()
            .unwrap();
        assert!(!read.with_notes);
        assert_eq!(
            read_fragment("#progress=1x.Zg"),
            Some(Err(LinkError::UnknownVersion("1x".into())))
        );
    }

    #[test]
    fn a_link_of_the_format_before_the_checksum_still_opens() {
        // "foo" as version 1 wrote it: the bytes alone, no checksum.
        let read = read_fragment("#progress=1.Zm9v").unwrap().unwrap();
        assert_eq!((read.compressed, read.with_notes), (b"foo".to_vec(), true));
        let read = read_fragment("#progress=1n.Zm9v").unwrap().unwrap();
        assert_eq!((read.compressed, read.with_notes), (b"foo".to_vec(), false));
        assert_eq!(
            read_fragment("#progress=.Zm9v"),
            Some(Err(LinkError::UnknownVersion(String::new())))
        );
    }

    #[test]
    fn a_checked_link_with_a_wrong_or_missing_checksum_is_damaged() {
        let link = write_link("", b"foo", true);
        let data = link.rsplit('.').next().unwrap();
        assert!(read_fragment(&link).unwrap().is_ok());
        // The bytes without their checksum, as a version 1 link would carry them.
        assert_eq!(
            read_fragment("#progress=2.Zm9v"),
            Some(Err(LinkError::Damaged))
        );
        assert_eq!(
            read_fragment("#progress=2.Zg"),
            Some(Err(LinkError::Damaged))
        );
        assert_eq!(read_fragment("#progress=2."), Some(Err(LinkError::Damaged)));
        let mut altered = data.to_owned();
        altered.replace_range(0..1, if data.starts_with('A') { "B" } else { "A" });
        assert_eq!(
            read_fragment(&format!("#progress=2.{altered}")),
            Some(Err(LinkError::Damaged))
        );
        // The notes mark is covered too: a link made without notes cannot be read as one with.
        let bare = write_link("", b"foo", false);
        assert!(read_fragment(&bare).unwrap().is_ok());
        assert_eq!(
            read_fragment(&bare.replace("2n.", "2.")),
            Some(Err(LinkError::Damaged))
        );
    }

    #[test]
    fn notes_can_be_left_out() {
        let mut doc = ProgressDoc::new();
        doc.items.insert(
            "a".into(),
            super::super::document::ItemProgress {
                state: super::super::state::ItemState::Done,
                note: "private".into(),
                updated_at: 5,
            },
        );
        assert!(has_notes(&doc));
        assert!(link_json(&doc, true, "g").contains("private"));
        let bare = link_json(&doc, false, "g");
        assert!(!bare.contains("private") && bare.contains("done"));
    }

    #[test]
    fn a_short_link_has_a_code_and_a_long_one_does_not() {
        let (size, path) = qr_path("https://example.org/#progress=1.Zm9v").unwrap();
        assert!(size >= 21 + 8);
        assert!(path.starts_with('M'));
        assert_eq!(qr_path(&"x".repeat(QR_MAX_CHARS + 1)), None);
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use super::*;
    use crate::roadmap::model::arbitrary::doc;
    use crate::roadmap::model::read_text;
    use proptest::prelude::*;

    proptest! {
        /// The app asks the tool panels (a lazy part) to read the address exactly when there is
        /// something for `read_fragment` to read or refuse.
        #[test]
        fn is_progress_link_agrees_with_read_fragment(
            hash in prop_oneof![
                "#?(progress|progres|faq)?=?[0-9a-zA-Z._-]{0,12}",
                ".{0,16}",
            ]
        ) {
            prop_assert_eq!(is_progress_link(&hash), read_fragment(&hash).is_some(), "{}", hash);
        }

        #[test]
        fn any_valid_document_round_trips_through_a_link(doc in doc()) {
            // The bytes uncompressed: compression is the browser's, and lossless.
            let link = write_link("https://x.test/", link_json(&doc, true, "g").as_bytes(), true);
            let hash = &link[link.find('#').unwrap()..];
            let bytes = read_fragment(hash).unwrap().unwrap().compressed;
            let read = read_text(std::str::from_utf8(&bytes).unwrap()).unwrap();
            prop_assert!(read.faults.is_empty());
            prop_assert_eq!(read.doc, doc);
        }

        #[test]
        fn any_bytes_round_trip_through_a_link(bytes in prop::collection::vec(any::<u8>(), 0..600), with_notes in any::<bool>()) {
            let link = write_link("https://x.test/", &bytes, with_notes);
            let hash = &link[link.find('#').unwrap()..];
            let read = read_fragment(hash);
            prop_assert_eq!(read, Some(Ok(LinkData { compressed: bytes, with_notes })));
        }

        /// Any one character changed, cut or added anywhere in a link's data is refused as
        /// damaged: never read as other progress.
        #[test]
        fn any_changed_cut_or_added_character_is_refused(
            bytes in prop::collection::vec(any::<u8>(), 1..400),
            with_notes in any::<bool>(),
            at in any::<prop::sample::Index>(),
            edit in 0..3_u8,
            other in prop::sample::select(ALPHABET.to_vec()),
        ) {
            let link = write_link("", &bytes, with_notes);
            let (head, data) = link.split_once('.').unwrap();
            let mut data = data.as_bytes().to_vec();
            let at = at.index(data.len());
            match edit {
                0 => {
                    prop_assume!(data[at] != other);
                    data[at] = other;
                }
                1 => { data.remove(at); }
                _ => data.insert(at, other),
            }
            let changed = format!("{head}.{}", String::from_utf8(data).unwrap());
            prop_assert_eq!(read_fragment(&changed), Some(Err(LinkError::Damaged)), "{}", changed);
        }

        #[test]
        fn any_fragment_reads_without_panicking(hash in ".{0,300}") {
            let _ = read_fragment(&hash);
            let _ = read_fragment(&format!("#progress=1.{hash}"));
            let _ = read_fragment(&format!("#progress=2.{hash}"));
        }
    }
}
