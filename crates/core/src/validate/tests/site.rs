//! Rules for `site.json`.

use super::{lines_of, paths_of, site};
use serde_json::{json, Value};

fn site_lines(value: &Value) -> Vec<String> {
    lines_of("site.json", value.to_string().as_bytes())
}

#[test]
fn links_must_pass_the_url_allow_list() {
    let mut value = site();
    value["header_links"] = json!([
        {"label": "Mail us", "href": "mailto:news@example.org"},
        {"label": "Bad", "href": "java\tscript:alert(1)"},
        {"label": " ", "href": ""},
    ]);
    value["newsletter"]["privacy_url"] = json!("data:text/html,hi");
    value["newsletter"]["archive_url"] = json!("https://example.org/archive");
    value["newsletter"]["endpoint"] = json!("javascript:void(0)");
    let lines = site_lines(&value);
    let expected = [
        "header_links[1].href",
        "header_links[2].label",
        "header_links[2].href",
        "newsletter.privacy_url",
        "newsletter.endpoint",
    ];
    assert_eq!(paths_of(&lines), expected, "{lines:?}");
    assert!(lines[3].ends_with(
        "is not allowed: use a relative URL or one starting with http:, https:, mailto: or tel:"
    ));
}

#[test]
fn texts_must_not_be_blank() {
    let mut value = site();
    value["name"] = json!("");
    value["newsletter"]["button_label"] = json!(" ");
    value["newsletter"]["success_message"] = json!("");
    let lines = site_lines(&value);
    assert_eq!(
        paths_of(&lines),
        [
            "name",
            "newsletter.button_label",
            "newsletter.success_message"
        ]
    );
}

#[test]
fn the_base_url_must_be_absolute_without_a_trailing_slash() {
    let mut value = site();
    for (base_url, problem) in [
        ("https://example.org", None),
        ("http://example.org/news", None),
        (
            "https://example.org/",
            Some("base_url: must not end with \"/\""),
        ),
        ("/news", Some("base_url: \"/news\" must be an absolute")),
        (
            "javascript://x",
            Some("base_url: \"javascript://x\" must be"),
        ),
    ] {
        value["base_url"] = json!(base_url);
        let lines = site_lines(&value);
        match problem {
            None => assert!(lines.is_empty(), "{base_url}: {lines:?}"),
            Some(start) => {
                assert_eq!(lines.len(), 1, "{base_url}: {lines:?}");
                assert!(lines[0].starts_with(start), "{lines:?}");
            }
        }
    }
}

#[test]
fn a_site_that_does_not_parse_is_one_problem() {
    let mut value = site();
    value["newsletter"]["encoding"] = json!("xml");
    let lines = site_lines(&value);
    assert_eq!(lines.len(), 1);
    assert!(
        lines[0].starts_with("newsletter.encoding: unknown variant `xml`"),
        "{lines:?}"
    );
}
