//! Listing files against the articles they summarise.
//!
//! Listings are generated, so any difference from what [`build_listings`] makes means they
//! were edited by hand or not regenerated after an article changed; either way readers would
//! see cards that disagree with the articles. When every article loads, the listings are
//! compared file by file with what the builder would write. When some article does not load,
//! what the builder would write is unknown, so only each card is compared with its article.

use super::cross::{Catalog, Lookup};
use super::fields::quote;
use super::{Problem, Sink};
use crate::catalog::build_listings;
use crate::model::{ArticleSummary, ListingPage};
use std::collections::{BTreeMap, BTreeSet};

const REGENERATE: &str = "run `cargo xtask content-index`";

/// `listings` are the listing files that parsed; `listing_files` every listing file found.
pub(super) fn check(
    catalog: &Catalog,
    listings: &[(String, ListingPage)],
    listing_files: &[&String],
    problems: &mut Vec<Problem>,
) {
    if !catalog.is_complete() {
        for (file, page) in listings {
            check_cards(catalog, page, true, &mut Sink::new(file, problems));
        }
        return;
    }
    let expected: BTreeMap<String, ListingPage> =
        build_listings(&catalog.parsed()).into_iter().collect();
    let present: BTreeSet<&str> = listing_files.iter().map(|file| file.as_str()).collect();
    for file in expected.keys() {
        if !present.contains(file.as_str()) {
            let message = format!("missing: {REGENERATE}");
            Sink::new(file, problems).push(".", message);
        }
    }
    for file in &present {
        if !expected.contains_key(*file) {
            let message = format!("stale: the articles make no such listing; {REGENERATE}");
            Sink::new(file, problems).push(".", message);
        }
    }
    for (file, page) in listings {
        if let Some(want) = expected.get(file) {
            let sink = &mut Sink::new(file, problems);
            compare_page(page, want, sink);
            check_cards(catalog, page, false, sink);
        }
    }
}

fn compare_page(got: &ListingPage, want: &ListingPage, sink: &mut Sink) {
    let numbers = [
        ("page", got.page, want.page),
        ("total_pages", got.total_pages, want.total_pages),
        ("total_articles", got.total_articles, want.total_articles),
    ];
    for (field, got, want) in numbers {
        if got != want {
            let message = format!("is {got}, but the articles make {want}; {REGENERATE}");
            sink.push(field, message);
        }
    }
    if got.category != want.category {
        let expected = serde_json::to_string(&want.category).unwrap_or_default();
        let message = format!("does not match the articles, which make {expected}; {REGENERATE}");
        sink.push("category", message);
    }
    let got_slugs: Vec<&str> = got.articles.iter().map(|card| card.slug.as_str()).collect();
    let want_slugs: Vec<&str> = want
        .articles
        .iter()
        .map(|card| card.slug.as_str())
        .collect();
    if got_slugs != want_slugs {
        sink.push("articles", describe_difference(&got_slugs, &want_slugs));
    }
}

/// Names the cards that are missing or should not be there, or says the order is wrong when
/// the same cards are merely shuffled.
fn describe_difference(got: &[&str], want: &[&str]) -> String {
    let got_set: BTreeSet<&str> = got.iter().copied().collect();
    let want_set: BTreeSet<&str> = want.iter().copied().collect();
    let list = |slugs: Vec<&str>| {
        let quoted: Vec<String> = slugs.into_iter().map(quote).collect();
        quoted.join(", ")
    };
    let lacking: Vec<&str> = want_set.difference(&got_set).copied().collect();
    let extra: Vec<&str> = got_set.difference(&want_set).copied().collect();
    let mut parts = Vec::new();
    if !lacking.is_empty() {
        parts.push(format!("lacks {}", list(lacking)));
    }
    if !extra.is_empty() {
        parts.push(format!("should not list {}", list(extra)));
    }
    if parts.is_empty() {
        parts.push("the cards are not in order (newest first, then by slug)".to_string());
    }
    format!("{}; {REGENERATE}", parts.join("; "))
}

/// Compares every card with the article it links to. A card whose article file does not
/// exist is reported only when `report_missing`; otherwise the list comparison already
/// names it.
fn check_cards(catalog: &Catalog, page: &ListingPage, report_missing: bool, sink: &mut Sink) {
    for (index, card) in page.articles.iter().enumerate() {
        let path = format!("articles[{index}]");
        match catalog.lookup(&card.slug) {
            Lookup::Found(file, article) => {
                compare_card(card, &article.summary(), file, &path, sink)
            }
            Lookup::Broken => {}
            Lookup::Missing if report_missing => {
                let message = format!(
                    "no article {}: {} does not exist",
                    quote(&card.slug),
                    crate::paths::article(&card.slug)
                );
                sink.push(format!("{path}.slug"), message);
            }
            Lookup::Missing => {}
        }
    }
}

fn compare_card(
    got: &ArticleSummary,
    want: &ArticleSummary,
    file: &str,
    path: &str,
    sink: &mut Sink,
) {
    let texts = [
        ("title", &got.title, &want.title),
        ("lede", &got.lede, &want.lede),
        ("published", &got.published, &want.published),
        ("label", &got.label, &want.label),
    ];
    for (field, got, want) in texts {
        if got != want {
            sink.push(format!("{path}.{field}"), format!("does not match {file}"));
        }
    }
    if got.category != want.category {
        sink.push(format!("{path}.category"), format!("does not match {file}"));
    }
    if got.image != want.image {
        let message = format!("does not match the hero of {file}");
        sink.push(format!("{path}.image"), message);
    }
}
