//! The roadmap's steps and items as a checklist, and how many of them are settled.

use crate::data::{Block, Guide, MonthRange};

use super::document::{ItemProgress, ProgressDoc};
use super::state::ItemState;

/// One item to check off.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChecklistItem {
    /// The data's stable id, which keys the item's progress.
    pub id: String,
    pub term: Option<String>,
    pub tag: Option<String>,
    pub text: String,
}

/// One roadmap step and its items, in the data's order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChecklistStep {
    pub id: String,
    pub title: String,
    /// As the source says it, e.g. "3-6 months".
    pub duration: String,
    /// The duration in months, when the source gives one; the planner needs it.
    pub months: Option<MonthRange>,
    pub items: Vec<ChecklistItem>,
}

impl ChecklistStep {
    /// How this step's items stand in `doc`.
    pub fn counts(&self, doc: &ProgressDoc) -> Counts {
        Counts::of(self.items.iter().map(|item| doc.state(&item.id)))
    }
}

/// The roadmap's steps, in order.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Checklist {
    /// The guide's role in lowercase words joined by `-` (`infrastructure-engineer`): names
    /// what belongs to this guide, such as its calendar events.
    pub guide: String,
    /// The role's name as the guide writes it (`Infrastructure Engineer`): names the calendar.
    pub role: String,
    pub steps: Vec<ChecklistStep>,
}

/// `text` in lowercase ASCII letters and digits, each other run of characters as one `-`.
fn slug(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_owned()
}

impl Checklist {
    /// The checklist of every roadmap (steps) block in the guide, in reading order. Items
    /// without an id cannot be tracked and are left out (validation requires them anyway).
    pub fn from_guide(guide: &Guide) -> Checklist {
        let steps = guide
            .sections
            .iter()
            .flat_map(|section| &section.blocks)
            .filter_map(|block| match block {
                Block::Steps { steps, .. } => Some(steps),
                _ => None,
            })
            .flatten()
            .map(|step| ChecklistStep {
                id: step.id.clone(),
                title: step.title.clone(),
                duration: step.duration.clone(),
                months: step.months,
                items: step
                    .items
                    .iter()
                    .filter_map(|item| {
                        Some(ChecklistItem {
                            id: item.id.clone()?,
                            term: item.term.clone(),
                            tag: item.tag.clone(),
                            text: item.text.clone(),
                        })
                    })
                    .collect(),
            })
            .collect();
        Checklist {
            guide: slug(&guide.role.name),
            role: guide.role.name.clone(),
            steps,
        }
    }

    /// The step with this id.
    pub fn step(&self, id: &str) -> Option<&ChecklistStep> {
        self.steps.iter().find(|step| step.id == id)
    }

    /// Every item id, in order.
    pub fn item_ids(&self) -> impl Iterator<Item = &str> {
        self.steps
            .iter()
            .flat_map(|step| &step.items)
            .map(|item| item.id.as_str())
    }

    /// Whether the roadmap has an item with this id.
    pub fn contains(&self, id: &str) -> bool {
        self.item_ids().any(|known| known == id)
    }

    /// How all the items stand in `doc`.
    pub fn counts(&self, doc: &ProgressDoc) -> Counts {
        Counts::of(self.item_ids().map(|id| doc.state(id)))
    }

    /// How each step's items stand in `doc`, in step order.
    pub fn step_counts(&self, doc: &ProgressDoc) -> Vec<Counts> {
        self.steps.iter().map(|step| step.counts(doc)).collect()
    }

    /// The ids in `doc` that this roadmap does not have whose entries still hold something (a
    /// state or a note): what the reader is told of, and may remove. Sorted.
    pub fn leftover_ids(&self, doc: &ProgressDoc) -> Vec<String> {
        doc.items
            .iter()
            .filter(|(id, item)| !self.contains(id) && !item.shows_as(&ItemProgress::default()))
            .map(|(id, _)| id.clone())
            .collect()
    }

    /// The ids in `doc` that this roadmap does not have (kept in the document, not shown),
    /// sorted.
    pub fn unknown_ids(&self, doc: &ProgressDoc) -> Vec<String> {
        // The document's map is sorted, so the result is too.
        doc.items
            .keys()
            .filter(|id| !self.contains(id))
            .cloned()
            .collect()
    }
}

/// How many items are in each state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counts {
    pub total: usize,
    pub done: usize,
    pub skipped: usize,
    pub in_progress: usize,
    pub not_started: usize,
}

