//! Builds the listing indexes (`pages/{n}.json` and `categories/{slug}/{n}.json`) from the
//! article files.
//!
//! Listings are precomputed rather than assembled in the browser so that no page ever has to
//! download the whole catalog: a page fetches one article and a few fixed-size listing pages,
//! however many articles exist.

use crate::date::Date;
use crate::model::{self, Article, Category, ContentError, ListingPage};
use crate::paths;
use std::cmp::Reverse;
use std::collections::BTreeMap;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// Every listing page with its path relative to the content folder: the home listing first,
/// then each category in slug order. Newest articles come first; equal dates fall back to slug
/// order so the output never depends on the order files were read in.
///
/// A category's display name is taken from its newest article, so renaming a category only
/// needs the next article to carry the new name.
pub fn build_listings(articles: &[Article]) -> Vec<(String, ListingPage)> {
    let mut sorted: Vec<&Article> = articles.iter().collect();
    // Only the day counts, as only the day is shown; an unreadable date sorts last.
    sorted.sort_by_cached_key(|a| (Reverse(Date::parse_iso(&a.published)), a.slug.clone()));

    let mut listings = paginate(&sorted, None, paths::listing);

    let mut by_category: BTreeMap<&str, Vec<&Article>> = BTreeMap::new();
    for article in &sorted {
        by_category
            .entry(article.category.slug.as_str())
            .or_default()
            .push(article);
    }
    for (slug, members) in by_category {
        let category = members[0].category.clone();
        listings.extend(paginate(&members, Some(category), |page| {
            paths::category_listing(slug, page)
        }));
    }
    listings
}

/// Splits `sorted` into pages of [`paths::PAGE_SIZE`]. An empty list still gets page 1 so the
/// app always has something to fetch and can say "no articles yet" instead of failing.
fn paginate(
    sorted: &[&Article],
    category: Option<Category>,
    path_of: impl Fn(u32) -> String,
) -> Vec<(String, ListingPage)> {
    let total_articles = to_u32(sorted.len());
    let chunks: Vec<&[&Article]> = if sorted.is_empty() {
        vec![&[]]
    } else {
        sorted.chunks(paths::PAGE_SIZE).collect()
    };
    let total_pages = to_u32(chunks.len());
    chunks
        .into_iter()
        .zip(1..)
        .map(|(chunk, page)| {
            let listing = ListingPage {
                page,
                total_pages,
                total_articles,
                category: category.clone(),
                articles: chunk.iter().map(|article| article.summary()).collect(),
            };
            (path_of(page), listing)
        })
        .collect()
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).expect("catalog larger than u32::MAX articles")
}

/// Reads every `articles/*.json` under `content_dir`, in file-name order.
///
/// All problems are collected rather than stopping at the first, so an editor fixing an export
/// sees every broken file in one run. Besides parse errors, an article is refused when its slug
/// differs from its file name (the app finds articles by file name) and when its own or its
/// category's slug is not a valid slug (both become paths the index builder writes to).
pub fn load_articles(content_dir: &Path) -> Result<Vec<Article>, Vec<ContentError>> {
    let mut files = json_files(&content_dir.join("articles"))
        .map_err(|error| vec![io_error("articles", &error)])?;
    files.sort();
    let mut articles = Vec::new();
    let mut errors = Vec::new();
    for file in files {
        match load_article(&file) {
            Ok(article) => articles.push(article),
            Err(mut problems) => errors.append(&mut problems),
        }
    }
    if errors.is_empty() {
        Ok(articles)
    } else {
        Err(errors)
    }
}

fn load_article(file: &Path) -> Result<Article, Vec<ContentError>> {
    let name = file.file_name().unwrap_or_default().to_string_lossy();
    let label = format!("articles/{name}");
    let json = fs::read_to_string(file).map_err(|error| vec![io_error(&label, &error)])?;
    let article: Article = model::parse(&label, &json).map_err(|error| vec![error])?;

    let problem = |path: &str, message: String| ContentError {
        file: label.clone(),
        path: path.to_string(),
        message,
    };
    let mut problems = Vec::new();
    if !paths::is_valid_slug(&article.slug) {
        problems.push(problem("slug", invalid_slug(&article.slug)));
    }
    if name.strip_suffix(".json") != Some(article.slug.as_str()) {
        let message = format!(
            "slug {:?} differs from the file name; the file must be named {:?}",
            article.slug,
            paths::article(&article.slug)
        );
        problems.push(problem("slug", message));
    }
    if !paths::is_valid_slug(&article.category.slug) {
        problems.push(problem(
            "category.slug",
            invalid_slug(&article.category.slug),
        ));
    }
    if problems.is_empty() {
        Ok(article)
    } else {
        Err(problems)
    }
}

