//! The plan as a timeline: where each timed step's bar runs, where today falls and which years
//! mark the axis. Positions across are fractions of the width (0 at the plan's start, 1 at its
//! finish), so the view draws them at any width with text at its own size; positions down are
//! pixels. The dates are the planner's own ([`plan`]), which the step cards and the calendar
//! file show too.

use super::checklist::Checklist;
use super::date::Date;
use super::document::ProgressDoc;
use super::planner::{plan, StepStatus};

/// Room above the rows for the "Today" label.
pub const TOP_PX: f64 = 20.0;
/// One step: its title, its bar, then its target date under the bar's end. Each on a line of
/// its own, so that nothing overlaps however narrow the picture or long the title.
pub const ROW_PX: f64 = 50.0;
/// From a row's top to its title's baseline.
pub const LABEL_BASELINE_PX: f64 = 14.0;
/// From a row's top to its bar's top.
pub const BAR_TOP_PX: f64 = 19.0;
/// The bar's height.
pub const BAR_PX: f64 = 12.0;
/// From a row's top to its date's baseline.
pub const DATE_BASELINE_PX: f64 = 44.0;
/// The least width a bar is drawn with (a fraction of the picture's), so that a step of no
/// days still shows.
pub const MIN_BAR: f64 = 0.005;
/// Room below the rows for the years.
pub const AXIS_PX: f64 = 22.0;
/// At most this many years are marked, however long the plan.
const MAX_TICKS: i64 = 6;
/// A label this close to an edge is set against it rather than centred, so it stays whole.
const EDGE: f64 = 0.08;

/// How a label sits on its point across.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    Start,
    Middle,
    End,
}

impl Anchor {
    /// The anchor that keeps a label at `x` (a fraction of the width) inside the picture.
    fn at(x: f64) -> Anchor {
        if x < EDGE {
            Anchor::Start
        } else if x > 1.0 - EDGE {
            Anchor::End
        } else {
            Anchor::Middle
        }
    }

    /// SVG's `text-anchor` value.
    pub fn svg(self) -> &'static str {
        match self {
            Anchor::Start => "start",
            Anchor::Middle => "middle",
            Anchor::End => "end",
        }
    }
}

/// One timed step on the timeline.
#[derive(Debug, Clone, PartialEq)]
pub struct TimelineRow {
    pub step_id: String,
    pub title: String,
    pub starts: Date,
    pub target: Date,
    pub status: StepStatus,
    /// Where the bar starts and ends across (fractions of the width), at least [`MIN_BAR`]
    /// apart and never past the right edge.
    pub x0: f64,
    pub x1: f64,
    /// How the target date sits at the bar's end.
    pub date_anchor: Anchor,
    /// The row's top, in pixels.
    pub y: f64,
}

/// A year's first day on the axis.
#[derive(Debug, Clone, PartialEq)]
pub struct Tick {
    pub x: f64,
    pub label: String,
    pub anchor: Anchor,
}

/// The whole picture, laid out.
#[derive(Debug, Clone, PartialEq)]
pub struct Timeline {
    pub start: Date,
    pub finish: Date,
    pub rows: Vec<TimelineRow>,
    /// Where today falls across, when it falls within the plan.
    pub today: Option<(f64, Anchor)>,
    /// The title of the step whose span holds today, if one does.
    pub today_in: Option<String>,
    pub ticks: Vec<Tick>,
    /// The picture's height in pixels.
    pub height: f64,
}

/// The timeline of the plan in `doc` on `today`; `None` without a plan or a timed step.
pub fn timeline(checklist: &Checklist, doc: &ProgressDoc, today: Date) -> Option<Timeline> {
    let planner = doc.planner.as_ref()?;
    let plans = plan(checklist, planner, doc, today);
    let timed: Vec<_> = checklist
        .steps
        .iter()
        .zip(&plans)
        .filter_map(|(step, plan)| {
            let (starts, target) = (plan.starts?, plan.target?);
            let status = StepStatus::of(plan, step.counts(doc).is_complete());
            Some((step, starts, target, status))
        })
        .collect();
    let start = timed.first()?.1;
    let finish = timed.iter().map(|row| row.2).max()?;
    // A plan of no days still draws: its steps sit at the start.
    let span = start.days_between(finish).max(1) as f64;
    let across = |date: Date| (start.days_between(date) as f64 / span).clamp(0.0, 1.0);
    let rows: Vec<TimelineRow> = timed
        .into_iter()
        .enumerate()
        .map(|(n, (step, starts, target, status))| {
            let x0 = across(starts).min(1.0 - MIN_BAR);
            let x1 = across(target).max(x0 + MIN_BAR);
            TimelineRow {
                step_id: step.id.clone(),
                title: step.title.clone(),
                starts,
                target,
                status,
                x0,
                x1,
                date_anchor: Anchor::at(x1),
                y: TOP_PX + ROW_PX * n as f64,
            }
        })
        .collect();
    let today_in = rows
        .iter()
        .find(|row| row.starts <= today && today < row.target)
        .map(|row| row.title.clone());
    let today_at = (start <= today && today <= finish).then(|| {
        let x = across(today);
        (x, Anchor::at(x))
    });
    let height = TOP_PX + ROW_PX * rows.len() as f64 + AXIS_PX;
    Some(Timeline {
        start,
        finish,
        today: today_at,
        today_in,
        ticks: year_ticks(start, finish, across),
        rows,
        height,
    })
}

