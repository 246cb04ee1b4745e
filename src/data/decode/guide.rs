//! Builds each type of [`crate::data::types`] from its JSON value, following
//! `docs/content-schema.md`: every object denies unknown keys, and only the fields the schema
//! calls optional may be left out. The blocks and their parts are in [`super::block`].

use serde_json::Value;

use super::block::block;
use super::fields::{list_of, string, whole, Fields, Path, Result};
use crate::data::types::{Guide, RoleFacts, SalaryRange, Section, SourceName, StateSalary};

/// Reads the whole data file.
pub(super) fn guide(value: &Value) -> Result<Guide> {
    let known = [
        // Where an editor finds the file's JSON Schema (`schema/guide.schema.json`); not read.
        "$schema",
        "title",
        "edition",
        "intro",
        "role",
        "states",
        "state_source",
        "sections",
    ];
    let f = Fields::open(value, &Path::Root, &known)?;
    Ok(Guide {
        title: f.required("title", string)?,
        edition: f.required("edition", string)?,
        intro: f.required("intro", list_of(string))?,
        role: f.required("role", role)?,
        states: f.required("states", list_of(state))?,
        state_source: f.required("state_source", source_name)?,
        sections: f.required("sections", list_of(section))?,
    })
}

fn role(value: &Value, at: &Path<'_>) -> Result<RoleFacts> {
    let known = [
        "name",
        "soc_code",
        "median_salary",
        "salary_range",
        "growth_percent",
        "growth_period_years",
        "annual_openings",
        "employed",
        "education",
        "certification",
        "licence",
        "source",
    ];
    let f = Fields::open(value, at, &known)?;
    Ok(RoleFacts {
        name: f.required("name", string)?,
        soc_code: f.required("soc_code", string)?,
        median_salary: f.required("median_salary", whole)?,
        salary_range: f.required("salary_range", salary_range)?,
        growth_percent: f.required("growth_percent", whole)?,
        growth_period_years: f.required("growth_period_years", whole)?,
        annual_openings: f.required("annual_openings", whole)?,
        employed: f.required("employed", whole)?,
        education: f.required("education", string)?,
        certification: f.required("certification", string)?,
        licence: f.required("licence", string)?,
        source: f.required("source", source_name)?,
    })
}

fn salary_range(value: &Value, at: &Path<'_>) -> Result<SalaryRange> {
    let f = Fields::open(value, at, &["low", "high"])?;
    Ok(SalaryRange {
        low: f.required("low", whole)?,
        high: f.required("high", whole)?,
    })
}

fn source_name(value: &Value, at: &Path<'_>) -> Result<SourceName> {
    let f = Fields::open(value, at, &["name", "year"])?;
    Ok(SourceName {
        name: f.required("name", string)?,
        year: f.required("year", whole)?,
    })
}

fn state(value: &Value, at: &Path<'_>) -> Result<StateSalary> {
    let f = Fields::open(value, at, &["name", "code", "employed", "median_salary"])?;
    Ok(StateSalary {
        name: f.required("name", string)?,
        code: f.required("code", string)?,
        employed: f.required("employed", whole)?,
        median_salary: f.required("median_salary", whole)?,
    })
}

fn section(value: &Value, at: &Path<'_>) -> Result<Section> {
    let f = Fields::open(value, at, &["id", "title", "blocks"])?;
    Ok(Section {
        id: f.required("id", string)?,
        title: f.required("title", string)?,
        blocks: f.required("blocks", list_of(block))?,
    })
}
