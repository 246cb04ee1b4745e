//! The roadmap checklist: the guide's six steps as a personal plan kept in this browser.

pub mod model;
