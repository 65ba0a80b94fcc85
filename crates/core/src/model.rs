//! The content model: what the JSON files under `content/` hold.
//!
//! Unknown fields are ignored everywhere, so a CMS may export more than we read. A missing or
//! mistyped required field is a [`ContentError`] naming the file and the JSON path of the field.

use serde::{Deserialize, Serialize};
use std::fmt;

mod raw_block;
mod rich_text;

pub use rich_text::{Inline, Mark, RichText, INLINE_TYPES, MAX_RUN_DEPTH};

/// Site-wide settings: `content/site.json`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Site {
    /// The organisation's name, used in the footer and in page titles.
    pub name: String,
    /// The meta description of the home page.
    pub description: String,
    /// The first year of the footer's copyright range ("© 1997 - 2026").
    pub copyright_start_year: u16,
    /// Absolute base URL of the public site (canonical links), without a trailing slash.
    #[serde(default)]
    pub base_url: Option<String>,
    /// Links shown in the site header ("Report Exploitation").
    #[serde(default)]
    pub header_links: Vec<Link>,
    pub newsletter: Newsletter,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Link {
    pub label: String,
    pub href: String,
}

/// The newsletter sign-up block and where it posts.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Newsletter {
    /// Text before the privacy link: "Subscribe to our quarterly newsletter. Submitting your
    /// email means you agree to our".
    pub intro: String,
    /// The privacy link's text ("privacy policy") and target.
    pub privacy_label: String,
    pub privacy_url: String,
    /// The button's text ("Sign Up").
    pub button_label: String,
    /// "View recent issues" + a link "here" to the archive.
    pub archive_text: String,
    pub archive_label: String,
    pub archive_url: String,
    /// Where the form posts (relative to the page, or absolute).
    pub endpoint: String,
    /// How the request body is encoded.
    #[serde(default)]
    pub encoding: NewsletterEncoding,
    /// Shown after a successful sign-up ("Check your inbox to confirm your subscription.").
    pub success_message: String,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NewsletterEncoding {
    /// `{"email": "...", "source": "/articles/..."}` as `application/json`.
    #[default]
    Json,
    /// `email=...&source=...` as `application/x-www-form-urlencoded`.
    Form,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Category {
    pub slug: String,
    pub name: String,
}

/// An image in the body or the hero slot. `width` and `height` are the intrinsic pixel size,
/// so the browser reserves the space before the file arrives (no layout shift).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Image {
    pub src: String,
    /// Required; may be empty only when `decorative` is true.
    pub alt: String,
    #[serde(default)]
    pub decorative: bool,
    #[serde(default)]
    pub caption: Option<RichText>,
    pub width: u32,
    pub height: u32,
    /// Who took the photograph; the caption shows it as "Photo: ...".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub credit: Option<String>,
    /// Resized copies written by `cargo xtask build` (editors leave this out): the views offer
    /// them in `srcset`, and `width`/`height` are then the source file's own size.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub variants: Vec<ImageVariant>,
}

/// One resized copy of an image, `width` × `height` pixels.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImageVariant {
    pub src: String,
    pub width: u32,
    pub height: u32,
    pub format: ImageFormat,
}

/// The formats the build writes: a modern one for the browsers that take it, JPEG for all.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ImageFormat {
    Avif,
    Webp,
    Jpeg,
}

impl ImageFormat {
    pub fn mime_type(self) -> &'static str {
        match self {
            ImageFormat::Avif => "image/avif",
            ImageFormat::Webp => "image/webp",
            ImageFormat::Jpeg => "image/jpeg",
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            ImageFormat::Avif => "avif",
            ImageFormat::Webp => "webp",
            ImageFormat::Jpeg => "jpg",
        }
    }
}

/// What listings and Read More cards need of an article.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ArticleSummary {
    pub slug: String,
    pub title: String,
    pub lede: String,
    pub category: Category,
    /// ISO 8601 date or date-time; the date part is what readers see.
    pub published: String,
    /// The small label above a card's category ("PSN").
    pub label: String,
    #[serde(default)]
    pub image: Option<Image>,
}

