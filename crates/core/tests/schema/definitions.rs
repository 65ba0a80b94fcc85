//! The schemas' fixed lists and patterns against the Rust rules they stand for: block types,
//! heading levels, newsletter encodings, the slug and date shapes, and the definitions the
//! article and listing schemas share.

use super::generate::{flatten, generate, Size};
use super::{block_branches, schema, typed, validator};
use newsroom_core::model::{Block, Inline, Mark, RichText, Site, INLINE_TYPES};
use newsroom_core::paths;
use serde_json::Value;

/// Fails to compile when a block variant is added, as a reminder that the article schema
/// (and the list checked below) must learn it too.
fn block_type(block: &Block) -> Option<&'static str> {
    match block {
        Block::Paragraph { .. } => Some("paragraph"),
        Block::Heading { .. } => Some("heading"),
        Block::Quote { .. } => Some("quote"),
        Block::List { .. } => Some("list"),
        Block::Image(_) => Some("image"),
        Block::Unsupported => None,
    }
}

#[test]
fn every_block_type_of_the_schema_is_a_type_the_app_renders() {
    let root = schema("article");
    let block = &root["$defs"]["Block"];
    let listed: Vec<&str> = block["properties"]["type"]["enum"]
        .as_array()
        .unwrap()
        .iter()
        .map(|name| name.as_str().unwrap())
        .collect();
    let mut seen = Vec::new();
    for branch in 0..block_branches(&root) {
        let generated = generate(&root, block, Size::Smallest, branch).document;
        let parsed: Block = serde_json::from_value(generated.clone()).unwrap();
        let name = block_type(&parsed).unwrap_or_else(|| panic!("unsupported: {generated}"));
        assert_eq!(generated["type"], name);
        seen.push(name);
    }
    assert_eq!(
        seen, listed,
        "the type enum lists the oneOf branches in order"
    );
    assert_eq!(seen.len(), 5, "a new Block variant needs a schema branch");
}

#[test]
fn enumerations_match_what_the_parser_accepts() {
    let root = schema("article");
    let heading = flatten(&root, &root["$defs"]["Heading"], 0);
    assert_eq!(
        heading["properties"]["level"]["enum"],
        serde_json::json!([2, 3])
    );
    for level in 0..=10u8 {
        let json = format!(r#"{{"type":"heading","level":{level},"text":"T"}}"#);
        let accepted = serde_json::from_str::<Block>(&json).is_ok();
        assert_eq!(accepted, level == 2 || level == 3, "level {level}");
    }

    let site = schema("site");
    let encodings = &site["$defs"]["Newsletter"]["properties"]["encoding"]["enum"];
    let mut document = generate(&site, &site, Size::Largest, 0).document;
    for (encoding, ok) in [
        ("json", true),
        ("form", true),
        ("xml", false),
        ("JSON", false),
    ] {
        document["newsletter"]["encoding"] = Value::from(encoding);
        assert_eq!(
            typed::<Site>(&document.to_string()).is_ok(),
            ok,
            "{encoding}"
        );
        let listed = encodings
            .as_array()
            .unwrap()
            .contains(&Value::from(encoding));
        assert_eq!(listed, ok, "{encoding}");
    }
}

#[test]
fn shared_definitions_are_identical_and_patterns_agree_with_the_rust_rules() {
    let (article, listing) = (schema("article"), schema("listing"));
    for name in [
        "Text",
        "Slug",
        "Date",
        "Category",
        "Image",
        "RichText",
        "Run",
        "StyledRun",
        "LinkRun",
        "MarkRun",
        "CodeRun",
        "BreakRun",
    ] {
        assert_eq!(
            article["$defs"][name], listing["$defs"][name],
            "$defs/{name}"
        );
    }
    assert_eq!(schema("site")["$defs"]["Text"], article["$defs"]["Text"]);
    assert_eq!(
        listing["properties"]["articles"]["maxItems"],
        paths::PAGE_SIZE,
        "a listing page holds at most PAGE_SIZE cards"
    );

    let slug = &article["$defs"]["Slug"];
    assert_eq!(slug["pattern"], validator::SLUG_PATTERN);
    assert_eq!(slug["maxLength"], 200);
    let long = "a".repeat(201);
    for case in [
        "a",
        "a-b",
        "2-x",
        "",
        "-a",
        "a-",
        "a--b",
        "A",
        "a_b",
        "é",
        long.as_str(),
    ] {
        let by_schema = validator::matches_pattern(validator::SLUG_PATTERN, case)
            && case.chars().count() <= 200;
        assert_eq!(by_schema, paths::is_valid_slug(case), "{case:?}");
    }

    assert_eq!(article["$defs"]["Date"]["pattern"], validator::DATE_PATTERN);
    for case in [
        "2024-05-01",
        "2024-05-01T09:30:00+08:00",
        "2024-05-01t09:30Z",
    ] {
        assert!(newsroom_core::date::Date::parse_iso(case).is_some());
        assert!(
            validator::matches_pattern(validator::DATE_PATTERN, case),
            "{case}"
        );
    }
    for case in [
        "2024-5-01",
        "2024-05-01 09:30",
        "24-05-01",
        "2024-05-01Tx\ny",
    ] {
        assert!(
            !validator::matches_pattern(validator::DATE_PATTERN, case),
            "{case:?}"
        );
    }
    assert!(validator::matches_pattern(validator::TEXT_PATTERN, " a "));
    assert!(!validator::matches_pattern(
        validator::TEXT_PATTERN,
        " \u{3000}\t"
    ));
    assert!(validator::is_js_space('\u{feff}'));
}

/// Fails to compile when a run variant is added, as a reminder that the schemas learn it too.
fn run_types(run: &Inline) -> Vec<&'static str> {
    match run {
        Inline::Link { .. } => vec!["link"],
        Inline::Mark { .. } => Mark::ALL.iter().map(|mark| mark.name()).collect(),
        Inline::Code(_) => vec!["code"],
        Inline::Break => vec!["break"],
        Inline::Text(_) | Inline::Unknown { .. } => vec![],
    }
}

