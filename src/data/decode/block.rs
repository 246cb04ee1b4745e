//! Builds a section's blocks, and the notes, items and rows inside them, from their JSON values.

use serde_json::Value;

use super::fields::{list_of, string, text, whole, Fields, Path, Result};
use crate::data::types::{
    Block, ComparisonRow, Item, MonthRange, Myth, Note, NoteTone, Question, SourceRef, Step,
};

/// The block kinds, by their `type`, as an unknown one's error lists them.
const BLOCK_TYPES: &[&str] = &[
    "paragraph",
    "list",
    "note",
    "steps",
    "myths",
    "comparison",
    "faq",
    "state_salaries",
    "sources",
];

/// A block: its `type` picks the variant, whose fields (and `type`) are the only keys allowed.
pub(super) fn block(value: &Value, at: &Path<'_>) -> Result<Block> {
    let f = Fields::object(value, at)?;
    let kind = f.required("type", text)?;
    let block = match kind {
        "paragraph" => {
            let f = f.only(&["type", "lead", "text"])?;
            Block::Paragraph {
                lead: f.optional("lead", string)?,
                text: f.required("text", string)?,
            }
        }
        "list" => {
            let f = f.only(&["type", "title", "items"])?;
            Block::List {
                title: f.optional("title", string)?,
                items: f.required("items", list_of(item))?,
            }
        }
        "note" => Block::Note(note_fields(f.only(&["type", "tone", "title", "text"])?)?),
        "steps" => {
            let f = f.only(&["type", "total_duration", "steps"])?;
            Block::Steps {
                total_duration: f.required("total_duration", string)?,
                steps: f.required("steps", list_of(step))?,
            }
        }
        "myths" => Block::Myths {
            items: f
                .only(&["type", "items"])?
                .required("items", list_of(myth))?,
        },
        "comparison" => {
            let f = f.only(&["type", "other_role", "summary", "rows"])?;
            Block::Comparison {
                other_role: f.required("other_role", string)?,
                summary: f.required("summary", string)?,
                rows: f.required("rows", list_of(comparison_row))?,
            }
        }
        "faq" => Block::Faq {
            items: f
                .only(&["type", "items"])?
                .required("items", list_of(question))?,
        },
        "state_salaries" => {
            let f = f.only(&["type", "caption", "notes"])?;
            Block::StateSalaries {
                caption: f.required("caption", string)?,
                notes: f.or_default("notes", list_of(note))?,
            }
        }
        "sources" => Block::Sources {
            items: f
                .only(&["type", "items"])?
                .required("items", list_of(source_ref))?,
        },
        other => return Err(at.field("type").unknown("block type", other, BLOCK_TYPES)),
    };
    Ok(block)
}

fn note(value: &Value, at: &Path<'_>) -> Result<Note> {
    note_fields(Fields::open(value, at, &["tone", "title", "text"])?)
}

/// A note's fields, shared by a `note` block and a `state_salaries` block's notes.
fn note_fields(f: Fields<'_, '_>) -> Result<Note> {
    Ok(Note {
        tone: f.required("tone", tone)?,
        title: f.required("title", string)?,
        text: f.required("text", string)?,
    })
}

fn tone(value: &Value, at: &Path<'_>) -> Result<NoteTone> {
    match text(value, at)? {
        "caveat" => Ok(NoteTone::Caveat),
        "tip" => Ok(NoteTone::Tip),
        other => Err(at.unknown("tone", other, &["caveat", "tip"])),
    }
}

fn item(value: &Value, at: &Path<'_>) -> Result<Item> {
    let f = Fields::open(value, at, &["id", "term", "tag", "text"])?;
    Ok(Item {
        id: f.optional("id", string)?,
        term: f.optional("term", string)?,
        tag: f.optional("tag", string)?,
        text: f.or_default("text", string)?,
    })
}

fn step(value: &Value, at: &Path<'_>) -> Result<Step> {
    let known = ["id", "title", "duration", "months", "summary", "items"];
    let f = Fields::open(value, at, &known)?;
    Ok(Step {
        id: f.required("id", string)?,
        title: f.required("title", string)?,
        duration: f.required("duration", string)?,
        months: f.optional("months", month_range)?,
        summary: f.required("summary", string)?,
        items: f.required("items", list_of(item))?,
    })
}

fn month_range(value: &Value, at: &Path<'_>) -> Result<MonthRange> {
    let f = Fields::open(value, at, &["min", "max"])?;
    Ok(MonthRange {
        min: f.required("min", whole)?,
        max: f.required("max", whole)?,
    })
}

fn myth(value: &Value, at: &Path<'_>) -> Result<Myth> {
    let f = Fields::open(value, at, &["myth", "reality"])?;
    Ok(Myth {
        myth: f.required("myth", string)?,
        reality: f.required("reality", string)?,
    })
}

fn comparison_row(value: &Value, at: &Path<'_>) -> Result<ComparisonRow> {
    let f = Fields::open(value, at, &["aspect", "this_role", "other_role"])?;
    Ok(ComparisonRow {
        aspect: f.required("aspect", string)?,
        this_role: f.required("this_role", string)?,
        other_role: f.required("other_role", string)?,
    })
}

fn question(value: &Value, at: &Path<'_>) -> Result<Question> {
    let f = Fields::open(value, at, &["question", "answer"])?;
    Ok(Question {
        question: f.required("question", string)?,
        answer: f.required("answer", string)?,
    })
}

fn source_ref(value: &Value, at: &Path<'_>) -> Result<SourceRef> {
    let f = Fields::open(value, at, &["name", "publisher", "year", "used_for"])?;
    Ok(SourceRef {
        name: f.required("name", string)?,
        publisher: f.optional("publisher", string)?,
        year: f.optional("year", whole)?,
        used_for: f.required("used_for", string)?,
    })
}
