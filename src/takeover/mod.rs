//! The app taking over the page rendered at build time (`crate::prerender`). Browser-only; the
//! app (`app/`) chooses how, and the features never know:
//! - the fetched data file is the one the page was built from (the same content tag): the app
//!   adopts the static page and builds only its live parts ([`AdoptedPage`]);
//! - it differs (new data deployed without rebuilding the page): the app builds the whole page
//!   from the fetched data, out of sight and a part per task, and swaps it in ([`rebuilt_page`], a part of the app fetched only then).
//!
//! Either way the reader keeps their place and focus, and what they pressed in the static page
//! before the app was in charge is done once it is (`first_acts`).

mod adopt;
mod first_acts;
pub mod places;
mod rebuild;
mod section_layout;
mod stand_ins;
mod static_copy;

pub use adopt::AdoptedPage;
pub use rebuild::rebuilt_page;
pub use static_copy::{
    built_from, discard_prerendered, guide_file, page_is_prerendered, progress_heir,
};
