//! Building a page a part per task, out of sight, when whoever shows it asks for that.
//!
//! Rendering the whole guide at once takes one long task (well past the 50 ms from which
//! browsers count a task as long, and far longer on a slow phone), and the page cannot answer a
//! tap meanwhile. When a [`Stagger`] is in the context, each part (a section, the chart, a
//! roadmap step) waits for its turn instead, and the page counts as on screen only once every
//! part is there. Without one, everything renders at once. The features only mark their parts
//! ([`in_turn`]); who staggers is the app's business.

use std::collections::VecDeque;

use leptos::prelude::*;

/// Hands out turns to the parts of a page; shared through the context.
#[derive(Clone, Copy)]
pub struct Stagger {
    /// The parts that have not rendered yet, in the order they asked.
    waiting: StoredValue<VecDeque<WriteSignal<bool>>>,
    /// Every part has rendered.
    finished: RwSignal<bool>,
}

impl Stagger {
    /// Every part renders as soon as it is reached.
    pub fn at_once() -> Self {
        Self::new(true)
    }

    /// Each part waits for [`Stagger::advance`].
    pub fn in_turns() -> Self {
        Self::new(false)
    }

    fn new(finished: bool) -> Self {
        Self {
            waiting: StoredValue::new(VecDeque::new()),
            finished: RwSignal::new(finished),
        }
    }

    /// Whether the part asking may render yet; it becomes true on the part's turn.
    pub fn turn(&self) -> Signal<bool> {
        if self.finished.get_untracked() {
            return Signal::stored(true);
        }
        let (shown, show) = signal(false);
        self.waiting.update_value(|waiting| waiting.push_back(show));
        shown.into()
    }

    /// Lets the next waiting part render and says true, or says false and marks the page
    /// finished when none is waiting. Parts a part contains ask for their turn while it renders,
    /// so call this once per task: they are waiting by the next one.
    pub fn advance(&self) -> bool {
        match self.waiting.try_update_value(VecDeque::pop_front).flatten() {
            Some(show) => {
                show.set(true);
                true
            }
            None => {
                self.finished.set(true);
                false
            }
        }
    }

    /// Whether every part has rendered.
    pub fn finished(&self) -> Signal<bool> {
        self.finished.into()
    }
}

/// Whether the page is on screen: false while it is built a part per task out of sight.
pub fn page_on_screen() -> Signal<bool> {
    use_context::<Stagger>().map_or_else(|| Signal::stored(true), |stagger| stagger.finished())
}

/// Renders `part` on its turn (at once when no [`Stagger`] is in the context). A turn comes
/// once, so the part is built once and can own its props. It is type-erased, so that every
/// caller shares one copy of this code in the wasm.
pub fn in_turn(part: impl FnOnce() -> AnyView + Send + Sync + 'static) -> AnyView {
    boxed_in_turn(Box::new(part))
}

/// A part of the page as [`in_turn`] takes it, boxed.
type Part = Box<dyn FnOnce() -> AnyView + Send + Sync>;

/// [`in_turn`] past its one generic line: a closure made in a generic function would be a type
/// of its own, with its own copy of the framework's code, for each caller.
fn boxed_in_turn(part: Part) -> AnyView {
    let part = std::sync::Mutex::new(Some(part));
    let shown = use_context::<Stagger>().map_or_else(|| Signal::stored(true), |s| s.turn());
    (move || {
        shown
            .get()
            // Untracked: a signal read while building must not run this closure again, which
            // would find the part taken and leave its place empty.
            .then(|| part.lock().ok()?.take().map(untrack))
            .flatten()
    })
    .into_any()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn at_once_every_part_may_render_immediately() {
        let _owner = Owner::new();
        let stagger = Stagger::at_once();
        assert!(stagger.finished().get_untracked());
        assert!(stagger.turn().get_untracked());
        assert!(!stagger.advance(), "nothing waits");
    }

    #[test]
    fn in_turns_parts_render_one_per_advance_in_the_order_they_asked() {
        let _owner = Owner::new();
        let stagger = Stagger::in_turns();
        let first = stagger.turn();
        let second = stagger.turn();
        assert!(!first.get_untracked() && !second.get_untracked());
        assert!(stagger.advance());
        assert!(first.get_untracked() && !second.get_untracked());
        // A part inside the first one asks while the first renders: it waits behind the second.
        let inner = stagger.turn();
        assert!(stagger.advance());
        assert!(second.get_untracked() && !inner.get_untracked());
        assert!(!stagger.finished().get_untracked());
        assert!(stagger.advance());
        assert!(inner.get_untracked());
        assert!(!stagger.advance(), "the last advance finds nothing waiting");
        assert!(stagger.finished().get_untracked());
    }

    #[test]
    fn a_part_that_asks_after_the_page_finished_renders_at_once() {
        let _owner = Owner::new();
        let stagger = Stagger::in_turns();
        assert!(!stagger.advance());
        assert!(stagger.turn().get_untracked());
    }
}
