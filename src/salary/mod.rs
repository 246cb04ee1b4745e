//! Salary by state: the ranked rows and their table (the interactive chart will live here).

pub mod model;
mod table;

pub use table::StateSalaryTable;
