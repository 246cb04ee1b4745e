//! The numbered roadmap with each step's duration.

use leptos::prelude::*;

use super::blocks::{filler, ItemLine};
use crate::data::Step;

/// The roadmap's steps in order, with the total time.
#[component]
pub fn StepList(total_duration: String, steps: Vec<Step>) -> impl IntoView {
    let fill = filler();
    view! {
        <p class="total-duration">
            <strong>"Total time: "</strong>
            {fill(&total_duration)}
        </p>
        <ol class="steps">
            {steps
                .into_iter()
                .map(|step| {
                    view! {
                        <li class="step" id=format!("step-{}", step.id)>
                            <h3>
                                {fill(&step.title)}
                                " "
                                <span class="duration">{step.duration}</span>
                            </h3>
                            <p>{fill(&step.summary)}</p>
                            <ul class="items">
                                {step.items.into_iter().map(|item| view! { <ItemLine item /> }).collect_view()}
                            </ul>
                        </li>
                    }
                })
                .collect_view()}
        </ol>
    }
}
