//! Small views shared by the features, so that no feature takes them from another's views.

mod copy_field;
mod fill;
mod note_box;

pub use copy_field::CopyField;
pub use fill::filler;
pub use note_box::NoteBox;
