//! The pace planner: civil dates, and a target date for each roadmap step from a start date and
//! the hours a week the reader can give.

use std::fmt;
use std::ops::RangeInclusive;

use serde::Serialize;

use super::checklist::Checklist;
use super::document::{Planner, ProgressDoc};

/// The weekly hours the source's month ranges assume; other paces scale the months by it.
pub const BASELINE_HOURS_PER_WEEK: u32 = 10;

/// The weekly hours the planner accepts.
pub const HOURS_PER_WEEK: RangeInclusive<u32> = 1..=80;

/// The mean length of a Gregorian month, for turning planned months into days.
pub const DAYS_PER_MONTH: f64 = 30.44;

const MS_PER_DAY: u64 = 86_400_000;

/// A calendar day in the reader's own calendar (proleptic Gregorian, no time zone).
///
/// The fields are public for reading; build one with [`Date::new`] or [`Date::parse`] so that it
/// is a real day. The derived order is chronological because the fields run year, month, day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

impl Date {
    /// The day, or `None` when there is no such day (e.g. 2023-02-29).
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        let valid = (1..=12).contains(&month) && (1..=days_in_month(year, month)).contains(&day);
        valid.then_some(Date { year, month, day })
    }

    /// Reads exactly "YYYY-MM-DD", the form a date input gives and the document stores.
    pub fn parse(text: &str) -> Option<Date> {
        let bytes = text.as_bytes();
        if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
            return None;
        }
        let year = i32::try_from(digits(&bytes[0..4])?).ok()?;
        let month = u8::try_from(digits(&bytes[5..7])?).ok()?;
        let day = u8::try_from(digits(&bytes[8..10])?).ok()?;
        Date::new(year, month, day)
    }

    /// The UTC day of a Unix time in milliseconds.
    pub fn from_unix_ms(ms: u64) -> Date {
        // u64::MAX / MS_PER_DAY is far below i64::MAX, so the cast is exact.
        Date::from_days_since_epoch((ms / MS_PER_DAY) as i64)
    }

    /// Days since 1970-01-01 (negative before it).
    pub fn days_since_epoch(self) -> i64 {
        // Howard Hinnant's days_from_civil: counting years from March puts the leap day last.
        let month = i64::from(self.month);
        let year = i64::from(self.year) - i64::from(month <= 2);
        let era = year.div_euclid(400);
        let year_of_era = year.rem_euclid(400);
        let month_from_march = (month + 9) % 12;
        let day_of_year = (153 * month_from_march + 2) / 5 + i64::from(self.day) - 1;
        let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
        era * 146_097 + day_of_era - 719_468
    }

    /// The day that is `days` days after 1970-01-01.
    pub fn from_days_since_epoch(days: i64) -> Date {
        // The inverse of `days_since_epoch` (Hinnant's civil_from_days).
        let days = days + 719_468;
        let era = days.div_euclid(146_097);
        let day_of_era = days.rem_euclid(146_097);
        let year_of_era =
            (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
        let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
        let month_from_march = (5 * day_of_year + 2) / 153;
        let day = day_of_year - (153 * month_from_march + 2) / 5 + 1;
        let month = if month_from_march < 10 {
            month_from_march + 3
        } else {
            month_from_march - 9
        };
        let year = era * 400 + year_of_era + i64::from(month <= 2);
        Date {
            year: year as i32,
            month: month as u8,
            day: day as u8,
        }
    }

    /// The day `days` days later (earlier when negative).
    pub fn add_days(self, days: i64) -> Date {
        Date::from_days_since_epoch(self.days_since_epoch() + days)
    }

    /// How many days `later` is after this day (negative when it is before).
    pub fn days_between(self, later: Date) -> i64 {
        later.days_since_epoch() - self.days_since_epoch()
    }

    /// The day `months` mean months later, at [`DAYS_PER_MONTH`] days a month, rounded to a day.
    pub fn add_months(self, months: f64) -> Date {
        self.add_days((months * DAYS_PER_MONTH).round() as i64)
    }
}

/// Writes "YYYY-MM-DD".
impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// Stored as its "YYYY-MM-DD" text.
impl Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// The value of a run of ASCII digits, or `None` when any byte is not one.
fn digits(bytes: &[u8]) -> Option<u32> {
    bytes.iter().try_fold(0_u32, |value, &byte| {
        if byte.is_ascii_digit() {
            Some(value * 10 + u32::from(byte - b'0'))
        } else {
            None
        }
    })
}

/// Whether `year` has a 29 February.
pub fn is_leap_year(year: i32) -> bool {
    year.rem_euclid(4) == 0 && (year.rem_euclid(100) != 0 || year.rem_euclid(400) == 0)
}

/// The number of days in a month (1-12) of a year; 0 for a month that does not exist.
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

