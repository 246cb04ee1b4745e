//! Reading a stored or imported document of any known version, keeping every valid part and
//! saying in plain English what was wrong with the rest.

use serde_json::{Map, Value};

use super::date::Date;
use super::document::{
    truncate_note, CalendarFile, ItemProgress, Planner, ProgressDoc, CALENDAR_ID_MAX_CHARS,
    CURRENT_VERSION, HOURS_PER_WEEK, MAX_STORED_BYTES, NOTE_MAX_CHARS,
};
use super::json_text::json_string;
use super::state::ItemState;

/// One thing wrong with a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fault {
    /// The text is longer than [`MAX_STORED_BYTES`].
    TooBig { bytes: usize },
    /// The text does not parse as JSON; at 1-based line and column (`crate::data::JsonError`).
    NotJson { line: usize, column: usize },
    /// The JSON is not an object, so it cannot be a progress document.
    NotAnObject,
    /// A version newer than this app reads.
    Version { found: u64 },
    /// A value of the wrong kind; `path` is e.g. `items."tool-terraform".state`.
    Shape { path: String, expected: String },
    /// A note over [`NOTE_MAX_CHARS`] characters.
    NoteTooLong { id: String, chars: usize },
}

impl Fault {
    /// The fault in plain English; `subject` names the whole document ("The file").
    pub fn describe(&self, subject: &str) -> String {
        match self {
            Fault::TooBig { bytes } => format!(
                "{subject} is {}; the limit is {}",
                megabytes(*bytes),
                megabytes(MAX_STORED_BYTES)
            ),
            Fault::NotJson { line, column } => {
                format!("{subject} is not JSON (line {line}, column {column})")
            }
            Fault::NotAnObject => {
                format!("{subject} is not a roadmap progress document (expected a JSON object)")
            }
            Fault::Version { found } => {
                format!("{subject} is version {found}; this app reads version {CURRENT_VERSION}")
            }
            Fault::Shape { path, expected } => format!("{path}: expected {expected}"),
            Fault::NoteTooLong { id, chars } => {
                format!("The note for {id} is {chars} characters; the limit is {NOTE_MAX_CHARS}")
            }
        }
    }
}

/// A size in megabytes to one decimal, rounded up so that anything over the limit reads as
/// more than it: 5_200_000 -> "5.2 MB", 1_000_000 -> "1 MB", 1_000_001 -> "1.1 MB".
pub(super) fn megabytes(bytes: usize) -> String {
    let tenths = bytes.div_ceil(100_000);
    if tenths.is_multiple_of(10) {
        format!("{} MB", tenths / 10)
    } else {
        format!("{}.{} MB", tenths / 10, tenths % 10)
    }
}

fn shape(path: impl Into<String>, expected: impl Into<String>) -> Fault {
    Fault::Shape {
        path: path.into(),
        expected: expected.into(),
    }
}

/// What reading gave: the readable part of the document and what was wrong with the rest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reading {
    pub doc: ProgressDoc,
    /// Items that were dropped (or notes shortened), one fault each; empty when all was valid.
    pub faults: Vec<Fault>,
}

/// Parses `text` and reads it as a document of any known version, keeping every valid item;
/// `Err` when nothing at all could be read.
pub fn read_text(text: &str) -> Result<Reading, Fault> {
    // Checked before parsing, so that a huge value costs no parse.
    if text.len() > MAX_STORED_BYTES {
        return Err(Fault::TooBig { bytes: text.len() });
    }
    // The strict parser refuses a repeated key instead of keeping the last value in silence; it
    // is the only JSON parser in the wasm.
    let value = crate::data::parse_json(text).map_err(|error| Fault::NotJson {
        line: error.line,
        column: error.column,
    })?;
    read_value(&value)
}

