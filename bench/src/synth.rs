//! Synthetic content for the scaling figures: a large catalog, to show that what an article page
//! downloads does not grow with the number of articles, and very long articles, to show how
//! render time grows with length.
//!
//! Text comes from a fixed word list and a seeded generator, so every run measures the same
//! bytes. Every article is serialised from the content model, so it is valid by construction.

use newsroom_core::model::{Article, Block, Category, HeadingLevel};
use std::path::Path;

const WORDS: [&str; 48] = [
    "justice",
    "community",
    "court",
    "partners",
    "survivors",
    "children",
    "protection",
    "officers",
    "training",
    "evidence",
    "case",
    "hearing",
    "prosecutors",
    "agency",
    "support",
    "families",
    "safety",
    "online",
    "exploitation",
    "report",
    "province",
    "government",
    "leaders",
    "social",
    "workers",
    "care",
    "shelter",
    "investigation",
    "response",
    "program",
    "judges",
    "testimony",
    "network",
    "recovery",
    "trauma-informed",
    "law",
    "enforcement",
    "strengthened",
    "capacity",
    "public",
    "awareness",
    "regional",
    "national",
    "meeting",
    "process",
    "victims",
    "rescued",
    "convicted",
];

const CATEGORIES: [(&str, &str); 8] = [
    ("justice-system", "Justice System"),
    ("survivor-leadership", "Survivor Leadership"),
    (
        "scaling-through-partnerships",
        "Scaling Through Partnerships",
    ),
    ("technology", "Technology"),
    ("community-events", "Community Events"),
    ("policy", "Policy"),
    ("research", "Research"),
    ("aftercare", "Aftercare"),
];

/// A small deterministic generator (64-bit LCG, high bits): reproducible text without a
/// dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn sentence(&mut self, words: usize) -> String {
        let mut text = String::new();
        for i in 0..words {
            let word = WORDS[self.below(WORDS.len())];
            if i == 0 {
                let mut chars = word.chars();
                text.extend(chars.next().map(|c| c.to_ascii_uppercase()));
                text.push_str(chars.as_str());
            } else {
                text.push(' ');
                text.push_str(word);
            }
        }
        text.push('.');
        text
    }

    fn paragraph(&mut self, sentences: usize) -> String {
        (0..sentences)
            .map(|_| {
                let words = 8 + self.below(12);
                self.sentence(words)
            })
            .collect::<Vec<_>>()
            .join(" ")
    }
}

fn write_article(content: &Path, article: &Article) -> Result<(), String> {
    let path = content.join(newsroom_core::paths::article(&article.slug));
    let json = serde_json::to_string_pretty(article).map_err(|error| error.to_string())?;
    std::fs::write(&path, json).map_err(|error| format!("writing {}: {error}", path.display()))
}

/// Adds `count` articles to `content/articles`, dated across 2000–2025 in eight categories.
/// Sizes match the sample's: a lede of one long sentence, six to ten paragraphs, a heading.
pub fn add_catalog(content: &Path, count: usize) -> Result<(), String> {
    let mut rng = Rng(0x5eed);
    for n in 0..count {
        let (slug, name) = CATEGORIES[rng.below(CATEGORIES.len())];
        let year = 2000 + rng.below(26);
        let published = format!("{year}-{:02}-{:02}", 1 + rng.below(12), 1 + rng.below(28));
        let mut body: Vec<Block> = (0..6 + rng.below(5))
            .map(|_| Block::Paragraph {
                text: rng.paragraph(4).into(),
            })
            .collect();
        body.insert(
            2,
            Block::Heading {
                level: HeadingLevel::H2,
                text: rng.sentence(4),
            },
        );
        let title = rng.sentence(7);
        let article = Article {
            slug: format!("{PREFIX}{n:05}"),
            title: format!("{} (report {n})", title.trim_end_matches('.')),
            lede: rng.sentence(30),
            category: Category {
                slug: slug.to_string(),
                name: name.to_string(),
            },
            published,
            updated: None,
            label: "PSN".to_string(),
            hero: None,
            reading_time_minutes: None,
            body,
        };
        write_article(content, &article)?;
    }
    Ok(())
}

const PREFIX: &str = "synthetic-report-";

/// True for the file of a catalog filler article (not for the long articles).
pub fn is_generated(path: &Path) -> bool {
    path.file_name()
        .and_then(|name| name.to_str())
        .is_some_and(|name| name.starts_with(PREFIX))
}

/// The slug of the generated article with `paragraphs` paragraphs.
pub fn long_slug(paragraphs: usize) -> String {
    format!("long-article-of-{paragraphs}-paragraphs")
}

/// Adds an article of `paragraphs` paragraphs, each ending in its own number so the last one
/// is unmistakable. It is dated long ago so it never appears among other articles' cards.
pub fn add_long_article(content: &Path, paragraphs: usize) -> Result<(), String> {
    let mut rng = Rng(paragraphs as u64);
    let body = (1..=paragraphs)
        .map(|n| Block::Paragraph {
            text: format!("{} End of paragraph {n}.", rng.paragraph(3)).into(),
        })
        .collect();
    let article = Article {
        slug: long_slug(paragraphs),
        title: format!("A long article of {paragraphs} paragraphs"),
        lede: rng.sentence(25),
        category: Category {
            slug: "research".to_string(),
            name: "Research".to_string(),
        },
        published: "1999-01-01".to_string(),
        updated: None,
        label: "PSN".to_string(),
        hero: None,
        reading_time_minutes: None,
        body,
    };
    write_article(content, &article)
}