/// When one roadmap step is planned to run, and whether the reader is behind on it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StepPlan {
    pub step_id: String,
    /// The day the step starts; `None` for a step the source gives no months for.
    pub starts: Option<Date>,
    /// The day the step should be settled by; `None` for a step with no months.
    pub target: Option<Date>,
    /// The target day has passed and some of the step's items are still open.
    pub behind: bool,
}

/// Plans the steps one after another from the planner's start, each taking its upper month
/// bound scaled to the planner's pace; steps without months ("Varies", "Ongoing") take no time.
pub fn plan(
    checklist: &Checklist,
    planner: &Planner,
    doc: &ProgressDoc,
    today: Date,
) -> Vec<StepPlan> {
    // The fields are public, so a zero could reach here; clamping keeps the division sound.
    let hours = planner
        .hours_per_week
        .clamp(*HOURS_PER_WEEK.start(), *HOURS_PER_WEEK.end());
    let scale = f64::from(BASELINE_HOURS_PER_WEEK) / f64::from(hours);
    // Dates come from the running total of months, so per-step rounding never accumulates.
    let mut elapsed_months = 0.0;
    let mut plans = Vec::with_capacity(checklist.steps.len());
    for step in &checklist.steps {
        let Some(range) = step.months else {
            plans.push(StepPlan {
                step_id: step.id.clone(),
                starts: None,
                target: None,
                behind: false,
            });
            continue;
        };
        let starts = planner.start.add_months(elapsed_months);
        elapsed_months += f64::from(range.max) * scale;
        let target = planner.start.add_months(elapsed_months);
        let behind = target < today && !step.counts(doc).is_complete();
        plans.push(StepPlan {
            step_id: step.id.clone(),
            starts: Some(starts),
            target: Some(target),
            behind,
        });
    }
    plans
}

