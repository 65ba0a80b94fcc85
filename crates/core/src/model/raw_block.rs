//! Reading a body block through one flat struct instead of serde's internally tagged enums.
//!
//! A tagged enum buffers every block into serde's generic `Content` tree before choosing a
//! variant; that machinery is a large share of the browser build. One flat struct with optional
//! fields reads in a single pass, and mistyped fields still report their own path.

use super::{Block, HeadingLevel, Image, ImageVariant, RichText};
use serde::Deserialize;

#[derive(Deserialize)]
pub(super) struct RawBlock {
    #[serde(rename = "type")]
    kind: String,
    text: Option<RichText>,
    attribution: Option<String>,
    level: Option<HeadingLevel>,
    ordered: Option<bool>,
    items: Option<Vec<RichText>>,
    src: Option<String>,
    alt: Option<String>,
    decorative: Option<bool>,
    caption: Option<RichText>,
    width: Option<u32>,
    height: Option<u32>,
    credit: Option<String>,
    #[serde(default)]
    variants: Vec<ImageVariant>,
}

fn required<T, E: serde::de::Error>(value: Option<T>, field: &'static str) -> Result<T, E> {
    value.ok_or_else(|| E::missing_field(field))
}

/// Headings stay plain: they become the outline and the table of contents, where styling
/// and links do not belong.
fn plain_heading<E: serde::de::Error>(text: RichText) -> Result<String, E> {
    match text.as_plain() {
        Some(plain) => Ok(plain.to_string()),
        None => Err(E::custom(
            "a heading's text must be a plain string, without runs",
        )),
    }
}

impl RawBlock {
    pub(super) fn into_block<E: serde::de::Error>(self) -> Result<Block, E> {
        Ok(match self.kind.as_str() {
            "paragraph" => Block::Paragraph {
                text: required(self.text, "text")?,
            },
            "quote" => Block::Quote {
                text: required(self.text, "text")?,
                attribution: self.attribution,
            },
            "heading" => Block::Heading {
                level: required(self.level, "level")?,
                text: plain_heading(required(self.text, "text")?)?,
            },
            "list" => Block::List {
                ordered: self.ordered.unwrap_or(false),
                items: required(self.items, "items")?,
            },
            "image" => Block::Image(Image {
                src: required(self.src, "src")?,
                alt: required(self.alt, "alt")?,
                decorative: self.decorative.unwrap_or(false),
                caption: self.caption,
                width: required(self.width, "width")?,
                height: required(self.height, "height")?,
                credit: self.credit,
                variants: self.variants,
            }),
            _ => Block::Unsupported,
        })
    }
}

impl<'de> Deserialize<'de> for Block {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        RawBlock::deserialize(deserializer)?.into_block::<D::Error>()
    }
}
