//! Importing an exported document: validate it whole, show what it would change, then replace
//! or merge. A file that fails validation changes nothing.

use std::collections::BTreeSet;
use std::fmt;

use super::checklist::Checklist;
use super::decode::{megabytes, read_text, Fault, Reading};
use super::document::{ProgressDoc, MAX_HIDDEN_ITEMS, MAX_ID_CHARS, MAX_STORED_BYTES};
use super::merge::merge;
use super::size::encode;

/// Why a file cannot be imported; its [`fmt::Display`] says so in plain English.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    /// The file, or some part of it, is not a valid progress document.
    Invalid(Fault),
    /// The file has items, but this roadmap has none of their ids: most likely another file.
    NoKnownItems { count: usize },
    /// The file has more than [`MAX_HIDDEN_ITEMS`] items this roadmap does not have.
    TooManyHidden { count: usize },
    /// With the file, more than [`MAX_HIDDEN_ITEMS`] entries this roadmap does not have would
    /// be kept: the reader's own and the file's together.
    HiddenFull { count: usize },
    /// An item id is longer than [`MAX_ID_CHARS`] characters.
    IdTooLong { chars: usize },
    /// Replacing or merging would make the saved progress larger than [`MAX_STORED_BYTES`],
    /// which could not be read back.
    ResultTooBig { bytes: usize },
    /// The file (or link) names another guide (`Checklist::guide`) as its own.
    OtherGuide { guide: String },
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::Invalid(fault) => f.write_str(&fault.describe("The file")),
            ImportError::NoKnownItems { count: 1 } => {
                f.write_str("The file's only item is not in this roadmap")
            }
            ImportError::NoKnownItems { count } => {
                write!(f, "None of the file's {count} items are in this roadmap")
            }
            ImportError::TooManyHidden { count } => write!(
                f,
                "The file has {count} items that are not in this roadmap; at most {MAX_HIDDEN_ITEMS} such items are kept"
            ),
            ImportError::HiddenFull { count } => write!(
                f,
                "With this file, {count} entries this guide no longer has would be kept; at most {MAX_HIDDEN_ITEMS} are. Remove the ones your progress already holds first"
            ),
            ImportError::IdTooLong { chars } => write!(
                f,
                "The file has an item id of {chars} characters; the limit is {MAX_ID_CHARS}"
            ),
            ImportError::OtherGuide { guide } => write!(
                f,
                "This is progress on another guide (\"{guide}\"), not this one: open it on that guide's page"
            ),
            ImportError::ResultTooBig { bytes } => write!(
                f,
                "With this file your saved progress would be {}; the limit is {}",
                megabytes(*bytes),
                megabytes(MAX_STORED_BYTES)
            ),
        }
    }
}

impl std::error::Error for ImportError {}

/// A validated file (or progress link), ready to be counted against the reader's progress and
/// applied: [`ImportPreview::changes`], [`ImportPreview::replace`] and
/// [`ImportPreview::merge_into`] all take the document as it is when they are called, so a note
/// edited while the preview is open is neither miscounted nor undone.
///
/// The counts cover the roadmap's items only; ids the roadmap lacks are listed in
/// `unknown_ids` and kept aside in the document (not shown), like stored ones.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportPreview {
    /// The file's document (older versions already migrated).
    pub incoming: ProgressDoc,
    /// Whether every note stays as the reader has it, whichever they choose: a link made without
    /// its notes carries empty ones, which must not erase the reader's.
    pub keeps_notes: bool,
    /// The file's ids that this roadmap does not have, sorted.
    pub unknown_ids: Vec<String>,
    /// The roadmap's ids, so that replacing knows which stored entries are hidden ones.
    roadmap_ids: BTreeSet<String>,
}

/// What replacing and merging would change in a document, for the reader to confirm.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ImportChanges {
    /// Items whose state replacing would change.
    pub items_changed: usize,
    /// Items whose note replacing would change.
    pub notes_changed: usize,
    /// Whether replacing would change the pace planner.
    pub planner_changed: bool,
    /// Items whose state merging would change (the later edit of each item wins).
    pub merge_items_changed: usize,
    /// Items whose note merging would change.
    pub merge_notes_changed: usize,
}

