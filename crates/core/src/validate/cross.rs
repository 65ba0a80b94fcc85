//! Rules that need every article at once: slugs must be unique and a category must carry one
//! name everywhere.

use super::fields::quote;
use super::{Problem, Sink};
use crate::date::Date;
use crate::model::Article;
use crate::paths;
use std::cmp::Reverse;
use std::collections::BTreeMap;

/// The article files of a content folder as the checks found them.
pub(super) struct Catalog {
    /// Articles that parsed, with their file (`articles/x.json`), in file order.
    pub(super) articles: Vec<(String, Article)>,
    /// Article files that did not parse.
    pub(super) broken: Vec<String>,
    /// Whether `articles/` could be listed at all; without it nothing is known.
    pub(super) listed: bool,
}

/// What a listing card's slug points at.
pub(super) enum Lookup<'a> {
    Found(&'a str, &'a Article),
    /// The file exists but did not parse: its problems are already reported.
    Broken,
    Missing,
}

impl Catalog {
    pub(super) fn new(articles: Vec<(String, Article)>, broken: Vec<String>, listed: bool) -> Self {
        Catalog {
            articles,
            broken,
            listed,
        }
    }

    /// Whether the index builder would accept every article. Only then is it known exactly
    /// which listing files should exist and what they should hold.
    pub(super) fn is_complete(&self) -> bool {
        self.listed
            && self.broken.is_empty()
            && self.articles.iter().all(|(file, article)| {
                paths::is_valid_slug(&article.slug)
                    && paths::is_valid_slug(&article.category.slug)
                    && *file == paths::article(&article.slug)
            })
    }

    pub(super) fn parsed(&self) -> Vec<Article> {
        self.articles
            .iter()
            .map(|(_, article)| article.clone())
            .collect()
    }

    /// The article the app would fetch for `slug`: it goes by file name, not by the slug
    /// written inside the file.
    pub(super) fn lookup(&self, slug: &str) -> Lookup<'_> {
        let file = paths::article(slug);
        if let Some((file, article)) = self.articles.iter().find(|(f, _)| *f == file) {
            Lookup::Found(file, article)
        } else if self.broken.contains(&file) {
            Lookup::Broken
        } else {
            Lookup::Missing
        }
    }

    pub(super) fn check(&self, problems: &mut Vec<Problem>) {
        self.check_unique_slugs(problems);
        self.check_category_names(problems);
    }

    /// Two files with one slug would both claim one URL. The file already named after the
    /// slug keeps it; every other one is reported.
    fn check_unique_slugs(&self, problems: &mut Vec<Problem>) {
        let mut by_slug: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
        for (file, article) in &self.articles {
            by_slug.entry(&article.slug).or_default().push(file);
        }
        for (slug, files) in by_slug {
            if files.len() < 2 {
                continue;
            }
            let named = paths::article(slug);
            let owner = files
                .iter()
                .copied()
                .find(|file| *file == named)
                .unwrap_or(files[0]);
            for file in files.into_iter().filter(|file| *file != owner) {
                let message = format!("{} is also the slug of {owner}", quote(slug));
                Sink::new(file, problems).push("slug", message);
            }
        }
    }

    /// Listings name a category after its newest article, so an older article carrying
    /// another name shows one name on its page and another on the cards. The newest
    /// article's name is taken as the intended one.
    fn check_category_names(&self, problems: &mut Vec<Problem>) {
        let mut newest_first: Vec<&(String, Article)> = self.articles.iter().collect();
        newest_first.sort_by_cached_key(|(_, article)| {
            (
                Reverse(Date::parse_iso(&article.published)),
                article.slug.clone(),
            )
        });
        let mut names: BTreeMap<&str, (&str, &str)> = BTreeMap::new();
        for (file, article) in newest_first {
            let category = &article.category;
            if !paths::is_valid_slug(&category.slug) {
                // Already reported; comparing names under a broken slug adds only noise.
                continue;
            }
            let (first_file, first_name) = *names
                .entry(&category.slug)
                .or_insert((file.as_str(), category.name.as_str()));
            if category.name != first_name {
                let message = format!(
                    "{} differs from {}, the name in {first_file}, the newest article of \
                     category {}",
                    quote(&category.name),
                    quote(first_name),
                    quote(&category.slug)
                );
                Sink::new(file, problems).push("category.name", message);
            }
        }
    }
}
