//! The Read More cards under an article.
//!
//! Readers who finish an article are most likely to want more of the same topic, so cards
//! from the article's own category come first; the rest are filled with the newest articles
//! so the block is never short while the site has articles to show. Only the first page of
//! the category listing and of the all-articles listing are used, so building the block never
//! needs more than two small downloads.

use crate::date::Date;
use crate::model::ArticleSummary;
use std::cmp::Ordering;
use std::collections::HashSet;

/// How many Read More cards an article shows.
pub const READ_MORE_COUNT: usize = 9;

/// An article's Read More cards, from the first listing page of its category and the first
/// listing page of all articles: the same choice in the browser and in prerendered pages.
pub fn read_more(
    article: &crate::model::Article,
    same_category: &[ArticleSummary],
    recent: &[ArticleSummary],
) -> Vec<ArticleSummary> {
    select_related(
        &article.slug,
        &article.category.slug,
        same_category,
        recent,
        READ_MORE_COUNT,
    )
}

/// Up to `count` cards for the article `current_slug` of category `current_category_slug`.
///
/// `same_category` is the first page of the category's listing and `recent` the first page of
/// the all-articles listing. Their order is not trusted: both are sorted newest first (equal
/// dates by slug, unreadable dates last). Same-category articles are taken first, newest
/// first — every entry of `same_category`, and entries of `recent` whose category slug
/// matches — then the newest of the others fill the remaining places. The current article
/// and repeated slugs are skipped. The chosen cards come back newest first, so the block
/// reads as a dated list whichever rule picked each card.
pub fn select_related(
    current_slug: &str,
    current_category_slug: &str,
    same_category: &[ArticleSummary],
    recent: &[ArticleSummary],
    count: usize,
) -> Vec<ArticleSummary> {
    let mut seen = HashSet::from([current_slug]);
    let mut preferred = Vec::new();
    let mut others = Vec::new();
    let from_category = same_category.iter().map(|article| (article, true));
    let from_recent = recent.iter().map(|article| {
        let matches = article.category.slug == current_category_slug;
        (article, matches)
    });
    for (article, is_same_category) in from_category.chain(from_recent) {
        if !seen.insert(article.slug.as_str()) {
            continue;
        }
        if is_same_category {
            preferred.push(article);
        } else {
            others.push(article);
        }
    }
    sort_newest_first(&mut preferred);
    sort_newest_first(&mut others);

    let mut chosen: Vec<&ArticleSummary> =
        preferred.into_iter().chain(others).take(count).collect();
    sort_newest_first(&mut chosen);
    chosen.into_iter().cloned().collect()
}

// One function for the three sorts above: each distinct comparator closure would be its own
// copy of the sorting code in the browser's wasm.
fn sort_newest_first(articles: &mut [&ArticleSummary]) {
    articles.sort_by(|a, b| newest_first(a, b));
}

/// Newest first; equal dates by slug so the result never depends on input order; articles
/// whose date cannot be read go last, as nothing says they are recent.
pub fn newest_first(a: &ArticleSummary, b: &ArticleSummary) -> Ordering {
    let by_date = match (Date::parse_iso(&a.published), Date::parse_iso(&b.published)) {
        (Some(a_date), Some(b_date)) => b_date.cmp(&a_date),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    };
    by_date.then_with(|| a.slug.cmp(&b.slug))
}

#[cfg(test)]
mod tests;
