//! Small browser services shared by the features: saving files, reading the clock and
//! yielding to the browser.

pub mod clock;
pub mod files;
pub mod tasks;
