//! Salary by state: an interactive chart, table and map of the states' median salary and
//! employment against the national median, with downloads and a shareable URL.

mod bar_chart;
mod browser;
mod context;
mod controls;
mod data_table;
mod downloads;
mod explorer;
mod interaction;
pub mod model;
mod tile_map;
mod tooltip;

pub use explorer::SalaryExplorer;
