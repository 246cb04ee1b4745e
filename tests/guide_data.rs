//! The real data file: it decodes, every section is there and filled, and every figure is the source's.

use std::collections::HashSet;

use career_guide::data::{decode_guide, format_count, format_dollars, Block, Guide};
use career_guide::guide::model::{section_for_hash, table_of_contents};
use career_guide::salary::model::{state_figures, Metric, SortOrder};

const GUIDE_JSON: &str = include_str!("../public/data/guides/infrastructure-engineer.json");
const SOURCE_PATH: &str = "../shared/source/infrastructure-engineer-guide.txt";

fn guide() -> Guide {
    decode_guide("data/guide.json", GUIDE_JSON).expect("the shipped data file decodes")
}

fn source_text() -> String {
    std::fs::read_to_string(SOURCE_PATH).unwrap_or_else(|error| {
        panic!("the source document {SOURCE_PATH} must sit beside the repo: {error}")
    })
}

/// Every string value in the data file as it is written, placeholders unfilled. The numeric
/// fields are JSON numbers, so they are not among them.
fn raw_texts() -> Vec<String> {
    fn walk(value: &serde_json::Value, out: &mut Vec<String>) {
        match value {
            serde_json::Value::String(text) => out.push(text.clone()),
            serde_json::Value::Array(values) => values.iter().for_each(|v| walk(v, out)),
            serde_json::Value::Object(map) => map.values().for_each(|v| walk(v, out)),
            _ => {}
        }
    }
    let value: serde_json::Value = serde_json::from_str(GUIDE_JSON).unwrap();
    let mut out = Vec::new();
    walk(&value, &mut out);
    out
}

/// Every string value in the data file, as the reader will see it (placeholders filled).
fn all_texts(guide: &Guide) -> Vec<String> {
    raw_texts()
        .into_iter()
        .map(|text| guide.filled(&text))
        .collect()
}

#[test]
fn every_section_of_the_source_is_present_in_order() {
    let ids: Vec<String> = table_of_contents(&guide())
        .into_iter()
        .map(|e| e.id)
        .collect();
    let expected = [
        "key-takeaways",
        "what-it-is",
        "day-in-the-life",
        "roadmap",
        "tools",
        "skills",
        "certifications",
        "portfolio",
        "interviews",
        "challenges",
        "comparisons",
        "negotiation",
        "salary-by-state",
        "outlook",
        "bootcamps",
        "faq",
        "sources",
    ];
    assert_eq!(ids, expected);
}

#[test]
fn the_key_figures_are_the_sources() {
    let role = guide().role;
    assert_eq!(role.median_salary, 95_360);
    assert_eq!(
        (role.salary_range.low, role.salary_range.high),
        (57_620, 147_500)
    );
    assert_eq!((role.growth_percent, role.growth_period_years), (3, 10));
    assert_eq!(role.annual_openings, 18_200);
    assert_eq!(role.employed, 451_360);
    assert_eq!(role.soc_code, "15-1244");
    assert_eq!(role.source.year, 2025);
    assert!(role.source.name.contains("BLS"));
    assert!(role.education.contains("Bachelor's"));
    assert!(role.certification.starts_with("Recommended"));
    assert_eq!(role.licence, "Not required");
}

#[test]
fn the_states_and_their_differences_are_the_sources() {
    let guide = guide();
    // (code, employed, median, the source's "vs national" percentage)
    let source = [
        ("CA", 287_500, 128_736, 35),
        ("NY", 212_500, 109_664, 15),
        ("MA", 112_500, 106_803, 12),
        ("WA", 87_500, 104_896, 10),
        ("NJ", 100_000, 102_989, 8),
        ("TX", 275_000, 90_592, -5),
        ("FL", 225_000, 87_731, -8),
        ("IL", 137_500, 97_267, 2),
        ("PA", 125_000, 93_453, -2),
        ("OH", 112_500, 85_824, -10),
    ];
    assert_eq!(guide.states.len(), source.len());
    for (state, (code, employed, median, vs)) in guide.states.iter().zip(source) {
        assert_eq!(
            (state.code.as_str(), state.employed, state.median_salary),
            (code, employed, median)
        );
        assert_eq!(guide.vs_national(state), vs, "{code}: computed difference");
    }
    assert_eq!(guide.state_employment_total(), 1_675_000);
    assert_eq!(guide.states_above_national(), 6);
    assert!(
        guide.state_source.name.contains("(OEWS)"),
        "the survey goes by its current name"
    );
}

#[test]
fn the_state_table_is_ranked_by_salary() {
    let rows = state_figures(&guide(), Metric::Salary, SortOrder::ValueDesc);
    let order: Vec<&str> = rows.iter().map(|row| row.code.as_str()).collect();
    assert_eq!(
        order,
        ["CA", "NY", "MA", "WA", "NJ", "IL", "PA", "TX", "FL", "OH"]
    );
    assert_eq!(rows[0].rank, 1);
    assert_eq!(rows[9].rank, 10);
}

