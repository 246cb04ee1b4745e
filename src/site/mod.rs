//! The site: every guide in `public/data/guides/`, each at its own address, and, with two or
//! more, an index of them at the root. The plan of the pages is pure (`plan.rs`); the index is a
//! view like the guide's (`index_page.rs`), rendered at build time, to which the app adds the
//! reader's progress (`progress.rs`).

pub mod index_page;
pub mod plan;
pub mod progress;

pub use index_page::{GuideIndex, IndexEntry};
pub use plan::{plan_site, Root, SiteError, SitePlan};
