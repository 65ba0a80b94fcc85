//! The test tier that builds with `CARGO_TARGET_DIR` outside the checkout, as developers who
//! share one build folder do, and checks that `cargo xtask build` makes the same `dist/`
//! byte for byte. The normal build's `dist/` is kept aside first and put back after, whatever
//! the outcome, so the tiers after this one measure the normal build.

use crate::process::{command, run, workspace_root};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use walkdir::WalkDir;

/// Runs `cargo xtask build` with the other build folder and compares its `dist/` with the one
/// in place (the normal build's, which the end-to-end tier has just made).
pub fn same_dist_from_another_target_dir() -> Result<(), String> {
    let root = workspace_root();
    let dist = root.join("dist");
    let normal = files_of(&dist)?;
    if normal.is_empty() {
        return Err(format!("no build in {} to compare with", dist.display()));
    }
    let kept = tempfile::Builder::new()
        .prefix("newsroom-dist-")
        .tempdir()
        .map_err(|error| format!("cannot make a folder to keep dist/ in: {error}"))?;
    let kept_dist = kept.path().join("dist");
    copy_tree(&dist, &kept_dist)?;
    let other = other_target_dir(&root);
    println!(
        "cargo xtask build with CARGO_TARGET_DIR={} (kept between runs, so later ones are warm)",
        other.display()
    );
    let built = run(
        "cargo xtask build (CARGO_TARGET_DIR outside the checkout)",
        command("cargo")
            .args(["xtask", "build"])
            .env("CARGO_TARGET_DIR", &other),
    )
    .and_then(|()| files_of(&dist));
    // The normal build goes back in place before anything is reported.
    let restored = std::fs::remove_dir_all(&dist)
        .map_err(|error| format!("cannot remove {}: {error}", dist.display()))
        .and_then(|()| copy_tree(&kept_dist, &dist));
    let other_build = built?;
    restored?;
    let differences = differences(&normal, &other_build);
    if differences.is_empty() {
        println!("the same dist/: {} files, byte for byte", other_build.len());
        Ok(())
    } else {
        Err(format!(
            "dist/ differs when built with CARGO_TARGET_DIR={}:\n  {}",
            other.display(),
            differences.join("\n  ")
        ))
    }
}

/// A folder under the system's temp folder named after the checkout: outside it, and the same
/// on every run, so only the first run compiles everything.
fn other_target_dir(root: &Path) -> PathBuf {
    let digest = Sha256::digest(root.as_os_str().as_encoded_bytes());
    let key: String = digest[..6]
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect();
    std::env::temp_dir().join(format!("newsroom-target-{key}"))
}

/// Every file under `dir` by its `/`-separated relative path, with its SHA-256.
fn files_of(dir: &Path) -> Result<BTreeMap<String, [u8; 32]>, String> {
    let mut files = BTreeMap::new();
    for entry in WalkDir::new(dir) {
        let entry = entry.map_err(|error| format!("cannot read {}: {error}", dir.display()))?;
        if !entry.file_type().is_file() {
            continue;
        }
        let bytes = std::fs::read(entry.path())
            .map_err(|error| format!("cannot read {}: {error}", entry.path().display()))?;
        files.insert(relative(dir, entry.path()), Sha256::digest(&bytes).into());
    }
    Ok(files)
}

fn relative(dir: &Path, path: &Path) -> String {
    let parts: Vec<_> = path
        .strip_prefix(dir)
        .expect("walked from dir")
        .iter()
        .map(|part| part.to_string_lossy())
        .collect();
    parts.join("/")
}

/// One line per file only one build has or that differs, at most 20.
fn differences(
    normal: &BTreeMap<String, [u8; 32]>,
    other: &BTreeMap<String, [u8; 32]>,
) -> Vec<String> {
    let mut lines = Vec::new();
    for (file, hash) in normal {
        match other.get(file) {
            None => lines.push(format!("{file}: only in the normal build")),
            Some(other_hash) if other_hash != hash => lines.push(format!("{file}: differs")),
            Some(_) => {}
        }
    }
    for file in other.keys().filter(|file| !normal.contains_key(*file)) {
        lines.push(format!("{file}: only in the other build"));
    }
    if lines.len() > 20 {
        let more = lines.len() - 20;
        lines.truncate(20);
        lines.push(format!("... and {more} more"));
    }
    lines
}

fn copy_tree(from: &Path, to: &Path) -> Result<(), String> {
    for entry in WalkDir::new(from) {
        let entry = entry.map_err(|error| format!("cannot read {}: {error}", from.display()))?;
        let target = to.join(entry.path().strip_prefix(from).expect("walked from `from`"));
        let copied = if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target)
        } else {
            std::fs::copy(entry.path(), &target).map(|_| ())
        };
        copied.map_err(|error| format!("cannot copy to {}: {error}", target.display()))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_other_folder_is_outside_the_checkout_and_the_same_each_run() {
        let root = workspace_root();
        let other = other_target_dir(&root);
        assert!(!other.starts_with(&root), "{}", other.display());
        assert_eq!(other, other_target_dir(&root));
        assert_ne!(other, other_target_dir(Path::new("/elsewhere")));
    }

    #[test]
    fn differences_name_missing_extra_and_changed_files() {
        let folder = tempfile::tempdir().unwrap();
        let (a, b) = (folder.path().join("a"), folder.path().join("b"));
        for (dir, files) in [
            (&a, [("index.html", "x"), ("app.js", "1")]),
            (&b, [("index.html", "x"), ("app.js", "2")]),
        ] {
            std::fs::create_dir_all(dir.join("content")).unwrap();
            for (name, text) in files {
                std::fs::write(dir.join(name), text).unwrap();
            }
        }
        std::fs::write(a.join("content/old.json"), "{}").unwrap();
        std::fs::write(b.join("content/new.json"), "{}").unwrap();
        let copy = folder.path().join("copy");
        copy_tree(&a, &copy).unwrap();
        assert!(differences(&files_of(&a).unwrap(), &files_of(&copy).unwrap()).is_empty());
        assert_eq!(
            differences(&files_of(&a).unwrap(), &files_of(&b).unwrap()),
            [
                "app.js: differs",
                "content/old.json: only in the normal build",
                "content/new.json: only in the other build"
            ]
        );
    }
}
