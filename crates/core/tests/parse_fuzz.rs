//! Malformed content must never crash the parser or the content checks.
//!
//! Content comes from exports and hand edits, so the app and the checker will meet every kind
//! of broken file. Each test below feeds one family of generated documents (random bytes,
//! truncated, mutated and deeply nested versions of real content files) to `model::parse` for
//! every file type and to the per-file checks, and a few to the folder check on disk. Every
//! failure must be an error naming a file, a path and a problem; a panic fails the test.

#[path = "parse_fuzz/documents.rs"]
mod documents;

use documents::{all_pointers, replacement, same_type, samples, FILES};
use newsroom_core::model::{self, Article, ListingPage, Site};
use newsroom_core::validate;
use proptest::prelude::*;
use proptest::sample::Index;
use proptest::test_runner::{Config, TestCaseResult, TestRunner};
use serde::de::DeserializeOwned;
use serde_json::Value;
use std::cell::Cell;
use std::fs;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Documents generated across all tests, and tests finished: the last test to finish checks
/// that the run as a whole generated enough.
static GENERATED: AtomicUsize = AtomicUsize::new(0);
static FINISHED: AtomicUsize = AtomicUsize::new(0);
const TESTS: usize = 8;
const REQUIRED_TOTAL: usize = 10_000;

fn expect_named_error<T: DeserializeOwned>(file: &str, doc: &str) -> TestCaseResult {
    if let Err(error) = model::parse::<T>(file, doc) {
        prop_assert_eq!(error.file.as_str(), file);
        prop_assert!(!error.path.is_empty(), "no path: {}", error);
        prop_assert!(!error.message.is_empty(), "no message: {}", error);
    }
    Ok(())
}

/// Parses `doc` as every file type and runs the per-file checks on it as every file type.
fn check_document(doc: &str) -> TestCaseResult {
    expect_named_error::<Article>(FILES[0], doc)?;
    expect_named_error::<Site>(FILES[1], doc)?;
    expect_named_error::<ListingPage>(FILES[2], doc)?;
    for file in FILES {
        for problem in validate::check_file(file, doc.as_bytes()) {
            prop_assert_eq!(problem.file.as_str(), file);
            prop_assert!(!problem.path.is_empty() && !problem.message.is_empty());
        }
    }
    Ok(())
}

/// Runs `cases` documents from `strategy` through `test`, counting them.
fn run<S: Strategy>(cases: u32, strategy: S, test: impl Fn(S::Value) -> TestCaseResult) {
    let config = Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    };
    let count = Cell::new(0usize);
    let result = TestRunner::new(config).run(&strategy, |value| {
        count.set(count.get() + 1);
        test(value)
    });
    if let Err(failure) = result {
        panic!("{failure}");
    }
    assert!(
        count.get() >= cases as usize,
        "only {} cases ran",
        count.get()
    );
    let total = GENERATED.fetch_add(count.get(), Ordering::SeqCst) + count.get();
    if FINISHED.fetch_add(1, Ordering::SeqCst) + 1 == TESTS {
        assert!(
            total >= REQUIRED_TOTAL,
            "only {total} documents were generated"
        );
        eprintln!("{total} malformed documents generated in all");
    }
}

#[test]
fn random_bytes() {
    let bytes = prop::collection::vec(any::<u8>(), 0..400);
    run(2_000, bytes, |bytes| {
        check_document(&String::from_utf8_lossy(&bytes))
    });
}

#[test]
fn random_json_tokens() {
    let tokens = [
        "{",
        "}",
        "[",
        "]",
        ":",
        ",",
        "\"",
        "\\",
        "0",
        "-1",
        "1e999",
        "true",
        "null",
        " ",
        "\"slug\"",
        "\"type\"",
        "\"body\"",
        "\"level\"",
        "\"paragraph\"",
        "\"image\"",
        "\"x\"",
        "\"articles\"",
        "\"newsletter\"",
        "\"\\u0000\"",
        "\"\\ud800\"",
    ];
    let strategy = prop::collection::vec(prop::sample::select(tokens.to_vec()), 0..120);
    run(2_500, strategy, |parts| check_document(&parts.concat()));
}

#[test]
fn truncated_files() {
    run(1_500, (0..3usize, any::<Index>()), |(which, cut)| {
        let text = &samples().texts[which];
        let boundaries: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        check_document(&text[..boundaries[cut.index(boundaries.len())]])
    });
}