/// The last target date of a plan: when the whole timed roadmap should be done.
pub fn finish_date(plans: &[StepPlan]) -> Option<Date> {
    plans.iter().filter_map(|plan| plan.target).max()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::roadmap::model::state::ItemState;

    fn date(text: &str) -> Date {
        Date::parse(text).unwrap()
    }

    fn checklist() -> Checklist {
        let guide = crate::data::shipped_guide();
        Checklist::from_guide(&guide)
    }

    #[test]
    fn dates_parse_and_format_as_iso() {
        let day = date("2026-11-25");
        assert_eq!((day.year, day.month, day.day), (2026, 11, 25));
        assert_eq!(day.to_string(), "2026-11-25");
        assert_eq!(date("0987-01-02").to_string(), "0987-01-02");
        for bad in [
            "",
            "2026-11-2",
            "2026-1-25",
            "2026/11/25",
            "2026-13-01",
            "2026-00-10",
            "2026-04-31",
            "2026-11-00",
            "+026-11-25",
            "2026-11-25 ",
            "２０２６-11-25",
            "abcd-ef-gh",
        ] {
            assert_eq!(Date::parse(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn leap_years_follow_the_gregorian_rules() {
        assert!(is_leap_year(2024));
        assert!(is_leap_year(2000));
        assert!(!is_leap_year(1900));
        assert!(!is_leap_year(2023));
        assert!(Date::parse("2024-02-29").is_some());
        assert!(Date::parse("2000-02-29").is_some());
        assert!(Date::parse("1900-02-29").is_none());
        assert!(Date::parse("2023-02-29").is_none());
        assert_eq!(days_in_month(2024, 2), 29);
        assert_eq!(days_in_month(2023, 13), 0);
    }

    #[test]
    fn adding_days_crosses_leap_days_months_and_years() {
        assert_eq!(date("2024-02-28").add_days(1), date("2024-02-29"));
        assert_eq!(date("2024-02-28").add_days(2), date("2024-03-01"));
        assert_eq!(date("2023-02-28").add_days(1), date("2023-03-01"));
        assert_eq!(date("2024-12-31").add_days(1), date("2025-01-01"));
        assert_eq!(date("2025-01-01").add_days(-1), date("2024-12-31"));
        assert_eq!(date("2024-03-01").add_days(-1), date("2024-02-29"));
        assert_eq!(date("2024-01-01").days_between(date("2025-01-01")), 366);
        assert_eq!(date("2023-01-01").days_between(date("2024-01-01")), 365);
        assert_eq!(date("2025-01-01").days_between(date("2024-01-01")), -366);
        assert_eq!(date("1970-01-01").days_since_epoch(), 0);
        assert_eq!(date("2026-11-25").days_since_epoch(), 20_782);
        assert_eq!(date("1969-12-31").days_since_epoch(), -1);
    }

    #[test]
    fn unix_milliseconds_give_the_utc_day() {
        assert_eq!(Date::from_unix_ms(0), date("1970-01-01"));
        assert_eq!(Date::from_unix_ms(1_764_028_800_000), date("2025-11-25"));
        assert_eq!(Date::from_unix_ms(1_764_028_799_999), date("2025-11-24"));
    }

    #[test]
    fn months_are_mean_months_rounded_to_days() {
        let start = date("2026-11-25");
        assert_eq!(start.add_months(0.0), start);
        assert_eq!(start.add_months(1.0), date("2026-12-25"));
        assert_eq!(start.add_months(6.0), date("2027-05-27"));
    }

    #[test]
    fn dates_order_chronologically() {
        assert!(date("2025-12-31") < date("2026-01-01"));
        assert!(date("2026-02-01") < date("2026-10-01"));
    }

    #[test]
    fn steps_run_one_after_another_at_the_baseline_pace() {
        let checklist = checklist();
        let planner = Planner::new(date("2026-11-25"), 10).unwrap();
        let plans = plan(
            &checklist,
            &planner,
            &ProgressDoc::new(),
            date("2026-11-25"),
        );
        let ids: Vec<_> = plans.iter().map(|p| p.step_id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "entry-path",
                "core-tools",
                "technical-skills",
                "certifications",
                "portfolio",
                "career-levels"
            ]
        );
        let targets: Vec<_> = plans
            .iter()
            .map(|p| p.target.map(|d| d.to_string()))
            .collect();
        let expected = [
            None,
            Some("2027-05-27"),
            Some("2028-05-26"),
            Some("2028-08-25"),
            Some("2029-08-26"),
            None,
        ];
        assert_eq!(targets, expected.map(|d| d.map(str::to_owned)));
        assert_eq!(plans[0].starts, None);
        assert_eq!(plans[1].starts, Some(date("2026-11-25")));
        assert_eq!(plans[2].starts, plans[1].target);
        assert_eq!(finish_date(&plans), Some(date("2029-08-26")));
        assert!(plans.iter().all(|p| !p.behind));
    }

    #[test]
    fn a_faster_pace_moves_the_dates_earlier() {
        let checklist = checklist();
        let planner = Planner::new(date("2026-11-25"), 20).unwrap();
        let plans = plan(
            &checklist,
            &planner,
            &ProgressDoc::new(),
            date("2026-11-25"),
        );
        // 3 months at half the baseline time: 91.32 days.
        assert_eq!(plans[1].target, Some(date("2027-02-24")));
        assert_eq!(finish_date(&plans), Some(date("2026-11-25").add_days(502)));
    }

    #[test]
    fn a_step_is_behind_once_its_target_has_passed_unsettled() {
        let checklist = checklist();
        let planner = Planner::new(date("2026-11-25"), 10).unwrap();
        let mut doc = ProgressDoc::new();
        let on_target_day = plan(&checklist, &planner, &doc, date("2027-05-27"));
        assert!(!on_target_day[1].behind);
        let day_after = plan(&checklist, &planner, &doc, date("2027-05-28"));
        assert!(day_after[1].behind);
        assert!(!day_after[2].behind);
        // Steps without a target are never behind.
        let much_later = plan(&checklist, &planner, &doc, date("2040-01-01"));
        assert!(!much_later[0].behind && !much_later[5].behind);
        assert!(much_later[1..5].iter().all(|p| p.behind));

        let core = checklist.step("core-tools").unwrap();
        for (n, item) in core.items.iter().enumerate() {
            let state = if n == 0 {
                ItemState::Skipped
            } else {
                ItemState::Done
            };
            doc.set_state(&item.id, state, 1);
        }
        let settled = plan(&checklist, &planner, &doc, date("2027-05-28"));
        assert!(!settled[1].behind);
    }

    #[test]
    fn hours_are_validated_and_clamped() {
        let start = date("2026-11-25");
        assert!(Planner::new(start, 0).is_none());
        assert!(Planner::new(start, 81).is_none());
        assert!(Planner::new(start, 1).is_some());
        assert!(Planner::new(start, 80).is_some());
        let zero = Planner {
            start,
            hours_per_week: 0,
        };
        let plans = plan(&checklist(), &zero, &ProgressDoc::new(), start);
        // Treated as one hour a week: ten times the baseline.
        assert_eq!(plans[1].target, Some(start.add_months(60.0)));
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn day_numbers_round_trip(days in -1_000_000_i64..1_000_000) {
            let day = Date::from_days_since_epoch(days);
            prop_assert_eq!(day.days_since_epoch(), days);
            prop_assert_eq!(Date::new(day.year, day.month, day.day), Some(day));
        }

        #[test]
        fn text_round_trips(days in -700_000_i64..2_900_000) {
            // Years 53 to 9909: four digits, as the text form has.
            let day = Date::from_days_since_epoch(days);
            prop_assert_eq!(Date::parse(&day.to_string()), Some(day));
        }

        #[test]
        fn adding_days_is_measured_by_days_between(start in -100_000_i64..100_000, n in -5000_i64..5000) {
            let day = Date::from_days_since_epoch(start);
            prop_assert_eq!(day.days_between(day.add_days(n)), n);
        }
    }
}
