//! What the offline banner knows and says, and the names the app shares with its worker.

/// The message that asks a waiting worker to take over; `public/sw.js` gets it at build time
/// (`prerender::shared_names`).
pub const SKIP_WAITING_MESSAGE: &str = "career-guide:skip-waiting";

/// The query parameter of the connectivity probe, which the worker lets through to the server.
pub const PROBE_PARAM: &str = "cg-probe";

/// What the banner knows: whether the server answered and whether a new version waits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct OfflineState {
    /// The last connectivity probe failed: the page runs from the saved copy.
    pub offline: bool,
    /// A new version is installed and waits for the reader to reload.
    pub update_waiting: bool,
}

impl OfflineState {
    /// The status line to show, if any.
    pub fn status_line(&self) -> Option<&'static str> {
        self.offline.then_some("Offline: showing the saved copy")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_status_line_shows_only_offline() {
        assert_eq!(OfflineState::default().status_line(), None);
        let offline = OfflineState {
            offline: true,
            ..OfflineState::default()
        };
        assert_eq!(
            offline.status_line(),
            Some("Offline: showing the saved copy")
        );
    }
}
