//! Checks a whole content folder before it ships, for the people who write it.
//!
//! Parsing alone stops at the first mistake and accepts much that still breaks a page: an
//! empty title, an image without alt text, a `javascript:` link, a listing that no longer
//! matches its articles. This module reports all of those at once, each naming the file and
//! the JSON path to fix, so one run gives an editor the complete list rather than one error
//! per attempt.
//!
//! Everything is read from disk here and nothing is written, so the check is safe to run on
//! any export. Decisions about what counts as a problem are in `docs/content.md` ("Checking
//! content"); the rules themselves live in the submodules.

mod article;
mod characters;
mod cross;
mod document;
mod fields;
mod listings;
mod order;
pub(crate) mod rich_text;

use crate::model::{Article, ListingPage};
use std::fmt;
use std::fs;
use std::path::Path;

/// One thing an editor has to fix.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// Relative to the content folder, with `/` separators on every platform, so reports
    /// read the same everywhere and can be compared with a stored expectation.
    pub file: String,
    /// JSON path of the value to fix (`body[3].alt`), or `.` for the whole file.
    pub path: String,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}: {}", self.file, self.path, self.message)
    }
}

/// The outcome of checking a folder. Problems are ordered by file, and within a file roughly
/// as its fields come, so the same content always gives the same report.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Report {
    pub files_checked: usize,
    pub problems: Vec<Problem>,
}

impl Report {
    pub fn is_clean(&self) -> bool {
        self.problems.is_empty()
    }
}

/// One line per problem, then the summary line.
impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for problem in &self.problems {
            writeln!(f, "{problem}")?;
        }
        let files = plural(self.files_checked, "file", "files");
        let problems = plural(self.problems.len(), "problem", "problems");
        writeln!(f, "{files} checked, {problems}")
    }
}

fn plural(count: usize, one: &str, many: &str) -> String {
    format!("{count} {}", if count == 1 { one } else { many })
}

/// Collects the problems of one file, so rules only say where and what.
pub(crate) struct Sink<'a> {
    file: &'a str,
    problems: &'a mut Vec<Problem>,
}

impl<'a> Sink<'a> {
    pub(crate) fn new(file: &'a str, problems: &'a mut Vec<Problem>) -> Self {
        Sink { file, problems }
    }

    pub(crate) fn file(&self) -> &str {
        self.file
    }

    pub(crate) fn push(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.problems.push(Problem {
            file: self.file.to_string(),
            path: path.into(),
            message: message.into(),
        });
    }
}

/// What a file is, by where it sits: the app never looks inside a file to decide.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Site,
    Article,
    Listing,
}

impl Kind {
    fn of(file: &str) -> Option<Kind> {
        let parts: Vec<&str> = file.split('/').collect();
        match parts.as_slice() {
            ["site.json"] => Some(Kind::Site),
            ["articles", name] if name.ends_with(".json") => Some(Kind::Article),
            ["pages", name] | ["categories", _, name] if name.ends_with(".json") => {
                Some(Kind::Listing)
            }
            _ => None,
        }
    }
}

/// A file that parsed, kept for the rules that compare files with each other. Articles are
/// boxed as they are far larger than the other variants.
enum Parsed {
    Article(Box<Article>),
    Listing(ListingPage),
    Other,
}

/// Checks one file on its own, without the rules that need the other files (unique slugs,
/// category names, listings). `file` is the path relative to the content folder and decides
/// which type the file must parse as.
pub fn check_file(file: &str, bytes: &[u8]) -> Vec<Problem> {
    let mut problems = Vec::new();
    check_one(file, bytes, &mut Sink::new(file, &mut problems));
    problems
}

fn check_one(file: &str, bytes: &[u8], sink: &mut Sink) -> Parsed {
    let Some(kind) = Kind::of(file) else {
        sink.push(".", "not a content file: the app never reads it");
        return Parsed::Other;
    };
    let Some(text) = document::decode(bytes, sink) else {
        return Parsed::Other;
    };
    // Only fails when the typed parse fails too, which reports why.
    let raw: Option<serde_json::Value> = serde_json::from_str(text).ok();
    if let Some(raw) = &raw {
        characters::check(raw, sink);
    }
    match kind {
        Kind::Site => {
            document::check_site(text, sink);
            Parsed::Other
        }
        Kind::Article => document::check_article(text, raw.as_ref(), sink)
            .map_or(Parsed::Other, |article| Parsed::Article(Box::new(article))),
        Kind::Listing => document::parse_listing(text, sink).map_or(Parsed::Other, Parsed::Listing),
    }
}