#[test]
fn the_roadmap_has_six_steps_totalling_four_years() {
    let guide = guide();
    let section = guide.sections.iter().find(|s| s.id == "roadmap").unwrap();
    let Some(Block::Steps {
        total_duration,
        steps,
    }) = section.blocks.first()
    else {
        panic!("the roadmap section starts with its steps");
    };
    assert!(total_duration.contains("4 years"));
    let durations: Vec<&str> = steps.iter().map(|s| s.duration.as_str()).collect();
    assert_eq!(
        durations,
        [
            "Varies",
            "3-6 months",
            "6-12 months",
            "1-3 months",
            "6-12 months",
            "Ongoing"
        ]
    );
    assert!(steps.iter().all(|step| !step.items.is_empty()));
}

#[test]
fn the_contradictions_are_flagged_with_computed_figures() {
    let texts = all_texts(&guide()).join("\n");
    assert!(
        texts.contains("1,675,000"),
        "the state employment total is shown"
    );
    assert!(texts.contains("23%"), "the negotiation claim is quoted");
    assert!(
        texts.contains("+35%"),
        "California's computed difference is shown"
    );
}

#[test]
fn every_dollar_and_percent_figure_comes_from_the_source() {
    let source = source_text();
    for text in all_texts(&guide()) {
        for figure in figures_in(&text) {
            assert!(
                source.contains(&figure),
                "{figure} (in \"{text}\") is not in the source"
            );
        }
    }
}

/// "$95,360", "$125K+", "71%", "23%+" and the like.
fn figures_in(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut figures = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let starts_money = chars[i] == '$' && chars.get(i + 1).is_some_and(char::is_ascii_digit);
        let starts_number =
            chars[i].is_ascii_digit() && (i == 0 || !chars[i - 1].is_ascii_alphanumeric());
        if starts_money || starts_number {
            let mut end = i + 1;
            while end < chars.len()
                && (chars[end].is_ascii_digit() || chars[end] == ',' || chars[end] == '.')
            {
                end += 1;
            }
            let number: String = chars[i..end]
                .iter()
                .collect::<String>()
                .trim_end_matches([',', '.'])
                .to_owned();
            let rest = &chars[end..];
            if starts_money {
                figures.push(number);
            } else if rest.first() == Some(&'%') {
                figures.push(format!("{number}%"));
            }
            i = end;
        } else {
            i += 1;
        }
    }
    figures
}

