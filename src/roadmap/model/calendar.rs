//! The plan as a calendar file (RFC 5545): one all-day event per roadmap step on the day the
//! pace planner gives it as a target, with a reminder a week before and the step's unfinished
//! items in its description. Pure: the caller gives the time stamp.

use super::checklist::Checklist;
use super::date::Date;
use super::document::ProgressDoc;
use super::planner::plan;

/// Where the event ids live: a step's event keeps its id from one download to the next, so a
/// calendar that imports the file again updates the events instead of adding copies.
const UID_DOMAIN: &str = "roadmap.career-guide";

/// The calendar's name, as calendar apps show it.
const CALENDAR_NAME: &str = "Infrastructure Engineer roadmap";

/// Why there is no calendar to write yet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NoCalendar {
    /// The pace planner has no start date, so no step has a target date.
    NoPlan,
    /// No step of the roadmap has a duration to plan with.
    NoTimedStep,
}

impl NoCalendar {
    /// The reason, as the disabled button explains it.
    pub fn reason(&self) -> &'static str {
        match self {
            NoCalendar::NoPlan => {
                "Set a start date in the pace planner first: the calendar holds each step's target date."
            }
            NoCalendar::NoTimedStep => "No step of the roadmap has a duration to plan with.",
        }
    }
}

/// The `.ics` text for the plan in `doc`; `now_ms` (Unix milliseconds) stamps it.
pub fn write_calendar(
    checklist: &Checklist,
    doc: &ProgressDoc,
    now_ms: u64,
) -> Result<String, NoCalendar> {
    let planner = doc.planner.as_ref().ok_or(NoCalendar::NoPlan)?;
    let today = Date::from_unix_ms(now_ms);
    let plans = plan(checklist, planner, doc, today);
    let stamp = utc_stamp(now_ms);
    let sequence = revision(now_ms);
    let mut lines = vec![
        "BEGIN:VCALENDAR".to_owned(),
        "VERSION:2.0".to_owned(),
        "PRODID:-//career-guide//Infrastructure Engineer roadmap//EN".to_owned(),
        "CALSCALE:GREGORIAN".to_owned(),
        "METHOD:PUBLISH".to_owned(),
        format!("X-WR-CALNAME:{}", escape_text(CALENDAR_NAME)),
    ];
    let mut events = 0;
    for (number, (step, step_plan)) in checklist.steps.iter().zip(&plans).enumerate() {
        let Some(target) = step_plan.target else {
            continue;
        };
        events += 1;
        let open: Vec<String> = step
            .items
            .iter()
            .filter(|item| !doc.state(&item.id).is_settled())
            .map(|item| {
                let name = item.term.as_deref().unwrap_or(&item.text);
                format!("- {name}")
            })
            .collect();
        let description = if open.is_empty() {
            format!("Step {}: every item is settled.", number + 1)
        } else {
            format!(
                "Step {}: still open ({} of {}):\n{}",
                number + 1,
                open.len(),
                step.items.len(),
                open.join("\n")
            )
        };
        let summary = format!("Roadmap step {}: {}", number + 1, step.title);
        lines.extend([
            "BEGIN:VEVENT".to_owned(),
            format!("UID:step-{}@{UID_DOMAIN}", uid_part(&step.id)),
            format!("DTSTAMP:{stamp}"),
            format!("SEQUENCE:{sequence}"),
            format!("DTSTART;VALUE=DATE:{}", ics_date(target)),
            format!("DTEND;VALUE=DATE:{}", ics_date(target.add_days(1))),
            format!("SUMMARY:{}", escape_text(&summary)),
            format!("DESCRIPTION:{}", escape_text(&description)),
            "TRANSP:TRANSPARENT".to_owned(),
            "BEGIN:VALARM".to_owned(),
            "ACTION:DISPLAY".to_owned(),
            format!(
                "DESCRIPTION:{}",
                escape_text(&format!("A week to go: {summary}"))
            ),
            "TRIGGER:-P7D".to_owned(),
            "END:VALARM".to_owned(),
            "END:VEVENT".to_owned(),
        ]);
    }
    if events == 0 {
        return Err(NoCalendar::NoTimedStep);
    }
    lines.push("END:VCALENDAR".to_owned());
    Ok(lines.iter().map(|line| fold(line)).collect::<String>())
}

/// The events' revision (`SEQUENCE`) for a file made at `ms`: the minutes since 1970, so that
/// each later download is a newer revision of the same events, which a calendar that already
/// holds them applies (RFC 5546); a signed 32-bit INTEGER until the year 6053.
fn revision(ms: u64) -> u64 {
    (ms / 60_000).min(i32::MAX as u64)
}

