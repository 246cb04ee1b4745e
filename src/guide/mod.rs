//! The guide: every section of the source, rendered from the data file.

pub mod address;
pub mod blocks;
mod comparison;
mod header;
pub mod model;
mod page;
mod scroll;
mod section;
mod toc;

pub use model::table_of_contents;
pub use page::{provide_guide, GuidePage};
pub use scroll::{
    follow_reading_position, keep_in_page_links_in_page, location_hash, scroll_to_hash_target,
};
pub use section::{live_parts, GuideSection, LivePart};
pub use toc::TableOfContents;
