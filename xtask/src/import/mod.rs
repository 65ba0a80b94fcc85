//! `cargo xtask import CMS FILE [--out DIR]`: articles from a CMS export into a content
//! folder, then the listings rebuilt and the content checked.
//!
//! Each CMS is one module that turns its export into [`Import`] (articles, and what each
//! lost on the way); writing, listings, the check and the report are shared here. A second
//! CMS (Ghost's JSON export, say) is one more module and one more line in [`IMPORTERS`].

mod dropped;
mod html;
mod shortcode;
mod wordpress;

use crate::process::workspace_root;
use dropped::Dropped;
use newsroom_core::model::{Article, Block, Image, RichText};
use newsroom_core::{catalog, paths, validate};
use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// Turns one export's text into articles, or says why it cannot.
type Importer = fn(&str) -> Result<Import, String>;

/// The CMSs `import` reads, by the name given on the command line.
const IMPORTERS: [(&str, Importer); 1] = [("wordpress", wordpress::import)];

/// The names `cargo xtask import` accepts.
pub fn cms_names() -> Vec<&'static str> {
    IMPORTERS.iter().map(|(name, _)| *name).collect()
}

/// What an importer makes of one export.
#[derive(Default)]
pub struct Import {
    pub posts: Vec<Post>,
    /// Posts that could not be imported at all, one line each.
    pub warnings: Vec<String>,
}

pub struct Post {
    pub article: Article,
    /// What the post's markup held that the model has no place for.
    pub dropped: Dropped,
    /// How the export names the post, for warnings.
    pub source: String,
}

/// What an import did, for the report.
#[derive(Debug, PartialEq, Eq)]
pub struct Summary {
    pub written: Vec<String>,
    pub blocks: BTreeMap<&'static str, usize>,
    pub warnings: Vec<String>,
    pub check: validate::Report,
}

/// `cms` is one of [`IMPORTERS`] (the command line offers only those).
pub fn run(cms: &str, file: &Path, out: Option<PathBuf>) -> Result<(), String> {
    let out = out.unwrap_or_else(|| workspace_root().join("public/content"));
    let export = fs::read_to_string(file)
        .map_err(|error| format!("cannot read {}: {error}", file.display()))?;
    let summary = import_into(cms, &export, &out)?;
    print!("{}", report(&summary, &out));
    if summary.check.is_clean() {
        Ok(())
    } else {
        Err(format!(
            "the imported content has {} problems to fix (listed above)",
            summary.check.problems.len()
        ))
    }
}

/// Imports `export` (in `cms`'s format) into the content folder `out`, rebuilds its listings
/// and checks it. Nothing is written when an article file already exists with other content:
/// an import never overwrites an editor's work.
pub fn import_into(cms: &str, export: &str, out: &Path) -> Result<Summary, String> {
    let importer = IMPORTERS
        .iter()
        .find(|(name, _)| *name == cms)
        .ok_or_else(|| format!("unknown CMS {cms:?}"))?
        .1;
    let import = importer(export)?;
    let mut warnings = import.warnings;
    let mut files = Vec::new();
    let mut slugs = BTreeSet::new();
    for mut post in import.posts {
        let base = post.article.slug.clone();
        let mut n = 1;
        while !slugs.insert(post.article.slug.clone()) {
            n += 1;
            post.article.slug = format!("{base}-{n}");
        }
        if n > 1 {
            post.dropped.add(format!(
                "its slug, taken by another post (now {:?})",
                post.article.slug
            ));
        }
        if let Some(what) = post.dropped.describe() {
            warnings.push(format!("post {:?}: dropped {what}", post.source));
        }
        let mut json = serde_json::to_string_pretty(&post.article)
            .map_err(|error| format!("{}: {error}", post.source))?;
        json.push('\n');
        files.push((paths::article(&post.article.slug), json, post.article));
    }
    for (relative, json, _) in &files {
        let path = out.join(relative);
        if fs::read_to_string(&path).is_ok_and(|existing| existing != *json) {
            return Err(format!(
                "{} already exists with other content: nothing was written (move it away, \
                 or import into another folder with --out)",
                path.display()
            ));
        }
    }
    fs::create_dir_all(out.join("articles"))
        .map_err(|error| format!("cannot create {}: {error}", out.display()))?;
    if !out.join(paths::site()).exists() {
        let sample = workspace_root().join("public/content").join(paths::site());
        fs::copy(&sample, out.join(paths::site()))
            .map_err(|error| format!("cannot copy {}: {error}", sample.display()))?;
        warnings.push(format!(
            "{} had no site.json: the sample's was copied there; edit its name, base_url \
             and newsletter",
            out.display()
        ));
    }
    let mut blocks = BTreeMap::new();
    let mut written = Vec::new();
    for (relative, json, article) in files {
        for block in &article.body {
            *blocks.entry(kind(block)).or_default() += 1;
        }
        fs::write(out.join(&relative), json)
            .map_err(|error| format!("cannot write {relative}: {error}"))?;
        written.push(relative);
    }
    catalog::write_listings(out)
        .map_err(|error| format!("could not rebuild the listings: {error}"))?;
    Ok(Summary {
        written,
        blocks,
        warnings,
        check: validate::check_content_dir(out),
    })
}

/// An image as a CMS describes one: the project's own fields (credit, variants) come later.
fn cms_image(src: &str, alt: String, caption: Option<RichText>, size: (u32, u32)) -> Image {
    Image {
        src: src.to_string(),
        alt,
        decorative: false,
        caption,
        width: size.0,
        height: size.1,
        credit: None,
        variants: Vec::new(),
    }
}

fn kind(block: &Block) -> &'static str {
    match block {
        Block::Paragraph { .. } => "paragraph",
        Block::Heading { .. } => "heading",
        Block::Quote { .. } => "quote",
        Block::List { .. } => "list",
        Block::Image(_) => "image",
        Block::Unsupported => "unsupported",
    }
}

fn report(summary: &Summary, out: &Path) -> String {
    let mut text = String::new();
    for warning in &summary.warnings {
        text.push_str(&format!("warning: {warning}\n"));
    }
    let blocks: Vec<String> = summary
        .blocks
        .iter()
        .map(|(kind, count)| format!("{count} {kind}"))
        .collect();
    text.push_str(&format!(
        "imported {} posts into {}\nblocks: {}\nwarnings: {}\ncontent check: {}",
        summary.written.len(),
        out.display(),
        if blocks.is_empty() {
            "none".to_string()
        } else {
            blocks.join(", ")
        },
        summary.warnings.len(),
        summary.check
    ));
    text
}

#[cfg(test)]
mod tests;
