//! The stored progress document: each item's state and note, and the pace planner.

use std::collections::BTreeMap;
use std::fmt::Write;
use std::ops::RangeInclusive;

use super::date::Date;
use super::json_text::push_string;
use super::state::ItemState;

/// The document version this app writes and reads; older versions are migrated on reading.
pub const CURRENT_VERSION: u32 = 1;

/// The longest note, in characters (not bytes, so every script gets the same room).
pub const NOTE_MAX_CHARS: usize = 1000;

/// The largest document, in bytes of JSON, that is read, stored or imported: one rule for
/// reading and writing (see [`super::encode`]), so nothing is written that could not be read.
pub const MAX_STORED_BYTES: usize = 1_000_000;

/// The most entries an import may bring for ids this roadmap does not have (kept, not shown).
pub const MAX_HIDDEN_ITEMS: usize = 100;

/// The longest item id an import may bring, in characters.
pub const MAX_ID_CHARS: usize = 100;

/// One item's progress. `updated_at` (Unix milliseconds) decides which tab's edit wins a merge.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ItemProgress {
    pub state: ItemState,
    pub note: String,
    pub updated_at: u64,
}

impl ItemProgress {
    /// Whether the item shows the same to the reader as `other`, whatever the timestamps.
    pub fn shows_as(&self, other: &ItemProgress) -> bool {
        self.state == other.state && self.note == other.note
    }
}

/// The weekly hours the planner accepts.
pub const HOURS_PER_WEEK: RangeInclusive<u32> = 1..=80;

/// The pace planner's settings: when the reader starts and how many hours a week they give.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Planner {
    pub start: Date,
    pub hours_per_week: u32,
}

impl Planner {
    /// The settings, or `None` when the hours are outside [`HOURS_PER_WEEK`].
    pub fn new(start: Date, hours_per_week: u32) -> Option<Planner> {
        HOURS_PER_WEEK.contains(&hours_per_week).then_some(Planner {
            start,
            hours_per_week,
        })
    }
}

/// What makes a reader's calendar files theirs: an id in every event's UID (so two readers'
/// events never collide in one calendar, while one reader's stay the same events), and the
/// revision of the last file written (so that each download is newer than the one before).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct CalendarFile {
    /// The revision (`SEQUENCE`) of the last file written; it is the merge order's first key.
    pub sequence: u32,
    /// A random id, made at this reader's first download: letters and digits.
    pub id: String,
}

/// The most characters of a [`CalendarFile`]'s id.
pub const CALENDAR_ID_MAX_CHARS: usize = 32;

/// The whole stored document.
///
/// Items are keyed by the data's item ids. Entries whose ids the data no longer has are kept
/// (and not shown), so that a content update never destroys progress; items without an entry
/// are not started.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProgressDoc {
    pub version: u32,
    /// The latest change to anything in the document, in Unix milliseconds.
    pub updated_at: u64,
    /// Sorted by id, so the JSON is the same for the same progress.
    pub items: BTreeMap<String, ItemProgress>,
    pub planner: Option<Planner>,
    /// When the planner was last set or cleared, so that merges keep the latest choice.
    pub planner_updated_at: u64,
    /// The calendar files written so far; `None` before the first.
    pub calendar: Option<CalendarFile>,
}

impl Default for ProgressDoc {
    fn default() -> Self {
        Self::new()
    }
}

impl ProgressDoc {
    /// An empty document: nothing started, no planner.
    pub fn new() -> Self {
        ProgressDoc {
            version: CURRENT_VERSION,
            updated_at: 0,
            items: BTreeMap::new(),
            planner: None,
            planner_updated_at: 0,
            calendar: None,
        }
    }

    /// Records a new calendar file at `now` and returns it: the next revision, with this
    /// reader's id (`new_id` makes one at the first download). The revision stays within the
    /// signed 32-bit INTEGER that RFC 5545 gives `SEQUENCE`.
    pub fn next_calendar(&mut self, new_id: impl FnOnce() -> String, now: u64) -> CalendarFile {
        let file = match self.calendar.take() {
            Some(CalendarFile { sequence, id }) => CalendarFile {
                sequence: sequence.saturating_add(1).min(i32::MAX as u32),
                id,
            },
            None => CalendarFile {
                sequence: 1,
                id: new_id(),
            },
        };
        self.calendar = Some(file.clone());
        self.updated_at = self.updated_at.max(now);
        file
    }

