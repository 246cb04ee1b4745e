//! The progress saved before each guide had its own keys (`career-guide:roadmap` and its
//! backups), brought into the guide the site then served: on every opening and save of that
//! guide's checklist, so that what a tab still open on an older release saves there joins too.
//!
//! The old keys are copied, never removed: a page of the older release (its worker may serve it
//! a while longer) still finds its progress there. Merging the same old value again changes
//! nothing (the merge is idempotent, and resets are stamped entries, so an old value never brings
//! back what was cleared since).

use super::{describe_failure, ProgressStore};
use crate::roadmap::model::{encode, merge, read_stored, ProgressKeys};

impl ProgressStore {
    /// Brings what is saved under the legacy keys into this guide's, when this guide is heir to
    /// it: the value as it is when this guide has none (the usual reading then backs it up if it
    /// is damaged), else merged into this guide's when both can be read (a damaged or newer old
    /// value is kept as this guide's backup, once; a damaged value of this guide's is left to the
    /// usual reading and the old one merged at the next save); then each old backup under this
    /// guide's prefix. The reason when a write fails (nothing is removed either way).
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
        let theirs = read_stored(&legacy_text);
        let readable = |stored: &crate::roadmap::model::Stored| {
            stored.problem.is_none() && stored.newer.is_none()
        };
        match self.raw() {
            None => write(&self.keys.doc, &legacy_text)?,
            Some(_) if !readable(&theirs) => {
                self.back_up(&legacy_text, now)?;
            }
            Some(ours_text) => {
                let ours = read_stored(&ours_text);
                if readable(&ours) {
                    let merged = merge(&ours.doc, &theirs.doc);
                    if merged != ours.doc {
                        let json =
                            encode(&merged).map_err(|fault| fault.describe("your progress"))?;
                        write(&self.keys.doc, &json)?;
                    }
                }
            }
        }
        let legacy = ProgressKeys::legacy();
        let old_backups: Vec<String> = (0..storage.length().unwrap_or(0))
            .filter_map(|index| storage.key(index).ok().flatten())
            .filter(|key| key.starts_with(&legacy.backup_prefix))
            .collect();
        for key in old_backups {
            let ours = format!(
                "{}{}",
                self.keys.backup_prefix,
                &key[legacy.backup_prefix.len()..]
            );
            let copied = storage.get_item(&ours).ok().flatten();
            if let Some(value) = storage
                .get_item(&key)
                .ok()
                .flatten()
                .filter(|v| copied.as_ref() != Some(v))
            {
                write(&ours, &value)?;
            }
        }
        Ok(())
    }
}
