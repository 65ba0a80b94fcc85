//! The "3 min read" estimate.
//!
//! Rule: count the words a reader reads — the title, the lede, every paragraph, heading,
//! quote (with its attribution), list item and image caption — where a word is a
//! whitespace-separated token holding at least one letter or digit, so a lone "—" or "“" is
//! not one. Reading them takes `words / 200` minutes. Each image adds time for looking at it:
//! 12 seconds for the first, 11 for the second, one second less for each next one down to a
//! floor of 3 seconds (the tapering Ghost and Medium use, since readers skim later pictures).
//! The hero image counts as an image like any in the body. The total is rounded to the nearest
//! minute (halves up) and is never below 1, because "0 min read" reads as a mistake.
//!
//! Rich text counts by its plain text: a link or an emphasised word is read like any other, and
//! a line break separates words as a space does.
//!
//! The original article page (560 words, one image) says "3 min read"; this rule gives
//! 560 / 200 min + 12 s = 3.0 min. 200 words a minute is a careful, not a skimming, pace,
//! which suits long-form reporting.
//!
//! Text without spaces between words (Chinese, Japanese, Thai) counts as few long words and
//! is underestimated; the content is English, and an article can set
//! `reading_time_minutes` when the estimate is wrong.

use crate::model::{Article, Block, RichText};

pub const WORDS_PER_MINUTE: u64 = 200;
const FIRST_IMAGE_SECONDS: u64 = 12;
const MIN_IMAGE_SECONDS: u64 = 3;

/// The article's own `reading_time_minutes` when set, otherwise the estimate described in the
/// module documentation.
pub fn minutes(article: &Article) -> u32 {
    article
        .reading_time_minutes
        .unwrap_or_else(|| estimate_minutes(article_words(article), article_images(article)))
}

/// Minutes to read `words` words and look at `images` images, rounded, at least 1.
pub fn estimate_minutes(words: usize, images: usize) -> u32 {
    let words = u64::try_from(words).unwrap_or(u64::MAX);
    // Work in units of 1 / (60 * WORDS_PER_MINUTE) minutes so that both words and seconds
    // are whole numbers and rounding is exact.
    let units_per_minute = 60 * WORDS_PER_MINUTE;
    let total_units = words
        .saturating_mul(60)
        .saturating_add(image_seconds(images).saturating_mul(WORDS_PER_MINUTE));
    let rounded = total_units.saturating_add(units_per_minute / 2) / units_per_minute;
    u32::try_from(rounded).unwrap_or(u32::MAX).max(1)
}

/// Seconds spent on `images` images: 12, 11, 10 ... then 3 for each from the tenth on.
fn image_seconds(images: usize) -> u64 {
    let images = u64::try_from(images).unwrap_or(u64::MAX);
    let tapering = images.min(FIRST_IMAGE_SECONDS - MIN_IMAGE_SECONDS + 1);
    let tapering_seconds =
        tapering * FIRST_IMAGE_SECONDS - tapering * tapering.saturating_sub(1) / 2;
    let floor_seconds = (images - tapering).saturating_mul(MIN_IMAGE_SECONDS);
    tapering_seconds.saturating_add(floor_seconds)
}

/// Words in `text`: whitespace-separated tokens with at least one letter or digit.
pub fn count_words(text: &str) -> usize {
    text.split_whitespace()
        .filter(|token| token.chars().any(char::is_alphanumeric))
        .count()
}

/// Words in everything a reader reads on the article page, as counted by [`count_words`].
pub fn article_words(article: &Article) -> usize {
    let hero_caption = article.hero.as_ref().and_then(|hero| hero.caption.as_ref());
    let body_words: usize = article.body.iter().map(block_words).sum();
    count_words(&article.title)
        + count_words(&article.lede)
        + hero_caption.map_or(0, rich_words)
        + body_words
}

fn block_words(block: &Block) -> usize {
    match block {
        Block::Paragraph { text } => rich_words(text),
        Block::Heading { text, .. } => count_words(text),
        Block::Quote { text, attribution } => {
            rich_words(text) + attribution.as_deref().map_or(0, count_words)
        }
        Block::List { items, .. } => items.iter().map(rich_words).sum(),
        Block::Image(image) => image.caption.as_ref().map_or(0, rich_words),
        Block::Unsupported => 0,
    }
}

fn rich_words(text: &RichText) -> usize {
    count_words(&text.plain_text())
}

fn article_images(article: &Article) -> usize {
    let body_images = article
        .body
        .iter()
        .filter(|block| matches!(block, Block::Image(_)))
        .count();
    body_images + usize::from(article.hero.is_some())
}

#[cfg(test)]
mod tests;
