//! The plan as a calendar file (RFC 5545): one all-day event per roadmap step on the day the
//! pace planner gives it as a target, with a reminder a week before and the step's unfinished
//! items in its description. Pure: the caller gives the time stamp.

use super::checklist::Checklist;
use super::date::Date;
use super::document::{CalendarFile, ProgressDoc};
use super::planner::plan;

/// Where the event ids live, after the guide's and the reader's names: a step's event keeps its
/// id from one of this reader's downloads to the next, so a calendar that imports the file again
/// updates the events instead of adding copies; another reader's or another guide's never
/// collide with them.
const UID_DOMAIN: &str = "roadmap.career-guide";

/// Why there is no calendar to write yet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NoCalendar {
    /// The pace planner has no start date, so no step has a target date.
    NoPlan,
    /// No step of the roadmap has a duration to plan with.
    NoTimedStep,
    /// A target date falls outside the years 1 to 9999, which calendar files cannot hold.
    OutOfRange,
}

impl NoCalendar {
    /// The reason, as the disabled button explains it.
    pub fn reason(&self) -> &'static str {
        match self {
            NoCalendar::NoPlan => {
                "Set a start date in the pace planner first: the calendar holds each step's target date."
            }
            NoCalendar::NoTimedStep => "No step of the roadmap has a duration to plan with.",
            NoCalendar::OutOfRange => {
                "The plan's dates run past the year 9999, which calendar files cannot hold: choose an earlier start date."
            }
        }
    }
}

/// Why the plan in `doc` cannot be a calendar file on `today`, if it cannot.
pub fn calendar_problem(
    checklist: &Checklist,
    doc: &ProgressDoc,
    today: Date,
) -> Option<NoCalendar> {
    if !checklist.steps.iter().any(|step| step.months.is_some()) {
        return Some(NoCalendar::NoTimedStep);
    }
    let planner = doc.planner.as_ref()?;
    let plans = plan(checklist, planner, doc, today);
    let fits = |date: Date| (1..=9999).contains(&date.year);
    plans
        .iter()
        .filter_map(|step| step.target)
        .any(|target| !fits(target) || !fits(target.add_days(1)))
        .then_some(NoCalendar::OutOfRange)
}

