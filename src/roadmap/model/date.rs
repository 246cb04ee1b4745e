//! Civil dates: a calendar day, its "YYYY-MM-DD" text, and counting days and mean months.

use std::fmt;

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

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> Date {
        Date::parse(text).unwrap()
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
