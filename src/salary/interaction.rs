//! Pointer and keyboard behaviour shared by the chart's bars and the map's tiles.

use leptos::ev::KeyboardEvent;
use leptos::prelude::*;

use super::browser::focus_by_id;
use super::context::ChartContext;
use super::model::{roving_target, StateFigures};

impl ChartContext {
    /// The state that holds the tab stop among `codes`: the focused one, else the highlighted
    /// one, else the first.
    pub fn tab_stop(&self, codes: &[String]) -> Option<String> {
        let known = |code: &Option<String>| code.clone().filter(|c| codes.contains(c));
        known(&self.focus.get())
            .or_else(|| known(&self.state.get().highlight))
            .or_else(|| codes.first().cloned())
    }

    /// The figures of the state whose tooltip is shown, looked up in `rows`, while the view is
    /// `shown` (a hidden view shows no tooltip, and draws nothing when the pointer moves).
    pub fn tooltip_row(
        &self,
        rows: Memo<Vec<StateFigures>>,
        shown: Signal<bool>,
    ) -> Signal<Option<StateFigures>> {
        let tooltip = self.tooltip;
        Signal::derive(move || {
            if !shown.get() {
                return None;
            }
            let code = tooltip.get()?;
            rows.with(|rows| rows.iter().find(|row| row.code == code).cloned())
        })
    }

    /// Shows the tooltip for `code` (on focus or hover).
    pub fn show(&self, code: &str, focused: bool) {
        if focused {
            self.focus.set(Some(code.to_owned()));
        }
        self.tooltip.set(Some(code.to_owned()));
    }

    /// Hides the tooltip if it is showing `code`.
    pub fn hide(&self, code: &str) {
        if self.tooltip.get_untracked().as_deref() == Some(code) {
            self.tooltip.set(None);
        }
    }

    /// Highlights `code`, or clears the highlight if it is already highlighted.
    pub fn toggle_highlight(&self, code: &str) {
        self.state.update(|state| {
            state.highlight = match state.highlight.as_deref() {
                Some(current) if current == code => None,
                _ => Some(code.to_owned()),
            };
        });
    }

    /// Arrow keys, Home and End move between items; Escape hides the tooltip; Enter and Space
    /// highlight. `id_prefix` + code is each item's element id.
    pub fn on_key(&self, event: &KeyboardEvent, codes: &[String], id_prefix: &str) {
        let key = event.key();
        let current = self.focus.get_untracked();
        match key.as_str() {
            "Escape" => self.tooltip.set(None),
            "Enter" | " " => {
                if let Some(code) = current {
                    event.prevent_default();
                    self.toggle_highlight(&code);
                }
            }
            _ => {
                let list: Vec<&str> = codes.iter().map(String::as_str).collect();
                if let Some(index) = roving_target(&key, &list, current.as_deref()) {
                    event.prevent_default();
                    let code = codes[index].clone();
                    focus_by_id(&format!("{id_prefix}{code}"));
                    self.show(&code, true);
                }
            }
        }
    }
}
