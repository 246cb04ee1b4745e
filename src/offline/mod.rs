//! Offline use: the service worker's registration, its update prompt and the offline status.

mod banner;
pub mod model;
mod worker;

pub use banner::OfflineBanner;
