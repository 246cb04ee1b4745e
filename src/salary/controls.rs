//! The chart's controls: what to measure, how to order it, and which view to show.

use leptos::prelude::*;

use super::explorer::ChartContext;
use super::model::{ChartView, Metric, SortOrder};

/// Radio groups for metric and view, and a select for the order.
#[component]
pub fn ChartControls() -> impl IntoView {
    let ChartContext { state, .. } = expect_context::<ChartContext>();
    let metric_choices = Metric::ALL
        .into_iter()
        .map(|metric| {
            view! {
                <label class="choice">
                    <input
                        type="radio"
                        name="salary-metric"
                        value=metric.key()
                        prop:checked=move || state.get().metric == metric
                        on:change=move |_| state.update(|s| s.metric = metric)
                    />
                    <span>{metric.label()}</span>
                </label>
            }
        })
        .collect_view();
    let view_choices = ChartView::ALL
        .into_iter()
        .map(|choice| {
            view! {
                <label class="choice">
                    <input
                        type="radio"
                        name="salary-view"
                        value=choice.key()
                        prop:checked=move || state.get().view == choice
                        on:change=move |_| state.update(|s| s.view = choice)
                    />
                    <span>{choice.label()}</span>
                </label>
            }
        })
        .collect_view();
    let sort_options = SortOrder::ALL
        .into_iter()
        .map(|order| {
            view! {
                <option value=order.key() prop:selected=move || state.get().sort == order>
                    {order.label()}
                </option>
            }
        })
        .collect_view();
    let on_sort = move |event: leptos::ev::Event| {
        if let Some(order) = SortOrder::from_key(&event_target_value(&event)) {
            state.update(|s| s.sort = order);
        }
    };
    view! {
        <div class="chart-controls">
            <fieldset class="segmented">
                <legend>"Show"</legend>
                {metric_choices}
            </fieldset>
            <label class="sort">
                <span>"Order"</span>
                <select on:change=on_sort>{sort_options}</select>
            </label>
            <fieldset class="segmented">
                <legend>"View"</legend>
                {view_choices}
            </fieldset>
        </div>
    }
}
