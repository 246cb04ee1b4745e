use serde_json::{json, Value};

use super::decode_guide;
use crate::data::{shipped_guide, Block, Item, MonthRange, Note, NoteTone, Problem, StateSalary};

const GUIDE_JSON: &str = include_str!("../../../public/data/guides/infrastructure-engineer.json");

/// The shipped file with one edit, as text.
fn edited(edit: impl FnOnce(&mut Value)) -> String {
    let mut value: Value = serde_json::from_str(GUIDE_JSON).unwrap();
    edit(&mut value);
    value.to_string()
}

/// The field and message of the shape error that the edited file gives.
fn shape_error(edit: impl FnOnce(&mut Value)) -> (String, String) {
    match decode_guide("guide.json", &edited(edit)).map(|_| ()) {
        Err(error) => match error.problem {
            Problem::Shape { field, message } => (field, message),
            other => panic!("expected a shape error, got {other:?}"),
        },
        Ok(()) => panic!("expected a shape error, the file decoded"),
    }
}

fn pair(field: &str, message: &str) -> (String, String) {
    (field.to_owned(), message.to_owned())
}

#[test]
fn the_shipped_file_decodes_every_kind_of_field() {
    let guide = shipped_guide();
    assert_eq!(guide.sections.len(), 17);
    assert_eq!(guide.role.salary_range.high, 147_500);
    assert_eq!(guide.role.growth_percent, 3);
    assert_eq!(guide.state_source.year, 2025);
    assert_eq!(
        guide.states[0],
        StateSalary {
            name: "California".into(),
            code: "CA".into(),
            employed: 287_500,
            median_salary: 128_736,
        }
    );
    let blocks = |section: usize| &guide.sections[section].blocks;
    assert!(matches!(
        &blocks(1)[2],
        Block::Paragraph { lead: Some(lead), .. } if lead == "How it differs from DevOps"
    ));
    assert!(matches!(&blocks(1)[0], Block::Paragraph { lead: None, .. }));
    let Block::List { items, .. } = &blocks(5)[1] else {
        panic!("sections[5].blocks[1] is a list");
    };
    assert_eq!(items[0].tag.as_deref(), Some("Critical"));
    let Block::Steps { steps, .. } = &blocks(3)[0] else {
        panic!("sections[3].blocks[0] is the roadmap");
    };
    assert_eq!(steps[0].months, None);
    assert_eq!(steps[1].months, Some(MonthRange { min: 3, max: 6 }));
    assert_eq!(
        steps[1].items[0],
        Item {
            id: Some("tool-terraform".into()),
            term: Some("Terraform".into()),
            tag: None,
            text: "The most widely used IaC tool (see Tools for its share).".into(),
        }
    );
    assert!(matches!(
        &blocks(6)[4],
        Block::Note(Note {
            tone: NoteTone::Caveat,
            ..
        })
    ));
    assert!(matches!(&blocks(12)[1], Block::StateSalaries { notes, .. } if notes.len() == 2));
    let Block::Sources { items } = &blocks(16)[0] else {
        panic!("sections[16].blocks[0] lists the sources");
    };
    assert_eq!(
        items[0].publisher.as_deref(),
        Some("U.S. Department of Labor")
    );
    assert_eq!(items[0].year, Some(2025));
}

#[test]
fn optional_fields_may_be_missing_or_null() {
    let text = edited(|v| {
        v["sections"][1]["blocks"][2]["lead"] = Value::Null;
        v["sections"][3]["blocks"][0]["steps"][1]["months"] = Value::Null;
        v["sections"][12]["blocks"][1]
            .as_object_mut()
            .unwrap()
            .remove("notes");
        v["sections"][16]["blocks"][0]["items"][0]["year"] = Value::Null;
        v["sections"][0]["blocks"][0]["items"][0]["text"] = json!("");
    });
    let guide = decode_guide("guide.json", &text).unwrap();
    let blocks = |section: usize| &guide.sections[section].blocks;
    assert!(matches!(&blocks(1)[2], Block::Paragraph { lead: None, .. }));
    assert!(matches!(&blocks(12)[1], Block::StateSalaries { notes, .. } if notes.is_empty()));
    assert!(matches!(&blocks(16)[0], Block::Sources { items } if items[0].year.is_none()));
}

#[test]
fn an_item_without_text_has_empty_text() {
    // `text` defaults to empty but, unlike an optional field, may not be null.
    let item = json!({ "id": "tool-terraform", "term": "Terraform" });
    let text = edited(|v| v["sections"][3]["blocks"][0]["steps"][1]["items"][0] = item);
    let guide = decode_guide("guide.json", &text).unwrap();
    let Block::Steps { steps, .. } = &guide.sections[3].blocks[0] else {
        panic!("sections[3].blocks[0] is the roadmap");
    };
    assert_eq!(steps[1].items[0].text, "");
    assert_eq!(
        shape_error(|v| v["sections"][4]["blocks"][1]["items"][0]["text"] = Value::Null),
        pair(
            "sections[4].blocks[1].items[0].text",
            "expected a string, found null"
        )
    );
}