#[test]
fn no_sentence_is_copied_from_the_source() {
    let words = |text: &str| -> Vec<String> {
        text.split(|c: char| !c.is_alphanumeric() && c != '\'')
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    const RUN: usize = 8;
    let source_words = words(&source_text());
    let source_runs: std::collections::HashSet<&[String]> = source_words.windows(RUN).collect();
    for text in all_texts(&guide()) {
        for run in words(&text).windows(RUN) {
            assert!(
                !source_runs.contains(run),
                "copied from the source: \"{}\"",
                run.join(" ")
            );
        }
    }
}

#[test]
fn the_sources_errors_and_advertising_are_left_out() {
    let texts = all_texts(&guide()).join("\n");
    for banned in [
        "a Infrastructure",
        "2026-2026",
        "Springboard",
        "affiliate link",
        "Taylor Rupe",
        "See detailed requirements",
        "Complete this step",
    ] {
        assert!(!texts.contains(banned), "the guide contains \"{banned}\"");
    }
}

#[test]
fn the_faq_and_comparisons_are_written() {
    let guide = guide();
    let blocks: Vec<&Block> = guide.sections.iter().flat_map(|s| &s.blocks).collect();
    let faq = blocks.iter().find_map(|b| match b {
        Block::Faq { items } => Some(items.len()),
        _ => None,
    });
    assert!(
        matches!(faq, Some(10..=12)),
        "10 to 12 questions, found {faq:?}"
    );
    let compared: Vec<&str> = blocks
        .iter()
        .filter_map(|b| match b {
            Block::Comparison { other_role, .. } => Some(other_role.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(compared.len(), 4);
    for role in ["DevOps", "Site Reliability", "Cloud", "Platform"] {
        assert!(
            compared.iter().any(|c| c.contains(role)),
            "no comparison with {role}"
        );
    }
}

#[test]
fn a_hash_finds_its_section() {
    let guide = guide();
    assert_eq!(section_for_hash(&guide, "#roadmap"), Some("roadmap"));
    assert_eq!(section_for_hash(&guide, "faq"), Some("faq"));
    assert_eq!(section_for_hash(&guide, "#nowhere"), None);
    assert_eq!(section_for_hash(&guide, ""), None);
}

#[test]
fn no_reader_facing_text_mentions_the_source() {
    // The reader never sees the original guide, so "the source's table" means nothing to them:
    // a figure names its real origin, or says it is an estimate without one.
    for text in all_texts(&guide()) {
        let lower = text.to_lowercase();
        for phrase in ["the source", "source's"] {
            assert!(!lower.contains(phrase), "\"{phrase}\" in \"{text}\"");
        }
    }
}

/// The placeholders the data may use, besides `{vs_national:XX}` for each state. When
/// `Guide::figure` learns a new one, add it here: its figure may then never be typed.
const PLACEHOLDERS: &[&str] = &[
    "median_salary",
    "salary_low",
    "salary_high",
    "growth",
    "growth_years",
    "annual_openings",
    "employed",
    "state_count",
    "state_employment_total",
    "states_above_national",
];

#[test]
fn every_placeholder_in_the_data_is_checked_here() {
    for text in raw_texts() {
        for rest in text.split('{').skip(1) {
            let (name, _) = rest.split_once('}').expect("a closed placeholder");
            assert!(
                PLACEHOLDERS.contains(&name) || name.starts_with("vs_national:"),
                "{{{name}}} is used in the data but missing from PLACEHOLDERS"
            );
        }
    }
}

/// How often `figure` is typed in `text` as a number of its own: "3%" is not in "23%" nor in
/// "1.3%", and "6 states" is not in "16 states".
fn typed(text: &str, figure: &str) -> usize {
    // Whether the characters read outward from a match carry the number on.
    fn continues(mut outward: impl Iterator<Item = char>) -> bool {
        match outward.next() {
            Some(c) if c.is_ascii_digit() => true,
            Some(',' | '.') => outward.next().is_some_and(|c| c.is_ascii_digit()),
            _ => false,
        }
    }
    text.match_indices(figure)
        .filter(|(at, _)| {
            !continues(text[..*at].chars().rev()) && !continues(text[at + figure.len()..].chars())
        })
        .count()
}

#[test]
fn each_typed_figure_that_a_placeholder_can_give_is_a_placeholder() {
    let guide = guide();
    let texts = raw_texts();
    let codes = guide
        .states
        .iter()
        .map(|s| format!("vs_national:{}", s.code));
    let names = PLACEHOLDERS
        .iter()
        .map(|name| (*name).to_owned())
        .chain(codes);
    let mut given = Vec::new();
    for name in names {
        let figure = guide
            .figure(&name)
            .unwrap_or_else(|| panic!("{{{name}}} gives no figure"));
        // A bare count such as "10" is everywhere ("10 years"): look for it where it counts states.
        let needle = if figure.chars().all(|c| c.is_ascii_digit()) {
            format!("{figure} states")
        } else {
            figure.clone()
        };
        for text in &texts {
            assert_eq!(
                typed(text, &needle),
                0,
                "\"{needle}\" is typed in \"{text}\": write {{{name}}} instead"
            );
        }
        given.push(figure);
    }
    // The data's other figures have no placeholder yet: each is typed once at most, so that a
    // new edition of the data has one sentence to follow it.
    let role = &guide.role;
    let mut others = vec![
        format_dollars(role.salary_range.low),
        format_dollars(role.salary_range.high),
        format_count(role.annual_openings.into()),
        format!("{}%", role.growth_percent),
    ];
    for state in &guide.states {
        others.push(format_dollars(state.median_salary));
        others.push(format_count(state.employed.into()));
    }
    others.sort();
    others.dedup();
    for figure in others.iter().filter(|figure| !given.contains(figure)) {
        let count: usize = texts.iter().map(|text| typed(text, figure)).sum();
        assert!(count <= 1, "{figure} is typed {count} times");
    }
}

#[test]
fn no_certification_is_listed_twice_and_the_names_are_current() {
    let guide = guide();
    let section = guide
        .sections
        .iter()
        .find(|s| s.id == "certifications")
        .unwrap();
    let names: Vec<String> = section
        .blocks
        .iter()
        .filter_map(|block| match block {
            Block::List { items, .. } => Some(items),
            _ => None,
        })
        .flatten()
        .filter_map(|item| item.term.as_deref())
        .map(|term| {
            let words: Vec<&str> = term.split_whitespace().collect();
            words.join(" ").to_lowercase().replace('–', "-")
        })
        .collect();
    assert!(names.len() >= 10, "found {names:?}");
    let mut seen = HashSet::new();
    for name in &names {
        assert!(seen.insert(name), "{name} is listed twice");
    }
    // AWS renamed SysOps Administrator – Associate in 2025.
    assert!(names.iter().any(|name| name.contains("cloudops engineer")));
    assert!(!names.iter().any(|name| name.contains("sysops")));
}

#[test]
fn every_faq_answer_is_written_and_distinct() {
    let guide = guide();
    let items: Vec<_> = guide
        .sections
        .iter()
        .flat_map(|s| &s.blocks)
        .filter_map(|block| match block {
            Block::Faq { items } => Some(items),
            _ => None,
        })
        .flatten()
        .collect();
    let count = items.len();
    assert!(
        (10..=12).contains(&count),
        "10 to 12 questions, found {count}"
    );
    let mut questions = HashSet::new();
    let mut answers = HashSet::new();
    for qa in items {
        let question = qa.question.trim().to_lowercase();
        let answer = qa.answer.trim().to_lowercase();
        assert!(!question.is_empty(), "a question is empty");
        assert!(!answer.is_empty(), "\"{}\" has no answer", qa.question);
        let asked = &qa.question;
        assert!(questions.insert(question), "\"{asked}\" is asked twice");
        assert!(
            answers.insert(answer),
            "the answer to \"{asked}\" is repeated"
        );
    }
}