impl ImportPreview {
    /// What replacing and merging would change in `current`.
    pub fn changes(&self, checklist: &Checklist, current: &ProgressDoc, now: u64) -> ImportChanges {
        let (items_changed, notes_changed) =
            changes(checklist, current, &self.replace(current, now));
        let (merge_items_changed, merge_notes_changed) =
            changes(checklist, current, &self.merge_into(current));
        ImportChanges {
            items_changed,
            notes_changed,
            planner_changed: current.planner != self.incoming.planner,
            merge_items_changed,
            merge_notes_changed,
        }
    }

    /// The current document made to show exactly the file's progress and planner. Changed
    /// entries are stamped `now` so the import wins merges with other tabs' older copies;
    /// hidden entries (ids this roadmap lacks) that the file does not mention are kept, and so
    /// is every note when [`ImportPreview::keeps_notes`].
    pub fn replace(&self, current: &ProgressDoc, now: u64) -> ProgressDoc {
        let mut target = self.incoming.clone();
        for (id, item) in &current.items {
            if !self.roadmap_ids.contains(id) {
                target
                    .items
                    .entry(id.clone())
                    .or_insert_with(|| item.clone());
            }
        }
        if self.keeps_notes {
            for (id, item) in &mut target.items {
                item.note = current.note(id).to_owned();
            }
            for (id, item) in &current.items {
                if !item.note.is_empty() {
                    target
                        .items
                        .entry(id.clone())
                        .or_default()
                        .note
                        .clone_from(&item.note);
                }
            }
        }
        let mut result = current.clone();
        result.assign(&target, now);
        result
    }

    /// The current document merged with the file: for each item (and the planner) the later
    /// edit wins, so nothing newer in the current document is lost; with
    /// [`ImportPreview::keeps_notes`], no note changes either.
    pub fn merge_into(&self, current: &ProgressDoc) -> ProgressDoc {
        if !self.keeps_notes {
            return merge(current, &self.incoming);
        }
        let mut incoming = self.incoming.clone();
        for (id, item) in &mut incoming.items {
            item.note = current.note(id).to_owned();
        }
        merge(current, &incoming)
    }
}

/// Validates an exported file against the current document and the roadmap at time `now`;
/// nothing is changed either way. Any invalid part rejects the whole file (unlike stored values,
/// where the valid part is salvaged), because the reader can fix a file and try again. A file is
/// also refused when replacing or merging would give a document too big to be stored and read
/// back, or when it brings too many (or too long) ids this roadmap does not have.
pub fn preview_import(
    text: &str,
    current: &ProgressDoc,
    checklist: &Checklist,
    now: u64,
) -> Result<ImportPreview, ImportError> {
    preview_incoming(text, current, checklist, now, false)
}

/// As [`preview_import`], for a progress link made without its notes: the reader's own notes
/// stay, whether they replace or merge (the link's empty notes would otherwise erase them).
pub fn preview_link_without_notes(
    text: &str,
    current: &ProgressDoc,
    checklist: &Checklist,
    now: u64,
) -> Result<ImportPreview, ImportError> {
    preview_incoming(text, current, checklist, now, true)
}

