//! WordPress: the JSON of `GET /wp-json/wp/v2/posts?_embed` (an array of posts), as the REST
//! API documents it. Read loosely, field by field, so one odd post is a warning rather than
//! a failed import.
//!
//! Per post: `slug`, `date` (and `modified` as the update date), `title.rendered` and
//! `excerpt.rendered` (HTML, as plain text: the title and the lede), `content.rendered` (the
//! body, see `html`), the first category of `_embedded["wp:term"]` (and the first tag as the
//! card label, or the category's name without one), and `_embedded["wp:featuredmedia"][0]`
//! as the hero image (`source_url`, `alt_text`, `caption.rendered`,
//! `media_details.width`/`height`).

use super::dropped::Dropped;
use super::html;
use super::{Import, Post};
use newsroom_core::date::Date;
use newsroom_core::excerpt::{cut_at_word, rich_excerpt, WHOLE_LEDE_MAX_CHARS};
use newsroom_core::model::{Article, Block, Category, Image};
use newsroom_core::paths::is_valid_slug;
use newsroom_core::url::{safe_url, UrlUse};
use serde_json::Value;

pub fn import(export: &str) -> Result<Import, String> {
    let posts: Value = serde_json::from_str(export)
        .map_err(|error| format!("not JSON: {error} (expected the posts?_embed array)"))?;
    let posts = posts
        .as_array()
        .ok_or("expected an array of posts, as GET /wp-json/wp/v2/posts?_embed returns")?;
    let mut import = Import::default();
    for (index, post) in posts.iter().enumerate() {
        let mut dropped = Dropped::default();
        let name = text_at(post, "/slug")
            .map(str::to_string)
            .unwrap_or_else(|| format!("#{index}"));
        match article(post, &mut dropped) {
            Ok(article) => import.posts.push(Post {
                article,
                dropped,
                source: name,
            }),
            Err(why) => import
                .warnings
                .push(format!("post {name:?}: not imported: {why}")),
        }
    }
    Ok(import)
}

fn text_at<'a>(post: &'a Value, pointer: &str) -> Option<&'a str> {
    post.pointer(pointer).and_then(Value::as_str)
}

fn article(post: &Value, dropped: &mut Dropped) -> Result<Article, String> {
    if let Some(status) = text_at(post, "/status").filter(|status| *status != "publish") {
        return Err(format!("its status is {status:?}, not \"publish\""));
    }
    let title = html::plain_text(
        text_at(post, "/title/rendered").unwrap_or_default(),
        dropped,
    );
    if title.is_empty() {
        return Err("it has no title".into());
    }
    let slug = slug_of(text_at(post, "/slug").unwrap_or_default(), &title)
        .ok_or("no slug can be made of its slug or title")?;
    let published = text_at(post, "/date")
        .filter(|date| Date::parse_iso(date).is_some())
        .ok_or("its date is missing or not a date")?
        .to_string();
    let updated = text_at(post, "/modified")
        .filter(|modified| {
            let (modified, date) = (Date::parse_iso(modified), Date::parse_iso(&published));
            matches!((modified, date), (Some(m), Some(d)) if m > d)
        })
        .map(str::to_string);
    let body = html::blocks(
        text_at(post, "/content/rendered").unwrap_or_default(),
        dropped,
    );
    let lede = lede_of(text_at(post, "/excerpt/rendered"), &body, dropped)
        .ok_or("it has neither an excerpt nor a paragraph to make the lede of")?;
    let terms: Vec<&Value> = post
        .pointer("/_embedded/wp:term")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(Value::as_array)
        .flatten()
        .collect();
    let term = |taxonomy: &str| {
        terms
            .iter()
            .find(|term| term.get("taxonomy").and_then(Value::as_str) == Some(taxonomy))
            .and_then(|term| {
                let name = html::plain_text(term.get("name")?.as_str()?, &mut Dropped::default());
                let slug = term.get("slug").and_then(Value::as_str).unwrap_or_default();
                Some((slug_of(slug, &name)?, name))
            })
    };
    let (category_slug, category_name) = term("category").unwrap_or_else(|| {
        dropped.add("missing category (filed under Uncategorized)");
        ("uncategorized".into(), "Uncategorized".into())
    });
    let label = term("post_tag").map_or_else(|| category_name.clone(), |(_, name)| name);
    Ok(Article {
        slug,
        title,
        lede,
        category: Category {
            slug: category_slug,
            name: category_name,
        },
        published,
        updated,
        label,
        hero: post
            .pointer("/_embedded/wp:featuredmedia/0")
            .and_then(|media| featured_image(media, dropped)),
        reading_time_minutes: None,
        body,
    })
}

