//! The guide's content, as decoded from a guide's data file (`public/data/guides/<slug>.json`) (see `docs/content-schema.md`).

/// The whole data file: the role's key figures, the state salary table and the guide's sections.
#[derive(Debug, Clone, PartialEq)]
pub struct Guide {
    pub title: String,
    pub edition: String,
    /// The lede under the title, one string a paragraph.
    pub intro: Vec<String>,
    pub role: RoleFacts,
    /// The source's states, in the source's order.
    pub states: Vec<StateSalary>,
    pub state_source: SourceName,
    pub sections: Vec<Section>,
}

/// The national figures shown in the header.
#[derive(Debug, Clone, PartialEq)]
pub struct RoleFacts {
    pub name: String,
    pub soc_code: String,
    /// Whole US dollars a year.
    pub median_salary: u32,
    pub salary_range: SalaryRange,
    pub growth_percent: i32,
    pub growth_period_years: u32,
    pub annual_openings: u32,
    pub employed: u32,
    pub education: String,
    pub certification: String,
    pub licence: String,
    pub source: SourceName,
}

/// The lowest and highest salary the source gives for the role, in whole dollars.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SalaryRange {
    pub low: u32,
    pub high: u32,
}

/// Who published a figure, and for which year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceName {
    pub name: String,
    pub year: u16,
}

/// One state's employment and median salary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StateSalary {
    pub name: String,
    /// Two-letter postal code, e.g. "CA".
    pub code: String,
    pub employed: u32,
    pub median_salary: u32,
}

/// One section of the guide; its `id` is the URL hash that links to it.
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    pub id: String,
    pub title: String,
    pub blocks: Vec<Block>,
}

/// A piece of a section. Text is plain text; the block kind gives the structure.
/// In the file, `type` names the kind in snake_case, e.g. `"state_salaries"`.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Paragraph {
        lead: Option<String>,
        text: String,
    },
    List {
        title: Option<String>,
        items: Vec<Item>,
    },
    Note(Note),
    Steps {
        total_duration: String,
        steps: Vec<Step>,
    },
    Myths {
        items: Vec<Myth>,
    },
    Comparison {
        other_role: String,
        summary: String,
        rows: Vec<ComparisonRow>,
    },
    Faq {
        items: Vec<Question>,
    },
    /// The salary chart, with the caveats that travel with it when it is embedded alone.
    StateSalaries {
        caption: String,
        notes: Vec<Note>,
    },
    Sources {
        items: Vec<SourceRef>,
    },
}

/// A boxed aside, such as a caveat where the source's figures disagree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    pub tone: NoteTone,
    pub title: String,
    pub text: String,
}

/// Whether a note warns about the data or gives advice.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoteTone {
    Caveat,
    Tip,
}

/// A list entry: an optional bold term, an optional badge and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    /// Stable id; the roadmap checklist keys progress by it.
    pub id: Option<String>,
    pub term: Option<String>,
    pub tag: Option<String>,
    pub text: String,
}

/// One roadmap step.
#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    pub id: String,
    pub title: String,
    /// As the source says it, e.g. "3-6 months" or "Ongoing".
    pub duration: String,
    /// The same duration in months, when the source gives one.
    pub months: Option<MonthRange>,
    pub summary: String,
    pub items: Vec<Item>,
}

/// A duration from `min` to `max` months.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MonthRange {
    pub min: u16,
    pub max: u16,
}

/// A common belief about the role and what is true instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Myth {
    pub myth: String,
    pub reality: String,
}

/// One line of a role comparison table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ComparisonRow {
    pub aspect: String,
    pub this_role: String,
    pub other_role: String,
}

/// A question and its answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Question {
    pub question: String,
    pub answer: String,
}

/// A data source the guide draws on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceRef {
    pub name: String,
    pub publisher: Option<String>,
    pub year: Option<u16>,
    pub used_for: String,
}
