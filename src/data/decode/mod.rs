//! Turns the data file's text into a [`Guide`], rejecting anything the views could not show.
//!
//! The text is parsed into a `serde_json::Value` ([`crate::data::parse_json`], which refuses
//! repeated keys) and read by hand ([`guide`]) rather than through `#[derive(Deserialize)]`: the
//! derived code would be among the largest in the wasm.

mod block;
mod fields;
mod guide;
mod validate;

#[cfg(test)]
mod tests;

use super::error::{DataError, Problem};
use super::types::Guide;

/// Decodes and validates the guide data; `file` names the file in error messages.
pub fn decode_guide(file: &str, text: &str) -> Result<Guide, DataError> {
    let fail = |problem| DataError {
        file: file.to_owned(),
        problem,
    };
    let value = super::parse_json(text).map_err(|error| {
        fail(Problem::Syntax {
            line: error.line,
            column: error.column,
            message: error.message,
        })
    })?;
    let guide = guide::guide(&value).map_err(fail)?;
    validate::validate(&guide)
        .map_err(|(field, message)| fail(Problem::Invalid { field, message }))?;
    Ok(guide)
}