#[test]
fn a_field_deleted() {
    run(1_500, (0..3usize, any::<Index>()), |(which, pick)| {
        let mut value = samples().values[which].clone();
        let members: Vec<String> = all_pointers(&value)
            .into_iter()
            .filter(|pointer| !pointer.is_empty())
            .collect();
        let pointer = &members[pick.index(members.len())];
        let (parent, last) = pointer.rsplit_once('/').unwrap();
        match value.pointer_mut(parent).unwrap() {
            Value::Object(map) => drop(map.remove(last)),
            Value::Array(items) => drop(items.remove(last.parse::<usize>().unwrap())),
            _ => unreachable!("only containers have children"),
        }
        check_document(&value.to_string())
    });
}

#[test]
fn a_value_of_the_wrong_type() {
    run(
        1_500,
        (0..3usize, any::<Index>(), 0..9usize),
        |(which, pick, kind)| {
            let mut value = samples().values[which].clone();
            let targets = all_pointers(&value);
            let target = value
                .pointer_mut(&targets[pick.index(targets.len())])
                .unwrap();
            let mut new = replacement(kind);
            if same_type(target, &new) {
                new = replacement(kind + 1);
            }
            *target = new;
            check_document(&value.to_string())
        },
    );
}

#[test]
fn unicode_inserted() {
    let strategy = (0..3usize, any::<Index>(), any::<String>());
    run(1_500, strategy, |(which, at, inserted)| {
        let mut text = samples().texts[which].clone();
        let boundaries: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        text.insert_str(boundaries[at.index(boundaries.len())], &inserted);
        check_document(&text)
    });
}

#[test]
fn deep_nesting() {
    let openers = [
        "[",
        "{\"a\":",
        "{\"body\":[",
        "[{\"type\":\"list\",\"items\":",
    ];
    // Mostly shallow, as a deep document takes a while to skip in a debug build.
    let depth = prop_oneof![3 => 1..300usize, 1 => 300..10_001usize];
    let strategy = (prop::sample::select(openers.to_vec()), depth, any::<bool>());
    check_document(&"[".repeat(10_000)).unwrap();
    run(500, strategy, |(opener, depth, closed)| {
        let mut doc = format!("{{\"slug\":{}", opener.repeat(depth));
        if closed {
            doc.push_str(&"]".repeat(depth));
        }
        check_document(&doc)
    });
}

/// A scratch content folder, reused by every case and removed when dropped.
fn scratch_folder() -> tempfile::TempDir {
    let dir = tempfile::Builder::new()
        .prefix("newsroom-fuzz-")
        .tempdir()
        .unwrap();
    fs::create_dir_all(dir.path().join("articles")).unwrap();
    fs::create_dir_all(dir.path().join("pages")).unwrap();
    dir
}

#[test]
fn folders_with_a_mutated_file() {
    let scratch = scratch_folder();
    let dir = scratch.path();
    let strategy = (0..3usize, any::<Index>(), any::<Index>(), 0..9usize);
    run(40, strategy, |(which, cut, pick, kind)| {
        let samples = samples();
        for (file, text) in FILES.iter().zip(&samples.texts) {
            fs::write(dir.join(file), text).unwrap();
        }
        let mut value = samples.values[which].clone();
        let targets = all_pointers(&value);
        *value
            .pointer_mut(&targets[pick.index(targets.len())])
            .unwrap() = replacement(kind);
        // Cut somewhere in the second half, or not at all, so most files still parse and the
        // cross-file rules get to run on them.
        let text = value.to_string();
        let cuts: Vec<usize> = text
            .char_indices()
            .map(|(i, _)| i)
            .filter(|&i| i >= text.len() / 2)
            .chain([text.len(), text.len()])
            .collect();
        fs::write(dir.join(FILES[which]), &text[..cuts[cut.index(cuts.len())]]).unwrap();
        let report = validate::check_content_dir(dir);
        prop_assert_eq!(report.files_checked, 3);
        for problem in &report.problems {
            prop_assert!(!problem.file.is_empty());
            prop_assert!(!problem.path.is_empty() && !problem.message.is_empty());
        }
        let last_line = report
            .to_string()
            .lines()
            .last()
            .unwrap_or_default()
            .to_string();
        prop_assert!(last_line.starts_with("3 files checked, "), "{}", last_line);
        Ok(())
    });
}
