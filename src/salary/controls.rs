//! The chart's controls: what to measure, how to order it, and which view to show.

use leptos::prelude::*;

use super::context::ChartContext;
use super::model::{ChartView, Metric, SortOrder};

/// Radio groups for metric and view, and a select for the order.
#[component]
pub fn ChartControls() -> impl IntoView {
    let ChartContext { state, .. } = expect_context::<ChartContext>();
    let metric_choices = radio_choices(
        "salary-metric",
        Metric::ALL.map(|m| (m, m.key(), m.label())),
        move || state.get().metric,
        move |metric| state.update(|s| s.metric = metric),
    );
    let view_choices = radio_choices(
        "salary-view",
        ChartView::ALL.map(|v| (v, v.key(), v.label())),
        move || state.get().view,
        move |view| state.update(|s| s.view = view),
    );
    let sort_options = SortOrder::ALL
        .into_iter()
        .map(|order| {
            view! {
                <option
                    value=order.key()
                    selected=move || state.get().sort == order
                    prop:selected=move || state.get().sort == order
                >
                    {order.label()}
                </option>
            }
            .into_any()
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

/// One radio button per choice (value, URL key, label), checked when `current` is that value.
fn radio_choices<T, const N: usize>(
    name: &'static str,
    choices: [(T, &'static str, &'static str); N],
    current: impl Fn() -> T + Copy + Send + Sync + 'static,
    choose: impl Fn(T) + Copy + Send + Sync + 'static,
) -> impl IntoView
where
    T: Copy + PartialEq + Send + Sync + 'static,
{
    choices
        .into_iter()
        .map(|(value, key, label)| {
            view! {
                <label class="choice">
                    <input
                        type="radio"
                        name=name
                        value=key
                        // The attribute is for the page rendered at build time; the property is live.
                        checked=move || current() == value
                        prop:checked=move || current() == value
                        on:change=move |_| choose(value)
                    />
                    <span>{label}</span>
                </label>
            }
            .into_any()
        })
        .collect_view()
}
