//! Shared fixtures for the validation tests: small documents built in code, and scratch
//! content folders that clean up after themselves.

mod articles;
mod folder;
mod listings;
mod rich_text;
mod site;

use super::check_file;
use serde_json::{json, Value};
use std::fs;
use std::path::Path;

/// A minimal valid article named `slug`.
fn article(slug: &str) -> Value {
    json!({
        "slug": slug,
        "title": "A title",
        "lede": "A lede.",
        "category": {"slug": "news", "name": "News"},
        "published": "2024-05-01",
        "label": "PSN",
        "body": [{"type": "paragraph", "text": "Text."}],
    })
}

fn site() -> Value {
    json!({
        "name": "Newsroom",
        "description": "News.",
        "copyright_start_year": 1997,
        "header_links": [{"label": "Report", "href": "/report"}],
        "newsletter": {
            "intro": "Subscribe.",
            "privacy_label": "privacy policy",
            "privacy_url": "/privacy",
            "button_label": "Sign Up",
            "archive_text": "Recent issues",
            "archive_label": "here",
            "archive_url": "/archive",
            "endpoint": "/api/newsletter",
            "success_message": "Thanks.",
        },
    })
}

/// The problems of one file as `path: message` lines.
fn lines_of(file: &str, bytes: &[u8]) -> Vec<String> {
    check_file(file, bytes)
        .into_iter()
        .map(|problem| {
            assert_eq!(problem.file, file);
            format!("{}: {}", problem.path, problem.message)
        })
        .collect()
}

fn article_lines(slug: &str, value: &Value) -> Vec<String> {
    lines_of(
        &format!("articles/{slug}.json"),
        value.to_string().as_bytes(),
    )
}

/// Only the JSON paths, for tests where the wording does not matter.
fn paths_of(lines: &[String]) -> Vec<&str> {
    lines
        .iter()
        .map(|line| line.split(": ").next().unwrap_or_default())
        .collect()
}

/// A content folder in the temp directory, removed when dropped.
struct Scratch(tempfile::TempDir);

impl Scratch {
    fn new() -> Scratch {
        let dir = tempfile::Builder::new()
            .prefix("newsroom-validate-")
            .tempdir()
            .unwrap();
        fs::create_dir_all(dir.path().join("articles")).unwrap();
        Scratch(dir)
    }

    /// A folder with `site.json` and the given articles, and the listings the index builder
    /// writes for them.
    fn with_articles(articles: &[Value]) -> Scratch {
        let scratch = Scratch::new();
        scratch.write_json("site.json", &site());
        for article in articles {
            let slug = article["slug"].as_str().unwrap();
            scratch.write_json(&format!("articles/{slug}.json"), article);
        }
        crate::catalog::write_listings(scratch.path()).unwrap();
        scratch
    }

    fn path(&self) -> &Path {
        self.0.path()
    }

    fn write(&self, file: &str, bytes: &[u8]) {
        let path = self.path().join(file);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, bytes).unwrap();
    }

    fn write_json(&self, file: &str, value: &Value) {
        self.write(
            file,
            serde_json::to_string_pretty(value).unwrap().as_bytes(),
        );
    }

    fn read_json(&self, file: &str) -> Value {
        serde_json::from_slice(&fs::read(self.path().join(file)).unwrap()).unwrap()
    }

    /// Every problem as a report line.
    fn report_lines(&self) -> Vec<String> {
        let report = super::check_content_dir(self.path());
        report.problems.iter().map(ToString::to_string).collect()
    }
}

#[test]
fn a_minimal_article_and_site_have_no_problems() {
    assert_eq!(article_lines("a", &article("a")), Vec::<String>::new());
    let site = site().to_string();
    assert_eq!(lines_of("site.json", site.as_bytes()), Vec::<String>::new());
}

#[test]
fn files_that_are_not_json_text_are_one_problem_each() {
    let cases: [(&[u8], &str); 5] = [
        (b"", ". : the file is empty"),
        (b" \n\t ", ". : the file is empty"),
        (b"{\"slug\": \"a\xff\"}", ". : not UTF-8 text (byte 11"),
        (b"Hello, world", ". : expected value at line 1 column 1"),
        (b"{\"slug\": \"a\", ", ". : EOF while parsing a value"),
    ];
    for (bytes, expected) in cases {
        let lines = lines_of("articles/a.json", bytes);
        assert_eq!(lines.len(), 1, "{lines:?}");
        let expected = expected.replacen(" : ", ": ", 1);
        assert!(
            lines[0].starts_with(&expected),
            "{lines:?}, want {expected}"
        );
    }
}

#[test]
fn a_byte_order_mark_is_reported_and_the_rest_still_checked() {
    let mut value = article("a");
    value["title"] = json!(" ");
    let bytes = [b"\xEF\xBB\xBF".as_slice(), value.to_string().as_bytes()].concat();
    let lines = lines_of("articles/a.json", &bytes);
    assert_eq!(paths_of(&lines), [".", "title"], "{lines:?}");
    assert!(lines[0].contains("byte order mark"));
}

#[test]
fn wrong_types_and_missing_fields_name_the_field() {
    let mut wrong = article("a");
    wrong["title"] = json!(5);
    let lines = article_lines("a", &wrong);
    assert_eq!(lines.len(), 1);
    assert!(
        lines[0].starts_with("title: invalid type: integer `5`, expected a string"),
        "{lines:?}"
    );

    let mut missing = article("a");
    missing.as_object_mut().unwrap().remove("lede");
    let lines = article_lines("a", &missing);
    assert_eq!(lines.len(), 1);
    assert!(lines[0].starts_with(".: missing field `lede`"), "{lines:?}");

    let lines = lines_of("pages/1.json", b"[]");
    assert!(lines[0].starts_with(".: invalid length 0"), "{lines:?}");
}

#[test]
fn files_outside_the_content_layout_are_refused() {
    let lines = lines_of("articles/nested/a.json", b"{}");
    assert_eq!(lines, [".: not a content file: the app never reads it"]);
}