/// The `.ics` text for the plan in `doc`, as this reader's `file` (its id and revision);
/// `now_ms` (Unix milliseconds) stamps it.
pub fn write_calendar(
    checklist: &Checklist,
    doc: &ProgressDoc,
    file: &CalendarFile,
    now_ms: u64,
) -> Result<String, NoCalendar> {
    let planner = doc.planner.as_ref().ok_or(NoCalendar::NoPlan)?;
    let today = Date::from_unix_ms(now_ms);
    if let Some(problem) = calendar_problem(checklist, doc, today) {
        return Err(problem);
    }
    let plans = plan(checklist, planner, doc, today);
    let stamp = utc_stamp(now_ms);
    let sequence = file.sequence;
    let owner = format!("{}-{}", uid_part(&file.id), uid_part(&checklist.guide));
    let mut lines = vec![
        "BEGIN:VCALENDAR".to_owned(),
        "VERSION:2.0".to_owned(),
        format!(
            "PRODID:-//career-guide//{} roadmap//EN",
            escape_text(&checklist.role)
        ),
        "CALSCALE:GREGORIAN".to_owned(),
        "METHOD:PUBLISH".to_owned(),
        // The calendar's name, as calendar apps show it.
        format!(
            "X-WR-CALNAME:{}",
            escape_text(&format!("{} roadmap", checklist.role))
        ),
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
            format!("UID:step-{}-{owner}@{UID_DOMAIN}", uid_part(&step.id)),
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

    /// A reader's first calendar file.
    fn reader() -> CalendarFile {
        CalendarFile {
            sequence: 1,
            id: "r1".into(),
        }
    }

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
        let error = write_calendar(&checklist(), &ProgressDoc::new(), &reader(), NOW).unwrap_err();
        assert_eq!(error, NoCalendar::NoPlan);
        assert!(error.reason().contains("start date"));
    }

    #[test]
    fn each_timed_step_is_an_all_day_event_at_its_target_with_a_reminder_a_week_before() {
        let checklist = checklist();
        let mut doc = ProgressDoc::new();
        planned(&mut doc);
        let ics = write_calendar(&checklist, &doc, &reader(), NOW).unwrap();
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
        let first = uids(&write_calendar(&checklist, &doc, &reader(), NOW).unwrap());
        let item = checklist.steps[0].items[0].id.clone();
        doc.items.insert(
            item,
            ItemProgress {
                state: ItemState::Done,
                note: String::new(),
                updated_at: NOW,
            },
        );
        let later = uids(&write_calendar(&checklist, &doc, &reader(), NOW + 86_400_000).unwrap());
        assert_eq!(first, later);
        let unique: std::collections::BTreeSet<_> = first.iter().collect();
        assert_eq!(unique.len(), first.len());
    }

    #[test]
    fn every_download_is_a_newer_revision_of_each_event_even_in_the_same_second() {
        // Calendars apply an event they already hold only when its SEQUENCE is higher (RFC 5546).
        let checklist = checklist();
        let mut doc = ProgressDoc::new();
        planned(&mut doc);
        let download = |doc: &mut ProgressDoc| -> Vec<u64> {
            let file = doc.next_calendar(|| "r1".into(), NOW);
            lines(&write_calendar(&checklist, doc, &file, NOW).unwrap())
                .iter()
                .filter_map(|l| l.strip_prefix("SEQUENCE:"))
                .map(|n| n.parse().unwrap())
                .collect()
        };
        let first = download(&mut doc);
        let second = download(&mut doc);
        assert!(!first.is_empty());
        assert!(first.iter().zip(&second).all(|(a, b)| a < b));
        // An INTEGER of RFC 5545: a signed 32-bit value, however many downloads.
        doc.calendar = Some(CalendarFile {
            sequence: i32::MAX as u32,
            id: "r1".into(),
        });
        assert!(download(&mut doc).iter().all(|&n| n == i32::MAX as u64));
    }

    #[test]
    fn uids_are_this_readers_and_this_guides() {
        let checklist = checklist();
        let mut doc = ProgressDoc::new();
        planned(&mut doc);
        let uids = |file: &CalendarFile, checklist: &Checklist| -> Vec<String> {
            lines(&write_calendar(checklist, &doc, file, NOW).unwrap())
                .into_iter()
                .filter(|l| l.starts_with("UID:"))
                .collect()
        };
        let mine = uids(&reader(), &checklist);
        assert!(
            mine[0].contains("-r1-infrastructure-engineer@"),
            "{}",
            mine[0]
        );
        let theirs = uids(
            &CalendarFile {
                sequence: 1,
                id: "r2".into(),
            },
            &checklist,
        );
        let mut other_guide = checklist.clone();
        other_guide.guide = "site-reliability-engineer".into();
        let other = uids(&reader(), &other_guide);
        for (index, uid) in mine.iter().enumerate() {
            assert_ne!(uid, &theirs[index]);
            assert_ne!(uid, &other[index]);
        }
    }

    #[test]
    fn dates_past_the_year_9999_make_no_calendar_and_say_why() {
        let checklist = checklist();
        let mut doc = ProgressDoc::new();
        doc.planner = Some(Planner {
            start: Date::new(9999, 12, 1).unwrap(),
            hours_per_week: 1,
        });
        let today = Date::from_unix_ms(NOW);
        assert_eq!(
            calendar_problem(&checklist, &doc, today),
            Some(NoCalendar::OutOfRange)
        );
        let refused = write_calendar(&checklist, &doc, &reader(), NOW).unwrap_err();
        assert_eq!(refused, NoCalendar::OutOfRange);
        assert!(refused.reason().contains("9999"));
        planned(&mut doc);
        assert_eq!(calendar_problem(&checklist, &doc, today), None);
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
        let ics = write_calendar(&checklist, &doc, &reader(), NOW).unwrap();
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
