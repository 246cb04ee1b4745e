//! Small browser services shared by the features: saving files, reading the clock, yielding
//! to the browser, reporting a failure to the page, and holding callbacks for a scope's life.

pub mod clock;
pub mod failure;
pub mod files;
pub mod lifetime;
pub mod tasks;
