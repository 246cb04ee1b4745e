//! Places in the guide's layout: an element named by the nearest enclosing element with an id
//! (its anchor: an item's row, a chart bar, a section) and the child indices from there, so
//! that it points at the same element in the static copy and in the app's page even where the
//! app's page has more or fewer elements elsewhere (a saved plan adds a step's target date; a
//! notice comes and goes). Browser-only, except the pure reading and writing.

use wasm_bindgen::JsCast;

/// An element below a layout root: `anchor` is the id of its nearest enclosing element with an
/// id (itself included; empty for the root), `path` the child indices from there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    pub anchor: String,
    pub path: Vec<u32>,
}

fn index_in_parent(parent: &web_sys::Element, element: &web_sys::Element) -> Option<u32> {
    let siblings = parent.children();
    (0..siblings.length()).find(|&i| siblings.item(i).as_ref() == Some(element))
}

/// The place of `element` below `root`; `None` when it is not inside.
pub(super) fn place_of(root: &web_sys::Element, element: &web_sys::Element) -> Option<Place> {
    let mut element = element.clone();
    let mut path = Vec::new();
    while &element != root && element.id().is_empty() {
        let parent = element.parent_element()?;
        path.push(index_in_parent(&parent, &element)?);
        element = parent;
    }
    path.reverse();
    let anchor = if &element == root {
        String::new()
    } else {
        element.id()
    };
    Some(Place { anchor, path })
}

/// Where keyboard focus is below `root`, if it is there.
pub(super) fn focused_place(root: &web_sys::Element) -> Option<Place> {
    let focused = web_sys::window()?.document()?.active_element()?;
    place_of(root, &focused)
}

/// The element at `place` below `root`: its anchor found by id in the document (while the app
/// takes over, only one of the twins is ever in it), then its path.
pub(super) fn follow(root: &web_sys::Element, place: &Place) -> Option<web_sys::Element> {
    let start = if place.anchor.is_empty() {
        root.clone()
    } else {
        let anchor = web_sys::window()?
            .document()?
            .get_element_by_id(&place.anchor)?;
        root.contains(Some(anchor.unchecked_ref()))
            .then_some(anchor)?
    };
    place
        .path
        .iter()
        .try_fold(start, |element, &index| element.children().item(index))
}

/// The places the start script wrote (`item-x:2.3 :3.1`), in order; anything malformed (a
/// page script may write there too) is left out.
pub fn parse_places(text: &str) -> Vec<Place> {
    text.split_ascii_whitespace()
        .filter_map(|place| {
            let (anchor, path) = place.rsplit_once(':')?;
            let path = if path.is_empty() {
                Vec::new()
            } else {
                path.split('.')
                    .map(|index| index.parse::<u32>().ok())
                    .collect::<Option<Vec<u32>>>()?
            };
            (anchor.len() <= 200 && path.len() <= 64 && !(anchor.is_empty() && path.is_empty()))
                .then(|| Place {
                    anchor: anchor.to_owned(),
                    path,
                })
        })
        .take(100)
        .collect()
}

/// `places` as the start script writes them.
pub fn write_places(places: &[Place]) -> String {
    places
        .iter()
        .map(|place| {
            let path: Vec<String> = place.path.iter().map(u32::to_string).collect();
            format!("{}:{}", place.anchor, path.join("."))
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn place(anchor: &str, path: &[u32]) -> Place {
        Place {
            anchor: anchor.into(),
            path: path.to_vec(),
        }
    }

    #[test]
    fn places_are_read_in_order_and_junk_is_left_out() {
        assert_eq!(
            parse_places("item-a:1.0.2 :3.1  bar-TX: a:b:0"),
            vec![
                place("item-a", &[1, 0, 2]),
                place("", &[3, 1]),
                place("bar-TX", &[]),
                place("a:b", &[0])
            ]
        );
        assert_eq!(parse_places(""), Vec::<Place>::new());
        assert_eq!(
            parse_places("x:1..2 x:a.b x:-1 x:4294967296 : 3.1 x:7"),
            vec![place("x", &[7])]
        );
    }

    #[test]
    fn at_most_a_hundred_places_are_read() {
        assert_eq!(parse_places(&"x:1 ".repeat(500)).len(), 100);
    }

    proptest! {
        #[test]
        fn written_places_read_back(
            places in prop::collection::vec(
                ("[a-z0-9:-]{0,20}", prop::collection::vec(0u32..5000, 1..20)),
                0..50,
            )
        ) {
            let places: Vec<Place> = places
                .into_iter()
                .map(|(anchor, path)| Place { anchor, path })
                .collect();
            prop_assert_eq!(parse_places(&write_places(&places)), places);
        }

        #[test]
        fn any_text_is_read_without_panicking(text in ".{0,200}") {
            let _ = parse_places(&text);
        }
    }
}
