//! Where the app is in loading its data.

use std::sync::Arc;

use crate::data::{DataError, Guide};

/// The app's data: still on its way, ready, or failed with the reason.
#[derive(Debug, Clone)]
pub enum LoadState {
    Loading,
    Ready(Arc<Guide>),
    Failed(DataError),
}

impl From<Result<Guide, DataError>> for LoadState {
    fn from(result: Result<Guide, DataError>) -> Self {
        match result {
            Ok(guide) => Self::Ready(Arc::new(guide)),
            Err(error) => Self::Failed(error),
        }
    }
}
