//! Rules for a single article file.

use super::{article, article_lines, paths_of};
use serde_json::json;

#[test]
fn the_slug_must_be_valid_and_match_the_file_name() {
    let lines = article_lines("b", &article("a"));
    assert_eq!(
        lines,
        ["slug: \"a\" differs from the file name: the file must be named \"articles/a.json\""]
    );
    let mut bad = article("a");
    bad["slug"] = json!("A_B");
    bad["category"]["slug"] = json!("../x");
    let lines = article_lines("a", &bad);
    assert_eq!(paths_of(&lines), ["slug", "category.slug"], "{lines:?}");
    assert!(lines[0].contains("\"A_B\" is not a valid slug"));
}

#[test]
fn required_texts_must_not_be_blank() {
    let mut value = article("a");
    value["title"] = json!("");
    value["lede"] = json!("  ");
    value["label"] = json!("\n");
    value["category"]["name"] = json!("");
    value["body"] = json!([
        {"type": "paragraph", "text": " "},
        {"type": "heading", "level": 2, "text": ""},
        {"type": "list", "items": ["One", " "]},
        {"type": "list", "ordered": true, "items": []},
        {"type": "quote", "text": "", "attribution": ""},
    ]);
    let lines = article_lines("a", &value);
    let expected = [
        "title",
        "lede",
        "category.name",
        "label",
        "body[0].text",
        "body[1].text",
        "body[2].items[1]",
        "body[3].items",
        "body[4].text",
        "body[4].attribution",
    ];
    assert_eq!(paths_of(&lines), expected, "{lines:?}");
    assert!(lines[0].ends_with("must not be empty"));
    assert!(lines[7].ends_with("a list needs at least one item"));
}

#[test]
fn dates_must_parse_and_updated_must_not_precede_published() {
    let mut value = article("a");
    value["published"] = json!("2024-02-30");
    value["updated"] = json!("yesterday");
    let lines = article_lines("a", &value);
    assert_eq!(paths_of(&lines), ["published", "updated"]);
    assert!(lines[0].starts_with("published: \"2024-02-30\" is not a date"));

    value["published"] = json!("2024-05-01T10:00:00+08:00");
    value["updated"] = json!("2024-04-30");
    let lines = article_lines("a", &value);
    assert_eq!(
        lines,
        ["updated: 2024-04-30 is before the published date 2024-05-01"]
    );

    value["updated"] = json!("2024-05-01T09:00:00Z");
    assert!(article_lines("a", &value).is_empty());
}

#[test]
fn images_need_alt_text_a_size_and_a_safe_source() {
    let mut value = article("a");
    value["hero"] = json!({"src": "javascript:alert(1)", "alt": "", "width": 0, "height": 10});
    value["body"] = json!([
        {"type": "image", "src": "/a.jpg", "alt": " ", "width": 1, "height": 0, "caption": ""},
        {"type": "image", "src": "mailto:a@b.c", "alt": "", "decorative": true, "width": 1, "height": 1},
        {"type": "image", "src": "https://example.org/a.jpg", "alt": "", "decorative": true, "width": 1, "height": 1},
    ]);
    let lines = article_lines("a", &value);
    let expected = [
        "hero.src",
        "hero.alt",
        "hero.width",
        "body[0].alt",
        "body[0].caption",
        "body[0].height",
        "body[1].src",
    ];
    assert_eq!(paths_of(&lines), expected, "{lines:?}");
    assert!(lines[0].starts_with(
        "hero.src: \"javascript:alert(1)\" is not allowed: use a relative URL or one starting \
         with http: or https:"
    ));
    assert!(lines[1].contains("decorative"));
}

#[test]
fn heading_levels_other_than_two_and_three_are_named() {
    let mut value = article("a");
    value["body"] = json!([{"type": "heading", "level": 4, "text": "Deep"}]);
    let lines = article_lines("a", &value);
    assert_eq!(lines.len(), 1);
    assert!(
        lines[0].starts_with("body[0].level: heading level must be 2 or 3, not 4"),
        "{lines:?}"
    );
}

#[test]
fn reading_time_must_be_plausible() {
    let mut value = article("a");
    for (minutes, ok) in [(0, false), (1, true), (600, true), (601, false)] {
        value["reading_time_minutes"] = json!(minutes);
        let lines = article_lines("a", &value);
        assert_eq!(lines.is_empty(), ok, "{minutes}: {lines:?}");
    }
    value["reading_time_minutes"] = json!(0);
    assert_eq!(
        article_lines("a", &value),
        ["reading_time_minutes: 0 is not between 1 and 600"]
    );
}

#[test]
fn unknown_block_types_are_reported_because_the_app_would_drop_them() {
    let mut value = article("a");
    value["body"] = json!([
        {"type": "paragraph", "text": "Kept."},
        {"type": "paragrph", "text": "Lost."},
    ]);
    let lines = article_lines("a", &value);
    assert_eq!(
        lines,
        [
            "body[1].type: unknown block type \"paragrph\": the app skips it; use one of \
             paragraph, heading, quote, list, image"
        ]
    );
}

#[test]
fn a_broken_block_does_not_hide_the_problems_of_the_others() {
    let mut value = article("a");
    value["title"] = json!("");
    value["hero"] = json!({"src": "/h.jpg", "alt": "", "width": 1, "height": 1});
    value["body"] = json!([
        {"type": "paragraph", "text": "Fine."},
        {"type": "paragraph"},
        {"type": "image", "src": "/a.jpg", "alt": "", "width": 1, "height": 1},
        {"type": "heading", "level": 9, "text": "Deep"},
        {"type": "list", "items": [1]},
    ]);
    let lines = article_lines("a", &value);
    // The file-level error comes first (as the parser saw it), then each part on its own.
    // The title is not checked: without a parsed article there is no title to check.
    assert_eq!(
        paths_of(&lines),
        [
            "body[1]",
            "body[2].alt",
            "body[3].level",
            "body[4].items[0]",
            "hero.alt"
        ],
        "{lines:?}"
    );
    assert!(lines[0].starts_with("body[1]: missing field `text` at line 1"));
    assert!(lines[2].starts_with("body[3].level: heading level must be 2 or 3, not 9"));
    assert_eq!(lines.len(), 5, "the first error is not repeated: {lines:?}");
}

#[test]
fn long_values_are_shortened_in_messages() {
    let mut value = article("a");
    value["published"] = json!("x".repeat(10_000));
    let lines = article_lines("a", &value);
    assert!(lines[0].len() < 200, "{}", lines[0]);
    assert!(lines[0].contains("xxx...\" is not a date") || lines[0].contains("\"..."));
}
