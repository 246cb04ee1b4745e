//! Places in the guide's layout: an element named by its child indices from the layout's root,
//! which point at the same element in the static copy and in the app's page (the same markup).
//! Browser-only, except the pure parsing.

/// The place of `element` below `root`: child indices, outermost first; `None` when it is not
/// inside `root`.
pub(super) fn place_of(root: &web_sys::Element, element: &web_sys::Element) -> Option<Vec<u32>> {
    let mut element = element.clone();
    let mut place = Vec::new();
    while &element != root {
        let parent = element.parent_element()?;
        let siblings = parent.children();
        let index =
            (0..siblings.length()).find(|&i| siblings.item(i).as_ref() == Some(&element))?;
        place.push(index);
        element = parent;
    }
    place.reverse();
    Some(place)
}

/// Where keyboard focus is below `root`, if it is there.
pub(super) fn focused_place(root: &web_sys::Element) -> Option<Vec<u32>> {
    let focused = web_sys::window()?.document()?.active_element()?;
    place_of(root, &focused)
}

/// The element at `place` below `root`.
pub(super) fn follow(root: &web_sys::Element, place: &[u32]) -> Option<web_sys::Element> {
    place.iter().try_fold(root.clone(), |element, &index| {
        element.children().item(index)
    })
}

/// The places the start script wrote ("3.1.0 3.1.2"), in order; anything malformed (a page
/// script may write there too) is left out.
pub fn parse_places(text: &str) -> Vec<Vec<u32>> {
    text.split_ascii_whitespace()
        .filter_map(|place| {
            place
                .split('.')
                .map(|index| index.parse::<u32>().ok())
                .collect::<Option<Vec<u32>>>()
        })
        .filter(|place| !place.is_empty() && place.len() <= 64)
        .take(100)
        .collect()
}

/// `places` as the start script writes them ("3.1.0 3.1.2").
pub fn write_places(places: &[Vec<u32>]) -> String {
    places
        .iter()
        .map(|place| {
            place
                .iter()
                .map(u32::to_string)
                .collect::<Vec<_>>()
                .join(".")
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn places_are_read_in_order_and_junk_is_left_out() {
        assert_eq!(
            parse_places("3.1.0 12.4  0"),
            vec![vec![3, 1, 0], vec![12, 4], vec![0]]
        );
        assert_eq!(parse_places(""), Vec::<Vec<u32>>::new());
        assert_eq!(parse_places("1..2 a.b -1 4294967296 2.x 7"), vec![vec![7]]);
    }

    #[test]
    fn at_most_a_hundred_places_are_read() {
        assert_eq!(parse_places(&"1 ".repeat(500)).len(), 100);
    }

    proptest! {
        #[test]
        fn written_places_read_back(places in prop::collection::vec(prop::collection::vec(0u32..5000, 1..20), 0..50)) {
            prop_assert_eq!(parse_places(&write_places(&places)), places);
        }

        #[test]
        fn any_text_is_read_without_panicking(text in ".{0,200}") {
            let _ = parse_places(&text);
        }
    }
}
