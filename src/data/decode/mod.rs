//! Turns the data file's text into a [`Guide`], rejecting anything the views could not show.
//!
//! The text is parsed into a `serde_json::Value` and read by hand ([`guide`]) rather than through
//! `#[derive(Deserialize)]`: the derived code was among the largest in the wasm, and the roadmap
//! already needs `Value`'s parser. [`strict`] refuses repeated keys, as the derived code did.

mod block;
mod fields;
mod guide;
pub(crate) mod strict;
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
    let value = strict::parse(text).map_err(|error| {
        fail(Problem::Syntax {
            line: error.line(),
            column: error.column(),
            message: without_position(&error.to_string()),
        })
    })?;
    let guide = guide::guide(&value).map_err(fail)?;
    validate::validate(&guide)
        .map_err(|(field, message)| fail(Problem::Invalid { field, message }))?;
    Ok(guide)
}

/// serde_json appends " at line L column C"; the problem carries the position on its own.
fn without_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(cut) => message[..cut].to_owned(),
        None => message.to_owned(),
    }
}
