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
        let at = format!("sections[{index}]");
        if !is_kebab(&section.id) || !section_ids.insert(section.id.clone()) {
            return Err((
                format!("{at}.id"),
                format!("\"{}\" is not a unique kebab-case id", section.id),
            ));
        }
        if section.blocks.is_empty() {
            return Err((format!("{at}.blocks"), "the section is empty".into()));
        }
        let mut texts = vec![(format!("{at}.title"), section.title.as_str())];
        for (number, block) in section.blocks.iter().enumerate() {
            if has_no_entries(block) {
                return Err((
                    format!("{at}.blocks[{number}]"),
                    "the block has no entries".into(),
                ));
            }
            collect_texts(block, &format!("{at}.blocks[{number}]"), &mut texts);
            for (field, item) in step_items(block, &format!("{at}.blocks[{number}]")) {
                let id = item.id.as_deref().unwrap_or_default();
                if !is_kebab(id) || !item_ids.insert(id.to_owned()) {
                    return Err((
                        format!("{field}.id"),
                        format!("roadmap items need a unique kebab-case id, found \"{id}\""),
                    ));
                }
            }
        }
        for (field, text) in texts {
            if text.trim().is_empty() {
                return Err((field, "the text is empty".into()));
            }
            guide.fill(text).map_err(|message| (field, message))?;
        }
    }
    Ok(())
}

fn is_kebab(id: &str) -> bool {
    !id.is_empty()
        && !id.starts_with('-')
        && !id.ends_with('-')
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// The roadmap's items, each with its field path.
fn step_items<'a>(block: &'a Block, at: &str) -> Vec<(String, &'a Item)> {
    let Block::Steps { steps, .. } = block else {
        return Vec::new();
    };
    steps
        .iter()
        .enumerate()
        .flat_map(|(s, step)| {
            step.items
                .iter()
                .enumerate()
                .map(move |(i, item)| (format!("{at}.steps[{s}].items[{i}]"), item))
        })
        .collect()
}

/// Every text a block shows, with its field path, so that each can be checked once.
fn collect_texts<'a>(block: &'a Block, at: &str, out: &mut Vec<(String, &'a str)>) {
    let mut push = |field: String, text: &'a str| out.push((field, text));
    match block {
        Block::Paragraph { lead, text } => {
            if let Some(lead) = lead {
                push(format!("{at}.lead"), lead);
            }
            push(format!("{at}.text"), text);
        }
        Block::List { title, items } => {
            if let Some(title) = title {
                push(format!("{at}.title"), title);
            }
            for (i, item) in items.iter().enumerate() {
                push(format!("{at}.items[{i}]"), item_text(item));
            }
        }
        Block::Note(note) => {
            push(format!("{at}.title"), &note.title);
            push(format!("{at}.text"), &note.text);
        }
        Block::Steps {
            total_duration,
            steps,
        } => {
            push(format!("{at}.total_duration"), total_duration);
            for (s, step) in steps.iter().enumerate() {
                let here = format!("{at}.steps[{s}]");
                push(format!("{here}.title"), &step.title);
                push(format!("{here}.duration"), &step.duration);
                push(format!("{here}.summary"), &step.summary);
                for (i, item) in step.items.iter().enumerate() {
                    push(format!("{here}.items[{i}]"), item_text(item));
                }
            }
        }
        Block::Myths { items } => {
            for (i, pair) in items.iter().enumerate() {
                push(format!("{at}.items[{i}].myth"), &pair.myth);
                push(format!("{at}.items[{i}].reality"), &pair.reality);
            }
        }
        Block::Comparison {
            other_role,
            summary,
            rows,
        } => {
            push(format!("{at}.other_role"), other_role);
            push(format!("{at}.summary"), summary);
            for (i, row) in rows.iter().enumerate() {
                push(format!("{at}.rows[{i}].aspect"), &row.aspect);
                push(format!("{at}.rows[{i}].this_role"), &row.this_role);
                push(format!("{at}.rows[{i}].other_role"), &row.other_role);
            }
        }
        Block::Faq { items } => {
            for (i, qa) in items.iter().enumerate() {
                push(format!("{at}.items[{i}].question"), &qa.question);
                push(format!("{at}.items[{i}].answer"), &qa.answer);
            }
        }
        Block::StateSalaries { caption, notes } => {
            push(format!("{at}.caption"), caption);
            for (i, note) in notes.iter().enumerate() {
                push(format!("{at}.notes[{i}].title"), &note.title);
                push(format!("{at}.notes[{i}].text"), &note.text);
            }
        }
        Block::Sources { items } => {
            for (i, source) in items.iter().enumerate() {
                push(format!("{at}.items[{i}].name"), &source.name);
                push(format!("{at}.items[{i}].used_for"), &source.used_for);
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
