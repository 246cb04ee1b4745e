//! The content rules a well-shaped guide must also follow: ids, non-empty lists and texts, and
//! placeholders that name a known figure.

use std::collections::BTreeSet;

use crate::data::types::{Block, Guide, Item};

type Invalid = (String, String);

/// Checks the rules that the types alone cannot express; the first broken one is the error.
pub(super) fn validate(guide: &Guide) -> Result<(), Invalid> {
    let role = &guide.role;
    let range = role.salary_range;
    if !(range.low <= role.median_salary && role.median_salary <= range.high) {
        return Err((
            "role.salary_range".into(),
            "the median must lie within the range".into(),
        ));
    }
    let mut codes = BTreeSet::new();
    for (index, state) in guide.states.iter().enumerate() {
        let valid = state.code.len() == 2 && state.code.chars().all(|c| c.is_ascii_uppercase());
        if !valid || !codes.insert(state.code.clone()) {
            return Err((
                format!("states[{index}].code"),
                format!("\"{}\" is not a unique two-letter code", state.code),
            ));
        }
    }
    if guide.sections.is_empty() {
        return Err(("sections".into(), "the guide has no sections".into()));
    }
    let mut section_ids = BTreeSet::new();
    let mut item_ids = BTreeSet::new();
    for (index, section) in guide.sections.iter().enumerate() {
        let at = |below: &[Step]| field(index, None, below);
        if !is_kebab(&section.id) || !section_ids.insert(section.id.clone()) {
            return Err((
                at(&[("id", None)]),
                format!("\"{}\" is not a unique kebab-case id", section.id),
            ));
        }
        if section.blocks.is_empty() {
            return Err((at(&[("blocks", None)]), "the section is empty".into()));
        }
        let mut texts = vec![Text::new(None, &[("title", None)], &section.title)];
        for (number, block) in section.blocks.iter().enumerate() {
            if has_no_entries(block) {
                return Err((
                    field(index, Some(number), &[]),
                    "the block has no entries".into(),
                ));
            }
            collect_texts(block, number, &mut texts);
            if let Block::Steps { steps, .. } = block {
                for (s, step) in steps.iter().enumerate() {
                    for (i, item) in step.items.iter().enumerate() {
                        let id = item.id.as_deref().unwrap_or_default();
                        if !is_kebab(id) || !item_ids.insert(id.to_owned()) {
                            let below = [("steps", Some(s)), ("items", Some(i)), ("id", None)];
                            return Err((
                                field(index, Some(number), &below),
                                format!(
                                    "roadmap items need a unique kebab-case id, found \"{id}\""
                                ),
                            ));
                        }
                    }
                }
            }
        }
        for text in texts {
            let field = || text.field(index);
            if text.text.trim().is_empty() {
                return Err((field(), "the text is empty".into()));
            }
            guide
                .fill(text.text)
                .map_err(|message| (field(), message))?;
        }
    }
    Ok(())
}

/// One step of a path below a block: `.name`, or `.name[index]`.
type Step = (&'static str, Option<usize>);

/// The path of a field of section `section` (of its block `block`, if any), `below` that:
/// `sections[2].blocks[0].items[3].myth`. Written out only for an error.
fn field(section: usize, block: Option<usize>, below: &[Step]) -> String {
    let mut path = format!("sections[{section}]");
    let block = block.map(|block| ("blocks", Some(block)));
    for (name, index) in block.iter().chain(below) {
        path.push('.');
        path.push_str(name);
        if let Some(index) = index {
            path.push_str(&format!("[{index}]"));
        }
    }
    path
}

/// A text the section shows, with where it sits, so that each can be checked once.
struct Text<'a> {
    block: Option<usize>,
    below: [Step; 3],
    depth: usize,
    text: &'a str,
}

impl<'a> Text<'a> {
    fn new(block: Option<usize>, below: &[Step], text: &'a str) -> Self {
        let mut steps = [("", None); 3];
        steps[..below.len()].copy_from_slice(below);
        Text {
            block,
            below: steps,
            depth: below.len(),
            text,
        }
    }

