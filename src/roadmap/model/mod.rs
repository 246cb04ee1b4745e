//! The roadmap checklist's model: the reader's progress on each roadmap item, the pace
//! planner, and the stored document with its decoding, migration, merging and import.
//!
//! Pure: no browser, no clock. Times come in as Unix milliseconds and days as [`Date`]s, so
//! that every rule here is tested natively.

mod backups;
mod calendar;
mod checklist;
mod checksum;
mod date;
mod decode;
mod document;
mod import;
mod json_text;
mod keys;
mod merge;
mod planner;
mod share_link;
mod size;
mod state;
mod timeline;
mod undo;

#[cfg(all(test, not(target_arch = "wasm32")))]
mod arbitrary;

pub use backups::{backup_key, plan_backup, BackupPlan, MAX_BACKUPS};
pub use calendar::{calendar_problem, write_calendar, NoCalendar};
pub use checklist::{Checklist, ChecklistItem, ChecklistStep, Counts};
pub use date::{days_in_month, is_leap_year, Date, DAYS_PER_MONTH};
pub use decode::{migrate, read_stored, read_text, read_value, Fault, Reading, Stored};
pub use document::{
    truncate_note, CalendarFile, ItemProgress, Planner, ProgressDoc, CALENDAR_ID_MAX_CHARS,
    CURRENT_VERSION, HOURS_PER_WEEK, MAX_HIDDEN_ITEMS, MAX_ID_CHARS, MAX_STORED_BYTES,
    NOTE_MAX_CHARS,
};
pub use import::{
    preview_import, preview_link_without_notes, ImportChanges, ImportError, ImportPreview,
};
pub use keys::{ProgressKeys, LEGACY_KEY, STORAGE_PREFIX};
pub use merge::merge;
pub use planner::{finish_date, plan, StepPlan, StepStatus, BASELINE_HOURS_PER_WEEK};
pub use share_link::{
    has_notes, is_progress_link, link_json, qr_path, read_fragment, write_link, LinkData,
    LinkError, FRAGMENT_KEY, QR_MAX_CHARS,
};
pub use size::encode;
pub use state::ItemState;
pub use timeline::{
    timeline, Anchor, Tick, Timeline, TimelineRow, AXIS_PX, BAR_PX, BAR_TOP_PX, DATE_BASELINE_PX,
    LABEL_BASELINE_PX,
};
pub use undo::{UndoStack, Undoable, WholeChange, MAX_UNDO};
