//! Reading a content folder the way the app does, so the static rendition and the texts the
//! bench waits for are derived from exactly what the app will show.

use newsroom_core::model::{self, Article, ArticleSummary, ListingPage, Site};
use newsroom_core::paths;
use newsroom_core::related::select_related;
use std::path::Path;

/// The app shows this many Read More cards (`RELATED_COUNT` in the app's `api` module).
pub const RELATED_COUNT: usize = 9;

fn read(content: &Path, relative: &str) -> Result<String, String> {
    let path = content.join(relative);
    std::fs::read_to_string(&path)
        .map_err(|error| format!("cannot read {}: {error}", path.display()))
}

pub fn site(content: &Path) -> Result<Site, String> {
    let relative = paths::site();
    model::parse(&relative, &read(content, &relative)?).map_err(|error| error.to_string())
}

pub fn article(content: &Path, slug: &str) -> Result<Article, String> {
    let relative = paths::article(slug);
    model::parse(&relative, &read(content, &relative)?).map_err(|error| error.to_string())
}

/// A missing listing costs the app its cards, not the page; the same holds here.
fn first_page(content: &Path, relative: &str) -> Vec<ArticleSummary> {
    read(content, relative)
        .ok()
        .and_then(|json| model::parse::<ListingPage>(relative, &json).ok())
        .map(|page| page.articles)
        .unwrap_or_default()
}

/// The Read More cards of `article`, picked from the same two listing pages the app fetches.
pub fn related(content: &Path, article: &Article) -> Vec<ArticleSummary> {
    let same_category = first_page(content, &paths::category_listing(&article.category.slug, 1));
    let recent = first_page(content, &paths::listing(1));
    select_related(
        &article.slug,
        &article.category.slug,
        &same_category,
        &recent,
        RELATED_COUNT,
    )
}

/// The last paragraph is the last text the app renders in the body, so its arrival marks the
/// body as complete.
pub fn last_paragraph(article: &Article) -> Option<String> {
    article.body.iter().rev().find_map(|block| match block {
        model::Block::Paragraph { text } => Some(text.plain_text()),
        _ => None,
    })
}

/// Texts whose joint presence in the DOM means the article page is fully rendered: the last
/// body paragraph and the last Read More card's title.
pub fn ready_texts(content: &Path, slug: &str) -> Result<Vec<String>, String> {
    let article = article(content, slug)?;
    let mut texts = vec![article.title.clone()];
    texts.extend(last_paragraph(&article));
    if let Some(card) = related(content, &article).last() {
        texts.push(card.title.clone());
    }
    Ok(texts)
}

/// Every article slug in the folder, from the file names.
pub fn slugs(content: &Path) -> Result<Vec<String>, String> {
    let folder = content.join("articles");
    let entries = std::fs::read_dir(&folder)
        .map_err(|error| format!("cannot list {}: {error}", folder.display()))?;
    let mut slugs: Vec<String> = entries
        .filter_map(Result::ok)
        .filter_map(|entry| {
            let name = entry.file_name().into_string().ok()?;
            name.strip_suffix(".json").map(str::to_string)
        })
        .collect();
    slugs.sort();
    Ok(slugs)
}