/// One article: `content/articles/{slug}.json`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Article {
    pub slug: String,
    pub title: String,
    pub lede: String,
    pub category: Category,
    pub published: String,
    #[serde(default)]
    pub updated: Option<String>,
    pub label: String,
    #[serde(default)]
    pub hero: Option<Image>,
    /// Overrides the computed reading time, in minutes.
    #[serde(default)]
    pub reading_time_minutes: Option<u32>,
    pub body: Vec<Block>,
}

/// A body block. Paragraphs, quotes, list items and captions are [`RichText`]; headings and
/// attributions are plain text. Unknown block types are kept as [`Block::Unsupported`] and render nothing, so
/// content written for a newer app still shows what this one understands.
///
/// Reading is hand-written in `raw_block` (see there why); writing uses the same shape.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Block {
    Paragraph {
        text: RichText,
    },
    Image(Image),
    Quote {
        text: RichText,
        #[serde(default)]
        attribution: Option<String>,
    },
    Heading {
        level: HeadingLevel,
        text: String,
    },
    List {
        #[serde(default)]
        ordered: bool,
        items: Vec<RichText>,
    },
    Unsupported,
}

/// Body headings sit below the page's single h1.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub enum HeadingLevel {
    H2,
    H3,
}

impl TryFrom<u8> for HeadingLevel {
    type Error = String;
    fn try_from(level: u8) -> Result<Self, Self::Error> {
        match level {
            2 => Ok(Self::H2),
            3 => Ok(Self::H3),
            other => Err(format!("heading level must be 2 or 3, not {other}")),
        }
    }
}

impl From<HeadingLevel> for u8 {
    fn from(level: HeadingLevel) -> u8 {
        match level {
            HeadingLevel::H2 => 2,
            HeadingLevel::H3 => 3,
        }
    }
}

/// One page of a listing: `content/pages/{n}.json` (every article, newest first) or
/// `content/categories/{slug}/{n}.json` (one category). Pages are numbered from 1.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ListingPage {
    pub page: u32,
    pub total_pages: u32,
    pub total_articles: u32,
    /// Set on category listings.
    #[serde(default)]
    pub category: Option<Category>,
    pub articles: Vec<ArticleSummary>,
}

impl Article {
    pub fn summary(&self) -> ArticleSummary {
        ArticleSummary {
            slug: self.slug.clone(),
            title: self.title.clone(),
            lede: self.lede.clone(),
            category: self.category.clone(),
            published: self.published.clone(),
            label: self.label.clone(),
            image: self.hero.clone(),
        }
    }
}

/// Why a content file could not be read: names the file, the JSON path and the problem.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ContentError {
    pub file: String,
    /// JSON path of the offending value (`body[3].text`), or `.` for the whole document.
    pub path: String,
    pub message: String,
}

impl fmt::Display for ContentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}: {}", self.file, self.path, self.message)
    }
}

impl std::error::Error for ContentError {}

/// Parses one content file. `file` only labels errors.
#[cfg(feature = "field-paths")]
pub fn parse<T: serde::de::DeserializeOwned>(file: &str, json: &str) -> Result<T, ContentError> {
    let deserializer = &mut serde_json::Deserializer::from_str(json);
    serde_path_to_error::deserialize(deserializer).map_err(|error| {
        let path = error.path().to_string();
        ContentError {
            file: file.to_string(),
            path,
            message: error.into_inner().to_string(),
        }
    })
}

/// Parses one content file. `file` only labels errors; the position is serde's line and
/// column (the message itself names a missing field).
#[cfg(not(feature = "field-paths"))]
pub fn parse<T: serde::de::DeserializeOwned>(file: &str, json: &str) -> Result<T, ContentError> {
    serde_json::from_str(json).map_err(|error| ContentError {
        file: file.to_string(),
        path: format!("line {} column {}", error.line(), error.column()),
        message: error.to_string(),
    })
}
