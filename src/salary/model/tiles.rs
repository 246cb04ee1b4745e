//! The US tile-grid map: one equal square per state (50 + DC), placed roughly where it lies.

/// One square of the map.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tile {
    pub code: &'static str,
    pub name: &'static str,
    pub col: u8,
    pub row: u8,
}

/// How many columns and rows the grid has.
pub const GRID: (u8, u8) = (11, 8);

const fn tile(code: &'static str, name: &'static str, col: u8, row: u8) -> Tile {
    Tile {
        code,
        name,
        col,
        row,
    }
}

/// Every state and DC, row by row.
pub const TILES: [Tile; 51] = [
    tile("AK", "Alaska", 0, 0),
    tile("ME", "Maine", 10, 0),
    tile("VT", "Vermont", 9, 1),
    tile("NH", "New Hampshire", 10, 1),
    tile("WA", "Washington", 0, 2),
    tile("ID", "Idaho", 1, 2),
    tile("MT", "Montana", 2, 2),
    tile("ND", "North Dakota", 3, 2),
    tile("MN", "Minnesota", 4, 2),
    tile("IL", "Illinois", 5, 2),
    tile("WI", "Wisconsin", 6, 2),
    tile("MI", "Michigan", 7, 2),
    tile("NY", "New York", 8, 2),
    tile("RI", "Rhode Island", 9, 2),
    tile("MA", "Massachusetts", 10, 2),
    tile("OR", "Oregon", 0, 3),
    tile("NV", "Nevada", 1, 3),
    tile("WY", "Wyoming", 2, 3),
    tile("SD", "South Dakota", 3, 3),
    tile("IA", "Iowa", 4, 3),
    tile("IN", "Indiana", 5, 3),
    tile("OH", "Ohio", 6, 3),
    tile("PA", "Pennsylvania", 7, 3),
    tile("NJ", "New Jersey", 8, 3),
    tile("CT", "Connecticut", 9, 3),
    tile("CA", "California", 0, 4),
    tile("UT", "Utah", 1, 4),
    tile("CO", "Colorado", 2, 4),
    tile("NE", "Nebraska", 3, 4),
    tile("MO", "Missouri", 4, 4),
    tile("KY", "Kentucky", 5, 4),
    tile("WV", "West Virginia", 6, 4),
    tile("VA", "Virginia", 7, 4),
    tile("MD", "Maryland", 8, 4),
    tile("DE", "Delaware", 9, 4),
    tile("AZ", "Arizona", 1, 5),
    tile("NM", "New Mexico", 2, 5),
    tile("KS", "Kansas", 3, 5),
    tile("AR", "Arkansas", 4, 5),
    tile("TN", "Tennessee", 5, 5),
    tile("NC", "North Carolina", 6, 5),
    tile("SC", "South Carolina", 7, 5),
    tile("DC", "District of Columbia", 8, 5),
    tile("OK", "Oklahoma", 3, 6),
    tile("LA", "Louisiana", 4, 6),
    tile("MS", "Mississippi", 5, 6),
    tile("AL", "Alabama", 6, 6),
    tile("GA", "Georgia", 7, 6),
    tile("HI", "Hawaii", 0, 7),
    tile("TX", "Texas", 3, 7),
    tile("FL", "Florida", 8, 7),
];

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn every_state_and_dc_has_one_square_of_its_own() {
        let codes: HashSet<&str> = TILES.iter().map(|t| t.code).collect();
        let places: HashSet<(u8, u8)> = TILES.iter().map(|t| (t.col, t.row)).collect();
        assert_eq!(codes.len(), 51);
        assert_eq!(places.len(), 51);
        assert!(TILES.iter().all(|t| t.col < GRID.0 && t.row < GRID.1));
    }

    #[test]
    fn the_guides_states_are_on_the_map() {
        let guide = crate::data::shipped_guide();
        for state in &guide.states {
            let tile = TILES
                .iter()
                .find(|t| t.code == state.code)
                .expect("state on the map");
            assert_eq!(tile.name, state.name);
        }
    }
}
