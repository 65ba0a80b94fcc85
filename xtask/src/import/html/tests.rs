use super::*;
use serde_json::json;

fn body(html: &str) -> (serde_json::Value, Dropped) {
    let mut dropped = Dropped::default();
    let blocks = blocks(html, &mut dropped);
    (serde_json::to_value(blocks).unwrap(), dropped)
}

#[test]
fn nested_marks_links_and_entities_become_runs() {
    let (value, dropped) = body(
        "<p>A <strong>bold <em>and&nbsp;italic</em></strong> <a href=\"/x\">link &amp; more</a>\
         &#8230; x<sup>2</sup> H<sub>2</sub>O<br/>next <code>a  b</code></p>",
    );
    assert_eq!(
        value,
        json!([{"type": "paragraph", "text": [
            "A ",
            {"type": "strong", "text": ["bold ", {"type": "em", "text": "and\u{a0}italic"}]},
            " ",
            {"type": "link", "href": "/x", "text": "link & more"},
            "… x", {"type": "sup", "text": "2"}, " H", {"type": "sub", "text": "2"}, "O",
            {"type": "break"}, "next ", {"type": "code", "text": "a b"}
        ]}])
    );
    assert_eq!(dropped.describe(), None);
}

#[test]
fn headings_map_to_the_two_levels_the_model_has() {
    let (value, _) = body("<h1>One</h1><h2>Two</h2><h3>Three</h3><h6>Six</h6>");
    let levels: Vec<u64> = value
        .as_array()
        .unwrap()
        .iter()
        .map(|block| block["level"].as_u64().unwrap())
        .collect();
    assert_eq!(levels, [2, 2, 3, 3]);
}

#[test]
fn what_has_no_place_is_dropped_and_counted() {
    let (value, dropped) = body(
        "<script>alert(1)</script><iframe src=\"https://x\"></iframe><p>Kept \
         <img src=\"x\" onerror=\"alert(1)\"> text<script>bad()</script></p><p> </p>\
         <table><tr><td>cell</td></tr></table><p><a href=\"javascript:alert(1)\">text</a></p>",
    );
    assert_eq!(
        value,
        json!([
            {"type": "paragraph", "text": "Kept text"},
            {"type": "paragraph", "text": "text"},
        ])
    );
    assert_eq!(
        dropped.describe().as_deref(),
        Some(
            "empty paragraph, iframe, image without width and height, link with a refused \
             address (text kept), 2 × script, table"
        )
    );
}

#[test]
fn hostile_depth_is_read_as_plain_text_without_overflowing() {
    // Deep enough to overflow a recursive walk's stack; html5ever itself slows down past this.
    let depth = 3_000;
    let html = format!(
        "{}deep words{}",
        "<div><em>".repeat(depth),
        "</em></div>".repeat(depth)
    );
    let mut dropped = Dropped::default();
    let blocks = blocks(&html, &mut dropped);
    let text: String = blocks
        .iter()
        .filter_map(|block| match block {
            Block::Paragraph { text } => Some(text.plain_text()),
            _ => None,
        })
        .collect();
    assert_eq!(text, "deep words");
}
