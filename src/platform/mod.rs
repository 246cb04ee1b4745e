//! Small browser services shared by the features: saving files and reading the clock.

pub mod clock;
pub mod files;
