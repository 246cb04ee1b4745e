//! One section of the guide and the blocks it is made of.

use leptos::prelude::*;

use super::blocks::{FaqList, ItemList, MythList, SourceList};
use super::comparison::ComparisonTable;
use crate::data::{Block, Section};
use crate::embed::model::EmbedPart;
use crate::embed::EmbedButton;
use crate::prerender::in_turn;
use crate::roadmap::RoadmapChecklist;
use crate::salary::SalaryExplorer;
use crate::widgets::{filler, NoteBox};

/// A section with its heading; its id is the target of the ToC's links.
#[component]
pub fn GuideSection(section: Section) -> impl IntoView {
    let heading_id = format!("{}-heading", section.id);
    view! {
        <section id=section.id class="guide-section" aria-labelledby=heading_id.clone()>
            <div class="section-heading">
                <h2 id=heading_id.clone()>{section.title.clone()}</h2>
                <EmbedButton part=EmbedPart::Guide { section: Some(section.id.clone()) } label=format!("the section {}", section.title) />
            </div>
            {section.blocks.into_iter().map(block_view).collect_view()}
        </section>
    }
}

/// Chooses the view for a block; every text is filled with its computed figures.
fn block_view(block: Block) -> AnyView {
    let fill = filler();
    match block {
        Block::Paragraph { lead, text } => view! {
            <p>
                {lead.map(|lead| view! { <strong class="lead">{fill(&lead)}": "</strong> })}
                {fill(&text)}
            </p>
        }
        .into_any(),
        Block::List { title, items } => view! { <ItemList title items /> }.into_any(),
        Block::Note(note) => view! { <NoteBox note /> }.into_any(),
        Block::Steps {
            total_duration,
            steps,
        } => view! { <RoadmapChecklist total_duration steps /> }.into_any(),
        Block::Myths { items } => view! { <MythList items /> }.into_any(),
        Block::Comparison {
            other_role,
            summary,
            rows,
        } => view! { <ComparisonTable other_role summary rows /> }.into_any(),
        Block::Faq { items } => view! { <FaqList items /> }.into_any(),
        Block::StateSalaries { caption, notes } => {
            in_turn(move || view! { <SalaryExplorer caption notes /> }.into_any())
        }
        Block::Sources { items } => view! { <SourceList items /> }.into_any(),
    }
}
