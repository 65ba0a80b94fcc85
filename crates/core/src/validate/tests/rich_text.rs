//! Rules for rich text runs and for characters no feed or page can carry.

use super::{article, article_lines, lines_of, paths_of, site};
use crate::model::MAX_RUN_DEPTH;
use crate::validate::rich_text::MAX_RUNS;
use serde_json::{json, Value};

fn with_paragraph(text: Value) -> Value {
    let mut value = article("a");
    value["body"] = json!([{"type": "paragraph", "text": text}]);
    value
}

#[test]
fn well_formed_runs_pass() {
    let value = with_paragraph(json!([
        "See ",
        {"type": "link", "href": "https://example.org/report", "text": [
            "the ", {"type": "strong", "text": [{"type": "em", "text": "full"}]}, " report"]},
        {"type": "break"},
        "Call ", {"type": "link", "href": "tel:+6328123", "text": "us"},
        " or H", {"type": "sub", "text": "2"}, "O", {"type": "sup", "text": "1"},
        " ", {"type": "code", "text": "x = 1"},
    ]));
    assert_eq!(article_lines("a", &value), Vec::<String>::new());
}

#[test]
fn hostile_link_addresses_are_named_by_the_path_of_their_run() {
    let value = with_paragraph(json!([
        "Click ",
        {"type": "link", "href": "javascript:alert(1)", "text": "here"},
        {"type": "em", "text": [
            "or ", {"type": "link", "href": "java\tscript:alert(1)", "text": "there"}]},
    ]));
    let lines = article_lines("a", &value);
    assert_eq!(
        paths_of(&lines),
        ["body[0].text[1].href", "body[0].text[2].text[1].href"],
        "{lines:?}"
    );
    assert!(
        lines[0].contains("\"javascript:alert(1)\" is not allowed"),
        "{lines:?}"
    );
}

#[test]
fn empty_runs_and_runs_without_text_are_problems() {
    let mut value = article("a");
    value["body"] = json!([
        {"type": "paragraph", "text": ["Words", "", {"type": "em", "text": " "}]},
        {"type": "quote", "text": [{"type": "link", "href": "/a", "text": ""}, "quoted"]},
        {"type": "list", "items": ["one", [{"type": "break"}]]},
        {"type": "image", "src": "/i.jpg", "alt": "A", "width": 1, "height": 1,
         "caption": [{"type": "strong", "text": ""}]},
        {"type": "paragraph", "text": ["x", {"type": "code", "text": ""}]},
    ]);
    let lines = article_lines("a", &value);
    assert_eq!(
        paths_of(&lines),
        [
            "body[0].text[1]",
            "body[0].text[2].text",
            "body[1].text[0].text",
            "body[2].items[1]",
            "body[3].caption",
            "body[4].text[1].text",
        ],
        "{lines:?}"
    );
    assert!(lines[2].contains("a link needs text"), "{lines:?}");
    assert!(lines[4].contains("leave the field out"), "{lines:?}");
}

#[test]
fn unknown_run_types_are_named() {
    let value = with_paragraph(json!(["a", {"type": "blink", "text": "b"}]));
    let lines = article_lines("a", &value);
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert!(
        lines[0].starts_with("body[0].text[1].type: unknown run type \"blink\""),
        "{lines:?}"
    );
}

#[test]
fn nesting_deeper_than_the_app_styles_is_reported_once() {
    let mut text = json!("deep");
    for _ in 0..MAX_RUN_DEPTH + 3 {
        text = json!([{"type": "em", "text": text}]);
    }
    let lines = article_lines("a", &with_paragraph(text));
    assert_eq!(lines.len(), 1, "{lines:?}");
    let expected_path = format!("body[0].text{}", "[0].text".repeat(MAX_RUN_DEPTH));
    assert_eq!(paths_of(&lines), [expected_path.as_str()]);
    assert!(lines[0].contains("nested more than"), "{lines:?}");
}

#[test]
fn a_million_runs_are_one_problem_found_quickly() {
    let runs: Vec<Value> = (0..1_000_000)
        .map(|n| {
            if n % 2 == 0 {
                json!("a ")
            } else {
                json!({"type": "link", "href": "javascript:x", "text": "b"})
            }
        })
        .collect();
    let lines = article_lines("a", &with_paragraph(Value::Array(runs)));
    assert_eq!(
        lines,
        [format!(
            "body[0].text: holds more than {MAX_RUNS} runs: split it into several blocks, \
             or check the export"
        )]
    );
}

#[test]
fn many_bad_runs_in_one_field_are_summed_up() {
    let runs: Vec<Value> = (0..50)
        .map(|_| json!({"type": "link", "href": "javascript:x", "text": "b"}))
        .collect();
    let lines = article_lines("a", &with_paragraph(Value::Array(runs)));
    assert_eq!(lines.len(), 11, "{lines:?}");
    assert_eq!(
        lines[10],
        "body[0].text: and 40 more problems in this field"
    );
}

#[test]
fn control_characters_are_reported_wherever_they_are() {
    let mut value = article("a");
    value["title"] = json!("A\u{1} title");
    value["body"] = json!([
        {"type": "paragraph", "text": ["ok", {"type": "em", "text": "bad\u{b}"}]},
        {"type": "paragraph", "text": "Tabs\tand\nnewlines are fine."},
        {"type": "paragraph", "text": "A noncharacter \u{fffe}"},
    ]);
    let lines = article_lines("a", &value);
    assert_eq!(
        paths_of(&lines),
        ["body[0].text[1].text", "body[2].text", "title"],
        "{lines:?}"
    );
    assert!(lines[0].contains("U+000B"), "{lines:?}");
    assert!(lines[1].contains("U+FFFE"), "{lines:?}");

    let mut settings = site();
    settings["name"] = json!("News\u{7f}room");
    let lines = lines_of("site.json", settings.to_string().as_bytes());
    assert_eq!(paths_of(&lines), ["name"], "{lines:?}");
}
