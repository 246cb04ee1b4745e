//! One section of the guide and the blocks it is made of.

use leptos::prelude::*;

use super::blocks::{FaqList, ItemList, MythList, SourceList};
use super::comparison::ComparisonTable;
use crate::data::{Block, Note, Section, Step};
use crate::embed::model::EmbedPart;
use crate::embed::EmbedButton;
use crate::platform::stagger::in_turn;
use crate::roadmap::RoadmapChecklist;
use crate::salary::SalaryExplorer;
use crate::widgets::{filler, NoteBox};

/// A section with its heading; its id is the target of the ToC's links.
#[component]
pub fn GuideSection(section: Section) -> impl IntoView {
    let heading_id = format!("{}-heading", section.id);
    view! {
        <section id=section.id.clone() class="guide-section" aria-labelledby=heading_id.clone()>
            <div class="section-heading">
                <h2 id=heading_id.clone()>{section.title.clone()}</h2>
                {embed_button(&section.id, &section.title)}
            </div>
            {section.blocks.into_iter().map(block_view).collect_view()}
        </section>
    }
}

/// A part of a section that works only with the app (its Embed button, the chart, the
/// checklist): where its root sits in the section's markup, and how to build it. A copy of the
/// section rendered elsewhere from the same data (at build time) needs only these built live.
pub struct LivePart {
    /// Selects the part's root among the section element's descendants (`:scope > …`).
    pub selector: &'static str,
    /// Which of the elements `selector` matches, in document order.
    pub nth: u32,
    /// Builds the part, as `GuideSection` does.
    pub build: Box<dyn FnOnce() -> AnyView>,
    /// Where the part builds its pieces one per turn (`platform::stagger`), when it does: the
    /// element (`:scope > …` below the part's root) whose children are the pieces. A copy's
    /// pieces can stand in for those not built yet.
    pub pieces: Option<&'static str>,
}

/// The live parts of `section`, in document order.
pub fn live_parts(section: &Section) -> Vec<LivePart> {
    // The button is made when it is built, not now: the parts are listed for the whole page
    // before the first of them (the checklist) is built.
    let (id, title) = (section.id.clone(), section.title.clone());
    let mut parts = vec![LivePart {
        selector: ":scope > .section-heading > .embed-button",
        nth: 0,
        build: Box::new(move || embed_button(&id, &title).into_any()),
        pieces: None,
    }];
    let (mut checklists, mut explorers) = (0, 0);
    for block in &section.blocks {
        // Built by the live blocks' own views, not `block_view`: the prose's views are then not
        // in the app's main module (they are in the lazy parts that build whole pages).
        let (selector, counter, pieces, build): (_, _, _, Box<dyn FnOnce() -> AnyView>) =
            match block {
                Block::Steps {
                    total_duration,
                    steps,
                } => {
                    let (total_duration, steps) = (total_duration.clone(), steps.clone());
                    (
                        ":scope > .roadmap",
                        &mut checklists,
                        Some(crate::roadmap::STEP_LIST),
                        Box::new(move || checklist_view(total_duration, steps)),
                    )
                }
                Block::StateSalaries { caption, notes } => {
                    let (caption, notes) = (caption.clone(), notes.clone());
                    (
                        ":scope > .salary-explorer",
                        &mut explorers,
                        None,
                        Box::new(move || explorer_view(caption, notes)),
                    )
                }
                _ => continue,
            };
        parts.push(LivePart {
            selector,
            nth: *counter,
            build,
            pieces,
        });
        *counter += 1;
    }
    parts
}

/// The section's Embed button (none in embed mode).
fn embed_button(id: &str, title: &str) -> impl IntoView {
    let part = EmbedPart::Guide {
        section: Some(id.to_owned()),
    };
    let label = format!("the section {title}");
    view! { <EmbedButton part label /> }
}

/// Chooses the view for a block; every text is filled with its computed figures.
fn block_view(block: Block) -> AnyView {
    let fill = filler();
    match block {
        Block::Paragraph { lead, text } => view! {
            <p>
                {lead.map(|lead| view! { <strong class="lead">{fill(&lead)}": "</strong> }.into_any())}
                {fill(&text)}
            </p>
        }
        .into_any(),
        Block::List { title, items } => view! { <ItemList title items /> }.into_any(),
        Block::Note(note) => view! { <NoteBox note /> }.into_any(),
        Block::Steps {
            total_duration,
            steps,
        } => checklist_view(total_duration, steps),
        Block::Myths { items } => view! { <MythList items /> }.into_any(),
        Block::Comparison {
            other_role,
            summary,
            rows,
        } => view! { <ComparisonTable other_role summary rows /> }.into_any(),
        Block::Faq { items } => view! { <FaqList items /> }.into_any(),
        Block::StateSalaries { caption, notes } => explorer_view(caption, notes),
        Block::Sources { items } => view! { <SourceList items /> }.into_any(),
    }
}

/// The roadmap checklist of a steps block.
fn checklist_view(total_duration: String, steps: Vec<Step>) -> AnyView {
    view! { <RoadmapChecklist total_duration steps /> }.into_any()
}

/// The salary explorer of a state salaries block, built in its turn.
fn explorer_view(caption: String, notes: Vec<Note>) -> AnyView {
    in_turn(move || view! { <SalaryExplorer caption notes /> }.into_any())
}
