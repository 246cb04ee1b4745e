//! What the roadmap's views share: the progress, the way to change it, and the checklist.

use std::sync::Arc;

use leptos::prelude::*;

use super::edits::Edit;
use super::model::{Checklist, ProgressDoc};

/// The roadmap's shared state, provided by [`super::RoadmapChecklist`].
#[derive(Clone)]
pub struct RoadmapContext {
    pub doc: RwSignal<ProgressDoc>,
    pub edit: Callback<Edit>,
    pub checklist: Arc<Checklist>,
}