    /// The item's stored progress, if it has any.
    pub fn item(&self, id: &str) -> Option<&ItemProgress> {
        self.items.get(id)
    }

    /// The item's state; not started when it has no entry.
    pub fn state(&self, id: &str) -> ItemState {
        self.item(id).map(|item| item.state).unwrap_or_default()
    }

    /// The item's note; empty when it has none.
    pub fn note(&self, id: &str) -> &str {
        self.item(id).map_or("", |item| item.note.as_str())
    }

    /// Sets an item's state at `now`; returns whether anything changed.
    pub fn set_state(&mut self, id: &str, state: ItemState, now: u64) -> bool {
        let mut next = self.item(id).cloned().unwrap_or_default();
        next.state = state;
        self.put(id, next, now)
    }

    /// Sets an item's note at `now`, cut to [`NOTE_MAX_CHARS`] characters; returns whether
    /// anything changed.
    pub fn set_note(&mut self, id: &str, note: &str, now: u64) -> bool {
        let mut next = self.item(id).cloned().unwrap_or_default();
        next.note = truncate_note(note).to_owned();
        self.put(id, next, now)
    }

    /// Sets or clears the planner at `now`; returns whether anything changed.
    pub fn set_planner(&mut self, planner: Option<Planner>, now: u64) -> bool {
        if self.planner == planner {
            return false;
        }
        self.planner = planner;
        self.planner_updated_at = stamp(self.planner_updated_at, now);
        self.updated_at = self.updated_at.max(self.planner_updated_at);
        true
    }

    /// Clears the entries of `ids` at `now`; returns whether anything changed. They stay as
    /// cleared entries, as a reset leaves them, so that another tab's older copy cannot bring
    /// them back in a merge.
    pub fn clear(&mut self, ids: &[String], now: u64) -> bool {
        let mut changed = false;
        for id in ids {
            changed |= self.put(id, ItemProgress::default(), now);
        }
        changed
    }

    /// The document as an export or a progress link carries it: [`Self::to_json`] with the name
    /// of its guide first (`"guide":"infrastructure-engineer"`, `Checklist::guide`), so that
    /// opening it for another guide is refused (`import`). A reader of the document as stored
    /// ignores the field.
    pub fn to_json_named(&self, guide: &str) -> String {
        let mut out = String::from("{\"guide\":");
        push_string(&mut out, guide);
        out.push(',');
        out.push_str(&self.to_json()[1..]);
        out
    }

    /// The document as stored: compact JSON with its fields in a fixed order and its items
    /// sorted by id, so that the same progress always gives the same text.
    pub fn to_json(&self) -> String {
        let mut out = String::with_capacity(96 + self.items.len() * 72);
        // Writing to a String cannot fail.
        let _ = write!(
            out,
            "{{\"version\":{},\"updated_at\":{},\"items\":{{",
            self.version, self.updated_at
        );
        for (index, (id, item)) in self.items.iter().enumerate() {
            if index > 0 {
                out.push(',');
            }
            push_string(&mut out, id);
            out.push_str(":{\"state\":\"");
            out.push_str(item.state.key());
            out.push_str("\",\"note\":");
            push_string(&mut out, &item.note);
            let _ = write!(out, ",\"updated_at\":{}}}", item.updated_at);
        }
        out.push_str("},\"planner\":");
        match self.planner {
            None => out.push_str("null"),
            Some(planner) => {
                let _ = write!(
                    out,
                    "{{\"start\":\"{}\",\"hours_per_week\":{}}}",
                    planner.start, planner.hours_per_week
                );
            }
        }
        let _ = write!(out, ",\"planner_updated_at\":{}", self.planner_updated_at);
        if let Some(calendar) = &self.calendar {
            out.push_str(",\"calendar\":{\"sequence\":");
            let _ = write!(out, "{},\"id\":", calendar.sequence);
            push_string(&mut out, &calendar.id);
            out.push('}');
        }
        out.push('}');
        out
    }

    /// Clears every item and the planner at `now`; returns the previous document for Undo
    /// (undo with [`ProgressDoc::assign`], so that the restored progress also wins merges).
    ///
    /// Cleared items stay as "not started" entries stamped `now` rather than being removed:
    /// another tab's older copy would otherwise bring them back in the next merge.
    pub fn reset(&mut self, now: u64) -> ProgressDoc {
        let previous = self.clone();
        self.assign(&ProgressDoc::new(), now);
        previous
    }