fn preview_incoming(
    text: &str,
    current: &ProgressDoc,
    checklist: &Checklist,
    now: u64,
    keeps_notes: bool,
) -> Result<ImportPreview, ImportError> {
    // Named by the guide it was made on (exports and links since guides had names): only that
    // guide's checklist takes it. Older files name none.
    let named = crate::data::parse_json(text)
        .ok()
        .and_then(|value| value.get("guide")?.as_str().map(str::to_owned));
    if let Some(guide) = named.filter(|guide| *guide != checklist.guide) {
        return Err(ImportError::OtherGuide { guide });
    }
    let Reading {
        doc: mut incoming,
        faults,
    } = read_text(text).map_err(ImportError::Invalid)?;
    if let Some(fault) = faults.into_iter().next() {
        return Err(ImportError::Invalid(fault));
    }
    not_after(&mut incoming, now.saturating_add(CLOCK_SLACK_MS));
    // The calendar record is the sender's: their reader id must not become this reader's.
    incoming.calendar = None;
    let unknown_ids = checklist.unknown_ids(&incoming);
    // A file of only a planner is fine; a file whose every item is foreign is a mistake.
    if !incoming.items.is_empty() && unknown_ids.len() == incoming.items.len() {
        return Err(ImportError::NoKnownItems {
            count: incoming.items.len(),
        });
    }
    if unknown_ids.len() > MAX_HIDDEN_ITEMS {
        return Err(ImportError::TooManyHidden {
            count: unknown_ids.len(),
        });
    }
    // Capped in total: what the reader keeps already, and what the file brings. A reader
    // already past the cap (from content updates) can still import what adds no such entry.
    let mut kept: BTreeSet<String> = BTreeSet::new();
    kept.extend(checklist.leftover_ids(current));
    let before = kept.len();
    kept.extend(checklist.leftover_ids(&incoming));
    if kept.len() > before && kept.len() > MAX_HIDDEN_ITEMS {
        return Err(ImportError::HiddenFull { count: kept.len() });
    }
    if let Some(chars) = incoming
        .items
        .keys()
        .map(|id| id.chars().count())
        .find(|&chars| chars > MAX_ID_CHARS)
    {
        return Err(ImportError::IdTooLong { chars });
    }
    let preview = ImportPreview {
        // Inserted one by one: collecting into the set would sort first, and bring the standard
        // library's stable sort into the wasm for this one list (see `crate::short_sort`).
        roadmap_ids: {
            let mut ids = BTreeSet::new();
            ids.extend(checklist.item_ids().map(str::to_owned));
            ids
        },
        incoming,
        keeps_notes,
        unknown_ids,
    };
    for result in [preview.merge_into(current), preview.replace(current, now)] {
        if let Err(Fault::TooBig { bytes }) = encode(&result) {
            return Err(ImportError::ResultTooBig { bytes });
        }
    }
    Ok(preview)
}

/// How far ahead of this device's clock an imported time may be (another device's clock may run
/// a little fast); later times are taken as this bound.
const CLOCK_SLACK_MS: u64 = 86_400_000;

/// Brings every time in `doc` down to at most `latest`: a file or link stamped far in the
/// future (or at `u64::MAX`) would otherwise win every later merge against the reader's own
/// edits, which are stamped with the real time.
fn not_after(doc: &mut ProgressDoc, latest: u64) {
    for item in doc.items.values_mut() {
        item.updated_at = item.updated_at.min(latest);
    }
    doc.updated_at = doc.updated_at.min(latest);
    doc.planner_updated_at = doc.planner_updated_at.min(latest);
}

