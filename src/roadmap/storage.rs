//! The only code that touches localStorage: loading, saving with a merge against what another
//! tab may have written, backing up unreadable values once, and falling back to reading only,
//! or to memory.

use leptos::prelude::{on_cleanup, window_event_listener};
use wasm_bindgen::JsCast;
use web_sys::Storage;

use super::model::{
    encode, merge, plan_backup, read_stored, BackupPlan, ProgressDoc, Stored, STORAGE_KEY,
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
}

/// A freshly opened store with the progress it holds and anything the reader must be told.
pub struct Opened {
    pub store: ProgressStore,
    pub doc: ProgressDoc,
    pub notices: Vec<Notice>,
    /// The saved value, when a newer release wrote it: what an export must carry, unchanged.
    pub newer_text: Option<String>,
}

/// Opens localStorage (or memory when it is unavailable) and reads the saved progress. A
/// damaged value is backed up (once per distinct value) before anything can replace it.
pub fn open(now: u64) -> Opened {
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
    };
    let raw = store.raw();
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

/// Whether this page is a frame whose storage the browser keeps apart from the same site's
/// top-level pages (storage partitioning): a frame in another site's page (Chromium partitions
/// those whatever its cookie settings), or one whose `document.hasStorageAccess()` says no.
pub async fn partitioned() -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let framed = window.top().ok().flatten().is_some_and(|top| top != window);
    let Some(document) = window.document().filter(|_| framed) else {
        return false;
    };
    if top_is_another_site(&window) {
        return true;
    }
    let asked = js_sys::Reflect::get(&document, &"hasStorageAccess".into())
        .ok()
        .and_then(|method| method.dyn_into::<js_sys::Function>().ok())
        .and_then(|method| method.call0(&document).ok())
        .and_then(|promise| promise.dyn_into::<js_sys::Promise>().ok());
    match asked {
        Some(promise) => wasm_bindgen_futures::JsFuture::from(promise)
            .await
            .is_ok_and(|access| access.as_bool() == Some(false)),
        None => false,
    }
}

/// Whether the top-level page is on another site than this frame, as far as
/// `location.ancestorOrigins` tells (Chromium and Safari have it).
fn top_is_another_site(window: &web_sys::Window) -> bool {
    let location = window.location();
    let get = |target: &wasm_bindgen::JsValue, key: wasm_bindgen::JsValue| {
        js_sys::Reflect::get(target, &key).ok()
    };
    let Some(origins) = get(&location, "ancestorOrigins".into()) else {
        return false;
    };
    let count = get(&origins, "length".into())
        .and_then(|length| length.as_f64())
        .unwrap_or(0.0) as u32;
    let top = (count > 0)
        .then(|| get(&origins, (count - 1).into()))
        .flatten()
        .and_then(|origin| origin.as_string());
    match (top, location.origin().ok()) {
        (Some(top), Some(ours)) => site(&top) != site(&ours),
        _ => false,
    }
}

/// An origin's site, near enough: its scheme and the last two labels of its host (the whole
/// host when it is an address or a single name), without the port.
fn site(origin: &str) -> (String, String) {
    let (scheme, rest) = origin.split_once("://").unwrap_or(("", origin));
    let host = rest.rsplit_once(':').map_or(rest, |(host, _)| host);
    let labels: Vec<&str> = host.split('.').collect();
    let numeric = host
        .bytes()
        .all(|byte| byte.is_ascii_digit() || byte == b'.');
    let registrable = if numeric || labels.len() <= 2 {
        host.to_owned()
    } else {
        labels[labels.len() - 2..].join(".")
    };
    (scheme.to_owned(), registrable)
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
        self.storage.as_ref()?.get_item(STORAGE_KEY).ok().flatten()
    }

    /// Keeps `text` aside and returns the key that holds it: an existing backup of the same
    /// bytes if there is one, else a new one (the oldest backups go when there are too many).
    fn back_up(&self, text: &str, now: u64) -> Result<String, String> {
        let storage = self.storage.as_ref().ok_or("there is no storage")?;
        let keys: Vec<String> = (0..storage.length().unwrap_or(0))
            .filter_map(|index| storage.key(index).ok().flatten())
            .collect();
        let holds = |key: &str| storage.get_item(key).ok().flatten().as_deref() == Some(text);
        match plan_backup(keys.iter().map(String::as_str), text, now, holds) {
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
            .set_item(STORAGE_KEY, &json)
            .map_err(|error| self.fail(describe_failure(&error)))?;
        Ok(merged)
    }

    fn fail(&mut self, reason: String) -> Notice {
        self.writable = false;
        Notice::NotSaved { reason }
    }
}

/// Calls `on_change` with what another tab saved (read as far as it can be), each time it
/// saves; the listener goes when the calling reactive scope is cleaned up.
pub fn follow_other_tabs(on_change: impl Fn(Stored) + 'static) {
    let handle = window_event_listener(leptos::ev::storage, move |event| {
        if event.key().as_deref() != Some(STORAGE_KEY) {
            return;
        }
        if let Some(text) = event.new_value() {
            on_change(read_stored(&text));
        }
    });
    on_cleanup(move || handle.remove());
}

#[cfg(test)]
mod tests {
    use super::site;

    #[test]
    fn sites_are_told_apart_by_scheme_and_registrable_name() {
        assert_eq!(
            site("https://guide.example.org"),
            site("https://blog.example.org:8443")
        );
        assert_ne!(site("https://example.org"), site("http://example.org"));
        assert_ne!(site("http://127.0.0.1:8080"), site("http://localhost:8080"));
        assert_eq!(site("http://127.0.0.1:8080"), site("http://127.0.0.1:9090"));
        assert_ne!(site("https://a.example.org"), site("https://a.example.net"));
    }
}
