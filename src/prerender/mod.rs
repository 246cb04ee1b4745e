//! Build-time rendering: the guide written into the built `index.html`, so it is read before
//! (and without) the wasm, and the app's takeover of that HTML once it has loaded.
//!
//! The HTML comes from the same components and data file the app renders at run time.

pub mod page;
#[cfg(not(target_arch = "wasm32"))]
pub mod render;
mod section_layout;
pub mod shared_names;
pub mod stagger;
pub mod start;
mod static_copy;
pub mod takeover;

pub use page::{insert_prerendered, PrerenderError, PRERENDERED_ID};
pub use stagger::{in_turn, page_on_screen, Stagger};
pub use start::{inline_stylesheets, start_on_demand, StartError};
