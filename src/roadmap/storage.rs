//! The only code that touches localStorage: loading, saving with a merge against what another
//! tab may have written, backing up unreadable values, and falling back to memory.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::Storage;

use super::model::{backup_key, merge, read_stored, ProgressDoc, STORAGE_KEY};

/// Something the reader must know about where their progress lives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// The saved value could not be fully read; the original was copied to `backup_key` and the
    /// checklist starts from what could be salvaged.
    Recovered { problem: String, backup_key: String },
    /// Progress cannot be saved in this browser (blocked, partitioned or full); the checklist
    /// works in memory only.
    NotSaved { reason: String },
}

/// Where progress is kept: localStorage when it works, else memory only.
pub struct ProgressStore {
    storage: Option<Storage>,
}

/// A freshly opened store with the progress it holds and anything the reader must be told.
pub struct Opened {
    pub store: ProgressStore,
    pub doc: ProgressDoc,
    pub notices: Vec<Notice>,
}

/// Opens localStorage, or memory when it is unavailable, and reads the saved progress.
pub fn open(now: u64) -> Opened {
    let mut notices = Vec::new();
    let storage = match usable_storage() {
        Ok(storage) => Some(storage),
        Err(reason) => {
            notices.push(Notice::NotSaved { reason });
            None
        }
    };
    let mut store = ProgressStore { storage };
    let doc = match store.raw() {
        None => ProgressDoc::new(),
        Some(text) => {
            let stored = read_stored(&text);
            if let Some(problem) = stored.problem {
                match store.back_up(&text, now) {
                    Ok(backup_key) => notices.push(Notice::Recovered {
                        problem,
                        backup_key,
                    }),
                    Err(reason) => {
                        // Without a backup the original must not be overwritten: stay in memory.
                        store.storage = None;
                        notices.push(Notice::NotSaved {
                            reason: format!("{problem} It could not be backed up ({reason}), so it was left untouched."),
                        });
                    }
                }
            }
            stored.doc
        }
    };
    Opened {
        store,
        doc,
        notices,
    }
}

/// localStorage if it can be read and written; the reason otherwise.
fn usable_storage() -> Result<Storage, String> {
    let window = web_sys::window().ok_or("there is no window")?;
    let storage = window
        .local_storage()
        .map_err(|_| "this browser blocks storage for this page".to_owned())?
        .ok_or("this browser offers no storage here")?;
    const PROBE: &str = "career-guide:probe";
    storage
        .set_item(PROBE, "1")
        .map_err(|error| describe_failure(&error))?;
    let _ = storage.remove_item(PROBE);
    Ok(storage)
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
    /// Whether progress survives a reload.
    pub fn is_saved(&self) -> bool {
        self.storage.is_some()
    }

    fn raw(&self) -> Option<String> {
        self.storage.as_ref()?.get_item(STORAGE_KEY).ok().flatten()
    }

    fn back_up(&self, text: &str, now: u64) -> Result<String, String> {
        let storage = self.storage.as_ref().ok_or("no storage")?;
        let key = backup_key(now);
        storage
            .set_item(&key, text)
            .map_err(|error| describe_failure(&error))?;
        Ok(key)
    }

    /// Saves `doc` merged with whatever another tab saved meanwhile, and returns the merged
    /// document. On failure the store switches to memory and says why.
    pub fn save(&mut self, doc: &ProgressDoc, now: u64) -> Result<ProgressDoc, Notice> {
        let Some(storage) = self.storage.clone() else {
            return Ok(doc.clone());
        };
        let merged = match self.raw() {
            None => doc.clone(),
            Some(text) => {
                let stored = read_stored(&text);
                if stored.problem.is_some() {
                    self.back_up(&text, now)
                        .map_err(|reason| self.fail(reason))?;
                }
                merge(doc, &stored.doc)
            }
        };
        storage
            .set_item(STORAGE_KEY, &merged.to_json())
            .map_err(|error| self.fail(describe_failure(&error)))?;
        Ok(merged)
    }

    fn fail(&mut self, reason: String) -> Notice {
        self.storage = None;
        Notice::NotSaved { reason }
    }
}

/// Calls `on_change` with the progress another tab saved, each time it saves.
pub fn follow_other_tabs(on_change: impl Fn(ProgressDoc) + 'static) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let listener =
        Closure::<dyn Fn(web_sys::StorageEvent)>::new(move |event: web_sys::StorageEvent| {
            if event.key().as_deref() != Some(STORAGE_KEY) {
                return;
            }
            if let Some(text) = event.new_value() {
                on_change(read_stored(&text).doc);
            }
        });
    let _ = window.add_event_listener_with_callback("storage", listener.as_ref().unchecked_ref());
    // The listener lives as long as the page.
    listener.forget();
}
