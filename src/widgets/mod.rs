//! Small views shared by the features, so that no feature takes them from another's views.

mod fill;
mod note_box;

pub use fill::filler;
pub use note_box::NoteBox;
