//! The app shell: loading the data once and showing the page, a placeholder or the error.

mod load_error;
mod load_state;
mod loading;
mod root;

pub use load_state::LoadState;
pub use root::App;
