//! Renders the full page to an HTML string, natively, at build time.

use std::sync::{Arc, Once};

use any_spawner::{CustomExecutor, Executor, PinnedFuture, PinnedLocalFuture};
use leptos::prelude::*;
use leptos::reactive::diagnostics::SpecialNonReactiveZone;

use crate::data::Guide;
use crate::guide::address::PagePath;
use crate::guide::GuidePage;
use crate::site::{GuideIndex, IndexEntry};

/// An executor that drops every task. At build time nothing runs after rendering: the effects
/// that reach for the browser (scroll-spy, storage, the service worker) wait for the client.
struct BuildTimeExecutor;

impl CustomExecutor for BuildTimeExecutor {
    fn spawn(&self, _task: PinnedFuture<()>) {}
    fn spawn_local(&self, _task: PinnedLocalFuture<()>) {}
    fn poll_local(&self) {}
}

/// The HTML of the full page for `guide` at `path` below the site's root (its in-page links
/// lead there, see [`PagePath`]), as the app renders it once the data has loaded.
///
/// Without the `<!>` markers the renderer leaves between text parts for hydration: the app
/// never hydrates this copy (it replaces it), and in an HTML file they are bogus comments that
/// the Nu HTML checker rejects.
pub fn render_full_page(guide: Guide, path: &str) -> String {
    let path = PagePath(path.to_owned());
    render(move || {
        provide_context(path);
        view! { <GuidePage guide=Arc::new(guide) /> }.into_any()
    })
}

/// The HTML of the site's index of `entries`.
pub fn render_index(entries: Vec<IndexEntry>) -> String {
    render(move || view! { <GuideIndex entries /> }.into_any())
}

/// `view`'s HTML, rendered once with effects dropped (see [`BuildTimeExecutor`]).
fn render(view: impl FnOnce() -> AnyView) -> String {
    static EXECUTOR: Once = Once::new();
    EXECUTOR.call_once(|| {
        // Fails only when an executor is already set: in this process, that is this one.
        let _ = Executor::init_custom_executor(BuildTimeExecutor);
    });
    let owner = Owner::new();
    let html = owner.with(|| {
        // Rendering once to a string reads each signal a single time, on purpose: no tracking.
        let _untracked = SpecialNonReactiveZone::enter();
        view().to_html()
    });
    drop(owner);
    html.replace("<!>", "")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::shipped_guide;

    #[test]
    fn the_index_cards_carry_what_the_app_counts_progress_with() {
        let guide = shipped_guide();
        let html = render_index(vec![IndexEntry::of(
            "infrastructure-engineer",
            &guide,
            true,
        )]);
        assert!(html.contains("data-guide=\"infrastructure-engineer\""));
        assert!(html.contains(&format!(
            "{}=\"entry-help-desk ",
            crate::site::index_page::ITEMS_ATTRIBUTE
        )));
        assert!(html.contains(crate::prerender::PROGRESS_HEIR_ATTRIBUTE));
        assert!(html.contains("href=\"infrastructure-engineer/\""));
        assert!(html.contains("$95,360"));
    }

    #[test]
    fn the_page_holds_every_section_the_chart_and_the_checklist() {
        let guide = shipped_guide();
        let html = render_full_page(guide.clone(), "");
        for section in &guide.sections {
            assert!(
                html.contains(&format!("id=\"{}\"", section.id)),
                "section {}",
                section.id
            );
        }
        assert!(html.contains("<svg"), "the salary chart is drawn");
        assert!(
            html.contains("class=\"state-buttons\""),
            "the checklist has its items"
        );
        assert!(html.contains(&guide.title), "the title");
        assert!(!html.contains("<!>"), "no bogus comments");
        // Controls show their initial state as attributes (properties do not reach HTML).
        assert!(
            html.contains("value=\"salary\" checked"),
            "the default metric is checked"
        );
        assert!(
            html.contains("value=\"desc\" selected"),
            "the default sort is selected"
        );
    }
}
