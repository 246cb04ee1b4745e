//! What the roadmap's tool bar (`tools.rs`, in the main module) asks of its tool panels
//! (`tool_panels.rs`, a lazy part), kept apart from both so that neither imports the other's
//! views.

use leptos::prelude::*;

/// What the tool bar asks of the panels.
pub enum ToolRequest {
    /// Preview this file.
    Import(web_sys::File),
    /// Preview this progress link (the address's fragment, already out of the address bar).
    OpenLink(String),
    /// Ask before resetting everything.
    Reset,
    /// Open the share dialog.
    Share,
    /// Save the plan's calendar file.
    Calendar,
    /// Show the Undo of a change made outside the panels (their notice shows every Undo).
    ShowUndo,
}

/// The requests as the panels read them: they wait in order until taken (those made while the
/// panels are on their way, a progress link's among them, are all done once they are there), and
/// a count of requests tells the panels' effect to look (it never writes what it tracks).
#[derive(Clone, Copy)]
pub struct Requests {
    waiting: StoredValue<Vec<ToolRequest>, LocalStorage>,
    asked: RwSignal<u32>,
}

impl Requests {
    /// Takes the waiting requests, oldest first; an effect calling this runs again at the next.
    pub fn take(self) -> Vec<ToolRequest> {
        self.asked.track();
        self.waiting
            .try_update_value(std::mem::take)
            .unwrap_or_default()
    }
}

/// Asks the tool panels for `request`, fetching them at the first.
#[derive(Clone, Copy)]
pub struct AskTool {
    requests: Requests,
    wanted: RwSignal<bool>,
}

impl AskTool {
    /// Nothing asked yet.
    pub fn new() -> Self {
        Self {
            requests: Requests {
                waiting: StoredValue::new_local(Vec::new()),
                asked: RwSignal::new(0),
            },
            wanted: RwSignal::new(false),
        }
    }

    /// Where the panels take the requests from.
    pub fn requests(self) -> Requests {
        self.requests
    }

    /// How many requests were made (each one tries the panels' part again if it was missing).
    pub fn asked(self) -> Signal<u32> {
        self.requests.asked.into()
    }

    /// Whether anything was asked yet (then the panels are fetched and shown).
    pub fn wanted(self) -> Signal<bool> {
        self.wanted.into()
    }

    /// Passes `request` to the panels (once they are there).
    pub fn ask(self, request: ToolRequest) {
        self.requests
            .waiting
            .update_value(|waiting| waiting.push(request));
        self.requests.asked.update(|n| *n = n.wrapping_add(1));
        self.wanted.set(true);
    }
}

impl Default for AskTool {
    fn default() -> Self {
        Self::new()
    }
}
