//! Build-time rendering: the guide written into the built `index.html`, so it is read before
//! (and without) the wasm; the page's start script; the names the page's JavaScript shares with
//! the app. The app's side of that page (adopting or replacing it) is `crate::takeover`.
//!
//! The HTML comes from the same components and data file the app renders at run time.

pub mod head;
pub mod page;
pub mod preview;
#[cfg(not(target_arch = "wasm32"))]
pub mod render;
pub mod shared_names;
pub mod start;
pub mod structured;

pub use page::{
    insert_prerendered, PrerenderError, ShownGuide, BUILT_FROM_ATTRIBUTE, GUIDE_FILE_ATTRIBUTE,
    PENDING_ACTS_ATTRIBUTE, PRERENDERED_ID, PROGRESS_HEIR_ATTRIBUTE,
};
pub use start::{inline_stylesheets, start_on_demand, StartError};
