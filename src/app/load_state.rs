//! Where the app is in loading its data.

use std::sync::Arc;

use crate::data::{DataError, Fetched, Guide};

/// The app's data: still on its way, ready (with the content tag of its file), or failed with
/// the reason.
#[derive(Debug, Clone)]
pub enum LoadState {
    Loading,
    Ready { guide: Arc<Guide>, tag: String },
    Failed(DataError),
}

impl From<Result<Fetched, DataError>> for LoadState {
    fn from(result: Result<Fetched, DataError>) -> Self {
        match result {
            Ok(Fetched { guide, tag }) => Self::Ready {
                guide: Arc::new(guide),
                tag,
            },
            Err(error) => Self::Failed(error),
        }
    }
}
