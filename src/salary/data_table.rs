//! The table view: the same figures in a real table, sorted by clicking its column headers.

use leptos::prelude::*;

use super::context::ChartContext;
use super::model::{Metric, SortOrder, StateFigures};

/// A column: its heading and the metric it sorts by (`None` sorts by name).
const COLUMNS: [(&str, Option<Metric>); 4] = [
    ("State", None),
    ("Median salary", Some(Metric::Salary)),
    ("Employed", Some(Metric::Employed)),
    ("vs national median", Some(Metric::Difference)),
];

/// The states' figures, ordered as the chart is; the headers change that order.
#[component]
pub fn DataTable(rows: Memo<Vec<StateFigures>>) -> impl IntoView {
    let ChartContext { state, .. } = expect_context::<ChartContext>();
    let headers = COLUMNS
        .into_iter()
        .map(|(heading, metric)| {
            let aria_sort = move || {
                let current = state.get();
                match (metric, current.sort) {
                    (None, SortOrder::Name) => "ascending",
                    (Some(m), SortOrder::ValueDesc) if m == current.metric => "descending",
                    (Some(m), SortOrder::ValueAsc) if m == current.metric => "ascending",
                    _ => "none",
                }
            };
            let on_click = move |_| {
                state.update(|s| match metric {
                    None => s.sort = SortOrder::Name,
                    Some(m) if m == s.metric && s.sort == SortOrder::ValueDesc => {
                        s.sort = SortOrder::ValueAsc
                    }
                    Some(m) => {
                        s.metric = m;
                        s.sort = SortOrder::ValueDesc;
                    }
                })
            };
            let arrow = move || match aria_sort() {
                "ascending" => "▲",
                "descending" => "▼",
                _ => "↕",
            };
            view! {
                <th scope="col" class:num=metric.is_some() aria-sort=aria_sort>
                    <button type="button" class="sort-button" on:click=on_click>
                        {heading}
                        <span class="sort-arrow" aria-hidden="true">{arrow}</span>
                    </button>
                </th>
            }
            .into_any()
        })
        .collect_view();
    view! {
        <div class="table-scroll" tabindex="0" role="region" aria-label="Salary by state, table">
            <table class="salary-table">
                <thead><tr>{headers}</tr></thead>
                <tbody>
                    {move || rows.get().into_iter().map(|row| {
                        let code = row.code.clone();
                        view! {
                            <tr class:highlighted=move || state.get().highlight.as_deref() == Some(code.as_str())>
                                <th scope="row">{row.name.clone()}</th>
                                <td class="num">{Metric::Salary.format(row.salary.into())}</td>
                                <td class="num">{Metric::Employed.format(row.employed.into())}</td>
                                <td class="num">{Metric::Difference.format(row.difference.into())}</td>
                            </tr>
                        }
                    }.into_any()).collect_view()}
                </tbody>
            </table>
        </div>
    }
}
