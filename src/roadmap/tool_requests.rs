//! What the roadmap's tool bar (`tools.rs`, in the main module) asks of its tool panels
//! (`tool_panels.rs`, a lazy part), kept apart from both so that neither imports the other's
//! views.

use leptos::prelude::*;

/// What the tool bar asks of the panels.
pub enum ToolRequest {
    /// Preview this file.
    Import(web_sys::File),
    /// Preview the progress link in the address bar.
    OpenLink,
    /// Ask before resetting everything.
    Reset,
    /// Open the share dialog.
    Share,
    /// Save the plan's calendar file.
    Calendar,
}

/// The requests as the panels read them: the latest one waits in a mailbox until taken, and a
/// count of requests tells the panels' effect to look (the effect never writes what it tracks).
#[derive(Clone, Copy)]
pub struct Requests {
    mailbox: StoredValue<Option<ToolRequest>, LocalStorage>,
    asked: RwSignal<u32>,
}

impl Requests {
    /// Takes the waiting request, if any; an effect calling this runs again at the next one.
    pub fn take(self) -> Option<ToolRequest> {
        self.asked.track();
        self.mailbox.try_update_value(Option::take).flatten()
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
                mailbox: StoredValue::new_local(None),
                asked: RwSignal::new(0),
            },
            wanted: RwSignal::new(false),
        }
    }

    /// Where the panels take the requests from.
    pub fn requests(self) -> Requests {
        self.requests
    }

    /// Whether anything was asked yet (then the panels are fetched and shown).
    pub fn wanted(self) -> bool {
        self.wanted.get()
    }

    /// Passes `request` to the panels (once they are there).
    pub fn ask(self, request: ToolRequest) {
        self.requests.mailbox.set_value(Some(request));
        self.requests.asked.update(|n| *n = n.wrapping_add(1));
        // Set once: setting it again would build the panels anew, losing what they show.
        if !self.wanted.get_untracked() {
            self.wanted.set(true);
        }
    }
}

impl Default for AskTool {
    fn default() -> Self {
        Self::new()
    }
}