/// Reads parsed JSON as a document of any known version (migrating older ones), keeping
/// every valid item; `Err` when nothing at all could be read.
pub fn read_value(value: &Value) -> Result<Reading, Fault> {
    let Some(root) = value.as_object() else {
        return Err(Fault::NotAnObject);
    };
    let Some(version) = root.get("version") else {
        // Version 0 had no version field: just the list of done ids.
        return if root.contains_key("done") {
            read_v0(root)
        } else {
            Err(shape("version", "a version number"))
        };
    };
    match version.as_u64() {
        Some(0) => read_v0(root),
        Some(found) if found == u64::from(CURRENT_VERSION) => Ok(read_v1(root)),
        Some(found) => Err(Fault::Version { found }),
        None => Err(shape("version", "a whole number")),
    }
}

/// Reads any known version like [`read_value`], but accepts only a wholly valid document:
/// the first fault is the error.
pub fn migrate(value: Value) -> Result<ProgressDoc, Fault> {
    let Reading { doc, faults } = read_value(&value)?;
    match faults.into_iter().next() {
        Some(fault) => Err(fault),
        None => Ok(doc),
    }
}

/// Version 0, `{"done": ["id", ...]}`: every listed item is done; there were no notes, states
/// or times.
fn read_v0(root: &Map<String, Value>) -> Result<Reading, Fault> {
    let Some(done) = root.get("done").and_then(Value::as_array) else {
        return Err(shape("done", "a list of item ids"));
    };
    let mut doc = ProgressDoc::new();
    let mut faults = Vec::new();
    for (index, entry) in done.iter().enumerate() {
        match entry.as_str() {
            Some(id) if !id.is_empty() => {
                let progress = ItemProgress {
                    state: ItemState::Done,
                    ..ItemProgress::default()
                };
                doc.items.insert(id.to_owned(), progress);
            }
            _ => faults.push(shape(format!("done[{index}]"), "an item id")),
        }
    }
    Ok(Reading { doc, faults })
}

/// Version 1, the current shape (see [`ProgressDoc`]). Unknown fields are ignored.
fn read_v1(root: &Map<String, Value>) -> Reading {
    let mut doc = ProgressDoc::new();
    let mut faults = Vec::new();
    doc.updated_at = read_time(root, "updated_at", &mut faults);
    match root.get("items") {
        Some(Value::Object(items)) => {
            for (id, value) in items {
                if let Some(item) = read_item(id, value, &mut faults) {
                    doc.items.insert(id.clone(), item);
                }
            }
        }
        _ => faults.push(shape("items", "an object of items by id")),
    }
    match root.get("planner") {
        None | Some(Value::Null) => {}
        Some(value) => match read_planner(value) {
            Ok(planner) => doc.planner = Some(planner),
            Err(fault) => faults.push(fault),
        },
    }
    doc.planner_updated_at = read_time(root, "planner_updated_at", &mut faults);
    match root.get("calendar") {
        None | Some(Value::Null) => {}
        Some(value) => match read_calendar(value) {
            Some(calendar) => doc.calendar = Some(calendar),
            None => faults.push(shape(
                "calendar",
                "{\"sequence\": a revision, \"id\": up to 32 letters and digits}",
            )),
        },
    }
    Reading { doc, faults }
}

/// The record of the calendar files written, as `to_json` writes it.
fn read_calendar(value: &Value) -> Option<CalendarFile> {
    let fields = value.as_object()?;
    let sequence = u32::try_from(fields.get("sequence")?.as_u64()?)
        .ok()
        .filter(|&sequence| sequence <= i32::MAX as u32)?;
    let id = fields.get("id")?.as_str()?;
    let fits = !id.is_empty()
        && id.len() <= CALENDAR_ID_MAX_CHARS
        && id.bytes().all(|byte| byte.is_ascii_alphanumeric());
    fits.then(|| CalendarFile {
        sequence,
        id: id.to_owned(),
    })
}

