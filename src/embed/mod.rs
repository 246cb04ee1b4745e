//! Embedding: the chart, the checklist or the guide shown alone inside another site's page,
//! sized to fit, and the Embed dialog that hands out the snippets.

mod dialog;
pub mod host;
pub mod model;
mod view;

pub use dialog::{provide_embed_dialog, EmbedButton, EmbedDialog};
pub use view::EmbeddedPart;
