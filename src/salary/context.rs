//! What the salary explorer's views share: the chart state, the tooltip and the tab stop.

use leptos::prelude::*;

use super::model::ChartState;

/// What the views share: the state a reader controls and which state the tooltip is on.
#[derive(Clone, Copy)]
pub struct ChartContext {
    pub state: RwSignal<ChartState>,
    /// The state whose tooltip is shown, if any.
    pub tooltip: RwSignal<Option<String>>,
    /// The state that holds the roving tab stop.
    pub focus: RwSignal<Option<String>>,
}
