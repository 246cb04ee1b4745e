//! The pace planner: a target date for each roadmap step from a start date and the hours a
//! week the reader can give.

use super::checklist::Checklist;
use super::date::Date;
use super::document::{Planner, ProgressDoc, HOURS_PER_WEEK};

/// The weekly hours the source's month ranges assume; other paces scale the months by it.
pub const BASELINE_HOURS_PER_WEEK: u32 = 10;

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

/// Where a planned step stands: what its card, the timeline and its table all say.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StepStatus {
    /// Every item is done or skipped.
    Done,
    /// The target day has passed with items still open.
    Behind,
    /// Items are open and the target day is still to come (or is today).
    OnTrack,
}

impl StepStatus {
    /// The status of a step planned as `plan` whose items are all settled when `complete`.
    pub fn of(plan: &StepPlan, complete: bool) -> StepStatus {
        if complete {
            StepStatus::Done
        } else if plan.behind {
            StepStatus::Behind
        } else {
            StepStatus::OnTrack
        }
    }

    /// The name the stylesheet and the tests know it by.
    pub fn key(self) -> &'static str {
        match self {
            StepStatus::Done => "done",
            StepStatus::Behind => "behind",
            StepStatus::OnTrack => "on track",
        }
    }

    /// In words, for the reader.
    pub fn label(self) -> &'static str {
        match self {
            StepStatus::Done => "Done",
            StepStatus::Behind => "Behind schedule",
            StepStatus::OnTrack => "On track",
        }
    }

    /// A sign beside the words, so that no status is told by colour alone.
    pub fn icon(self) -> &'static str {
        match self {
            StepStatus::Done => "✓",
            StepStatus::Behind => "⚠",
            StepStatus::OnTrack => "→",
        }
    }
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