/// A slug the app accepts: WordPress's own when valid, otherwise made of it (or of the title)
/// with everything but ASCII letters and digits turned into single hyphens.
fn slug_of(slug: &str, title: &str) -> Option<String> {
    if is_valid_slug(slug) {
        return Some(slug.to_string());
    }
    let decoded = percent_decoded(slug);
    let made = [decoded.as_str(), title].into_iter().find_map(|source| {
        let lower: String = source.to_lowercase().chars().map(unaccented).collect();
        let words: Vec<&str> = lower
            .split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|word| !word.is_empty())
            .collect();
        let made: String = words.join("-").chars().take(80).collect();
        let made = made.trim_end_matches('-').to_string();
        is_valid_slug(&made).then_some(made)
    });
    made
}

/// WordPress percent-encodes non-ASCII slugs ("caf%c3%a9").
fn percent_decoded(slug: &str) -> String {
    let bytes = slug.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut index = 0;
    while index < bytes.len() {
        let hex = slug
            .get(index + 1..index + 3)
            .filter(|_| bytes[index] == b'%')
            .and_then(|hex| u8::from_str_radix(hex, 16).ok());
        match hex {
            Some(byte) => {
                out.push(byte);
                index += 3;
            }
            None => {
                out.push(bytes[index]);
                index += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Latin letters with accents as their base letter, so "café" keeps its "e" in a slug.
fn unaccented(c: char) -> char {
    const FOLDS: [(&str, char); 8] = [
        ("àáâãäåā", 'a'),
        ("çćč", 'c'),
        ("èéêëēę", 'e'),
        ("ìíîïī", 'i'),
        ("ñń", 'n'),
        ("òóôõöøō", 'o'),
        ("ùúûüū", 'u'),
        ("ýÿ", 'y'),
    ];
    FOLDS
        .iter()
        .find(|(accented, _)| accented.contains(c))
        .map_or(c, |(_, base)| *base)
}

/// The excerpt as plain text without WordPress's "[…]" marker, or, without one, the first
/// paragraph cut to a lede's length.
fn lede_of(excerpt: Option<&str>, body: &[Block], dropped: &mut Dropped) -> Option<String> {
    let excerpt = html::plain_text(excerpt.unwrap_or_default(), dropped);
    let excerpt = match excerpt
        .strip_suffix("[…]")
        .or(excerpt.strip_suffix("[...]"))
    {
        Some(cut) => format!("{}…", cut.trim_end()),
        None => excerpt,
    };
    if !excerpt.trim_end_matches('…').trim().is_empty() {
        return Some(excerpt);
    }
    body.iter().find_map(|block| match block {
        Block::Paragraph { text } => {
            Some(rich_excerpt(text, WHOLE_LEDE_MAX_CHARS)).filter(|lede| !lede.is_empty())
        }
        _ => None,
    })
}

fn featured_image(media: &Value, dropped: &mut Dropped) -> Option<Image> {
    let src = media.get("source_url").and_then(Value::as_str)?.trim();
    let size = |field: &str| {
        media
            .pointer(&format!("/media_details/{field}"))
            .and_then(Value::as_u64)
            .and_then(|size| u32::try_from(size).ok())
            .filter(|size| *size > 0)
    };
    let (Some(width), Some(height)) = (size("width"), size("height")) else {
        dropped.add("featured image without width and height");
        return None;
    };
    if safe_url(src, UrlUse::Image).is_none() {
        dropped.add("featured image with a refused address");
        return None;
    }
    let caption = media
        .pointer("/caption/rendered")
        .and_then(Value::as_str)
        .map(|caption| html::rich_text(caption, dropped))
        .filter(|caption| !caption.0.is_empty());
    let alt = media
        .get("alt_text")
        .and_then(Value::as_str)
        .unwrap_or_default();
    let alt = cut_at_word(&html::plain_text(alt, dropped), 300);
    Some(super::cms_image(src, alt, caption, (width, height)))
}
