//! A part built in pieces, one per task (`platform::stagger`), put in place before its pieces
//! are: until each piece is built, its static twin stands in for it, so that the part's first
//! pieces work at once and the page does not move. Browser-only.

use std::collections::VecDeque;

/// A static twin's pieces standing in, in the live part, for the pieces not built yet.
pub struct StandIns {
    /// The list of pieces (`LivePart::pieces`) below the part's root.
    list: &'static str,
    /// How many pieces the twin has.
    total: usize,
    /// The twin's pieces still standing in, in order.
    pieces: VecDeque<web_sys::Element>,
    /// The live list, once the part is in place.
    live: Option<web_sys::Element>,
}

impl StandIns {
    /// The pieces of `twin`'s list `list`.
    pub fn new(twin: &web_sys::Element, list: &'static str) -> Self {
        let pieces: VecDeque<web_sys::Element> = twin
            .query_selector(list)
            .ok()
            .flatten()
            .map(|list| {
                let children = list.children();
                (0..children.length())
                    .filter_map(|index| children.item(index))
                    .collect()
            })
            .unwrap_or_default();
        Self {
            list,
            total: pieces.len(),
            pieces,
            live: None,
        }
    }

    /// Moves the stand-ins to the end of the live part's list (found among `roots`). Pieces
    /// are built in order, each before the place-holders of those to come, so the stand-ins
    /// stay the list's last elements. Without such a list, the stand-ins stay out.
    pub fn move_into(&mut self, roots: &[web_sys::Element]) {
        self.live = roots
            .iter()
            .find_map(|root| root.query_selector(self.list).ok().flatten());
        let Some(live) = &self.live else {
            self.pieces.clear();
            return;
        };
        for piece in &self.pieces {
            let _ = live.append_child(piece);
        }
        self.retire_built();
    }

    /// Whether `element` is in one of the stand-ins.
    pub fn hold(&self, element: &web_sys::Element) -> bool {
        self.pieces
            .iter()
            .any(|piece| piece.contains(Some(element)))
    }

    /// Removes the stand-ins for the pieces the live list now has.
    pub fn retire_built(&mut self) {
        let Some(live) = &self.live else {
            return;
        };
        let built = (live.child_element_count() as usize).saturating_sub(self.pieces.len());
        while self.pieces.len() > self.total.saturating_sub(built) {
            if let Some(piece) = self.pieces.pop_front() {
                piece.remove();
            }
        }
    }
}