/// An optional timestamp field: 0 when absent.
fn read_time(fields: &Map<String, Value>, key: &str, faults: &mut Vec<Fault>) -> u64 {
    match fields.get(key) {
        None => 0,
        Some(value) => value.as_u64().unwrap_or_else(|| {
            faults.push(shape(key, "a whole number of milliseconds"));
            0
        }),
    }
}

/// An item id as an error message shows it: the first 40 characters, then `…`.
fn shown_id(id: &str) -> String {
    const SHOWN: usize = 40;
    if id.chars().count() <= SHOWN {
        return id.to_owned();
    }
    id.chars().take(SHOWN).chain(['…']).collect()
}

/// One item, or `None` (with its fault recorded) when it cannot be read. An overlong note is
/// kept shortened, and recorded.
fn read_item(id: &str, value: &Value, faults: &mut Vec<Fault>) -> Option<ItemProgress> {
    // Quoted as JSON, so that any id reads unambiguously: items."tool-terraform".state; a long
    // one shortened, so that a hostile file or link cannot fill the error box with its prose.
    let at = format!("items.{}", json_string(&shown_id(id)));
    if id.is_empty() {
        faults.push(shape(at, "a non-empty item id"));
        return None;
    }
    let Some(fields) = value.as_object() else {
        faults.push(shape(at, "an object"));
        return None;
    };
    let state = fields
        .get("state")
        .and_then(Value::as_str)
        .and_then(ItemState::from_key);
    let Some(state) = state else {
        let expected = format!("one of {}", ItemState::keys_list());
        faults.push(shape(format!("{at}.state"), expected));
        return None;
    };
    let note = match fields.get("note") {
        None | Some(Value::Null) => "",
        Some(Value::String(note)) => note.as_str(),
        Some(_) => {
            faults.push(shape(format!("{at}.note"), "text"));
            return None;
        }
    };
    let updated_at = match fields.get("updated_at") {
        None => 0,
        Some(value) => match value.as_u64() {
            Some(time) => time,
            None => {
                let expected = "a whole number of milliseconds";
                faults.push(shape(format!("{at}.updated_at"), expected));
                return None;
            }
        },
    };
    let chars = note.chars().count();
    if chars > NOTE_MAX_CHARS {
        faults.push(Fault::NoteTooLong {
            id: shown_id(id),
            chars,
        });
    }
    Some(ItemProgress {
        state,
        note: truncate_note(note).to_owned(),
        updated_at,
    })
}

fn read_planner(value: &Value) -> Result<Planner, Fault> {
    let fields = value
        .as_object()
        .ok_or_else(|| shape("planner", "an object or null"))?;
    let start = fields
        .get("start")
        .and_then(Value::as_str)
        .and_then(Date::parse)
        .ok_or_else(|| shape("planner.start", "a date as YYYY-MM-DD"))?;
    fields
        .get("hours_per_week")
        .and_then(Value::as_u64)
        .and_then(|hours| u32::try_from(hours).ok())
        .and_then(|hours| Planner::new(start, hours))
        .ok_or_else(|| {
            let expected = format!(
                "a whole number from {} to {}",
                HOURS_PER_WEEK.start(),
                HOURS_PER_WEEK.end()
            );
            shape("planner.hours_per_week", expected)
        })
}

/// A stored value as read: what could be kept, and, when anything was wrong, what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stored {
    /// The salvaged document: all of it when `problem` is `None`, else the valid part (which
    /// may be empty). Save it only after backing the original up.
    pub doc: ProgressDoc,
    /// What was wrong, for a notice; `None` when the value was read in full.
    pub problem: Option<String>,
    /// The value's version when a newer version of the app wrote it: nothing of it can be read,
    /// and it must never be written over.
    pub newer: Option<u64>,
}

