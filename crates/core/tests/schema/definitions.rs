//! The schemas' fixed lists and patterns against the Rust rules they stand for: block types,
//! heading levels, newsletter encodings, the slug and date shapes, and the definitions the
//! article and listing schemas share.

use super::generate::{flatten, generate, Size};
use super::{block_branches, schema, typed, validator};
use newsroom_core::model::{Block, Site};
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
    for name in ["Text", "Slug", "Date", "Category", "Image"] {
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