    /// Makes this document show exactly what `target` shows (every item's state and note, and
    /// the planner), stamping each difference with `now` so that it wins merges with older
    /// copies; entries that already show the same keep their timestamps.
    pub fn assign(&mut self, target: &ProgressDoc, now: u64) {
        let mut ids: Vec<String> = self.items.keys().cloned().collect();
        ids.extend(
            target
                .items
                .keys()
                .filter(|id| !self.items.contains_key(*id))
                .cloned(),
        );
        for id in ids {
            let wanted = target.item(&id).cloned().unwrap_or_default();
            self.put(&id, wanted, now);
        }
        self.set_planner(target.planner, now);
    }

    /// Stores `next` for `id` unless the item already shows the same.
    fn put(&mut self, id: &str, next: ItemProgress, now: u64) -> bool {
        let current = self.item(id).cloned().unwrap_or_default();
        if current.shows_as(&next) {
            return false;
        }
        let updated_at = stamp(current.updated_at, now);
        self.updated_at = self.updated_at.max(updated_at);
        self.items.insert(
            id.to_owned(),
            ItemProgress {
                state: next.state,
                note: next.note,
                updated_at,
            },
        );
        true
    }
}

/// A timestamp for a new edit: `now`, but always after the previous edit's, so that two edits
/// in the same millisecond (or a clock set back) still order the newer one last in merges.
fn stamp(previous: u64, now: u64) -> u64 {
    now.max(previous.saturating_add(1))
}

