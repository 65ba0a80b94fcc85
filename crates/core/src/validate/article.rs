//! The rules for one article file: what a reader or a screen reader would trip over even
//! though the file parses.

use super::fields::{check_url, optional_text, quote, require_text};
use super::rich_text::{self, Presence};
use super::Sink;
use crate::date::Date;
use crate::model::{Article, Block, Category, Image};
use crate::paths;
use crate::url::UrlUse;
use serde::de::DeserializeOwned;
use serde_json::Value;

/// The block types this app renders; any other is skipped when the page is drawn.
pub(crate) const BLOCK_TYPES: [&str; 5] = ["paragraph", "heading", "quote", "list", "image"];

/// Longer than any article needs; a larger number is a typo (seconds instead of minutes).
const MAX_READING_MINUTES: u32 = 600;

/// `raw` is the same file as a JSON tree, used only to name unknown block types, which the
/// typed model keeps without their name.
pub(super) fn check(article: &Article, raw: Option<&Value>, sink: &mut Sink) {
    check_slug(article, sink);
    require_text(sink, "title", &article.title);
    require_text(sink, "lede", &article.lede);
    check_category(sink, "category", &article.category);
    let published = check_date(sink, "published", &article.published);
    if let Some(updated) = &article.updated {
        let updated = check_date(sink, "updated", updated);
        if let (Some(updated), Some(published)) = (updated, published) {
            if updated < published {
                let message = format!(
                    "{} is before the published date {}",
                    updated.iso(),
                    published.iso()
                );
                sink.push("updated", message);
            }
        }
    }
    require_text(sink, "label", &article.label);
    if let Some(hero) = &article.hero {
        check_image(sink, "hero", hero);
    }
    if let Some(minutes) = article.reading_time_minutes {
        if !(1..=MAX_READING_MINUTES).contains(&minutes) {
            let message = format!("{minutes} is not between 1 and {MAX_READING_MINUTES}");
            sink.push("reading_time_minutes", message);
        }
    }
    let raw_blocks = raw.and_then(|raw| raw.get("body"));
    for (index, block) in article.body.iter().enumerate() {
        let raw_block = raw_blocks.and_then(|blocks| blocks.get(index));
        check_block(sink, &format!("body[{index}]"), block, raw_block);
    }
}

/// For an article that does not parse: checks each body block and the hero on their own,
/// except the one the parse error is already about.
pub(super) fn check_parts(raw: &Value, error_path: &str, sink: &mut Sink) {
    if let Some(blocks) = raw.get("body").and_then(Value::as_array) {
        for (index, raw_block) in blocks.iter().enumerate() {
            let path = format!("body[{index}]");
            if let Some(block) = parse_part::<Block>(raw_block, &path, error_path, sink) {
                check_block(sink, &path, &block, Some(raw_block));
            }
        }
    }
    if let Some(raw_hero) = raw.get("hero").filter(|hero| !hero.is_null()) {
        if let Some(hero) = parse_part::<Image>(raw_hero, "hero", error_path, sink) {
            check_image(sink, "hero", &hero);
        }
    }
}

/// Parses one part of a document. A failure is reported unless the whole-file error already
/// points inside this part; either way the part is not checked further.
fn parse_part<T: DeserializeOwned>(
    raw: &Value,
    path: &str,
    error_path: &str,
    sink: &mut Sink,
) -> Option<T> {
    if is_within(error_path, path) {
        return None;
    }
    match serde_path_to_error::deserialize::<_, T>(raw) {
        Ok(part) => Some(part),
        Err(error) => {
            let inner = error.path().to_string();
            let full = if inner == "." {
                path.to_string()
            } else {
                format!("{path}.{inner}")
            };
            sink.push(full, error.into_inner().to_string());
            None
        }
    }
}

/// Whether JSON path `path` is `part` or lies inside it (`body[1].alt` in `body[1]`, but not
/// `body[10]`).
fn is_within(path: &str, part: &str) -> bool {
    path.strip_prefix(part)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with(['.', '[']))
}

fn check_slug(article: &Article, sink: &mut Sink) {
    let file = sink.file().to_string();
    let stem = file
        .strip_prefix("articles/")
        .and_then(|name| name.strip_suffix(".json"))
        .unwrap_or(&file);
    if !paths::is_valid_slug(&article.slug) {
        sink.push("slug", invalid_slug(&article.slug));
    } else if article.slug != stem {
        let message = format!(
            "{} differs from the file name: the file must be named {}",
            quote(&article.slug),
            quote(&paths::article(&article.slug))
        );
        sink.push("slug", message);
    }
}

pub(super) fn invalid_slug(slug: &str) -> String {
    format!(
        "{} is not a valid slug: use lowercase ASCII letters, digits and single hyphens",
        quote(slug)
    )
}

pub(super) fn check_category(sink: &mut Sink, path: &str, category: &Category) {
    if !paths::is_valid_slug(&category.slug) {
        sink.push(format!("{path}.slug"), invalid_slug(&category.slug));
    }
    require_text(sink, &format!("{path}.name"), &category.name);
}

/// The date, or `None` after reporting that it is not one: listings sort an unreadable date
/// last and pages print nothing for it, so it is never what the editor meant.
fn check_date(sink: &mut Sink, path: &str, value: &str) -> Option<Date> {
    let date = Date::parse_iso(value);
    if date.is_none() {
        let message = format!(
            "{} is not a date: use YYYY-MM-DD, optionally followed by a time such as \
             T09:30:00+08:00",
            quote(value)
        );
        sink.push(path, message);
    }
    date
}

pub(super) fn check_image(sink: &mut Sink, path: &str, image: &Image) {
    check_url(sink, &format!("{path}.src"), &image.src, UrlUse::Image);
    if !image.decorative && image.alt.trim().is_empty() {
        let message = "must describe the image for people who cannot see it \
                       (or mark the image \"decorative\": true)";
        sink.push(format!("{path}.alt"), message);
    }
    if let Some(caption) = &image.caption {
        rich_text::check(
            sink,
            &format!("{path}.caption"),
            caption,
            Presence::Optional,
        );
    }
    for (field, value) in [("width", image.width), ("height", image.height)] {
        if value == 0 {
            let message = "must be the image's size in pixels, at least 1";
            sink.push(format!("{path}.{field}"), message);
        }
    }
}

fn check_block(sink: &mut Sink, path: &str, block: &Block, raw: Option<&Value>) {
    match block {
        Block::Paragraph { text } => {
            rich_text::check(sink, &format!("{path}.text"), text, Presence::Required);
        }
        Block::Heading { text, .. } => require_text(sink, &format!("{path}.text"), text),
        Block::Quote { text, attribution } => {
            rich_text::check(sink, &format!("{path}.text"), text, Presence::Required);
            optional_text(sink, &format!("{path}.attribution"), attribution.as_deref());
        }
        Block::List { items, .. } => {
            if items.is_empty() {
                sink.push(format!("{path}.items"), "a list needs at least one item");
            }
            for (index, item) in items.iter().enumerate() {
                let item_path = format!("{path}.items[{index}]");
                rich_text::check(sink, &item_path, item, Presence::Required);
            }
        }
        Block::Image(image) => check_image(sink, path, image),
        Block::Unsupported => {
            let name = raw
                .and_then(|raw| raw.get("type"))
                .and_then(Value::as_str)
                .unwrap_or_default();
            let message = format!(
                "unknown block type {}: the app skips it; use one of {}",
                quote(name),
                BLOCK_TYPES.join(", ")
            );
            sink.push(format!("{path}.type"), message);
        }
    }
}
