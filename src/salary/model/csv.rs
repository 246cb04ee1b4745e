//! The CSV download: UTF-8 with a byte-order mark (so spreadsheets read it as UTF-8), a header
//! row, one row per state in the order shown, and the source.

use super::rows::StateFigures;

/// The CSV text for these rows; `source` is written on a line of its own after a blank line.
pub fn write_csv(rows: &[StateFigures], national_median: u32, source: &str) -> String {
    let mut out = String::from('\u{FEFF}');
    out.push_str("State,Code,Median salary (USD),Employed,Difference from national median (%)\r\n");
    for row in rows {
        let fields = [
            escape(&row.name),
            escape(&row.code),
            row.salary.to_string(),
            row.employed.to_string(),
            row.difference.to_string(),
        ];
        out.push_str(&fields.join(","));
        out.push_str("\r\n");
    }
    out.push_str(&format!("National median,US,{national_median},,0\r\n"));
    out.push_str("\r\n");
    out.push_str(&escape(&format!("Source: {source}")));
    out.push_str("\r\n");
    out
}

/// Quotes a field that holds a comma, quote or line break, doubling its quotes (RFC 4180).
/// A leading =, +, - or @ is prefixed with ' so spreadsheets do not run it as a formula.
fn escape(field: &str) -> String {
    let field = if field.starts_with(['=', '+', '-', '@']) {
        format!("'{field}")
    } else {
        field.to_owned()
    };
    if field.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(name: &str) -> StateFigures {
        StateFigures {
            code: "XX".into(),
            name: name.into(),
            salary: 100_000,
            employed: 1_000,
            difference: -5,
            value: 100_000.0,
            rank: 1,
            source_index: 0,
        }
    }

    #[test]
    fn starts_with_a_bom_and_a_header() {
        let csv = write_csv(&[row("Texas")], 95_360, "BLS OES (2025)");
        assert!(csv.starts_with("\u{FEFF}State,Code,Median salary (USD),"));
        let lines: Vec<&str> = csv.trim_start_matches('\u{FEFF}').split("\r\n").collect();
        assert_eq!(lines[1], "Texas,XX,100000,1000,-5");
        assert_eq!(lines[2], "National median,US,95360,,0");
        assert_eq!(lines[3], "");
        assert_eq!(lines[4], "Source: BLS OES (2025)");
    }

    #[test]
    fn commas_quotes_and_line_breaks_are_quoted() {
        assert_eq!(escape("plain"), "plain");
        assert_eq!(escape("a,b"), "\"a,b\"");
        assert_eq!(escape("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(escape("two\nlines"), "\"two\nlines\"");
        assert_eq!(escape("=1+1"), "'=1+1");
    }

    #[test]
    fn the_source_line_is_escaped_too() {
        let csv = write_csv(&[], 1, "BLS, OES");
        assert!(csv.ends_with("\"Source: BLS, OES\"\r\n"));
    }
}