    fn field(&self, section: usize) -> String {
        field(section, self.block, &self.below[..self.depth])
    }
}

fn is_kebab(id: &str) -> bool {
    !id.is_empty()
        && !id.starts_with('-')
        && !id.ends_with('-')
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// Every text block `block` shows, with its path below the block.
fn collect_texts<'a>(block_ref: &'a Block, block: usize, out: &mut Vec<Text<'a>>) {
    let mut push = |below: &[Step], text: &'a str| out.push(Text::new(Some(block), below, text));
    match block_ref {
        Block::Paragraph { lead, text } => {
            if let Some(lead) = lead {
                push(&[("lead", None)], lead);
            }
            push(&[("text", None)], text);
        }
        Block::List { title, items } => {
            if let Some(title) = title {
                push(&[("title", None)], title);
            }
            for (i, item) in items.iter().enumerate() {
                push(&[("items", Some(i))], item_text(item));
            }
        }
        Block::Note(note) => {
            push(&[("title", None)], &note.title);
            push(&[("text", None)], &note.text);
        }
        Block::Steps {
            total_duration,
            steps,
        } => {
            push(&[("total_duration", None)], total_duration);
            for (s, step) in steps.iter().enumerate() {
                let here = ("steps", Some(s));
                push(&[here, ("title", None)], &step.title);
                push(&[here, ("duration", None)], &step.duration);
                push(&[here, ("summary", None)], &step.summary);
                for (i, item) in step.items.iter().enumerate() {
                    push(&[here, ("items", Some(i))], item_text(item));
                }
            }
        }
        Block::Myths { items } => {
            for (i, pair) in items.iter().enumerate() {
                push(&[("items", Some(i)), ("myth", None)], &pair.myth);
                push(&[("items", Some(i)), ("reality", None)], &pair.reality);
            }
        }
        Block::Comparison {
            other_role,
            summary,
            rows,
        } => {
            push(&[("other_role", None)], other_role);
            push(&[("summary", None)], summary);
            for (i, row) in rows.iter().enumerate() {
                push(&[("rows", Some(i)), ("aspect", None)], &row.aspect);
                push(&[("rows", Some(i)), ("this_role", None)], &row.this_role);
                push(&[("rows", Some(i)), ("other_role", None)], &row.other_role);
            }
        }
        Block::Faq { items } => {
            for (i, qa) in items.iter().enumerate() {
                push(&[("items", Some(i)), ("question", None)], &qa.question);
                push(&[("items", Some(i)), ("answer", None)], &qa.answer);
            }
        }
        Block::StateSalaries { caption, notes } => {
            push(&[("caption", None)], caption);
            for (i, note) in notes.iter().enumerate() {
                push(&[("notes", Some(i)), ("title", None)], &note.title);
                push(&[("notes", Some(i)), ("text", None)], &note.text);
            }
        }
        Block::Sources { items } => {
            for (i, source) in items.iter().enumerate() {
                push(&[("items", Some(i)), ("name", None)], &source.name);
                push(&[("items", Some(i)), ("used_for", None)], &source.used_for);
            }
        }
    }
}

/// A block whose list is empty would render as a bare heading.
fn has_no_entries(block: &Block) -> bool {
    match block {
        Block::List { items, .. } => items.is_empty(),
        Block::Steps { steps, .. } => steps.is_empty() || steps.iter().any(|s| s.items.is_empty()),
        Block::Myths { items } => items.is_empty(),
        Block::Comparison { rows, .. } => rows.is_empty(),
        Block::Faq { items } => items.is_empty(),
        Block::Sources { items } => items.is_empty(),
        Block::Paragraph { .. } | Block::Note(_) | Block::StateSalaries { .. } => false,
    }
}

/// An item shows its text, or its term alone when it has no text.
fn item_text(item: &Item) -> &str {
    match (&item.term, item.text.is_empty()) {
        (Some(term), true) => term,
        _ => &item.text,
    }
}
