//! Both decoders (the guide's data file, the roadmap's stored and imported progress) on hostile
//! input: deep nesting, huge numbers, lone surrogates, duplicate keys, ids such as `__proto__`,
//! very long ids and notes, Unicode normalisation twins. Each gives a clear error or a faithful
//! round trip, never a panic. Native only, as proptest is.
#![cfg(not(target_arch = "wasm32"))]

use career_guide::data::decode_guide;
use career_guide::roadmap::model::{
    encode, preview_import, read_stored, Checklist, ItemState, ProgressDoc, NOTE_MAX_CHARS,
};
use proptest::prelude::*;

const GUIDE_JSON: &str = include_str!("../public/data/guides/infrastructure-engineer.json");

/// Fragments an attacker would try, glued into documents by the strategies below.
fn hostile_value() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("1e400".to_owned()),
        Just("-1".to_owned()),
        Just("-0".to_owned()),
        Just("18446744073709551616".to_owned()),
        Just("18446744073709551615".to_owned()),
        Just("1.5".to_owned()),
        Just("\"\\ud800\"".to_owned()),
        Just("\"\\udc00\\ud800\"".to_owned()),
        Just("\"\\u0000\"".to_owned()),
        Just("null".to_owned()),
        Just("{\"__proto__\": {\"state\": \"done\"}}".to_owned()),
        (1_usize..3000).prop_map(|depth| format!("{}{}", "[".repeat(depth), "]".repeat(depth))),
        (1_usize..3000).prop_map(|depth| format!(
            "{}1{}",
            "{\"a\":".repeat(depth),
            "}".repeat(depth)
        )),
        ".{0,40}".prop_map(|text| serde_json::Value::String(text).to_string()),
    ]
}

/// An item id an attacker would try.
fn hostile_id() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("__proto__".to_owned()),
        Just("constructor".to_owned()),
        Just("prototype".to_owned()),
        Just("caf\u{e9}".to_owned()),
        Just("cafe\u{301}".to_owned()),
        Just("tool-terraform".to_owned()),
        Just("\u{202e}evil".to_owned()),
        (1_usize..5000).prop_map(|n| "i".repeat(n)),
        ".{1,20}",
    ]
}

/// A note: anything, sometimes at or over the limit.
fn hostile_note() -> impl Strategy<Value = String> {
    prop_oneof![
        ".{0,50}",
        Just("\u{0}\u{1}\u{7f}\u{2028}".to_owned()),
        (990_usize..1010).prop_map(|n| "\u{1f980}".repeat(n)),
    ]
}

/// A stored document with `@` where the hostile value goes: each field in turn.
const STORED_TEMPLATES: [&str; 9] = [
    r#"{"version": @, "items": {}}"#,
    r#"{"version": 1, "updated_at": @, "items": {}}"#,
    r#"{"version": 1, "items": @}"#,
    r#"{"version": 1, "items": {"tool-terraform": @}}"#,
    r#"{"version": 1, "items": {"tool-terraform": {"state": @}}}"#,
    r#"{"version": 1, "items": {"tool-terraform": {"state": "done", "note": @, "updated_at": 1}}}"#,
    r#"{"version": 1, "items": {"tool-terraform": {"state": "done", "updated_at": @}}}"#,
    r#"{"version": 1, "items": {}, "planner": {"start": @, "hours_per_week": 5}}"#,
    r#"{"done": [@, "tool-terraform"]}"#,
];

