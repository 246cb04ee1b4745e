//! The page in embed mode: one part alone, without the site's chrome, with a link to the rest.

use std::sync::Arc;

use leptos::prelude::*;

use super::model::{EmbedPart, EmbedRequest};
use crate::data::{Block, Guide};
use crate::guide::address::OwnPage;
use crate::guide::GuideSection;
use crate::roadmap::RoadmapChecklist;
use crate::salary::SalaryExplorer;

/// The requested part, or a short message when the guide has no such part.
#[component]
pub fn EmbeddedPart(guide: Arc<Guide>, request: EmbedRequest) -> impl IntoView {
    provide_context(guide.clone());
    // Each block with the id of its section, which the link to the full guide goes to.
    let blocks = || {
        guide
            .sections
            .iter()
            .flat_map(|s| s.blocks.iter().map(move |block| (s.id.clone(), block)))
    };
    let (content, anchor) = match &request.part {
        EmbedPart::Chart => blocks()
            .find_map(|(id, b)| match b {
                Block::StateSalaries { caption, notes } => Some((Some(view! { <SalaryExplorer caption=caption.clone() notes=notes.clone() /> }.into_any()), id)),
                _ => None,
            })
            .unwrap_or_default(),
        EmbedPart::Roadmap => blocks()
            .find_map(|(id, b)| match b {
                Block::Steps { total_duration, steps } => Some((Some(view! { <RoadmapChecklist total_duration=total_duration.clone() steps=steps.clone() /> }.into_any()), id)),
                _ => None,
            })
            .unwrap_or_default(),
        EmbedPart::Guide { section } => {
            let chosen: Vec<_> = guide
                .sections
                .iter()
                .filter(|s| section.as_ref().is_none_or(|id| &s.id == id))
                .cloned()
                .collect();
            let anchor = section.clone().unwrap_or_default();
            let found = (!chosen.is_empty()).then(|| chosen.into_iter().map(|section| view! { <GuideSection section /> }.into_any()).collect_view().into_any());
            (found, anchor)
        }
    };
    // The guide's own page, whatever address the frame was opened at.
    let own = use_context::<OwnPage>().unwrap_or_default();
    let href = if anchor.is_empty() {
        format!("./{}", own.0)
    } else {
        format!("./{}#{anchor}", own.0)
    };
    view! {
        <main id="main" class="embed-root" data-part=request.part.key() aria-label=request.part.title(&guide)>
            // The chart and checklist start at level 3 inside the guide; give them their level 2.
            {(!matches!(request.part, EmbedPart::Guide { .. })).then(|| view! { <h2 class="visually-hidden">{request.part.title(&guide)}</h2> }.into_any())}
            {content.unwrap_or_else(|| view! { <p class="notice">"This part of the guide is not available."</p> }.into_any())}
            <p class="open-full">
                <a href=href target="_blank" rel="noopener">"Open the full guide"<span class="visually-hidden">" (opens in a new tab)"</span>" ↗"</a>
            </p>
        </main>
    }
}