/// Checks every content file under `dir` and how they fit together. Never fails: an
/// unreadable folder or file is itself a problem in the report.
pub fn check_content_dir(dir: &Path) -> Report {
    let mut problems = Vec::new();
    let files = discover(dir, &mut problems);
    let mut articles = Vec::new();
    let mut broken_articles = Vec::new();
    let mut listings = Vec::new();
    for file in &files {
        let mut sink = Sink::new(file, &mut problems);
        let parsed = match fs::read(dir.join(file)) {
            Ok(bytes) => check_one(file, &bytes, &mut sink),
            Err(error) => {
                sink.push(".", format!("cannot be read: {error}"));
                Parsed::Other
            }
        };
        match (parsed, Kind::of(file)) {
            (Parsed::Article(article), _) => articles.push((file.clone(), *article)),
            (Parsed::Listing(page), _) => listings.push((file.clone(), page)),
            (Parsed::Other, Some(Kind::Article)) => broken_articles.push(file.clone()),
            (Parsed::Other, _) => {}
        }
    }
    let listed = dir.join("articles").is_dir();
    let catalog = cross::Catalog::new(articles, broken_articles, listed);
    catalog.check(&mut problems);
    let listing_files: Vec<&String> = files
        .iter()
        .filter(|file| Kind::of(file) == Some(Kind::Listing))
        .collect();
    listings::check(&catalog, &listings, &listing_files, &mut problems);
    order::sort(&mut problems);
    Report {
        files_checked: files.len(),
        problems,
    }
}

/// Every file where the app looks for content, relative to `dir`, in a fixed order. A missing
/// `site.json` or `articles/` is a problem; missing listing folders are reported by the
/// listing rules, which know which pages should exist.
fn discover(dir: &Path, problems: &mut Vec<Problem>) -> Vec<String> {
    let mut files = Vec::new();
    if dir.join("site.json").is_file() {
        files.push("site.json".to_string());
    } else {
        Sink::new("site.json", problems).push(".", "missing: every page needs it");
    }
    if dir.join("articles").is_dir() {
        json_files(dir, "articles", &mut files, problems);
    } else {
        Sink::new("articles", problems).push(".", "missing folder: the articles live there");
    }
    if dir.join("pages").is_dir() {
        json_files(dir, "pages", &mut files, problems);
    }
    for category in sub_folders(dir, "categories", problems) {
        json_files(dir, &format!("categories/{category}"), &mut files, problems);
    }
    files
}

fn json_files(dir: &Path, folder: &str, files: &mut Vec<String>, problems: &mut Vec<Problem>) {
    let mut names: Vec<String> = entries(dir, folder, problems)
        .into_iter()
        .filter(|(name, is_dir)| !is_dir && name.ends_with(".json"))
        .map(|(name, _)| format!("{folder}/{name}"))
        .collect();
    names.sort();
    files.append(&mut names);
}

fn sub_folders(dir: &Path, folder: &str, problems: &mut Vec<Problem>) -> Vec<String> {
    if !dir.join(folder).is_dir() {
        return Vec::new();
    }
    let mut names: Vec<String> = entries(dir, folder, problems)
        .into_iter()
        .filter(|(_, is_dir)| *is_dir)
        .map(|(name, _)| name)
        .collect();
    names.sort();
    names
}

/// The names in `folder` and whether each is a folder. File names that are not UTF-8 are
/// shown lossily: such a file cannot be an article anyway, and its problem still names it.
fn entries(dir: &Path, folder: &str, problems: &mut Vec<Problem>) -> Vec<(String, bool)> {
    let read = match fs::read_dir(dir.join(folder)) {
        Ok(read) => read,
        Err(error) => {
            Sink::new(folder, problems).push(".", format!("cannot be read: {error}"));
            return Vec::new();
        }
    };
    read.filter_map(Result::ok)
        .map(|entry| {
            let name = entry.file_name().to_string_lossy().into_owned();
            (name, entry.path().is_dir())
        })
        .collect()
}

#[cfg(test)]
mod tests;
