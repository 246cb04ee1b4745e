//! The only code that touches localStorage: loading a guide's progress from its own keys,
//! saving with a merge against what another tab may have written, backing up unreadable values
//! once, moving the progress saved before guides had their own keys (`legacy.rs`), and falling
//! back to reading only, or to memory.

mod legacy;
mod partition;

pub use partition::partitioned;

use leptos::prelude::{on_cleanup, window_event_listener};
use wasm_bindgen::JsCast;
use web_sys::Storage;

use super::model::{
    encode, merge, plan_backup, read_stored, BackupPlan, ProgressDoc, ProgressKeys, Stored,
    LEGACY_KEY,
};

/// Something the reader must know about where their progress lives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// The saved value could not be fully read; the original is kept under `backup_key` and the
    /// checklist starts from what could be salvaged.
    Recovered { problem: String, backup_key: String },
    /// There is no saved progress to show and none can be saved (storage blocked, partitioned
    /// or full): the checklist works in memory only.
    NotSaved { reason: String },
    /// The saved progress is shown, but writing fails (`reason`): new changes are not saved and
    /// nothing stored is touched. `unread` says what could not be read, when the saved value
    /// was damaged and could not be backed up.
    ReadOnly {
        reason: String,
        unread: Option<String>,
    },
    /// Another tab saved progress this page cannot read (`problem`): to keep it, this page
    /// stops saving instead of writing over it.
    OtherTabUnreadable { problem: String },
    /// This page is a frame in another site's page, and the browser keeps its storage apart
    /// for that site: progress saved here is not the full guide's.
    ThisSiteOnly,
    /// The saved progress is in a newer format (`version`), written by a newer release of the
    /// app: this page reads none of it and writes nothing, so it is never written over.
    SavedByNewer { version: u64 },
}

/// Where progress is kept: localStorage when it works, read-only when only reading works, else
/// memory only.
pub struct ProgressStore {
    storage: Option<Storage>,
    writable: bool,
    /// This guide's keys.
    keys: ProgressKeys,
    /// Whether this guide takes the progress saved under [`LEGACY_KEY`] (the guide the site
    /// served when it served one).
    heir: bool,
}

/// Whose progress a store keeps: a guide's keys, and whether the guide is heir to the progress
/// saved before guides had their own keys.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProgressPlace {
    pub keys: ProgressKeys,
    pub heir: bool,
}

/// A freshly opened store with the progress it holds and anything the reader must be told.
pub struct Opened {
    pub store: ProgressStore,
    pub doc: ProgressDoc,
    pub notices: Vec<Notice>,
    /// The saved value, when a newer release wrote it: what an export must carry, unchanged.
    pub newer_text: Option<String>,
}

/// Opens localStorage (or memory when it is unavailable) and reads the progress saved for
/// `place`, first moving there what was saved before guides had their own keys when `place` is
/// heir to it. A damaged value is backed up (once per distinct value) before anything can
/// replace it.
pub fn open(now: u64, place: &ProgressPlace) -> Opened {
    let mut notices = Vec::new();
    let (storage, write_failure) = match local_storage() {
        Ok(storage) => {
            let failure = probe_write(&storage).err();
            (Some(storage), failure)
        }
        Err(reason) => (None, Some(reason)),
    };
    let mut store = ProgressStore {
        writable: storage.is_some() && write_failure.is_none(),
        storage,
        keys: place.keys.clone(),
        heir: place.heir,
    };
    // Progress an older release saved joins this guide's; should that fail (storage full),
    // nothing is written from then on, and the page shows this guide's progress, or, when it has
    // none yet, the older release's from where it is.
    if store.writable {
        if let Err(reason) = store.take_legacy(now) {
            store.writable = false;
            notices.push(Notice::ReadOnly {
                reason,
                unread: None,
            });
        }
    }
    let raw = store.raw().or_else(|| store.legacy_text());
    let doc = match &raw {
        None => ProgressDoc::new(),
        Some(text) => {
            let stored = read_stored(text);
            if let Some(version) = stored.newer {
                store.writable = false;
                notices.push(Notice::SavedByNewer { version });
                return Opened {
                    store,
                    doc: stored.doc,
                    notices,
                    newer_text: Some(text.clone()),
                };
            }
            match (stored.problem, &write_failure) {
                (Some(problem), None) => match store.back_up(text, now) {
                    Ok(backup_key) => notices.push(Notice::Recovered {
                        problem,
                        backup_key,
                    }),
                    Err(reason) => {
                        // Without a backup the original must not be overwritten.
                        store.writable = false;
                        notices.push(Notice::ReadOnly {
                            reason,
                            unread: Some(problem),
                        });
                    }
                },
                (problem, Some(reason)) => notices.push(Notice::ReadOnly {
                    reason: reason.clone(),
                    unread: problem,
                }),
                (None, None) => {}
            }
            stored.doc
        }
    };
    if let (None, Some(reason)) = (&raw, write_failure) {
        notices.push(Notice::NotSaved { reason });
    }
    Opened {
        store,
        doc,
        notices,
        newer_text: None,
    }
}

/// The progress saved for `place`, read without writing anything (the site's index shows it):
/// the guide's own, else, for the heir, what was saved before guides had their own keys. `None`
/// when there is none, or it is a newer release's.
pub fn peek(place: &ProgressPlace) -> Option<ProgressDoc> {
    let storage = local_storage().ok()?;
    let read = |key: &str| storage.get_item(key).ok().flatten();
    let text = read(&place.keys.doc).or_else(|| read(LEGACY_KEY).filter(|_| place.heir))?;
    let stored = read_stored(&text);
    stored.newer.is_none().then_some(stored.doc)
}

