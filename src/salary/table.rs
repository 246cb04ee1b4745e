//! The plain table of salary by state.

use std::sync::Arc;

use leptos::prelude::*;

use super::model::rows_by_salary;
use crate::data::{format_count, format_dollars, format_signed_percent, Guide};

/// Every state's median salary and employment, best-paid first, against the national median.
#[component]
pub fn StateSalaryTable(caption: String) -> impl IntoView {
    let guide = expect_context::<Arc<Guide>>();
    let national = format_dollars(guide.role.median_salary);
    let source = format!("{} ({})", guide.state_source.name, guide.state_source.year);
    let rows = rows_by_salary(&guide);
    view! {
        <div class="table-scroll" tabindex="0" role="region" aria-labelledby="state-salaries-caption">
            <table class="state-salaries">
                <caption id="state-salaries-caption">{guide.filled(&caption)}</caption>
                <thead>
                    <tr>
                        <th scope="col">"Rank"</th>
                        <th scope="col">"State"</th>
                        <th scope="col" class="num">"Median salary"</th>
                        <th scope="col" class="num">"vs national"</th>
                        <th scope="col" class="num">"Employed"</th>
                    </tr>
                </thead>
                <tbody>
                    {rows
                        .into_iter()
                        .map(|row| {
                            view! {
                                <tr>
                                    <td>{row.rank}</td>
                                    <th scope="row">{row.state.name}" ("{row.state.code}")"</th>
                                    <td class="num">{format_dollars(row.state.median_salary)}</td>
                                    <td class="num">{format_signed_percent(row.vs_national)}</td>
                                    <td class="num">{format_count(row.state.employed.into())}</td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
                <tfoot>
                    <tr>
                        <th scope="row" colspan="2">"United States (national median)"</th>
                        <td class="num">{national}</td>
                        <td class="num">"0%"</td>
                        <td class="num">{format_count(guide.role.employed.into())}</td>
                    </tr>
                </tfoot>
            </table>
        </div>
        <p class="source-line">"Source: "{source}</p>
    }
}