/// The first [`NOTE_MAX_CHARS`] characters of `note`.
pub fn truncate_note(note: &str) -> &str {
    match note.char_indices().nth(NOTE_MAX_CHARS) {
        Some((cut, _)) => &note[..cut],
        None => note,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> Date {
        Date::parse(text).unwrap()
    }

    #[test]
    fn a_new_document_has_nothing_started() {
        let doc = ProgressDoc::new();
        assert_eq!(doc.version, CURRENT_VERSION);
        assert_eq!(doc.state("tool-terraform"), ItemState::NotStarted);
        assert_eq!(doc.note("tool-terraform"), "");
        assert_eq!(doc.item("tool-terraform"), None);
        assert_eq!(ProgressDoc::default(), doc);
    }

    #[test]
    fn setting_a_state_stamps_the_item_and_the_document() {
        let mut doc = ProgressDoc::new();
        assert!(doc.set_state("tool-terraform", ItemState::Done, 100));
        let item = doc.item("tool-terraform").unwrap();
        assert_eq!(item.state, ItemState::Done);
        assert_eq!(item.updated_at, 100);
        assert_eq!(doc.updated_at, 100);
        // The same state again is no change and keeps the timestamp.
        assert!(!doc.set_state("tool-terraform", ItemState::Done, 200));
        assert_eq!(doc.item("tool-terraform").unwrap().updated_at, 100);
        // Not started on an item without an entry changes nothing either.
        assert!(!doc.set_state("tool-ansible", ItemState::NotStarted, 200));
        assert_eq!(doc.item("tool-ansible"), None);
    }

    #[test]
    fn edits_in_the_same_millisecond_still_move_time_forward() {
        let mut doc = ProgressDoc::new();
        doc.set_state("skill-linux", ItemState::InProgress, 500);
        doc.set_state("skill-linux", ItemState::Done, 500);
        assert_eq!(doc.item("skill-linux").unwrap().updated_at, 501);
        // A clock set back does not make the newer edit older.
        doc.set_note("skill-linux", "ok", 10);
        assert_eq!(doc.item("skill-linux").unwrap().updated_at, 502);
        assert_eq!(doc.updated_at, 502);
    }

    #[test]
    fn notes_are_cut_at_the_limit_counting_characters() {
        let mut doc = ProgressDoc::new();
        // Each "é" is two bytes and each "🦀" four: a byte count would cut far earlier.
        let long: String = "é🦀".repeat(NOTE_MAX_CHARS);
        assert!(doc.set_note("skill-iac", &long, 1));
        let note = doc.note("skill-iac");
        assert_eq!(note.chars().count(), NOTE_MAX_CHARS);
        assert_eq!(note, "é🦀".repeat(NOTE_MAX_CHARS / 2));
        let exact = "x".repeat(NOTE_MAX_CHARS);
        assert_eq!(truncate_note(&exact), exact);
        assert_eq!(truncate_note(&format!("{exact}y")), exact);
        assert_eq!(truncate_note(""), "");
    }

    #[test]
    fn markup_in_notes_is_kept_as_text() {
        let mut doc = ProgressDoc::new();
        doc.set_note("skill-iac", "<script>alert(1)</script> & \"quotes\"", 1);
        assert_eq!(
            doc.note("skill-iac"),
            "<script>alert(1)</script> & \"quotes\""
        );
    }

    #[test]
    fn the_planner_is_set_and_cleared_with_its_own_timestamp() {
        let mut doc = ProgressDoc::new();
        let planner = Planner::new(day("2026-11-25"), 10).unwrap();
        assert!(doc.set_planner(Some(planner), 40));
        assert!(!doc.set_planner(Some(planner), 50));
        assert_eq!(doc.planner_updated_at, 40);
        assert!(doc.set_planner(None, 60));
        assert_eq!(doc.planner, None);
        assert_eq!(doc.planner_updated_at, 60);
        assert_eq!(doc.updated_at, 60);
    }

    #[test]
    fn json_has_the_documented_shape() {
        let mut doc = ProgressDoc::new();
        doc.set_state("tool-terraform", ItemState::Done, 7);
        doc.set_note("tool-terraform", "state files", 8);
        doc.set_planner(Planner::new(day("2026-11-25"), 10), 9);
        let value: serde_json::Value = serde_json::from_str(&doc.to_json()).unwrap();
        assert_eq!(
            value,
            serde_json::json!({
                "version": 1,
                "updated_at": 9,
                "items": {
                    "tool-terraform": {"state": "done", "note": "state files", "updated_at": 8}
                },
                "planner": {"start": "2026-11-25", "hours_per_week": 10},
                "planner_updated_at": 9
            })
        );
        let empty: serde_json::Value = serde_json::from_str(&ProgressDoc::new().to_json()).unwrap();
        assert_eq!(empty["planner"], serde_json::Value::Null);
    }

    #[test]
    fn reset_clears_everything_and_returns_the_previous_document() {
        let mut doc = ProgressDoc::new();
        doc.set_state("tool-terraform", ItemState::Done, 10);
        doc.set_note("skill-linux", "bash", 11);
        doc.set_planner(Planner::new(day("2026-11-25"), 10), 12);
        let before = doc.clone();
        let previous = doc.reset(20);
        assert_eq!(previous, before);
        assert_eq!(doc.state("tool-terraform"), ItemState::NotStarted);
        assert_eq!(doc.note("skill-linux"), "");
        assert_eq!(doc.planner, None);
        // Cleared entries stay, stamped, so an older copy in another tab cannot revive them.
        assert_eq!(doc.item("tool-terraform").unwrap().updated_at, 20);
        assert_eq!(doc.planner_updated_at, 20);

        // Undo: the earlier progress returns, stamped later than the reset.
        doc.assign(&previous, 30);
        assert_eq!(doc.state("tool-terraform"), ItemState::Done);
        assert_eq!(doc.note("skill-linux"), "bash");
        assert_eq!(doc.planner, previous.planner);
        assert_eq!(doc.item("tool-terraform").unwrap().updated_at, 30);
    }

    #[test]
    fn assigning_keeps_timestamps_of_items_that_show_the_same() {
        let mut doc = ProgressDoc::new();
        doc.set_state("tool-terraform", ItemState::Done, 10);
        doc.set_state("tool-ansible", ItemState::Done, 10);
        let mut target = ProgressDoc::new();
        target.set_state("tool-terraform", ItemState::Done, 3);
        target.set_state("skill-iac", ItemState::Skipped, 3);
        doc.assign(&target, 50);
        assert_eq!(doc.item("tool-terraform").unwrap().updated_at, 10);
        assert_eq!(doc.state("tool-ansible"), ItemState::NotStarted);
        assert_eq!(doc.item("tool-ansible").unwrap().updated_at, 50);
        assert_eq!(doc.state("skill-iac"), ItemState::Skipped);
        assert_eq!(doc.item("skill-iac").unwrap().updated_at, 50);
    }
}
