//! What can go wrong when loading a data file, said so that a reader knows which file and field.

use std::fmt;

/// A data file that could not be loaded, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataError {
    /// The file as requested, e.g. `data/guides/infrastructure-engineer.json`.
    pub file: String,
    pub problem: Problem,
}

/// The kinds of failure, from the network to the content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// The request never got an answer (offline, refused, blocked).
    Unreachable(String),
    /// The server answered with an error status.
    Status { code: u16, text: String },
    /// The body is not JSON.
    Syntax {
        line: usize,
        column: usize,
        message: String,
    },
    /// The JSON does not have the expected shape; `field` is the path to the culprit.
    Shape { field: String, message: String },
    /// The JSON has the right shape but breaks a rule of the content.
    Invalid { field: String, message: String },
}

impl DataError {
    /// A short heading for the error view.
    pub fn headline(&self) -> &'static str {
        match self.problem {
            Problem::Unreachable(_) => "The guide's data could not be reached",
            Problem::Status { .. } => "The guide's data file is missing on the server",
            Problem::Syntax { .. } | Problem::Shape { .. } | Problem::Invalid { .. } => {
                "The guide's data file is damaged"
            }
        }
    }
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let file = &self.file;
        match &self.problem {
            Problem::Unreachable(why) => write!(f, "{file} could not be fetched: {why}"),
            Problem::Status { code, text } => {
                write!(f, "{file}: the server answered {code} {text}")
            }
            Problem::Syntax {
                line,
                column,
                message,
            } => write!(
                f,
                "{file} is not valid JSON (line {line}, column {column}): {message}"
            ),
            Problem::Shape { field, message } | Problem::Invalid { field, message } => {
                write!(f, "{file}, field {field}: {message}")
            }
        }
    }
}
