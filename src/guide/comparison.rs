//! A side-by-side comparison of this role with a neighbouring one.

use std::sync::Arc;

use leptos::prelude::*;

use crate::data::{ComparisonRow, Guide};
use crate::widgets::filler;

/// A table with one row per aspect and one column per role.
#[component]
pub fn ComparisonTable(
    other_role: String,
    summary: String,
    rows: Vec<ComparisonRow>,
) -> impl IntoView {
    let fill = filler();
    let this_role = expect_context::<Arc<Guide>>().role.name.clone();
    view! {
        <h3>{format!("{this_role} vs {other_role}")}</h3>
        <p>{fill(&summary)}</p>
        <div class="table-scroll" tabindex="0" role="region" aria-label=format!("{this_role} and {other_role} compared")>
            <table class="comparison">
                <thead>
                    <tr>
                        <th scope="col">"Aspect"</th>
                        <th scope="col">{this_role.clone()}</th>
                        <th scope="col">{other_role.clone()}</th>
                    </tr>
                </thead>
                <tbody>
                    {rows
                        .into_iter()
                        .map(|row| {
                            view! {
                                <tr>
                                    <th scope="row">{fill(&row.aspect)}</th>
                                    <td>{fill(&row.this_role)}</td>
                                    <td>{fill(&row.other_role)}</td>
                                </tr>
                            }.into_any()
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
    }
}
