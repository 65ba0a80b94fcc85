//! Turning one file's bytes into a typed document, and the rules for `site.json`.
//!
//! Parsing goes through [`model::parse`], the same function the app and the index builder
//! use, so a file passes here exactly when it loads there.

use super::fields::{check_url, quote, require_text};
use super::{article, Sink};
use crate::model::{self, Article, ContentError, ListingPage, Site};
use crate::url::{safe_url, UrlUse};
use serde_json::Value;

/// The file as text, or `None` after reporting why there is nothing to parse. A byte order
/// mark is reported but stripped, so the rest of the file is still checked: the browser
/// ignores it, but the index builder does not.
pub(super) fn decode<'b>(bytes: &'b [u8], sink: &mut Sink) -> Option<&'b str> {
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(error) => {
            let message = format!(
                "not UTF-8 text (byte {} is not part of a UTF-8 character): save the file as UTF-8",
                error.valid_up_to()
            );
            sink.push(".", message);
            return None;
        }
    };
    let text = match text.strip_prefix('\u{feff}') {
        Some(rest) => {
            sink.push(
                ".",
                "starts with a byte order mark: save the file as UTF-8 without one",
            );
            rest
        }
        None => text,
    };
    if text.trim().is_empty() {
        sink.push(".", "the file is empty");
        return None;
    }
    Some(text)
}

/// Reports a parse error. The parser marks a value it could not even identify (a key cut
/// off mid-file) with a `?` segment, which means nothing to an editor; the value that holds
/// it is named instead.
pub(super) fn push_parse_error(sink: &mut Sink, error: ContentError) {
    let mut path = error.path.as_str();
    while let Some(parent) = path.strip_suffix(".?") {
        path = parent;
    }
    let path = if path == "?" { "." } else { path };
    sink.push(path, error.message);
}

pub(super) fn check_site(text: &str, sink: &mut Sink) {
    let site: Site = match model::parse(sink.file(), text) {
        Ok(site) => site,
        Err(error) => {
            push_parse_error(sink, error);
            return;
        }
    };
    require_text(sink, "name", &site.name);
    require_text(sink, "description", &site.description);
    if let Some(base_url) = &site.base_url {
        check_base_url(sink, base_url);
    }
    for (index, link) in site.header_links.iter().enumerate() {
        let path = format!("header_links[{index}]");
        require_text(sink, &format!("{path}.label"), &link.label);
        check_url(sink, &format!("{path}.href"), &link.href, UrlUse::Link);
    }
    let newsletter = &site.newsletter;
    let texts = [
        ("intro", &newsletter.intro),
        ("privacy_label", &newsletter.privacy_label),
        ("button_label", &newsletter.button_label),
        ("archive_text", &newsletter.archive_text),
        ("archive_label", &newsletter.archive_label),
        ("success_message", &newsletter.success_message),
    ];
    for (field, value) in texts {
        require_text(sink, &format!("newsletter.{field}"), value);
    }
    let urls = [
        ("privacy_url", &newsletter.privacy_url),
        ("archive_url", &newsletter.archive_url),
        ("endpoint", &newsletter.endpoint),
    ];
    for (field, value) in urls {
        check_url(sink, &format!("newsletter.{field}"), value, UrlUse::Link);
    }
}

/// Canonical links are built by appending a path to it, so it must be absolute and must not
/// end in a slash (that would double it).
fn check_base_url(sink: &mut Sink, base_url: &str) {
    let lower = base_url.to_ascii_lowercase();
    let absolute = lower.starts_with("https://") || lower.starts_with("http://");
    if !absolute || safe_url(base_url, UrlUse::Link).is_none() {
        let message = format!(
            "{} must be an absolute http(s) URL such as \"https://example.org\"",
            quote(base_url)
        );
        sink.push("base_url", message);
    } else if base_url.ends_with('/') {
        sink.push("base_url", "must not end with \"/\"");
    }
}

/// The article when it parses. When it does not, the parse error is reported and then each
/// body block and the hero are parsed and checked on their own, so one broken block does not
/// hide the problems of the others.
///
/// `raw` is the same text as a JSON tree, if it is JSON at all; it names unknown block types.
pub(super) fn check_article(text: &str, raw: Option<&Value>, sink: &mut Sink) -> Option<Article> {
    match model::parse::<Article>(sink.file(), text) {
        Ok(article) => {
            article::check(&article, raw, sink);
            Some(article)
        }
        Err(error) => {
            let error_path = error.path.clone();
            push_parse_error(sink, error);
            if let Some(raw) = raw {
                article::check_parts(raw, &error_path, sink);
            }
            None
        }
    }
}

/// Listings are mostly checked against the articles (see `listings`); on their own they only
/// have to parse.
pub(super) fn parse_listing(text: &str, sink: &mut Sink) -> Option<ListingPage> {
    match model::parse(sink.file(), text) {
        Ok(page) => Some(page),
        Err(error) => {
            push_parse_error(sink, error);
            None
        }
    }
}
