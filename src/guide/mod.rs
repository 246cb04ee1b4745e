//! The guide: every section of the source, rendered from the data file.

pub mod blocks;
mod comparison;
mod header;
pub mod model;
mod page;
mod scroll;
mod section;
mod toc;

pub use page::GuidePage;
pub use section::GuideSection;