fn checklist() -> Checklist {
    let guide = decode_guide("data/guide.json", GUIDE_JSON).expect("the shipped data decodes");
    Checklist::from_guide(&guide)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// A stored value with a hostile part in any place reads to a document or a clear
    /// problem, and whatever it reads to can be written and read back unchanged.
    #[test]
    fn stored_progress_never_panics_and_what_it_keeps_reads_back(
        template in prop::sample::select(STORED_TEMPLATES.to_vec()),
        value in hostile_value(),
    ) {
        let text = template.replace('@', &value);
        let read = read_stored(&text);
        if let Some(problem) = &read.problem {
            prop_assert!(!problem.is_empty());
        }
        if let Ok(json) = encode(&read.doc) {
            let again = read_stored(&json);
            prop_assert_eq!(again.problem, None);
            prop_assert_eq!(again.doc, read.doc);
        }
        let _ = preview_import(&text, &ProgressDoc::new(), &checklist(), 1);
    }

    /// Hostile ids and notes survive a round trip faithfully (notes over the limit are cut and
    /// reported, never dropped); twins that differ only by normalisation stay two items.
    #[test]
    fn hostile_ids_and_notes_round_trip(entries in prop::collection::vec((hostile_id(), hostile_note()), 1..6)) {
        let mut doc = ProgressDoc::new();
        for (id, note) in &entries {
            doc.set_state(id, ItemState::Done, 5);
            doc.set_note(id, note, 6);
        }
        let json = encode(&doc).expect("a few items fit");
        let read = read_stored(&json);
        prop_assert_eq!(read.problem, None);
        prop_assert_eq!(&read.doc, &doc);
        for (id, _) in &entries {
            prop_assert!(doc.note(id).chars().count() <= NOTE_MAX_CHARS);
        }
        // The same ids in a file: a clear error, or a preview whose result reads back.
        match preview_import(&json, &ProgressDoc::new(), &checklist(), 9) {
            Ok(preview) => {
                let replaced = preview.replace(&ProgressDoc::new(), 10);
                let again = read_stored(&encode(&replaced).expect("checked by the preview"));
                prop_assert_eq!(again.problem, None);
            }
            Err(error) => prop_assert!(!error.to_string().is_empty()),
        }
    }

    /// The guide's decoder, with a hostile value in place of a top-level field: an error that
    /// names the file, never a panic.
    #[test]
    fn the_guide_decoder_never_panics(
        field in prop::sample::select(vec!["title", "edition", "intro", "role", "states", "state_source", "sections"]),
        value in hostile_value(),
    ) {
        let mut guide: serde_json::Value = serde_json::from_str(GUIDE_JSON).unwrap();
        guide[field] = serde_json::Value::String("@hostile@".into());
        let text = guide.to_string().replace("\"@hostile@\"", &value);
        match decode_guide("data/guide.json", &text) {
            Ok(_) => {}
            Err(error) => prop_assert!(error.to_string().starts_with("data/guide.json")),
        }
    }

    /// Any text at all, for either decoder.
    #[test]
    fn any_text_is_an_error_or_a_document(text in "(\\PC|[{}\\[\\]\":,\\\\])*") {
        let _ = decode_guide("data/guide.json", &text);
        let _ = read_stored(&text);
    }
}

#[test]
fn duplicate_keys_are_refused_by_both_decoders() {
    let read = read_stored(
        r#"{"version": 1, "items": {}, "items": {"tool-terraform": {"state": "done"}}}"#,
    );
    assert_eq!(read.doc, ProgressDoc::new());
    assert!(read.problem.unwrap().contains("not JSON"));
    let twice = GUIDE_JSON.replacen("\"title\":", "\"title\": \"x\", \"title\":", 1);
    let error = decode_guide("data/guide.json", &twice).unwrap_err();
    assert!(error.to_string().contains("duplicate"), "{error}");
}

#[test]
fn nesting_deeper_than_the_parser_allows_is_an_error_not_a_crash() {
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    assert!(read_stored(&deep).problem.is_some());
    assert!(decode_guide("data/guide.json", &deep).is_err());
}

#[test]
fn lone_surrogates_are_a_clear_error() {
    let read = read_stored(r#"{"version": 1, "items": {"\ud800": {"state": "done"}}}"#);
    assert!(read.problem.unwrap().contains("not JSON"));
}
