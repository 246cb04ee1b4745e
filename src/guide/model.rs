//! The guide's navigation logic: the table of contents, deep links and which section is being read.

use crate::data::Guide;

/// One entry of "On this page".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TocEntry {
    pub id: String,
    pub title: String,
}

/// The table of contents, in reading order.
pub fn table_of_contents(guide: &Guide) -> Vec<TocEntry> {
    guide
        .sections
        .iter()
        .map(|section| TocEntry {
            id: section.id.clone(),
            title: section.title.clone(),
        })
        .collect()
}

/// The section a URL hash (`#roadmap`, with or without `#`) points at, if the guide has it.
pub fn section_for_hash<'a>(guide: &'a Guide, hash: &str) -> Option<&'a str> {
    let id = hash.strip_prefix('#').unwrap_or(hash);
    guide
        .sections
        .iter()
        .find(|section| section.id == id)
        .map(|section| section.id.as_str())
}

/// Tracks which sections cross the reading band near the top of the viewport, and so which one
/// the reader is in: the first crossing one in reading order, or the last known when none does
/// (a long section can fill the screen without touching the band's edges).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScrollSpy {
    ids: Vec<String>,
    in_band: Vec<bool>,
    active: Option<usize>,
}

impl ScrollSpy {
    /// A spy over these section ids, in reading order; none is active yet.
    pub fn new(ids: Vec<String>) -> Self {
        let in_band = vec![false; ids.len()];
        Self {
            ids,
            in_band,
            active: None,
        }
    }

    /// Records that section `id` entered or left the band; returns the section now being read.
    pub fn observe(&mut self, id: &str, crossing: bool) -> Option<&str> {
        if let Some(index) = self.ids.iter().position(|known| known == id) {
            self.in_band[index] = crossing;
        }
        if let Some(first) = self.in_band.iter().position(|&crossing| crossing) {
            self.active = Some(first);
        }
        self.active()
    }

    /// The section being read, if any has been seen yet.
    pub fn active(&self) -> Option<&str> {
        self.active.map(|index| self.ids[index].as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spy() -> ScrollSpy {
        ScrollSpy::new(vec!["a".into(), "b".into(), "c".into()])
    }

    #[test]
    fn nothing_is_active_before_any_section_is_seen() {
        assert_eq!(spy().active(), None);
    }

    #[test]
    fn the_first_section_in_the_band_wins() {
        let mut spy = spy();
        spy.observe("c", true);
        assert_eq!(spy.observe("b", true), Some("b"));
        assert_eq!(spy.observe("b", false), Some("c"));
    }

    #[test]
    fn a_section_stays_active_while_it_fills_the_screen() {
        let mut spy = spy();
        spy.observe("b", true);
        assert_eq!(spy.observe("b", false), Some("b"));
    }

    #[test]
    fn unknown_ids_change_nothing() {
        let mut spy = spy();
        spy.observe("a", true);
        assert_eq!(spy.observe("zzz", true), Some("a"));
    }
}