/// The first days of years after `start` up to `finish`, every year or every few, so that at
/// most [`MAX_TICKS`] are marked.
fn year_ticks(start: Date, finish: Date, across: impl Fn(Date) -> f64) -> Vec<Tick> {
    let first = start.year + 1;
    let last = finish.year;
    if last < first {
        return Vec::new();
    }
    let years = i64::from(last - first) + 1;
    let every = [1, 2, 5, 10, 20, 50, 100, 1000]
        .into_iter()
        .find(|every| (years + every - 1) / every <= MAX_TICKS)
        .unwrap_or(10_000);
    (first..=last)
        .filter(|year| i64::from(*year).rem_euclid(every) == 0)
        .filter_map(|year| {
            let x = across(Date::new(year, 1, 1)?);
            Some(Tick {
                x,
                label: year.to_string(),
                anchor: Anchor::at(x),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::roadmap::model::{
        write_calendar, CalendarFile, ItemState, Planner, BASELINE_HOURS_PER_WEEK,
    };

    fn date(text: &str) -> Date {
        Date::parse(text).unwrap()
    }

    fn checklist() -> Checklist {
        Checklist::from_guide(&crate::data::shipped_guide())
    }

    fn planned(start: &str, hours: u32) -> ProgressDoc {
        let mut doc = ProgressDoc::new();
        doc.planner = Planner::new(date(start), hours);
        doc
    }

    #[test]
    fn without_a_plan_there_is_no_timeline() {
        assert_eq!(
            timeline(&checklist(), &ProgressDoc::new(), date("2026-12-07")),
            None
        );
    }

    #[test]
    fn the_timed_steps_run_end_to_end_across_the_whole_width() {
        let doc = planned("2026-11-25", BASELINE_HOURS_PER_WEEK);
        let line = timeline(&checklist(), &doc, date("2026-11-25")).unwrap();
        let ids: Vec<_> = line.rows.iter().map(|r| r.step_id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "core-tools",
                "technical-skills",
                "certifications",
                "portfolio"
            ]
        );
        assert_eq!(line.start, date("2026-11-25"));
        assert_eq!(line.finish, date("2029-08-26"));
        assert_eq!(line.rows[0].x0, 0.0);
        assert_eq!(line.rows[3].x1, 1.0);
        assert_eq!(line.rows[3].date_anchor, Anchor::End);
        for pair in line.rows.windows(2) {
            assert_eq!(pair[0].x1, pair[1].x0);
            assert_eq!(pair[0].target, pair[1].starts);
            assert_eq!(pair[1].y - pair[0].y, ROW_PX);
        }
        // The first step's 6 of the plan's 33 months, counted in days.
        let first = line.rows[0].x1;
        assert!((first - 183.0 / 1005.0).abs() < 1e-9, "{first}");
        assert_eq!(line.height, TOP_PX + 4.0 * ROW_PX + AXIS_PX);
        let years: Vec<_> = line.ticks.iter().map(|t| t.label.as_str()).collect();
        assert_eq!(years, ["2027", "2028", "2029"]);
        // Today is the first day: on the left edge, its label set against it.
        assert_eq!(line.today, Some((0.0, Anchor::Start)));
    }

    #[test]
    fn today_falls_where_its_date_does_and_only_within_the_plan() {
        let doc = planned("2027-01-01", BASELINE_HOURS_PER_WEEK);
        let checklist = checklist();
        let line = timeline(&checklist, &doc, date("2027-01-01").add_days(500)).unwrap();
        let span = line.start.days_between(line.finish) as f64;
        let (x, anchor) = line.today.unwrap();
        assert!((x - 500.0 / span).abs() < 1e-9);
        assert_eq!(anchor, Anchor::Middle);
        // Day 500 is in the second step's span (day 183 to day 548).
        assert_eq!(
            line.today_in.as_deref(),
            Some("Build your technical skills")
        );
        assert_eq!(
            timeline(&checklist, &doc, date("2026-12-31"))
                .unwrap()
                .today,
            None
        );
        let after = line.finish.add_days(1);
        assert_eq!(timeline(&checklist, &doc, after).unwrap().today, None);
    }

    #[test]
    fn each_bar_says_done_behind_or_on_track_as_the_step_card_does() {
        let checklist = checklist();
        let mut doc = planned("2020-01-01", BASELINE_HOURS_PER_WEEK);
        for item in &checklist.step("core-tools").unwrap().items {
            doc.set_state(&item.id, ItemState::Done, 1);
        }
        let line = timeline(&checklist, &doc, date("2021-09-01")).unwrap();
        let statuses: Vec<_> = line.rows.iter().map(|r| r.status).collect();
        assert_eq!(
            statuses,
            [
                StepStatus::Done,
                StepStatus::Behind,
                StepStatus::OnTrack,
                StepStatus::OnTrack
            ]
        );
    }

    #[test]
    fn a_long_plan_marks_every_few_years_and_no_more_than_six() {
        let doc = planned("2026-01-01", 1);
        let line = timeline(&checklist(), &doc, date("2026-01-01")).unwrap();
        assert_eq!(line.finish.year, 2053);
        let years: Vec<_> = line.ticks.iter().map(|t| t.label.as_str()).collect();
        assert_eq!(years, ["2030", "2035", "2040", "2045", "2050"]);
    }

    #[test]
    fn its_dates_are_the_calendar_files() {
        let checklist = checklist();
        let doc = planned("2027-03-15", 14);
        let now_ms = 1_796_000_000_000;
        let line = timeline(&checklist, &doc, Date::from_unix_ms(now_ms)).unwrap();
        let file = CalendarFile {
            sequence: 1,
            id: "r".into(),
        };
        let ics = write_calendar(&checklist, &doc, &file, now_ms).unwrap();
        let starts: Vec<String> = ics
            .split("\r\n")
            .filter_map(|line| line.strip_prefix("DTSTART;VALUE=DATE:"))
            .map(str::to_owned)
            .collect();
        let targets: Vec<String> = line
            .rows
            .iter()
            .map(|row| row.target.to_string().replace('-', ""))
            .collect();
        assert_eq!(starts, targets);
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use super::*;
    use crate::roadmap::model::{ItemState, Planner};
    use proptest::prelude::*;

    fn checklist() -> Checklist {
        Checklist::from_guide(&crate::data::shipped_guide())
    }

    proptest! {
        #[test]
        fn any_plan_lays_out_inside_the_picture(
            start_day in 0i64..40_000,
            hours in 1u32..=80,
            today_offset in -4000i64..12_000,
            done_steps in proptest::collection::vec(any::<bool>(), 6),
        ) {
            let checklist = checklist();
            let start = Date::from_days_since_epoch(start_day);
            let mut doc = ProgressDoc::new();
            doc.planner = Planner::new(start, hours);
            for (step, done) in checklist.steps.iter().zip(&done_steps) {
                if *done {
                    for item in &step.items {
                        doc.set_state(&item.id, ItemState::Done, 1);
                    }
                }
            }
            let today = start.add_days(today_offset);
            let line = timeline(&checklist, &doc, today).unwrap();
            let plans = plan(&checklist, doc.planner.as_ref().unwrap(), &doc, today);
            let targets: Vec<_> = plans.iter().filter_map(|p| p.target).collect();
            prop_assert_eq!(line.rows.iter().map(|r| r.target).collect::<Vec<_>>(), targets);
            for row in &line.rows {
                prop_assert!(0.0 <= row.x0 && row.x0 + MIN_BAR <= row.x1 + 1e-12 && row.x1 <= 1.0);
                prop_assert!(row.y + DATE_BASELINE_PX <= line.height - AXIS_PX);
            }
            prop_assert!(line.ticks.len() as i64 <= MAX_TICKS);
            for pair in line.ticks.windows(2) {
                prop_assert!(pair[0].x < pair[1].x);
            }
            for tick in &line.ticks {
                prop_assert!((0.0..=1.0).contains(&tick.x));
            }
            match line.today {
                Some((x, _)) => prop_assert!((0.0..=1.0).contains(&x) && line.start <= today && today <= line.finish),
                None => prop_assert!(today < line.start || line.finish < today),
            }
        }
    }
}
