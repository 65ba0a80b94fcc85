//! Checks the committed sample content: every file parses, and the committed listing indexes
//! are exactly what the builder makes from the committed articles, so they cannot drift apart.
//! Also exercises the builder's file handling on a scratch copy, never on the sample itself.

use newsroom_core::catalog::{build_listings, load_articles, write_listings};
use newsroom_core::model::{self, Article, Block, Site};
use newsroom_core::{paths, reading_time};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

const SEED_SLUG: &str = "us-and-philippines-conclude-child-protection-compact-partnership";

fn content_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../public/content")
}

fn articles() -> Vec<Article> {
    load_articles(&content_dir()).unwrap_or_else(|errors| {
        let messages: Vec<String> = errors.iter().map(ToString::to_string).collect();
        panic!("sample articles do not load:\n{}", messages.join("\n"))
    })
}

/// Every `.json` under `folder`, as paths relative to the content folder.
fn json_files_under(content: &Path, folder: &str, found: &mut BTreeSet<String>) {
    let Ok(entries) = fs::read_dir(content.join(folder)) else {
        return;
    };
    for entry in entries {
        let path = entry.expect("readable folder entry").path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let relative = format!("{folder}/{name}");
        if path.is_dir() {
            json_files_under(content, &relative, found);
        } else if name.ends_with(".json") {
            found.insert(relative);
        }
    }
}

#[test]
fn site_parses() {
    let json = fs::read_to_string(content_dir().join(paths::site())).expect("site.json exists");
    let site: Site = model::parse("site.json", &json).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(site.name, "International Justice Mission");
    assert_eq!(site.copyright_start_year, 1997);
}

#[test]
fn committed_listings_match_the_builder() {
    let content = content_dir();
    let expected: BTreeMap<String, Value> = build_listings(&articles())
        .into_iter()
        .map(|(path, page)| (path, serde_json::to_value(page).unwrap()))
        .collect();

    let mut committed_paths = BTreeSet::new();
    json_files_under(&content, "pages", &mut committed_paths);
    json_files_under(&content, "categories", &mut committed_paths);
    let expected_paths: BTreeSet<String> = expected.keys().cloned().collect();
    assert_eq!(
        committed_paths, expected_paths,
        "listing files differ from what the builder makes; regenerate them"
    );

    for (path, want) in &expected {
        let json = fs::read_to_string(content.join(path)).unwrap();
        let got: Value = serde_json::from_str(&json).unwrap_or_else(|e| panic!("{path}: {e}"));
        assert_eq!(&got, want, "{path} is stale; regenerate the listings");
        assert!(json.ends_with("}\n"), "{path} should end with a newline");
    }
}

#[test]
fn the_sample_has_ten_articles_with_unique_slugs() {
    let articles = articles();
    assert_eq!(articles.len(), 10);
    let slugs: BTreeSet<&str> = articles.iter().map(|a| a.slug.as_str()).collect();
    assert_eq!(slugs.len(), 10);
    assert!(articles
        .iter()
        .all(|a| a.hero.is_none() && paths::is_valid_slug(&a.slug)));
}

#[test]
fn the_seed_article_is_intact() {
    let articles = articles();
    let seed = articles
        .iter()
        .find(|a| a.slug == SEED_SLUG)
        .expect("seed article present");
    assert_eq!(
        seed.title,
        "U.S. and Philippines conclude Child Protection Compact Partnership"
    );
    assert_eq!(seed.published, "2021-04-29");
    assert_eq!(seed.category.slug, "scaling-through-partnerships");
    assert_eq!(seed.body.len(), 10);
    assert_eq!(seed.reading_time_minutes, None);
    assert_eq!(
        reading_time::minutes(seed),
        3,
        "the original page says 3 min read"
    );

    let images: Vec<_> = seed
        .body
        .iter()
        .filter_map(|block| match block {
            Block::Image(image) => Some(image),
            _ => None,
        })
        .collect();
    assert_eq!(images.len(), 1);
    let caption = images[0]
        .caption
        .as_ref()
        .map(|caption| caption.plain_text())
        .unwrap_or_default();
    assert!(
        caption.starts_with("Dr. Kari Johnstone (left)"),
        "{caption}"
    );
    // A real photograph (docs/content.md names it and its licence), credited in the caption.
    assert_eq!(images[0].src, "/images/dune-grass.jpg");
    assert!((images[0].width, images[0].height) == (1680, 1050));
    assert!(images[0].credit.is_some());

    let quotes = seed
        .body
        .iter()
        .filter(|block| {
            matches!(
                block,
                Block::Quote {
                    attribution: None,
                    ..
                }
            )
        })
        .count();
    assert_eq!(quotes, 1);
    assert!(!seed.body.contains(&Block::Unsupported));
}

#[test]
fn writing_replaces_stale_listings_and_refuses_a_misnamed_article() {
    let scratch = tempfile::tempdir().unwrap();
    let dir = scratch.path();
    for folder in ["articles", "pages", "categories/gone"] {
        fs::create_dir_all(dir.join(folder)).unwrap();
    }
    fs::write(dir.join("pages/9.json"), "{}").unwrap();
    fs::write(dir.join("categories/gone/1.json"), "{}").unwrap();
    let seed = content_dir().join(paths::article(SEED_SLUG));
    fs::copy(&seed, dir.join(paths::article(SEED_SLUG))).unwrap();

    let written = write_listings(dir).unwrap();
    assert_eq!(written.len(), 2);
    assert!(!dir.join("pages/9.json").exists());
    assert!(!dir.join("categories/gone").exists());
    let home = fs::read_to_string(dir.join("pages/1.json")).unwrap();
    assert!(
        home.starts_with("{\n  \"page\": 1,") && home.ends_with("}\n"),
        "{home}"
    );

    fs::copy(&seed, dir.join("articles/renamed.json")).unwrap();
    let error = write_listings(dir).unwrap_err();
    assert_eq!(error.kind(), io::ErrorKind::InvalidData);
    assert!(
        error
            .to_string()
            .starts_with("articles/renamed.json: slug: "),
        "{error}"
    );
    assert!(
        dir.join("pages/1.json").exists(),
        "a failed run must leave listings alone"
    );
}