/// `date` as an iCalendar DATE (`20270301`).
fn ics_date(date: Date) -> String {
    format!("{:04}{:02}{:02}", date.year, date.month, date.day)
}

/// `ms` as an iCalendar UTC DATE-TIME (`20261130T130501Z`).
fn utc_stamp(ms: u64) -> String {
    let date = Date::from_unix_ms(ms);
    let seconds = (ms / 1000) % 86_400;
    format!(
        "{}T{:02}{:02}{:02}Z",
        ics_date(date),
        seconds / 3600,
        seconds / 60 % 60,
        seconds % 60
    )
}

/// A step id made safe for a UID: letters, digits, `-` and `_` kept, anything else as `_`.
fn uid_part(id: &str) -> String {
    id.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect()
}

/// A TEXT value escaped (RFC 5545 3.3.11): backslash, semicolon, comma and line breaks.
pub fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// One content line folded (RFC 5545 3.1): at most 75 octets a line, never inside a UTF-8
/// character, each continuation starting with a space; every line ends with CRLF.
pub fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + line.len() / 70 * 3 + 2);
    let mut octets = 0;
    for c in line.chars() {
        let width = c.len_utf8();
        // The first line holds 75 octets; a continuation holds 74 after its space.
        if octets + width > 75 {
            out.push_str("\r\n ");
            octets = 1;
        }
        out.push(c);
        octets += width;
    }
    out.push_str("\r\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::shipped_guide;
    use crate::roadmap::model::{ItemProgress, ItemState, Planner};

    fn checklist() -> Checklist {
        Checklist::from_guide(&shipped_guide())
    }

    /// 2026-11-30 13:05:01 UTC.
    const NOW: u64 = 1_796_043_901_000;

    fn planned(doc: &mut ProgressDoc) {
        doc.planner = Some(Planner {
            start: Date::new(2027, 1, 4).unwrap(),
            hours_per_week: 10,
        });
    }

    /// The unfolded content lines.
    fn lines(ics: &str) -> Vec<String> {
        ics.replace("\r\n ", "")
            .split("\r\n")
            .filter(|line| !line.is_empty())
            .map(str::to_owned)
            .collect()
    }

    #[test]
    fn without_a_start_date_there_is_no_calendar_and_the_reason_says_why() {
        let error = write_calendar(&checklist(), &ProgressDoc::new(), NOW).unwrap_err();
        assert_eq!(error, NoCalendar::NoPlan);
        assert!(error.reason().contains("start date"));
    }

    #[test]
    fn each_timed_step_is_an_all_day_event_at_its_target_with_a_reminder_a_week_before() {
        let checklist = checklist();
        let mut doc = ProgressDoc::new();
        planned(&mut doc);
        let ics = write_calendar(&checklist, &doc, NOW).unwrap();
        let lines = lines(&ics);
        assert_eq!(lines.first().map(String::as_str), Some("BEGIN:VCALENDAR"));
        assert_eq!(lines.last().map(String::as_str), Some("END:VCALENDAR"));
        let plans = plan(
            &checklist,
            doc.planner.as_ref().unwrap(),
            &doc,
            Date::from_unix_ms(NOW),
        );
        let timed: Vec<_> = plans.iter().filter_map(|p| p.target).collect();
        assert!(!timed.is_empty());
        assert_eq!(
            lines.iter().filter(|l| *l == "BEGIN:VEVENT").count(),
            timed.len()
        );
        assert_eq!(
            lines.iter().filter(|l| *l == "TRIGGER:-P7D").count(),
            timed.len()
        );
        for target in &timed {
            assert!(lines.contains(&format!("DTSTART;VALUE=DATE:{}", ics_date(*target))));
        }
        assert!(lines
            .iter()
            .all(|l| l != "DTSTAMP:"
                && (!l.starts_with("DTSTAMP:") || l == "DTSTAMP:20261130T130501Z")));
        assert!(ics.ends_with("END:VCALENDAR\r\n"));
        assert!(
            !ics.replace("\r\n", "").contains('\n'),
            "bare line feeds only inside escapes"
        );
    }

    #[test]
    fn uids_stay_the_same_from_one_download_to_the_next() {
        let checklist = checklist();
        let mut doc = ProgressDoc::new();
        planned(&mut doc);
        let uids = |ics: &str| -> Vec<String> {
            lines(ics)
                .into_iter()
                .filter(|l| l.starts_with("UID:"))
                .collect()
        };
        let first = uids(&write_calendar(&checklist, &doc, NOW).unwrap());
        let item = checklist.steps[0].items[0].id.clone();
        doc.items.insert(
            item,
            ItemProgress {
                state: ItemState::Done,
                note: String::new(),
                updated_at: NOW,
            },
        );
        let later = uids(&write_calendar(&checklist, &doc, NOW + 86_400_000).unwrap());
        assert_eq!(first, later);
        let unique: std::collections::BTreeSet<_> = first.iter().collect();
        assert_eq!(unique.len(), first.len());
    }

    #[test]
    fn a_later_download_is_a_newer_revision_of_each_event() {
        // Calendars apply an event they already hold only when its SEQUENCE is higher (RFC 5546).
        let checklist = checklist();
        let mut doc = ProgressDoc::new();
        planned(&mut doc);
        let sequences = |now: u64| -> Vec<u64> {
            lines(&write_calendar(&checklist, &doc, now).unwrap())
                .iter()
                .filter_map(|l| l.strip_prefix("SEQUENCE:"))
                .map(|n| n.parse().unwrap())
                .collect()
        };
        let first = sequences(NOW);
        let events = lines(&write_calendar(&checklist, &doc, NOW).unwrap())
            .iter()
            .filter(|l| *l == "BEGIN:VEVENT")
            .count();
        assert_eq!(first.len(), events);
        let later = sequences(NOW + 60_000);
        assert!(first.iter().zip(&later).all(|(a, b)| a < b));
        // An INTEGER of RFC 5545 (a signed 32-bit value), for thousands of years.
        assert!(sequences(u64::from(u32::MAX) * 1000 * 60)
            .iter()
            .all(|&n| n <= i32::MAX as u64));
    }

    #[test]
    fn the_description_lists_only_the_unfinished_items() {
        let checklist = checklist();
        let number = checklist
            .steps
            .iter()
            .position(|step| step.months.is_some())
            .unwrap();
        let step = &checklist.steps[number];
        let mut doc = ProgressDoc::new();
        planned(&mut doc);
        let done = &step.items[0];
        doc.items.insert(
            done.id.clone(),
            ItemProgress {
                state: ItemState::Done,
                note: String::new(),
                updated_at: NOW,
            },
        );
        let ics = write_calendar(&checklist, &doc, NOW).unwrap();
        let heading = format!("DESCRIPTION:Step {}:", number + 1);
        let description = lines(&ics)
            .into_iter()
            .find(|l| l.starts_with(&heading))
            .unwrap();
        let name = |item: &crate::roadmap::model::ChecklistItem| {
            escape_text(item.term.as_deref().unwrap_or(&item.text))
        };
        assert!(!description.contains(&name(done)), "{description}");
        assert!(description.contains(&name(&step.items[1])));
        assert!(description.contains(&format!(
            "({} of {})",
            step.items.len() - 1,
            step.items.len()
        )));
    }

    #[test]
    fn text_is_escaped_and_lines_are_folded_at_75_octets_between_characters() {
        assert_eq!(escape_text("a;b,c\\d\ne\r"), "a\\;b\\,c\\\\d\\ne");
        let long = format!("SUMMARY:{}", "é".repeat(60));
        let folded = fold(&long);
        for line in folded.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(line.len() <= 75, "{} octets", line.len());
        }
        assert_eq!(folded.replace("\r\n ", ""), format!("{long}\r\n"));
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn folding_keeps_every_character_and_no_line_is_longer_than_75_octets(text in "\\PC{0,300}") {
            let line = format!("DESCRIPTION:{}", escape_text(&text));
            let folded = fold(&line);
            prop_assert!(folded.ends_with("\r\n"));
            for part in folded.trim_end_matches("\r\n").split("\r\n") {
                prop_assert!(part.len() <= 75);
            }
            prop_assert_eq!(folded.trim_end_matches("\r\n").replace("\r\n ", ""), line);
        }

        #[test]
        fn escaped_text_has_no_bare_separators(text in "[a-z;,\\\\\n ]{0,80}") {
            let escaped = escape_text(&text);
            let mut chars = escaped.chars();
            while let Some(c) = chars.next() {
                if c == '\\' {
                    let next = chars.next();
                    prop_assert!(matches!(next, Some('\\' | ';' | ',' | 'n')));
                } else {
                    prop_assert!(c != ';' && c != ',' && c != '\n');
                }
            }
        }
    }
}
