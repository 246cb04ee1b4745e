//! Decodes guide data files with the app's own decoder and prints one verdict a file, as a line
//! of JSON, for `scripts/check-data.mjs` (`make check-data`), which checks the schema first:
//!
//!   check-data <file>...
//!   {"file": "public/data/guides/x.json", "ok": true}
//!   {"file": "…", "ok": false, "kind": "syntax"|"shape"|"invalid"|"unreadable",
//!    "field": "sections[3].blocks[0].text" or null, "line": 2 or null, "column": 7 or null,
//!    "message": "…"}
//!
//! Exits with 0 whatever the verdicts, 1 only when a file cannot be read, 2 without files.
//!
//! Native only: the wasm build of the app never contains it.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    let files: Vec<String> = std::env::args().skip(1).collect();
    if files.is_empty() {
        eprintln!("usage: check-data <file>...");
        return std::process::ExitCode::from(2);
    }
    let mut unreadable = false;
    for file in &files {
        let line = match std::fs::read(file) {
            Ok(bytes) => verdict(file, &bytes),
            Err(error) => {
                unreadable = true;
                failure(file, "unreadable", None, None, &error.to_string())
            }
        };
        println!("{line}");
    }
    if unreadable {
        std::process::ExitCode::FAILURE
    } else {
        std::process::ExitCode::SUCCESS
    }
}

/// The verdict line of a file whose bytes were read.
#[cfg(not(target_arch = "wasm32"))]
fn verdict(file: &str, bytes: &[u8]) -> String {
    use career_guide::data::{decode_guide, Problem};

    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(error) => {
            let (line, column) = position(&bytes[..error.valid_up_to()]);
            let message = "the file is not UTF-8 text";
            return failure(file, "syntax", None, Some((line, column)), message);
        }
    };
    let Err(error) = decode_guide(file, text) else {
        return format!("{{\"file\": {}, \"ok\": true}}", quoted(file));
    };
    match &error.problem {
        Problem::Syntax {
            line,
            column,
            message,
        } => failure(file, "syntax", None, Some((*line, *column)), message),
        Problem::Shape { field, message } => {
            failure(file, "shape", Some(field.as_str()), None, message)
        }
        Problem::Invalid { field, message } => {
            failure(file, "invalid", Some(field.as_str()), None, message)
        }
        // Network failures: decode_guide never gives them.
        Problem::Unreachable(_) | Problem::Status { .. } => {
            failure(file, "unreadable", None, None, &error.to_string())
        }
    }
}

/// The line and column (1-based, in characters) just after `valid`, the UTF-8 text before a bad
/// byte.
#[cfg(not(target_arch = "wasm32"))]
fn position(valid: &[u8]) -> (usize, usize) {
    let text = std::str::from_utf8(valid).unwrap_or_default();
    let line_start = text.rfind('\n').map_or(0, |newline| newline + 1);
    (
        1 + text.matches('\n').count(),
        1 + text[line_start..].chars().count(),
    )
}

/// The verdict line of a file that did not decode.
#[cfg(not(target_arch = "wasm32"))]
fn failure(
    file: &str,
    kind: &str,
    field: Option<&str>,
    at: Option<(usize, usize)>,
    message: &str,
) -> String {
    let number = |n: Option<usize>| n.map_or_else(|| "null".to_owned(), |n| n.to_string());
    format!(
        "{{\"file\": {}, \"ok\": false, \"kind\": {}, \"field\": {}, \"line\": {}, \"column\": {}, \
         \"message\": {}}}",
        quoted(file),
        quoted(kind),
        field.map_or_else(|| "null".to_owned(), quoted),
        number(at.map(|(line, _)| line)),
        number(at.map(|(_, column)| column)),
        quoted(message),
    )
}

/// A string as a JSON string literal.
#[cfg(not(target_arch = "wasm32"))]
fn quoted(text: &str) -> String {
    serde_json::Value::from(text).to_string()
}

#[cfg(target_arch = "wasm32")]
fn main() {}