/// localStorage if this page may use it; the reason otherwise.
fn local_storage() -> Result<Storage, String> {
    let window = web_sys::window().ok_or("there is no window")?;
    window
        .local_storage()
        .map_err(|_| "this browser blocks storage for this page".to_owned())?
        .ok_or_else(|| "this browser offers no storage here".to_owned())
}

/// Whether `storage` takes a write; the reason when it does not.
fn probe_write(storage: &Storage) -> Result<(), String> {
    const PROBE: &str = "career-guide:probe";
    storage
        .set_item(PROBE, "1")
        .map_err(|error| describe_failure(&error))?;
    let _ = storage.remove_item(PROBE);
    Ok(())
}

/// A storage exception in words: full, or blocked.
fn describe_failure(error: &wasm_bindgen::JsValue) -> String {
    let name = error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.name()))
        .unwrap_or_default();
    if name == "QuotaExceededError" {
        "this browser's storage for this site is full".to_owned()
    } else {
        "this browser refuses to save data for this page".to_owned()
    }
}

impl ProgressStore {
    /// Whether changes are saved.
    pub fn writable(&self) -> bool {
        self.writable
    }

    /// Stops writing (reading goes on): used when another tab saved something this page
    /// cannot read, which must not be written over.
    pub fn stop_writing(&mut self) {
        self.writable = false;
    }

    fn raw(&self) -> Option<String> {
        self.storage
            .as_ref()?
            .get_item(&self.keys.doc)
            .ok()
            .flatten()
    }

    /// The value saved under [`LEGACY_KEY`], when this guide is heir to it.
    fn legacy_text(&self) -> Option<String> {
        let storage = self.storage.as_ref().filter(|_| self.heir)?;
        storage.get_item(LEGACY_KEY).ok().flatten()
    }

    /// Keeps `text` aside and returns the key that holds it: an existing backup of the same
    /// bytes if there is one, else a new one (the oldest backups go when there are too many).
    fn back_up(&self, text: &str, now: u64) -> Result<String, String> {
        let storage = self.storage.as_ref().ok_or("there is no storage")?;
        let keys: Vec<String> = (0..storage.length().unwrap_or(0))
            .filter_map(|index| storage.key(index).ok().flatten())
            .collect();
        let holds = |key: &str| storage.get_item(key).ok().flatten().as_deref() == Some(text);
        let prefix = &self.keys.backup_prefix;
        match plan_backup(prefix, keys.iter().map(String::as_str), text, now, holds) {
            BackupPlan::Kept(key) => Ok(key),
            BackupPlan::Write { key, remove } => {
                // Older backups go only once the new one is written, unless the room is needed;
                // if even that room is not enough, they are put back: none is lost for nothing.
                if storage.set_item(&key, text).is_err() {
                    let old: Vec<(String, String)> = remove
                        .iter()
                        .filter_map(|k| Some((k.clone(), storage.get_item(k).ok()??)))
                        .collect();
                    remove.iter().for_each(|k| drop(storage.remove_item(k)));
                    if let Err(error) = storage.set_item(&key, text) {
                        old.iter().for_each(|(k, v)| drop(storage.set_item(k, v)));
                        return Err(describe_failure(&error));
                    }
                }
                remove.iter().for_each(|k| drop(storage.remove_item(k)));
                Ok(key)
            }
        }
    }

    /// Saves `doc` merged with whatever another tab saved meanwhile, and returns the merged
    /// document. Nothing is written that could not be read back (see `encode`). On failure the
    /// store stops writing, leaves what is stored as it is, and says why.
    pub fn save(&mut self, doc: &ProgressDoc, now: u64) -> Result<ProgressDoc, Notice> {
        let Some(storage) = self.storage.clone().filter(|_| self.writable) else {
            return Ok(doc.clone());
        };
        // What a tab of an older release saved meanwhile joins this guide's first.
        self.take_legacy(now).map_err(|reason| self.fail(reason))?;
        let merged = match self.raw() {
            None => doc.clone(),
            Some(text) => {
                let stored = read_stored(&text);
                if let Some(version) = stored.newer {
                    self.writable = false;
                    return Err(Notice::SavedByNewer { version });
                }
                if stored.problem.is_some() {
                    self.back_up(&text, now)
                        .map_err(|reason| self.fail(reason))?;
                }
                merge(doc, &stored.doc)
            }
        };
        let json = encode(&merged).map_err(|fault| self.fail(fault.describe("your progress")))?;
        storage
            .set_item(&self.keys.doc, &json)
            .map_err(|error| self.fail(describe_failure(&error)))?;
        Ok(merged)
    }

    fn fail(&mut self, reason: String) -> Notice {
        self.writable = false;
        Notice::NotSaved { reason }
    }
}

/// Calls `on_change` with what another tab saved for `place` (read as far as it can be), each
/// time it saves, and whether an older release's tab saved it under [`LEGACY_KEY`] (to be saved
/// again under this guide's keys); the listener goes when the calling reactive scope is cleaned
/// up.
pub fn follow_other_tabs(place: &ProgressPlace, on_change: impl Fn(Stored, bool) + 'static) {
    let (ours, heir) = (place.keys.doc.clone(), place.heir);
    let handle = window_event_listener(leptos::ev::storage, move |event| {
        let key = event.key();
        let older = heir && key.as_deref() == Some(LEGACY_KEY);
        if key.as_deref() != Some(ours.as_str()) && !older {
            return;
        }
        if let Some(text) = event.new_value() {
            on_change(read_stored(&text), older);
        }
    });
    on_cleanup(move || handle.remove());
}
