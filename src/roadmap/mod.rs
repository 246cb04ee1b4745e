//! The roadmap checklist: the guide's six steps as a personal plan kept in this browser, with
//! notes, a pace planner, export and import, reset with Undo, and sync between tabs.

mod calendar_button;
mod checklist;
mod compression;
mod context;
mod edits;
mod item_row;
pub mod model;
mod notices;
mod planner_view;
mod progress_meter;
mod share_dialog;
mod step_card;
pub mod storage;
mod timeline_view;
mod tool_panels;
mod tool_requests;
mod tools;

pub use checklist::{RoadmapChecklist, STEP_LIST};
