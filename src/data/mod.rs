//! The content: its types, decoding and validation, derived figures, and fetching.

mod decode;
mod error;
mod figures;
mod load;
mod types;

pub use decode::decode_guide;
pub use error::{DataError, Problem};
pub use figures::{format_count, format_dollars, format_signed_percent, percent_difference};
pub use load::{fetch_guide, GUIDE_URL};
pub use types::*;
