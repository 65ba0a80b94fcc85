use super::*;
use crate::model::{self, Block};

fn parse(json: &str) -> Result<RichText, model::ContentError> {
    model::parse("test.json", json)
}

fn text(run: &str) -> Inline {
    Inline::Text(run.to_string())
}

#[test]
fn a_plain_string_is_one_run_and_is_written_back_as_a_string() {
    let rich = parse(r#""Just words.""#).unwrap();
    assert_eq!(rich, RichText(vec![text("Just words.")]));
    assert_eq!(rich.as_plain(), Some("Just words."));
    assert_eq!(serde_json::to_string(&rich).unwrap(), r#""Just words.""#);
}

#[test]
fn every_run_type_reads_and_round_trips() {
    let json = r#"["Read ",
        {"type":"link","href":"/articles/a","text":["the ",{"type":"em","text":"whole"}," report"]},
        {"type":"strong","text":"now"},{"type":"break"},
        "H",{"type":"sub","text":"2"},"O",{"type":"sup","text":"1"},
        {"type":"code","text":"cargo xtask"}]"#;
    let rich = parse(json).unwrap();
    assert_eq!(rich.0.len(), 9);
    assert_eq!(
        rich.0[1],
        Inline::Link {
            href: "/articles/a".into(),
            text: RichText(vec![
                text("the "),
                Inline::Mark {
                    mark: Mark::Emphasis,
                    text: "whole".into()
                },
                text(" report"),
            ]),
        }
    );
    assert_eq!(rich.0[3], Inline::Break);
    assert_eq!(rich.0[8], Inline::Code("cargo xtask".into()));
    assert_eq!(
        rich.plain_text(),
        "Read the whole reportnow\nH2O1cargo xtask"
    );
    let written = serde_json::to_string(&rich).unwrap();
    assert_eq!(parse(&written).unwrap(), rich);
    let compact: serde_json::Value = serde_json::from_str(json).unwrap();
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&written).unwrap(),
        compact
    );
}

#[test]
fn a_run_missing_what_its_type_needs_names_the_run_and_the_field() {
    let block = r#"{"type":"paragraph","text":["a",{"type":"link","text":"x"}]}"#;
    let error = model::parse::<Block>("a.json", block).unwrap_err();
    assert_eq!(error.path, "text[1]");
    assert!(error.message.starts_with("missing field `href`"), "{error}");

    let error = parse(r#"[{"type":"em"}]"#).unwrap_err();
    assert!(error.message.starts_with("missing field `text`"), "{error}");

    let error = parse(r#"["a", 3]"#).unwrap_err();
    assert_eq!(error.path, "[1]");
    assert!(
        error
            .message
            .contains("expected text, or a list of text runs"),
        "{error}"
    );

    let error = parse("true").unwrap_err();
    assert!(error
        .message
        .contains("expected text, or a list of text runs"));
}

#[test]
fn unknown_run_types_keep_their_text_and_name() {
    let rich = parse(r#"[{"type":"underline","text":"kept"},{"type":"spoiler"}]"#).unwrap();
    assert_eq!(
        rich.0[0],
        Inline::Unknown {
            kind: "underline".into(),
            text: "kept".into()
        }
    );
    assert_eq!(rich.plain_text(), "kept");
    let written = serde_json::to_string(&rich).unwrap();
    assert_eq!(
        written,
        r#"[{"type":"underline","text":"kept"},{"type":"spoiler"}]"#
    );
}

#[test]
fn headings_refuse_runs_but_accept_plain_strings() {
    let ok = r#"{"type":"heading","level":2,"text":"Plain"}"#;
    assert!(model::parse::<Block>("a.json", ok).is_ok());
    let runs = r#"{"type":"heading","level":2,"text":[{"type":"em","text":"x"}]}"#;
    let error = model::parse::<Block>("a.json", runs).unwrap_err();
    assert!(error.message.contains("plain string"), "{error}");
}

#[test]
fn hostile_nesting_is_an_error_not_a_crash() {
    let depth = 10_000;
    let json = format!(
        "{}\"deep\"{}",
        r#"[{"type":"em","text":"#.repeat(depth),
        "}]".repeat(depth)
    );
    let error = parse(&json).unwrap_err();
    assert!(error.message.contains("recursion limit"), "{error}");
}

#[test]
fn a_million_runs_parse_into_a_million_runs() {
    let json = format!("[{}\"end\"]", r#""a",{"type":"break"},"#.repeat(500_000));
    let rich = parse(&json).unwrap();
    assert_eq!(rich.0.len(), 1_000_001);
}
