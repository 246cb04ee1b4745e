//! One size rule for reading and writing: a document is written only if it is within
//! [`MAX_STORED_BYTES`], the same limit [`super::read_text`] reads up to, so whatever the app
//! writes it can always read back.

use super::decode::Fault;
use super::document::{ProgressDoc, MAX_STORED_BYTES};

/// The document as stored (compact JSON), or [`Fault::TooBig`] when it is over the limit that
/// reading applies: such a document must not be written.
pub fn encode(doc: &ProgressDoc) -> Result<String, Fault> {
    let json = doc.to_json();
    if json.len() > MAX_STORED_BYTES {
        Err(Fault::TooBig { bytes: json.len() })
    } else {
        Ok(json)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::roadmap::model::read_stored;
    use crate::roadmap::model::ItemState;

    #[test]
    fn a_document_over_the_read_limit_is_never_encoded() {
        let mut doc = ProgressDoc::new();
        let mut n = 0;
        while doc.to_json().len() <= MAX_STORED_BYTES {
            doc.set_note(&format!("id-{n}"), &"x".repeat(1000), 1);
            n += 1;
        }
        assert!(matches!(encode(&doc), Err(Fault::TooBig { bytes }) if bytes > MAX_STORED_BYTES));
        // One entry fewer fits, and reads back whole.
        doc.items.pop_last();
        let json = encode(&doc).expect("within the limit");
        let read = read_stored(&json);
        assert_eq!(read.problem, None);
        assert_eq!(read.doc, doc);
        let mut small = ProgressDoc::new();
        small.set_state("tool-terraform", ItemState::Done, 1);
        assert_eq!(encode(&small), Ok(small.to_json()));
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use super::*;
    use crate::roadmap::model::arbitrary::doc;
    use crate::roadmap::model::read_stored;
    use proptest::prelude::*;

    proptest! {
        /// What is encoded always reads back, whole and unchanged.
        #[test]
        fn whatever_is_encoded_reads_back(doc in doc()) {
            if let Ok(json) = encode(&doc) {
                let read = read_stored(&json);
                prop_assert_eq!(read.problem, None);
                prop_assert_eq!(read.doc, doc);
            }
        }
    }
}
