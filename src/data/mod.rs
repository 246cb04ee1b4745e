//! The content: its types, decoding and validation, derived figures, and fetching.

mod content_tag;
mod decode;
mod error;
mod figures;
mod json;
mod load;
mod types;

pub use content_tag::content_tag;
pub use decode::decode_guide;
pub use error::{DataError, Problem};
pub use figures::{format_count, format_dollars, format_signed_percent, percent_difference};
pub use json::{parse as parse_json, JsonError};
pub use load::{fetch_guide, guide_url, slug_of, Fetched, GUIDES_DIR};
pub use types::*;

/// The shipped data file, decoded: the fixture of the models' unit tests.
#[cfg(test)]
pub fn shipped_guide() -> Guide {
    decode_guide(
        "guide.json",
        include_str!("../../public/data/guides/infrastructure-engineer.json"),
    )
    .expect("the shipped data file decodes")
}
