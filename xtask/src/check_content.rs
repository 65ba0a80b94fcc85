//! `cargo xtask check-content [DIR]`: every problem in a content folder, for editors, and the
//! test tier that keeps the checker itself honest. The rules are in
//! `newsroom_core::validate`, so they are tested natively; this file only prints.

use crate::process::workspace_root;
use newsroom_core::validate::{check_content_dir, Report};
use std::fs;
use std::path::Path;

/// Folders under `tests/content-fixtures/` whose report must equal their
/// `expected-report.txt` exactly, so a change in any rule or message shows up as a diff.
const FIXTURES: [&str; 3] = ["broken", "stale-listings", "imported"];

/// Checks `dir` (default: the sample content) and prints the report. A relative `dir` is
/// taken from the current folder, as any command-line path would be.
pub fn run(dir: Option<&Path>) -> Result<(), String> {
    let dir = match dir {
        Some(dir) => dir.to_path_buf(),
        None => workspace_root().join("public/content"),
    };
    if !dir.is_dir() {
        return Err(format!("{} is not a folder", dir.display()));
    }
    let report = check_content_dir(&dir);
    print!("{report}");
    if report.is_clean() {
        Ok(())
    } else {
        Err(format!(
            "{} in {}",
            count(report.problems.len(), "problem"),
            dir.display()
        ))
    }
}

/// The test tier: the sample content has no problems, and each fixture gives exactly its
/// expected report. Returns how many of those checks passed (all, or an error).
pub fn tier() -> Result<u32, String> {
    let root = workspace_root();
    let sample = check_content_dir(&root.join("public/content"));
    if !sample.is_clean() {
        return Err(format!("public/content has problems:\n{sample}"));
    }
    println!("public/content: {}", summary(&sample));
    let mut passed = 1;
    for name in FIXTURES {
        let folder = root.join("tests/content-fixtures").join(name);
        compare_with_expected(&folder)?;
        println!("tests/content-fixtures/{name}: report as expected");
        passed += 1;
    }
    Ok(passed)
}

fn compare_with_expected(folder: &Path) -> Result<(), String> {
    let expected_file = folder.join("expected-report.txt");
    let expected = fs::read_to_string(&expected_file)
        .map_err(|error| format!("{}: {error}", expected_file.display()))?;
    let actual = check_content_dir(folder).to_string();
    if actual == expected {
        return Ok(());
    }
    Err(format!(
        "the report for {} differs from {} (- expected, + actual):\n{}",
        folder.display(),
        expected_file.display(),
        line_diff(&expected, &actual)
    ))
}

/// Lines only in `expected` (-) and only in `actual` (+), in their order. Enough to see what
/// changed in a report, where lines are unique and sorted.
fn line_diff(expected: &str, actual: &str) -> String {
    let expected: Vec<&str> = expected.lines().collect();
    let actual: Vec<&str> = actual.lines().collect();
    let mut out = String::new();
    for line in &expected {
        if !actual.contains(line) {
            out.push_str(&format!("- {line}\n"));
        }
    }
    for line in &actual {
        if !expected.contains(line) {
            out.push_str(&format!("+ {line}\n"));
        }
    }
    if out.is_empty() {
        out.push_str("  (same lines in another order, or different line endings)\n");
    }
    out
}

fn summary(report: &Report) -> String {
    format!(
        "{} checked, no problems",
        count(report.files_checked, "file")
    )
}

fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_tier_passes_on_the_committed_content_and_fixtures() {
        assert_eq!(tier(), Ok(1 + FIXTURES.len() as u32));
    }

    #[test]
    fn the_diff_names_lost_and_new_lines() {
        let diff = line_diff("a\nb\nc\n", "a\nc\nd\n");
        assert_eq!(diff, "- b\n+ d\n");
        assert!(line_diff("a\nb\n", "b\na\n").contains("another order"));
    }
}
