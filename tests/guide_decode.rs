//! Damaged data files are rejected with a message that names the file and the field.

use career_guide::data::{decode_guide, Problem};

const GUIDE_JSON: &str = include_str!("../public/data/guides/infrastructure-engineer.json");

fn edited(edit: impl FnOnce(&mut serde_json::Value)) -> String {
    let mut value: serde_json::Value = serde_json::from_str(GUIDE_JSON).unwrap();
    edit(&mut value);
    value.to_string()
}

#[test]
fn text_that_is_not_json_reports_the_position() {
    let error = decode_guide("data/guide.json", "{\n  \"title\": oops").unwrap_err();
    assert!(
        matches!(error.problem, Problem::Syntax { line: 2, .. }),
        "{error:?}"
    );
    assert!(error
        .to_string()
        .starts_with("data/guide.json is not valid JSON (line 2"));
}

#[test]
fn an_empty_body_is_a_syntax_error() {
    let error = decode_guide("data/guide.json", "").unwrap_err();
    assert!(matches!(error.problem, Problem::Syntax { .. }), "{error:?}");
}

#[test]
fn a_missing_field_is_named_by_its_path() {
    let text = edited(|v| {
        v["role"].as_object_mut().unwrap().remove("median_salary");
    });
    let error = decode_guide("data/guide.json", &text).unwrap_err();
    assert_eq!(
        error.to_string(),
        "data/guide.json, field role: missing field `median_salary`"
    );
}

#[test]
fn a_wrong_type_is_named_by_its_path() {
    let text = edited(|v| v["states"][2]["employed"] = "many".into());
    let error = decode_guide("data/guide.json", &text).unwrap_err();
    match error.problem {
        Problem::Shape { field, .. } => assert_eq!(field, "states[2].employed"),
        other => panic!("expected a shape error, got {other:?}"),
    }
}

#[test]
fn an_unknown_placeholder_is_rejected() {
    let text = edited(|v| v["sections"][0]["title"] = "About {nothing}".into());
    let error = decode_guide("data/guide.json", &text).unwrap_err();
    assert_eq!(
        error.to_string(),
        "data/guide.json, field sections[0].title: unknown placeholder {nothing}"
    );
}

#[test]
fn an_empty_section_is_rejected() {
    let text = edited(|v| v["sections"][3]["blocks"] = serde_json::json!([]));
    let error = decode_guide("data/guide.json", &text).unwrap_err();
    assert!(
        error
            .to_string()
            .ends_with("field sections[3].blocks: the section is empty"),
        "{error}"
    );
}

#[test]
fn duplicate_section_ids_are_rejected() {
    let text = edited(|v| v["sections"][1]["id"] = "key-takeaways".into());
    let error = decode_guide("data/guide.json", &text).unwrap_err();
    assert!(
        matches!(error.problem, Problem::Invalid { ref field, .. } if field == "sections[1].id"),
        "{error:?}"
    );
}

#[test]
fn roadmap_items_need_ids() {
    let text = edited(|v| {
        let roadmap = v["sections"]
            .as_array_mut()
            .unwrap()
            .iter_mut()
            .find(|s| s["id"] == "roadmap")
            .unwrap();
        roadmap["blocks"][0]["steps"][1]["items"][0]
            .as_object_mut()
            .unwrap()
            .remove("id");
    });
    let error = decode_guide("data/guide.json", &text).unwrap_err();
    assert!(
        error
            .to_string()
            .contains("roadmap items need a unique kebab-case id"),
        "{error}"
    );
}

#[test]
fn an_unknown_block_type_is_rejected() {
    let text = edited(|v| v["sections"][0]["blocks"][0]["type"] = "html".into());
    let error = decode_guide("data/guide.json", &text).unwrap_err();
    assert_eq!(
        error.to_string(),
        "data/guide.json, field sections[0].blocks[0].type: unknown block type `html`; \
         expected one of paragraph, list, note, steps, myths, comparison, faq, state_salaries, \
         sources"
    );
}

/// The field a content rule names, for `edit` applied to the shipped file.
fn invalid_field(edit: impl FnOnce(&mut serde_json::Value)) -> String {
    match decode_guide("data/guide.json", &edited(edit))
        .unwrap_err()
        .problem
    {
        Problem::Invalid { field, .. } => field,
        other => panic!("expected a content rule broken, got {other:?}"),
    }
}

#[test]
fn a_broken_content_rule_names_the_field_at_any_depth() {
    let steps = |v: &mut serde_json::Value| v["sections"][3]["blocks"][0]["steps"].clone();
    assert_eq!(
        invalid_field(
            |v| v["sections"][3]["blocks"][0]["steps"][1]["items"][0]["text"] = "{nothing}".into()
        ),
        "sections[3].blocks[0].steps[1].items[0]"
    );
    assert_eq!(
        invalid_field(|v| v["sections"][3]["blocks"][0]["steps"][2]["summary"] = " ".into()),
        "sections[3].blocks[0].steps[2].summary"
    );
    assert_eq!(
        invalid_field(|v| {
            let first = steps(v)[0]["items"][0]["id"].clone();
            v["sections"][3]["blocks"][0]["steps"][1]["items"][1]["id"] = first;
        }),
        "sections[3].blocks[0].steps[1].items[1].id"
    );
    assert_eq!(
        invalid_field(|v| v["sections"][9]["blocks"][1]["items"][0]["reality"] = "".into()),
        "sections[9].blocks[1].items[0].reality"
    );
    assert_eq!(
        invalid_field(|v| v["sections"][5]["blocks"][1]["items"] = serde_json::json!([])),
        "sections[5].blocks[1]"
    );
    assert_eq!(
        invalid_field(|v| v["sections"][2]["title"] = "".into()),
        "sections[2].title"
    );
}
