//! Small browser services shared by the features: saving files, reading the clock, yielding
//! to the browser, and reporting a failure to the page.

pub mod clock;
pub mod failure;
pub mod files;
pub mod tasks;
