//! The progress saved before each guide had its own keys (`career-guide:roadmap` and its
//! backups), moved to the guide the site then served: on the first load of a release that has
//! guides, and again whenever a tab still open on an older release saves there. Nothing is
//! removed before it is kept under the guide's keys.

use super::{describe_failure, ProgressStore};
use crate::roadmap::model::{encode, merge, read_stored, ProgressKeys, LEGACY_KEY};

impl ProgressStore {
    /// Moves what is saved under the legacy keys to this guide's, when this guide is heir to
    /// it: the backups under this guide's prefix; the value as it is when this guide has none
    /// (the usual reading then backs it up if it is damaged), else merged into this guide's
    /// (or, if either cannot be read, kept as a backup). The legacy keys go only once all that
    /// is written; on a failure nothing is removed and the reason is returned.
    pub(super) fn take_legacy(&mut self, now: u64) -> Result<(), String> {
        let Some(legacy_text) = self.legacy_text() else {
            return Ok(());
        };
        let Some(storage) = self.storage.clone() else {
            return Ok(());
        };
        let write = |key: &str, value: &str| {
            storage
                .set_item(key, value)
                .map_err(|error| describe_failure(&error))
        };
        let legacy = ProgressKeys::legacy();
        let keys: Vec<String> = (0..storage.length().unwrap_or(0))
            .filter_map(|index| storage.key(index).ok().flatten())
            .filter(|key| key.starts_with(&legacy.backup_prefix))
            .collect();
        for key in &keys {
            if let Some(value) = storage.get_item(key).ok().flatten() {
                let suffix = &key[legacy.backup_prefix.len()..];
                write(&format!("{}{suffix}", self.keys.backup_prefix), &value)?;
            }
        }
        match self.raw() {
            None => write(&self.keys.doc, &legacy_text)?,
            Some(ours_text) => {
                let (theirs, ours) = (read_stored(&legacy_text), read_stored(&ours_text));
                let readable = |stored: &crate::roadmap::model::Stored| {
                    stored.problem.is_none() && stored.newer.is_none()
                };
                if readable(&theirs) && readable(&ours) {
                    let merged = encode(&merge(&ours.doc, &theirs.doc))
                        .map_err(|fault| fault.describe("your progress"))?;
                    write(&self.keys.doc, &merged)?;
                } else {
                    self.back_up(&legacy_text, now)?;
                }
            }
        }
        for key in keys.iter().map(String::as_str).chain([LEGACY_KEY]) {
            let _ = storage.remove_item(key);
        }
        Ok(())
    }
}