#[test]
fn a_wrong_type_deep_in_a_block_is_named_by_its_path() {
    let at = "sections[3].blocks[0].steps[1].items[0]";
    assert_eq!(
        shape_error(|v| v["sections"][3]["blocks"][0]["steps"][1]["items"][0]["text"] = json!(5)),
        pair(&format!("{at}.text"), "expected a string, found 5")
    );
    assert_eq!(
        shape_error(|v| v["sections"][3]["blocks"][0]["steps"][1]["items"][0] = json!("x")),
        pair(at, "expected an object, found the text \"x\"")
    );
    assert_eq!(
        shape_error(|v| v["sections"] = json!({})),
        pair("sections", "expected a list, found an object")
    );
}

#[test]
fn a_missing_field_is_named_by_the_object_that_lacks_it() {
    assert_eq!(
        shape_error(|v| {
            v["sections"][9]["blocks"][1]["items"][0]
                .as_object_mut()
                .unwrap()
                .remove("reality");
        }),
        pair("sections[9].blocks[1].items[0]", "missing field `reality`")
    );
    assert_eq!(
        shape_error(|v| {
            v.as_object_mut().unwrap().remove("title");
        }),
        pair(".", "missing field `title`")
    );
}

#[test]
fn an_unknown_field_is_rejected() {
    assert_eq!(
        shape_error(|v| v["sections"][0]["blocks"][0]["items"][0]["colour"] = json!("red")),
        pair(
            "sections[0].blocks[0].items[0].colour",
            "unknown field `colour`; expected one of id, term, tag, text"
        )
    );
    assert_eq!(
        shape_error(|v| v["role"]["bonus"] = json!(1)).0,
        "role.bonus"
    );
}

#[test]
fn an_unknown_block_type_or_tone_lists_the_known_ones() {
    assert_eq!(
        shape_error(|v| v["sections"][0]["blocks"][0]["type"] = json!("html")),
        pair(
            "sections[0].blocks[0].type",
            "unknown block type `html`; expected one of paragraph, list, note, steps, myths, \
             comparison, faq, state_salaries, sources"
        )
    );
    assert_eq!(
        shape_error(|v| v["sections"][6]["blocks"][4]["tone"] = json!("loud")),
        pair(
            "sections[6].blocks[4].tone",
            "unknown tone `loud`; expected one of caveat, tip"
        )
    );
    assert_eq!(
        shape_error(|v| {
            v["sections"][0]["blocks"][0]
                .as_object_mut()
                .unwrap()
                .remove("type");
        }),
        pair("sections[0].blocks[0]", "missing field `type`")
    );
}

#[test]
fn numbers_must_be_whole_and_in_range() {
    let employed = |number: Value| shape_error(|v| v["states"][2]["employed"] = number);
    let expected = |found: &str| {
        pair(
            "states[2].employed",
            &format!("expected a whole number from 0 to 4294967295, found {found}"),
        )
    };
    assert_eq!(employed(json!(-5)), expected("-5"));
    assert_eq!(employed(json!(1.5)), expected("1.5"));
    assert_eq!(employed(json!(2.0)), expected("2.0"));
    assert_eq!(employed(json!(5_000_000_000_u64)), expected("5000000000"));
    assert_eq!(employed(json!("many")), expected("the text \"many\""));
    assert_eq!(
        shape_error(|v| v["sections"][3]["blocks"][0]["steps"][1]["months"]["min"] = json!(70_000)),
        pair(
            "sections[3].blocks[0].steps[1].months.min",
            "expected a whole number from 0 to 65535, found 70000"
        )
    );
    let negative_growth = edited(|v| v["role"]["growth_percent"] = json!(-3));
    assert_eq!(
        decode_guide("guide.json", &negative_growth)
            .unwrap()
            .role
            .growth_percent,
        -3
    );
}

#[test]
fn text_that_is_not_json_gives_the_line_and_column() {
    let syntax = |text: &str| decode_guide("guide.json", text).unwrap_err().problem;
    assert_eq!(
        syntax("{\n  \"title\": oops"),
        Problem::Syntax {
            line: 2,
            column: 12,
            message: "expected value".into(),
        }
    );
    // A repeated key would lose the first value in silence: it is an error where it stands.
    assert_eq!(
        syntax("{\n  \"title\": \"a\",\n  \"title\": \"b\"\n}"),
        Problem::Syntax {
            line: 3,
            column: 9,
            message: "duplicate field `title`".into(),
        }
    );
    // Anything after the document is an error, not ignored.
    assert_eq!(
        syntax("{ \"title\": \"x\" }\n  ,"),
        Problem::Syntax {
            line: 2,
            column: 3,
            message: "trailing characters".into(),
        }
    );
}

#[test]
fn a_long_text_in_the_wrong_place_is_cut_in_the_message() {
    let long = "word ".repeat(20);
    let (field, message) = shape_error(|v| v["role"]["salary_range"] = json!(long));
    assert_eq!(field, "role.salary_range");
    assert_eq!(
        message,
        format!("expected an object, found the text \"{}…\"", &long[..40])
    );
}
