//! The guide's title and the role's key figures.

use leptos::prelude::*;

use crate::data::{format_count, format_dollars, format_signed_percent, Guide};

/// The page header: title, lede and the key-figure cards.
#[component]
pub fn GuideHeader(guide: std::sync::Arc<Guide>) -> impl IntoView {
    let role = &guide.role;
    let range = role.salary_range;
    let figures = [
        (
            "Median salary".to_owned(),
            format_dollars(role.median_salary),
        ),
        (
            "Salary range".to_owned(),
            format!(
                "{} - {}",
                format_dollars(range.low),
                format_dollars(range.high)
            ),
        ),
        (
            format!("Job growth ({} years)", role.growth_period_years),
            format_signed_percent(role.growth_percent),
        ),
        (
            "Openings a year".to_owned(),
            format_count(role.annual_openings.into()),
        ),
        ("Employed".to_owned(), format_count(role.employed.into())),
    ];
    let facts = [
        ("Education", role.education.clone()),
        ("Certification", role.certification.clone()),
        ("License", role.licence.clone()),
        ("Occupation code", format!("SOC {}", role.soc_code)),
        (
            "Source",
            format!("{} ({})", role.source.name, role.source.year),
        ),
    ];
    view! {
        <header class="guide-header">
            <p class="edition">{guide.edition.clone()}</p>
            <h1>{guide.title.clone()}</h1>
            {guide.intro.iter().map(|text| view! { <p class="lede">{text.clone()}</p> }.into_any()).collect_view()}
            <dl class="key-figures" aria-label="Key figures">
                {figures
                    .into_iter()
                    .map(|(label, value)| {
                        view! {
                            <div class="figure">
                                <dt>{label}</dt>
                                <dd>{value}</dd>
                            </div>
                        }.into_any()
                    })
                    .collect_view()}
            </dl>
            <dl class="key-facts">
                {facts
                    .into_iter()
                    .map(|(label, value)| {
                        view! {
                            <div class="fact">
                                <dt>{label}</dt>
                                <dd>{value}</dd>
                            </div>
                        }.into_any()
                    })
                    .collect_view()}
            </dl>
        </header>
    }
}