/// Reads the value stored under a guide's key ([`super::ProgressKeys`]) (the caller handles an absent or
/// empty one). Never fails: whatever can be salvaged is returned with a description of the
/// rest, so that the caller can back the original up and tell the reader.
pub fn read_stored(text: &str) -> Stored {
    match read_text(text) {
        Ok(Reading { doc, faults }) => Stored {
            problem: partial_problem(&faults),
            doc,
            newer: None,
        },
        Err(fault) => Stored {
            doc: ProgressDoc::new(),
            problem: Some(format!(
                "The saved progress could not be read: {}.",
                fault.describe("it")
            )),
            newer: match fault {
                Fault::Version { found } => Some(found),
                _ => None,
            },
        },
    }
}

fn partial_problem(faults: &[Fault]) -> Option<String> {
    let first = faults.first()?.describe("it");
    let lead = "Some of the saved progress could not be read; the rest was kept.";
    Some(match faults.len() - 1 {
        0 => format!("{lead} {first}."),
        1 => format!("{lead} {first} (and 1 more problem)."),
        more => format!("{lead} {first} (and {more} more problems)."),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_long_item_id_is_shortened_in_messages() {
        let id = "x".repeat(500);
        let text = format!("{{\"version\":1,\"updated_at\":1,\"items\":{{\"{id}\":5}},\"planner\":null,\"planner_updated_at\":0}}");
        let reading = read_text(&text).unwrap();
        let message = reading
            .faults
            .iter()
            .map(|fault| fault.describe("The file"))
            .collect::<String>();
        assert!(!message.is_empty());
        assert!(
            message.contains(&format!("{}…", "x".repeat(40))),
            "{message}"
        );
        assert!(!message.contains(&"x".repeat(41)), "{message}");
    }

    fn stored(value: Value) -> Stored {
        read_stored(&value.to_string())
    }

    #[test]
    fn a_written_document_reads_back_whole() {
        let mut doc = ProgressDoc::new();
        doc.set_state("tool-terraform", ItemState::Done, 10);
        doc.set_note("skill-linux", "<b>bash</b> \"quoted\" 🦀", 11);
        doc.set_planner(Planner::new(Date::parse("2024-02-29").unwrap(), 12), 12);
        let read = read_stored(&doc.to_json());
        assert_eq!(
            read,
            Stored {
                doc,
                problem: None,
                newer: None
            }
        );
    }

    #[test]
    fn text_that_is_not_json_is_described_with_its_position() {
        let read = read_stored("{\"version\": 1,");
        assert_eq!(read.doc, ProgressDoc::new());
        let problem = read.problem.unwrap();
        assert!(
            problem.starts_with(
                "The saved progress could not be read: it is not JSON (line 1, column"
            ),
            "{problem}"
        );
        assert!(read_stored("").problem.is_some());
    }

    #[test]
    fn json_that_is_not_an_object_is_rejected() {
        let read = stored(json!([1, 2, 3]));
        assert_eq!(
            read.problem.as_deref(),
            Some("The saved progress could not be read: it is not a roadmap progress document (expected a JSON object).")
        );
        assert_eq!(
            stored(json!({})).problem.as_deref(),
            Some("The saved progress could not be read: version: expected a version number.")
        );
        assert_eq!(
            migrate(json!({"version": "1", "items": {}})),
            Err(shape("version", "a whole number"))
        );
    }

    #[test]
    fn a_future_version_is_not_guessed_at() {
        let read = stored(json!({"version": 7, "items": {"tool-terraform": {"state": "done"}}}));
        assert_eq!(read.doc, ProgressDoc::new());
        assert_eq!(read.newer, Some(7));
        assert_eq!(
            read.problem.as_deref(),
            Some(
                "The saved progress could not be read: it is version 7; this app reads version 1."
            )
        );
        assert_eq!(stored(json!({"version": 1})).newer, None);
        assert_eq!(stored(json!([])).newer, None);
    }

    #[test]
    fn a_huge_value_is_refused_before_parsing() {
        let padding = "x".repeat(MAX_STORED_BYTES);
        let text = format!("{{\"version\":1,\"items\":{{}},\"padding\":\"{padding}\"}}");
        let read = read_stored(&text);
        assert_eq!(read.doc, ProgressDoc::new());
        assert_eq!(
            read.problem.as_deref(),
            Some("The saved progress could not be read: it is 1.1 MB; the limit is 1 MB.")
        );
    }

    #[test]
    fn sizes_read_in_megabytes_rounded_up() {
        assert_eq!(megabytes(5_200_000), "5.2 MB");
        assert_eq!(megabytes(1_000_000), "1 MB");
        assert_eq!(megabytes(1_000_001), "1.1 MB");
        assert_eq!(megabytes(2_000_000), "2 MB");
    }

    #[test]
    fn a_partly_valid_document_keeps_its_valid_items() {
        let read = stored(json!({
            "version": 1,
            "updated_at": 50,
            "items": {
                "tool-terraform": {"state": "done", "note": "ok", "updated_at": 40},
                "tool-ansible": {"state": "finished", "updated_at": 41},
                "skill-linux": "done",
                "skill-iac": {"state": "done", "updated_at": "yesterday"},
                "skill-networking": {"state": "skipped", "note": 5}
            },
            "planner": {"start": "2026-11-25", "hours_per_week": 10}
        }));
        assert_eq!(read.doc.items.len(), 1);
        assert_eq!(read.doc.state("tool-terraform"), ItemState::Done);
        assert_eq!(read.doc.note("tool-terraform"), "ok");
        assert_eq!(read.doc.updated_at, 50);
        assert!(read.doc.planner.is_some());
        let problem = read.problem.unwrap();
        assert!(
            problem.starts_with(
                "Some of the saved progress could not be read; the rest was kept. items.\""
            ),
            "{problem}"
        );
        assert!(problem.ends_with("(and 3 more problems)."), "{problem}");
    }

    #[test]
    fn each_kind_of_bad_item_is_named() {
        let fault = |item: Value| {
            let value = json!({"version": 1, "items": {"tool-terraform": item}});
            migrate(value).unwrap_err().describe("The file")
        };
        assert_eq!(
            fault(json!({"state": "finished"})),
            "items.\"tool-terraform\".state: expected one of not_started, in_progress, done, skipped"
        );
        assert_eq!(
            fault(json!({"note": "no state"})),
            "items.\"tool-terraform\".state: expected one of not_started, in_progress, done, skipped"
        );
        assert_eq!(
            fault(json!(true)),
            "items.\"tool-terraform\": expected an object"
        );
        assert_eq!(
            fault(json!({"state": "done", "note": ["a"]})),
            "items.\"tool-terraform\".note: expected text"
        );
        assert_eq!(
            fault(json!({"state": "done", "updated_at": -1})),
            "items.\"tool-terraform\".updated_at: expected a whole number of milliseconds"
        );
        assert_eq!(
            migrate(json!({"version": 1, "items": {"": {"state": "done"}}})).unwrap_err(),
            shape("items.\"\"", "a non-empty item id")
        );
        assert_eq!(
            migrate(json!({"version": 1, "items": []})).unwrap_err(),
            shape("items", "an object of items by id")
        );
    }

    #[test]
    fn optional_fields_may_be_absent_or_null() {
        let doc = migrate(json!({
            "version": 1,
            "items": {"tool-terraform": {"state": "in_progress", "note": null}},
            "planner": null
        }))
        .unwrap();
        let item = doc.item("tool-terraform").unwrap();
        assert_eq!(item.state, ItemState::InProgress);
        assert_eq!(item.note, "");
        assert_eq!(item.updated_at, 0);
        assert_eq!(doc.updated_at, 0);
        assert_eq!(doc.planner, None);
    }

    #[test]
    fn a_bad_planner_is_dropped_and_the_items_kept() {
        for (planner, message) in [
            (
                json!({"start": "2026-02-30", "hours_per_week": 10}),
                "planner.start: expected a date as YYYY-MM-DD",
            ),
            (
                json!({"start": "2026-11-25", "hours_per_week": 0}),
                "planner.hours_per_week: expected a whole number from 1 to 80",
            ),
            (
                json!({"start": "2026-11-25", "hours_per_week": 81}),
                "planner.hours_per_week: expected a whole number from 1 to 80",
            ),
            (
                json!({"start": "2026-11-25", "hours_per_week": 7.5}),
                "planner.hours_per_week: expected a whole number from 1 to 80",
            ),
            (json!("soon"), "planner: expected an object or null"),
        ] {
            let read = stored(json!({
                "version": 1,
                "items": {"tool-terraform": {"state": "done"}},
                "planner": planner
            }));
            assert_eq!(read.doc.planner, None);
            assert_eq!(read.doc.state("tool-terraform"), ItemState::Done);
            assert_eq!(
                read.problem,
                Some(format!(
                    "Some of the saved progress could not be read; the rest was kept. {message}."
                ))
            );
        }
    }

    #[test]
    fn an_overlong_stored_note_is_shortened_and_reported() {
        let note = "ü".repeat(NOTE_MAX_CHARS + 1);
        let read = stored(json!({
            "version": 1,
            "items": {"skill-iac": {"state": "done", "note": note}}
        }));
        assert_eq!(read.doc.note("skill-iac").chars().count(), NOTE_MAX_CHARS);
        assert_eq!(
            read.problem.as_deref(),
            Some("Some of the saved progress could not be read; the rest was kept. The note for skill-iac is 1001 characters; the limit is 1000.")
        );
    }

    #[test]
    fn version_zero_migrates_to_done_items() {
        let doc = migrate(json!({"done": ["tool-terraform", "skill-linux"]})).unwrap();
        assert_eq!(doc.version, CURRENT_VERSION);
        assert_eq!(doc.items.len(), 2);
        assert_eq!(doc.state("tool-terraform"), ItemState::Done);
        assert_eq!(doc.state("skill-linux"), ItemState::Done);
        assert_eq!(doc.note("skill-linux"), "");
        assert_eq!(doc.planner, None);
        // An explicit version 0 is the same shape.
        let explicit = migrate(json!({"version": 0, "done": ["tool-terraform", "skill-linux"]}));
        assert_eq!(explicit, Ok(doc));
        // Migrated documents are written as version 1.
        let migrated = migrate(json!({"done": ["tool-terraform"]})).unwrap();
        let written: Value = serde_json::from_str(&migrated.to_json()).unwrap();
        assert_eq!(written["version"], json!(1));
        assert_eq!(written["items"]["tool-terraform"]["state"], json!("done"));
    }

    #[test]
    fn a_damaged_version_zero_document_keeps_its_valid_ids() {
        let value = json!({"done": ["tool-terraform", 3, ""]});
        assert_eq!(migrate(value.clone()), Err(shape("done[1]", "an item id")));
        let read = stored(value);
        assert_eq!(read.doc.state("tool-terraform"), ItemState::Done);
        assert_eq!(read.doc.items.len(), 1);
        assert_eq!(
            read.problem.as_deref(),
            Some("Some of the saved progress could not be read; the rest was kept. done[1]: expected an item id (and 1 more problem).")
        );
        assert_eq!(
            migrate(json!({"done": "all"})),
            Err(shape("done", "a list of item ids"))
        );
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use super::*;
    use crate::roadmap::model::arbitrary::doc;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn encoding_then_decoding_gives_the_same_document(doc in doc()) {
            let read = read_stored(&doc.to_json());
            prop_assert_eq!(read.problem, None);
            prop_assert_eq!(read.doc, doc);
        }

        #[test]
        fn reading_any_text_never_panics(text in ".{0,200}") {
            let _ = read_stored(&text);
        }
    }
}