#[test]
fn every_run_type_of_the_schema_parses_as_that_run_and_round_trips() {
    let root = schema("article");
    let styled = &root["$defs"]["StyledRun"];
    let listed: Vec<&str> = styled["properties"]["type"]["enum"]
        .as_array()
        .unwrap()
        .iter()
        .map(|name| name.as_str().unwrap())
        .collect();
    assert_eq!(
        listed, INLINE_TYPES,
        "the schema lists the run types the app renders"
    );
    let branches = styled["oneOf"].as_array().unwrap().len();
    let rich_schema = serde_json::json!({"$defs": root["$defs"], "$ref": "#/$defs/RichText"});
    let mut seen = Vec::new();
    for branch in 0..branches {
        for size in [Size::Smallest, Size::Largest] {
            let run = generate(&root, styled, size, branch).document;
            let document = Value::Array(vec![Value::from("Before "), run.clone()]);
            assert!(
                validator::errors(&rich_schema, &document).is_empty(),
                "{document}"
            );
            let parsed: RichText = serde_json::from_value(document.clone())
                .unwrap_or_else(|error| panic!("{run}: {error}"));
            assert_eq!(
                serde_json::to_value(&parsed).unwrap(),
                document,
                "round trip"
            );
            seen.extend(run_types(&parsed.0[1]));
        }
    }
    seen.sort_unstable();
    seen.dedup();
    let mut expected = INLINE_TYPES.to_vec();
    expected.sort_unstable();
    // Each mark counts as seen through its variant; the schema's enum was compared above.
    assert_eq!(seen, expected, "a branch for every run type");
}

#[test]
fn rich_text_fields_accept_runs_in_the_schema_and_the_parser() {
    let root = schema("article");
    let mut document = generate(&root, &root, Size::Largest, 0).document;
    let runs = serde_json::json!(["Read ", {"type": "link", "href": "/a", "text": [
        {"type": "em", "text": "this"}]}, {"type": "break"}, {"type": "sup", "text": "1"}]);
    document["body"] = serde_json::json!([
        {"type": "paragraph", "text": runs},
        {"type": "quote", "text": runs},
        {"type": "list", "items": [runs, "plain"]},
        {"type": "image", "src": "/a.jpg", "alt": "A", "width": 1, "height": 1, "caption": runs},
    ]);
    document["hero"]["caption"] = runs.clone();
    assert!(validator::errors(&root, &document).is_empty(), "{document}");
    let round_trip = typed::<newsroom_core::model::Article>(&document.to_string()).unwrap();
    let body = &round_trip["body"];
    for rich in [
        &body[0]["text"],
        &body[1]["text"],
        &body[2]["items"][0],
        &body[3]["caption"],
        &round_trip["hero"]["caption"],
    ] {
        assert_eq!(rich, &runs);
    }

    let mut unknown = document.clone();
    unknown["body"][0]["text"][1]["type"] = Value::from("blink");
    assert!(
        !validator::errors(&root, &unknown).is_empty(),
        "unknown run types are refused"
    );
    let mut heading = document;
    heading["body"][0] = serde_json::json!({"type": "heading", "level": 2, "text": runs});
    assert!(!validator::errors(&root, &heading).is_empty());
    assert!(typed::<newsroom_core::model::Article>(&heading.to_string()).is_err());
}