impl Counts {
    /// Tallies a run of states.
    pub fn of(states: impl IntoIterator<Item = ItemState>) -> Counts {
        let mut counts = Counts::default();
        for state in states {
            counts.total += 1;
            match state {
                ItemState::NotStarted => counts.not_started += 1,
                ItemState::InProgress => counts.in_progress += 1,
                ItemState::Done => counts.done += 1,
                ItemState::Skipped => counts.skipped += 1,
            }
        }
        counts
    }

    /// Items that need no more work: done or skipped.
    pub fn settled(&self) -> usize {
        self.done + self.skipped
    }

    /// Whether every item is settled (true for no items).
    pub fn is_complete(&self) -> bool {
        self.settled() == self.total
    }

    /// E.g. "7 of 23 done, 2 skipped". Skipped items leave the count they are done "of"
    /// (7 of the 25 - 2 that are still wanted), and ", N skipped" appears only when N > 0.
    pub fn summary(&self) -> String {
        // Saturating: the fields are public, so they need not add up.
        let wanted = self.total.saturating_sub(self.skipped);
        if self.skipped == 0 {
            format!("{} of {wanted} done", self.done)
        } else {
            format!("{} of {wanted} done, {} skipped", self.done, self.skipped)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn checklist() -> Checklist {
        let guide = crate::data::shipped_guide();
        Checklist::from_guide(&guide)
    }

    #[test]
    fn the_roadmap_has_six_steps_and_twenty_five_items() {
        let checklist = checklist();
        assert_eq!(checklist.steps.len(), 6);
        assert_eq!(checklist.item_ids().count(), 25);
        let core = checklist.step("core-tools").unwrap();
        assert_eq!(core.title, "Learn the core tools");
        assert_eq!(core.months.map(|m| (m.min, m.max)), Some((3, 6)));
        assert_eq!(core.items[0].id, "tool-terraform");
        assert_eq!(core.items[0].term.as_deref(), Some("Terraform"));
        assert_eq!(checklist.step("entry-path").unwrap().months, None);
        assert!(checklist.contains("project-homelab"));
        assert!(!checklist.contains("project"));
        assert_eq!(checklist.step("nope"), None);
    }

    #[test]
    fn counts_tally_each_state() {
        let checklist = checklist();
        let mut doc = ProgressDoc::new();
        doc.set_state("tool-terraform", ItemState::Done, 1);
        doc.set_state("tool-kubernetes", ItemState::Skipped, 1);
        doc.set_state("skill-linux", ItemState::InProgress, 1);
        let counts = checklist.counts(&doc);
        assert_eq!(
            counts,
            Counts {
                total: 25,
                done: 1,
                skipped: 1,
                in_progress: 1,
                not_started: 22,
            }
        );
        assert_eq!(counts.settled(), 2);
        let steps = checklist.step_counts(&doc);
        assert_eq!(steps.len(), 6);
        assert_eq!(steps[1].settled(), 2);
        assert_eq!(steps[1].total, 4);
        assert_eq!(steps[2].in_progress, 1);
        assert_eq!(steps.iter().map(|c| c.total).sum::<usize>(), 25);
    }

    #[test]
    fn summaries_read_as_the_issue_asks() {
        let counts = Counts {
            total: 25,
            done: 7,
            skipped: 2,
            in_progress: 3,
            not_started: 13,
        };
        assert_eq!(counts.summary(), "7 of 23 done, 2 skipped");
        let none_skipped = Counts {
            total: 25,
            done: 7,
            skipped: 0,
            in_progress: 0,
            not_started: 18,
        };
        assert_eq!(none_skipped.summary(), "7 of 25 done");
        assert_eq!(Counts::default().summary(), "0 of 0 done");
        assert!(Counts::default().is_complete());
        let all_skipped = Counts::of([ItemState::Skipped, ItemState::Skipped]);
        assert_eq!(all_skipped.summary(), "0 of 0 done, 2 skipped");
        assert!(all_skipped.is_complete());
    }

    #[test]
    fn ids_the_roadmap_lacks_are_kept_and_listed() {
        let checklist = checklist();
        let mut doc = ProgressDoc::new();
        doc.set_state("tool-terraform", ItemState::Done, 1);
        doc.set_state("tool-pulumi", ItemState::Done, 1);
        doc.set_note("old-item", "from an earlier edition", 1);
        assert_eq!(checklist.unknown_ids(&doc), ["old-item", "tool-pulumi"]);
        // They count nowhere.
        assert_eq!(checklist.counts(&doc).done, 1);
    }
}
