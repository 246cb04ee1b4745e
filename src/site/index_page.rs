//! The site's index, at its root when it has two guides or more: each guide with its role's key
//! figures and the size of its roadmap, linking to the guide's own page.

use leptos::prelude::*;

use crate::data::{format_dollars, format_signed_percent, Guide};
use crate::roadmap::model::Checklist;

/// One guide as the index shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndexEntry {
    /// Its page is at `{slug}/`.
    pub slug: String,
    pub title: String,
    pub edition: String,
    /// The role's national median salary, as the guide's header writes it.
    pub median_salary: String,
    /// "Job growth (10 years)" and its figure.
    pub growth_label: String,
    pub growth: String,
    /// Who published the key figures, and when.
    pub source: String,
    /// The ids of the roadmap checklist's items: the app counts the reader's progress on them.
    pub items: Vec<String>,
    /// Whether the guide is heir to the progress saved before guides had their own keys.
    pub progress_heir: bool,
}

impl IndexEntry {
    /// The entry of the guide `slug` (`progress_heir`: see the field).
    pub fn of(slug: &str, guide: &Guide, progress_heir: bool) -> Self {
        let role = &guide.role;
        Self {
            slug: slug.to_owned(),
            title: guide.title.clone(),
            edition: guide.edition.clone(),
            median_salary: format_dollars(role.median_salary),
            growth_label: format!("Job growth ({} years)", role.growth_period_years),
            growth: format_signed_percent(role.growth_percent),
            source: format!("{} ({})", role.source.name, role.source.year),
            items: Checklist::from_guide(guide)
                .item_ids()
                .map(str::to_owned)
                .collect(),
            progress_heir,
        }
    }
}

/// The index of the site's guides, in the order given.
#[component]
pub fn GuideIndex(entries: Vec<IndexEntry>) -> impl IntoView {
    view! {
        <div class="guide-layout site-index">
            <header class="guide-header">
                <h1>"Career guides"</h1>
                <p class="lede">
                    "Each guide covers one role: what the work involves, what it pays across the "
                    "states, and a step-by-step roadmap you can tick off as you go. Your progress "
                    "on each is kept in this browser."
                </p>
            </header>
            <main id="main" tabindex="-1" class="guide-body">
                <ul class="guide-list">
                    {entries.into_iter().map(|entry| view! { <IndexCard entry /> }.into_any()).collect_view()}
                </ul>
            </main>
        </div>
    }
}

/// The attribute of a card listing its checklist's item ids, space-separated.
pub const ITEMS_ATTRIBUTE: &str = "data-items";

/// One guide's card in the index; the app adds the reader's progress (`site::progress`).
#[component]
fn IndexCard(entry: IndexEntry) -> impl IntoView {
    let count = entry.items.len();
    view! {
        <li
            class="guide-card"
            data-guide=entry.slug.clone()
            data-items=entry.items.join(" ")
            data-progress-heir=entry.progress_heir.then_some("")
        >
            <h2><a href=format!("{}/", entry.slug)>{entry.title}</a></h2>
            <p class="edition">{entry.edition}</p>
            <dl class="key-figures" aria-label="Key figures">
                <div class="figure"><dt>"Median salary"</dt><dd>{entry.median_salary}</dd></div>
                <div class="figure"><dt>{entry.growth_label}</dt><dd>{entry.growth}</dd></div>
            </dl>
            <p class="figure-source">"Key figures: "{entry.source}</p>
            <p class="guide-items">{format!("Roadmap checklist of {count} items")}</p>
        </li>
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::data::shipped_guide;

    #[test]
    fn an_entry_carries_the_guides_own_figures() {
        let guide = shipped_guide();
        let entry = IndexEntry::of("infrastructure-engineer", &guide, true);
        assert_eq!(entry.median_salary, "$95,360");
        assert_eq!(entry.growth, "+3%");
        assert_eq!(entry.growth_label, "Job growth (10 years)");
        assert_eq!(entry.items.len(), 25);
        assert_eq!(entry.items[0], "entry-help-desk");
        assert_eq!(entry.title, guide.title);
    }
}