fn json_files(folder: &Path) -> io::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for entry in fs::read_dir(folder)? {
        let path = entry?.path();
        if path.is_file() && path.extension().is_some_and(|ext| ext == "json") {
            files.push(path);
        }
    }
    Ok(files)
}

fn invalid_slug(slug: &str) -> String {
    format!("{slug:?} is not a valid slug: use lowercase ASCII letters, digits and single hyphens")
}

fn io_error(file: &str, error: &io::Error) -> ContentError {
    ContentError {
        file: file.to_string(),
        path: ".".to_string(),
        message: error.to_string(),
    }
}

/// Regenerates every listing file under `content_dir` and returns the paths written.
///
/// Nothing is touched unless all articles load, so a broken export never leaves the site with
/// half-written listings. Old listing files are removed first: a category that lost its last
/// article, or a page number that no longer exists, must not keep serving stale cards.
pub fn write_listings(content_dir: &Path) -> io::Result<Vec<PathBuf>> {
    let articles = load_articles(content_dir).map_err(|errors| {
        let messages: Vec<String> = errors.iter().map(ToString::to_string).collect();
        io::Error::new(io::ErrorKind::InvalidData, messages.join("\n"))
    })?;
    let listings = build_listings(&articles);

    let pages = content_dir.join("pages");
    if pages.is_dir() {
        for file in json_files(&pages)? {
            fs::remove_file(file)?;
        }
    }
    let categories = content_dir.join("categories");
    if categories.exists() {
        fs::remove_dir_all(&categories)?;
    }

    let mut written = Vec::with_capacity(listings.len());
    for (relative, listing) in listings {
        let path = content_dir.join(relative);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent)?;
        }
        let mut json = serde_json::to_string_pretty(&listing)?;
        json.push('\n');
        fs::write(&path, json)?;
        written.push(path);
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(slug: &str, published: &str, category: &str) -> Article {
        let json = serde_json::json!({
            "slug": slug, "title": slug, "lede": "Lede.", "label": "PSN", "body": [],
            "category": {"slug": category, "name": category.to_uppercase()},
            "published": published,
        });
        serde_json::from_value(json).unwrap()
    }

    /// Each page as (path, [page, total_pages, total_articles], number of cards).
    fn shape(listings: &[(String, ListingPage)]) -> Vec<(&str, [u32; 3], usize)> {
        listings
            .iter()
            .map(|(path, p)| {
                (
                    path.as_str(),
                    [p.page, p.total_pages, p.total_articles],
                    p.articles.len(),
                )
            })
            .collect()
    }

    fn slugs(page: &ListingPage) -> Vec<&str> {
        page.articles.iter().map(|a| a.slug.as_str()).collect()
    }

    #[test]
    fn twenty_five_articles_make_three_pages_newest_first() {
        let articles: Vec<Article> = (1..=25)
            .map(|day| {
                let category = if day % 5 == 0 { "rare" } else { "common" };
                article(
                    &format!("a{day:02}"),
                    &format!("2024-01-{day:02}"),
                    category,
                )
            })
            .collect();
        let listings = build_listings(&articles);
        let expected = [
            ("pages/1.json", [1, 3, 25], 12),
            ("pages/2.json", [2, 3, 25], 12),
            ("pages/3.json", [3, 3, 25], 1),
            ("categories/common/1.json", [1, 2, 20], 12),
            ("categories/common/2.json", [2, 2, 20], 8),
            ("categories/rare/1.json", [1, 1, 5], 5),
        ];
        assert_eq!(shape(&listings), expected);
        assert!(listings[..3]
            .iter()
            .all(|(_, page)| page.category.is_none()));
        assert_eq!(slugs(&listings[0].1)[..3], ["a25", "a24", "a23"]);
        assert_eq!(slugs(&listings[2].1), ["a01"]);
        assert_eq!(slugs(&listings[5].1), ["a25", "a20", "a15", "a10", "a05"]);
        let rare = listings[5].1.category.as_ref().map(|c| c.name.as_str());
        assert_eq!(rare, Some("RARE"));
    }

    #[test]
    fn equal_dates_go_by_slug_and_the_newest_article_names_the_category() {
        let mut renamed = article("c", "2023-12-31", "x");
        renamed.category.name = "Old name".to_string();
        let articles = [
            article("b", "2024-05-01T09:00:00Z", "x"),
            article("a", "2024-05-01", "x"),
            renamed,
        ];
        let listings = build_listings(&articles);
        assert_eq!(slugs(&listings[0].1), ["a", "b", "c"]);
        assert_eq!(listings[1].0, "categories/x/1.json");
        assert_eq!(listings[1].1.category.as_ref().unwrap().name, "X");
    }

    #[test]
    fn an_empty_catalog_still_has_a_first_page() {
        let listings = build_listings(&[]);
        assert_eq!(shape(&listings), [("pages/1.json", [1, 1, 0], 0)]);
    }
}