/// How many of the roadmap's items differ in state, and in note, between two documents.
fn changes(checklist: &Checklist, before: &ProgressDoc, after: &ProgressDoc) -> (usize, usize) {
    checklist.item_ids().fold((0, 0), |(states, notes), id| {
        (
            states + usize::from(before.state(id) != after.state(id)),
            notes + usize::from(before.note(id) != after.note(id)),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::roadmap::model::date::Date;
    use crate::roadmap::model::document::{ItemProgress, Planner, NOTE_MAX_CHARS};
    use crate::roadmap::model::state::ItemState;
    use serde_json::json;

    #[test]
    fn a_link_without_notes_keeps_the_readers_notes_whichever_they_choose() {
        let guide = crate::data::shipped_guide();
        let checklist = Checklist::from_guide(&guide);
        let id = checklist.item_ids().next().unwrap().to_owned();
        let mut current = ProgressDoc::new();
        current.items.insert(
            id.clone(),
            crate::roadmap::model::document::ItemProgress {
                state: ItemState::InProgress,
                note: "mine".into(),
                updated_at: 5,
            },
        );
        let text = format!(
            "{{\"version\":1,\"updated_at\":9,\"items\":{{\"{id}\":{{\"state\":\"done\",\"note\":\"\",\"updated_at\":9}}}},\"planner\":null,\"planner_updated_at\":0}}"
        );
        let found = preview_link_without_notes(&text, &current, &checklist, 10).unwrap();
        assert_eq!(found.changes(&checklist, &current, 10).notes_changed, 0);
        for result in [found.merge_into(&current), found.replace(&current, 10)] {
            assert_eq!(result.note(&id), "mine");
            assert_eq!(result.state(&id), ItemState::Done);
        }
        let plain = preview_import(&text, &current, &checklist, 10).unwrap();
        assert_eq!(
            plain.replace(&current, 10).note(&id),
            "",
            "a file's empty note replaces"
        );
    }

    #[test]
    fn a_link_without_notes_keeps_notes_on_items_it_does_not_carry() {
        let checklist = checklist();
        let ids: Vec<&str> = checklist.item_ids().collect();
        let mut current = ProgressDoc::new();
        current.set_note(ids[1], "lab on Saturday", 5);
        current.set_note("retired-item", "kept aside", 5);
        let mut link = ProgressDoc::new();
        link.set_state(ids[0], ItemState::Done, 9);
        let found = preview_link_without_notes(&link.to_json(), &current, &checklist, 10).unwrap();
        assert_eq!(found.changes(&checklist, &current, 10).notes_changed, 0);
        for result in [found.merge_into(&current), found.replace(&current, 10)] {
            assert_eq!(result.note(ids[1]), "lab on Saturday");
            assert_eq!(result.note("retired-item"), "kept aside");
            assert_eq!(result.state(ids[0]), ItemState::Done);
        }
    }

    #[test]
    fn the_counts_and_the_result_follow_the_document_as_it_is_when_pressed() {
        let checklist = checklist();
        let ids: Vec<&str> = checklist.item_ids().collect();
        let mut link = ProgressDoc::new();
        link.set_state(ids[0], ItemState::Done, 9);
        let opened = ProgressDoc::new();
        let found = preview_link_without_notes(&link.to_json(), &opened, &checklist, 10).unwrap();
        assert_eq!(found.changes(&checklist, &opened, 10).items_changed, 1);
        // While the preview is open, the reader ticks the same item and writes a note.
        let mut now = opened.clone();
        now.set_state(ids[0], ItemState::Done, 11);
        now.set_note(ids[2], "written after the preview opened", 12);
        let counts = found.changes(&checklist, &now, 13);
        assert_eq!((counts.items_changed, counts.notes_changed), (0, 0));
        assert_eq!(
            found.replace(&now, 13).note(ids[2]),
            "written after the preview opened"
        );
    }

    #[test]
    fn times_from_the_future_are_brought_back_to_now() {
        let guide = crate::data::shipped_guide();
        let checklist = Checklist::from_guide(&guide);
        let id = checklist.item_ids().next().unwrap().to_owned();
        let text = format!(
            "{{\"version\":1,\"updated_at\":18446744073709551615,\"items\":{{\"{id}\":{{\"state\":\"done\",\"note\":\"\",\"updated_at\":18446744073709551615}}}},\"planner\":null,\"planner_updated_at\":18446744073709551615}}"
        );
        let now = 1_800_000_000_000;
        let found = preview_import(&text, &ProgressDoc::new(), &checklist, now).unwrap();
        let latest = now + CLOCK_SLACK_MS;
        assert_eq!(found.incoming.items[&id].updated_at, latest);
        assert_eq!(found.incoming.planner_updated_at, latest);
        assert!(found.incoming.updated_at <= latest);
    }

    fn checklist() -> Checklist {
        let guide = crate::data::shipped_guide();
        Checklist::from_guide(&guide)
    }

    #[test]
    fn progress_named_by_another_guide_is_refused_and_by_this_one_taken() {
        let checklist = checklist();
        let id = checklist.item_ids().next().unwrap().to_owned();
        let mut doc = ProgressDoc::new();
        let state = crate::roadmap::model::ItemState::Done;
        doc.items.insert(
            id.clone(),
            ItemProgress {
                state,
                note: String::new(),
                updated_at: 5,
            },
        );
        let ours = doc.to_json_named(&checklist.guide);
        assert!(ours.starts_with("{\"guide\":\"infrastructure-engineer\",\"version\":1,"));
        let found = preview_import(&ours, &ProgressDoc::new(), &checklist, 9).unwrap();
        assert_eq!(found.incoming.items[&id].state, state);
        // Files of before guides had names carry none: taken as they always were.
        assert!(preview_import(&doc.to_json(), &ProgressDoc::new(), &checklist, 9).is_ok());
        let theirs = doc.to_json_named("sample-analyst");
        let refused = preview_import(&theirs, &ProgressDoc::new(), &checklist, 9).unwrap_err();
        assert_eq!(
            refused,
            ImportError::OtherGuide {
                guide: "sample-analyst".into()
            }
        );
        assert!(refused
            .to_string()
            .contains("another guide (\"sample-analyst\")"));
        assert!(preview_link_without_notes(&theirs, &ProgressDoc::new(), &checklist, 9).is_err());
    }

    fn error(text: &str) -> String {
        preview_import(text, &ProgressDoc::new(), &checklist(), 1)
            .unwrap_err()
            .to_string()
    }

    fn current() -> ProgressDoc {
        let mut doc = ProgressDoc::new();
        doc.set_state("tool-terraform", ItemState::Done, 100);
        doc.set_state("tool-kubernetes", ItemState::InProgress, 100);
        doc.set_note("tool-kubernetes", "kind cluster", 100);
        doc.set_state("retired-item", ItemState::Done, 100);
        doc
    }

    #[test]
    fn a_file_of_the_same_progress_changes_nothing() {
        let current = current();
        let preview = preview_import(&current.to_json(), &current, &checklist(), 500).unwrap();
        let counts = preview.changes(&checklist(), &current, 500);
        assert_eq!(counts.items_changed, 0);
        assert_eq!(counts.notes_changed, 0);
        assert!(!counts.planner_changed);
        assert_eq!(counts.merge_items_changed, 0);
        assert_eq!(preview.unknown_ids, ["retired-item"]);
        assert_eq!(preview.replace(&current, 500), current);
        assert_eq!(preview.merge_into(&current), current);
    }

    #[test]
    fn the_preview_counts_state_and_note_changes() {
        let current = current();
        let file = json!({
            "version": 1,
            "updated_at": 50,
            "items": {
                "tool-terraform": {"state": "done", "note": "modules", "updated_at": 50},
                "skill-linux": {"state": "skipped", "updated_at": 200},
                "skill-iac": {"state": "in_progress", "note": "", "updated_at": 200}
            },
            "planner": {"start": "2026-11-25", "hours_per_week": 10}
        });
        let preview = preview_import(&file.to_string(), &current, &checklist(), 500).unwrap();
        let counts = preview.changes(&checklist(), &current, 500);
        // Replacing: kubernetes goes back to not started and loses its note, terraform gains
        // a note, linux and iac change state.
        assert_eq!(counts.items_changed, 3);
        assert_eq!(counts.notes_changed, 2);
        assert!(counts.planner_changed);
        // Merging: the file's terraform note is older than the current entry, so it loses.
        assert_eq!(counts.merge_items_changed, 2);
        assert_eq!(counts.merge_notes_changed, 0);
        assert!(preview.unknown_ids.is_empty());

        let replaced = preview.replace(&current, 500);
        assert_eq!(replaced.note("tool-terraform"), "modules");
        assert_eq!(replaced.state("tool-kubernetes"), ItemState::NotStarted);
        assert_eq!(replaced.state("skill-linux"), ItemState::Skipped);
        assert_eq!(replaced.planner, preview.incoming.planner);
        // A hidden entry the file does not mention survives a replace.
        assert_eq!(replaced.state("retired-item"), ItemState::Done);
        // Replaced entries win against the current document in a later merge.
        assert_eq!(merge(&replaced, &current), replaced);

        let merged = preview.merge_into(&current);
        assert_eq!(merged.note("tool-terraform"), "");
        assert_eq!(merged.state("tool-kubernetes"), ItemState::InProgress);
        assert_eq!(merged.state("skill-iac"), ItemState::InProgress);
        assert_eq!(merged.planner, preview.incoming.planner);
    }

    #[test]
    fn unknown_ids_are_reported_and_kept_aside() {
        let file = json!({
            "version": 1,
            "items": {
                "tool-terraform": {"state": "done", "updated_at": 1},
                "tool-pulumi": {"state": "done", "note": "<i>later</i>", "updated_at": 1}
            }
        });
        let current = ProgressDoc::new();
        let preview = preview_import(&file.to_string(), &current, &checklist(), 500).unwrap();
        assert_eq!(preview.unknown_ids, ["tool-pulumi"]);
        let counts = preview.changes(&checklist(), &current, 500);
        assert_eq!(counts.items_changed, 1);
        assert_eq!(counts.notes_changed, 0);
        let replaced = preview.replace(&current, 10);
        assert_eq!(replaced.note("tool-pulumi"), "<i>later</i>");
    }

    #[test]
    fn bad_files_say_why() {
        assert_eq!(error("{x"), "The file is not JSON (line 1, column 2)");
        assert_eq!(
            error(r#"{"version": 7, "items": {}}"#),
            "The file is version 7; this app reads version 1"
        );
        assert_eq!(
            error(r#"{"version": 1, "items": {"tool-terraform": {"state": "finished"}}}"#),
            "items.\"tool-terraform\".state: expected one of not_started, in_progress, done, skipped"
        );
        assert_eq!(
            error(&" ".repeat(5_200_000)),
            "The file is 5.2 MB; the limit is 1 MB"
        );
        assert_eq!(
            error(
                r#"{"version": 1, "items": {"a": {"state": "done"}, "b": {"state": "done"}, "c": {"state": "done"}}}"#
            ),
            "None of the file's 3 items are in this roadmap"
        );
        assert_eq!(
            error(r#"{"version": 1, "items": {"a": {"state": "done"}}}"#),
            "The file's only item is not in this roadmap"
        );
        assert_eq!(
            error("[]"),
            "The file is not a roadmap progress document (expected a JSON object)"
        );
        assert_eq!(
            error(
                r#"{"version": 1, "items": {}, "planner": {"start": "soon", "hours_per_week": 10}}"#
            ),
            "planner.start: expected a date as YYYY-MM-DD"
        );
    }

    #[test]
    fn a_note_over_the_limit_rejects_the_file() {
        let note = "n".repeat(1200);
        let file = json!({
            "version": 1,
            "items": {"tool-terraform": {"state": "done", "note": note}}
        });
        assert_eq!(
            error(&file.to_string()),
            "The note for tool-terraform is 1200 characters; the limit is 1000"
        );
        // The limit counts characters: 1000 four-byte characters are fine.
        let file = json!({
            "version": 1,
            "items": {"tool-terraform": {"state": "done", "note": "🦀".repeat(NOTE_MAX_CHARS)}}
        });
        assert!(preview_import(&file.to_string(), &ProgressDoc::new(), &checklist(), 1).is_ok());
    }

    #[test]
    fn a_file_with_only_a_planner_is_accepted() {
        let file = json!({
            "version": 1,
            "items": {},
            "planner": {"start": "2024-02-29", "hours_per_week": 5}
        });
        let preview =
            preview_import(&file.to_string(), &ProgressDoc::new(), &checklist(), 1).unwrap();
        assert!(
            preview
                .changes(&checklist(), &ProgressDoc::new(), 1)
                .planner_changed
        );
        assert_eq!(
            preview.incoming.planner,
            Planner::new(Date::parse("2024-02-29").unwrap(), 5)
        );
    }

    #[test]
    fn a_version_zero_file_is_migrated() {
        let preview = preview_import(
            r#"{"done": ["tool-terraform", "skill-linux"]}"#,
            &ProgressDoc::new(),
            &checklist(),
            1,
        )
        .unwrap();
        assert_eq!(
            preview
                .changes(&checklist(), &ProgressDoc::new(), 1)
                .items_changed,
            2
        );
        assert_eq!(preview.incoming.state("skill-linux"), ItemState::Done);
    }

    #[test]
    fn unknown_ids_are_kept_only_up_to_a_stated_number_and_length() {
        let mut items = serde_json::Map::new();
        items.insert("tool-terraform".into(), json!({"state": "done"}));
        for n in 0..=MAX_HIDDEN_ITEMS {
            items.insert(format!("retired-{n}"), json!({"state": "done"}));
        }
        let file = json!({"version": 1, "items": items});
        assert_eq!(
            error(&file.to_string()),
            "The file has 101 items that are not in this roadmap; at most 100 such items are kept"
        );
        let long = "i".repeat(MAX_ID_CHARS + 1);
        let file = json!({"version": 1, "items": {"tool-terraform": {"state": "done"}, long: {"state": "done"}}});
        assert_eq!(
            error(&file.to_string()),
            "The file has an item id of 101 characters; the limit is 100"
        );
    }

    #[test]
    fn entries_this_guide_no_longer_has_are_capped_in_total() {
        let mut current = ProgressDoc::new();
        for n in 0..MAX_HIDDEN_ITEMS {
            current.set_state(&format!("old-{n}"), ItemState::Done, 1);
        }
        let file = json!({"version": 1, "items": {"tool-terraform": {"state": "done"}, "new-1": {"state": "done"}}});
        let refused = preview_import(&file.to_string(), &current, &checklist(), 5).unwrap_err();
        assert_eq!(refused, ImportError::HiddenFull { count: 101 });
        assert!(refused
            .to_string()
            .contains("101 entries this guide no longer has"));
        // Once the reader has removed theirs, the file is welcome.
        let leftovers = checklist().leftover_ids(&current);
        assert_eq!(leftovers.len(), MAX_HIDDEN_ITEMS);
        current.clear(&leftovers, 6);
        assert!(checklist().leftover_ids(&current).is_empty());
        assert!(preview_import(&file.to_string(), &current, &checklist(), 7).is_ok());
        // A reader already over the cap can still import a file that adds no such entry.
        let mut over = ProgressDoc::new();
        for n in 0..=MAX_HIDDEN_ITEMS {
            over.set_state(&format!("old-{n}"), ItemState::Done, 1);
        }
        let known = json!({"version": 1, "items": {"tool-terraform": {"state": "done"}, "old-1": {"state": "done"}}});
        assert!(preview_import(&known.to_string(), &over, &checklist(), 8).is_ok());
    }

    #[test]
    fn a_file_or_link_never_brings_its_calendar_record() {
        let mut sender = ProgressDoc::new();
        sender.set_state("tool-terraform", ItemState::Done, 1);
        sender.next_calendar(|| "theirs".into(), 1);
        let found =
            preview_import(&sender.to_json(), &ProgressDoc::new(), &checklist(), 2).unwrap();
        assert_eq!(found.incoming.calendar, None);
        assert_eq!(found.merge_into(&ProgressDoc::new()).calendar, None);
    }

    #[test]
    fn a_file_whose_import_could_not_be_read_back_is_refused() {
        // Every note at the limit, in characters that JSON writes as six bytes each, and the
        // reader's progress full of cleared entries (which the cap on entries this guide no
        // longer has does not count): the file is under the limit, but the two together not.
        let note = "\u{1}".repeat(NOTE_MAX_CHARS);
        let ids: Vec<String> = checklist().item_ids().map(str::to_owned).collect();
        let mut current = ProgressDoc::new();
        for id in &ids {
            current.set_note(id, &note, 1);
        }
        for n in 0..11_000 {
            current
                .items
                .insert(format!("cleared-{n:05}"), ItemProgress::default());
        }
        assert!(current.to_json().len() <= MAX_STORED_BYTES);
        let mut file = ProgressDoc::new();
        file.set_state(&ids[0], ItemState::Done, 2);
        for n in 0..MAX_HIDDEN_ITEMS {
            file.set_note(&format!("new-{n}"), &note, 2);
        }
        let text = file.to_json();
        assert!(text.len() <= MAX_STORED_BYTES, "the file alone is readable");
        let refused = preview_import(&text, &current, &checklist(), 3).unwrap_err();
        assert!(
            matches!(refused, ImportError::ResultTooBig { bytes } if bytes > MAX_STORED_BYTES),
            "{refused:?}"
        );
        assert!(refused
            .to_string()
            .starts_with("With this file your saved progress would be 1."));
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use super::*;
    use crate::roadmap::model::arbitrary::doc;
    use proptest::prelude::*;

    proptest! {
        /// A link made without its notes never changes a note, whichever the reader chooses,
        /// on the roadmap's items and the hidden ones alike.
        #[test]
        fn a_preview_that_keeps_notes_never_changes_one(
            current in doc(),
            incoming in doc(),
            now in 0_u64..1 << 50,
        ) {
            let roadmap_ids = current.items.keys().chain(incoming.items.keys())
                .filter(|id| id.len() % 2 == 0)
                .cloned()
                .collect();
            let preview = ImportPreview { incoming, keeps_notes: true, unknown_ids: Vec::new(), roadmap_ids };
            for result in [preview.replace(&current, now), preview.merge_into(&current)] {
                for id in current.items.keys().chain(result.items.keys()) {
                    prop_assert_eq!(result.note(id), current.note(id), "{}", id);
                }
            }
        }
    }
}
