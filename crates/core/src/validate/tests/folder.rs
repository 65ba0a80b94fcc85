//! Checking whole folders: discovery, rules across articles, the report's shape, and the
//! committed content and fixtures.

use super::{article, Scratch};
use crate::validate::{check_content_dir, Problem, Report};
use serde_json::json;
use std::fs;
use std::path::Path;

#[test]
fn content_made_by_the_index_builder_is_clean() {
    let mut second = article("b");
    second["category"] = json!({"slug": "other", "name": "Other"});
    let scratch = Scratch::with_articles(&[article("a"), second]);
    let report = check_content_dir(scratch.path());
    // site, 2 articles, pages/1, categories/news/1, categories/other/1.
    assert_eq!(report.files_checked, 6);
    assert_eq!(report.problems, []);
    assert_eq!(report.to_string(), "6 files checked, 0 problems\n");
}

#[test]
fn a_missing_site_and_articles_folder_are_reported() {
    let scratch = Scratch::new();
    fs::remove_dir(scratch.path().join("articles")).unwrap();
    let report = check_content_dir(scratch.path());
    let lines: Vec<String> = report.problems.iter().map(ToString::to_string).collect();
    assert_eq!(
        lines,
        [
            "articles: .: missing folder: the articles live there",
            "site.json: .: missing: every page needs it",
        ]
    );
    assert_eq!(report.files_checked, 0);
}

#[test]
fn duplicate_slugs_are_reported_on_the_file_not_named_after_the_slug() {
    let scratch = Scratch::with_articles(&[article("a"), article("c")]);
    scratch.write_json("articles/b.json", &article("a"));
    scratch.write_json("articles/d.json", &article("c"));
    let lines = scratch.report_lines();
    let expected = [
        "articles/b.json: slug: \"a\" differs from the file name: the file must be named \
         \"articles/a.json\"",
        "articles/b.json: slug: \"a\" is also the slug of articles/a.json",
        "articles/d.json: slug: \"c\" differs from the file name: the file must be named \
         \"articles/c.json\"",
        "articles/d.json: slug: \"c\" is also the slug of articles/c.json",
    ];
    assert_eq!(lines, expected);
}

#[test]
fn a_category_keeps_the_name_of_its_newest_article() {
    let mut old = article("old");
    old["published"] = json!("2020-01-01");
    old["category"]["name"] = json!("Old News");
    let mut older = article("older");
    older["published"] = json!("2019-01-01");
    let scratch = Scratch::with_articles(&[article("new"), old, older]);
    let lines = scratch.report_lines();
    assert_eq!(
        lines,
        [
            "articles/old.json: category.name: \"Old News\" differs from \"News\", the name in \
             articles/new.json, the newest article of category \"news\""
        ]
    );
}

#[test]
fn unreadable_files_are_problems_not_panics() {
    let scratch = Scratch::with_articles(&[article("a")]);
    scratch.write("articles/empty.json", b"");
    scratch.write("articles/latin1.json", b"{\"title\": \"caf\xe9\"}");
    scratch.write("site.json", b"{\"name\": ");
    fs::create_dir_all(scratch.path().join("articles/folder.json")).unwrap();
    scratch.write("articles/notes.txt", b"ignored");
    let report = check_content_dir(scratch.path());
    let files: Vec<&str> = report.problems.iter().map(|p| p.file.as_str()).collect();
    assert_eq!(
        files,
        ["articles/empty.json", "articles/latin1.json", "site.json"]
    );
    assert_eq!(report.files_checked, 6);
}

#[test]
fn the_report_is_one_line_per_problem_then_a_summary() {
    let problem = |file: &str| Problem {
        file: file.to_string(),
        path: ".".to_string(),
        message: "broken".to_string(),
    };
    let report = Report {
        files_checked: 1,
        problems: vec![problem("site.json")],
    };
    assert_eq!(
        report.to_string(),
        "site.json: .: broken\n1 file checked, 1 problem\n"
    );
    let mut problems = vec![problem("pages/10.json"), problem("pages/2.json")];
    crate::validate::order::sort(&mut problems);
    assert_eq!(problems[0].file, "pages/2.json");
}

fn repository(relative: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(relative)
}

#[test]
fn the_committed_sample_content_is_clean() {
    let report = check_content_dir(&repository("public/content"));
    assert!(report.is_clean(), "{report}");
    assert!(report.files_checked > 10);
}

#[test]
fn the_broken_fixture_gives_exactly_its_expected_report() {
    let fixtures = repository("tests/content-fixtures");
    for name in ["broken", "stale-listings"] {
        let folder = fixtures.join(name);
        let expected = fs::read_to_string(folder.join("expected-report.txt")).unwrap();
        let report = check_content_dir(&folder).to_string();
        assert_eq!(report, expected, "{name}");
    }
}
