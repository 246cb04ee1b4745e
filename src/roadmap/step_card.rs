//! One roadmap step: its duration, target date, progress and items.

use leptos::prelude::*;

use super::context::RoadmapContext;
use super::item_row::ItemRow;
use super::model::{ChecklistStep, StepPlan, StepStatus};
use super::progress_meter::ProgressMeter;

/// A step with its own progress bar and, when a pace is set, its target date.
#[component]
pub fn StepCard(
    step: ChecklistStep,
    summary: String,
    plan: Signal<Option<StepPlan>>,
) -> impl IntoView {
    let RoadmapContext { doc, .. } = expect_context::<RoadmapContext>();
    let counts = {
        let step = step.clone();
        Signal::derive(move || doc.with(|d| step.counts(d)))
    };
    let target = move || {
        let plan = plan.get()?;
        let target = plan.target?;
        let status = StepStatus::of(&plan, counts.get().is_complete());
        Some(
            view! {
                <p class="step-target" data-status=status.key()>
                    "Target: " <time datetime=target.to_string()>{target.to_string()}</time>
                    " · " <strong class="step-status"><span aria-hidden="true">{status.icon()}" "</span>{status.label()}</strong>
                </p>
            }
            .into_any(),
        )
    };
    view! {
        <li class="step" id=format!("step-{}", step.id)>
            <h3>
                {step.title.clone()}
                " "
                <span class="duration">{step.duration.clone()}</span>
            </h3>
            <p>{summary}</p>
            {target}
            <ProgressMeter label=format!("{} progress", step.title) counts />
            <ul class="checklist">
                {step.items.into_iter().map(|item| view! { <ItemRow item /> }.into_any()).collect_view()}
            </ul>
        </li>
    }
}
