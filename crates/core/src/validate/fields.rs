//! Rules shared by every kind of document: what "empty" means, which URLs may be used, and how
//! a value is quoted in a message. Below `document`, `article` and `rich_text`, which all use
//! them, so none of those has to import another to reach them.

use super::Sink;
use crate::url::{safe_url, UrlUse};

/// Blank text renders as an empty element: a heading with no words, a link with no label.
pub(super) fn require_text(sink: &mut Sink, path: &str, value: &str) {
    if value.trim().is_empty() {
        sink.push(path, "must not be empty");
    }
}

/// An optional text that is present but blank still renders its (empty) element.
pub(super) fn optional_text(sink: &mut Sink, path: &str, value: Option<&str>) {
    if value.is_some_and(|value| value.trim().is_empty()) {
        sink.push(path, "is empty: leave the field out instead");
    }
}

/// The app drops a URL that [`safe_url`] refuses, so the link or image would silently vanish.
pub(super) fn check_url(sink: &mut Sink, path: &str, value: &str, usage: UrlUse) {
    if value.trim().is_empty() {
        sink.push(path, "must not be empty");
        return;
    }
    if safe_url(value, usage).is_none() {
        let allowed = match usage {
            UrlUse::Link => "http:, https:, mailto: or tel:",
            UrlUse::Image => "http: or https:",
        };
        let message = format!(
            "{} is not allowed: use a relative URL or one starting with {allowed}",
            quote(value)
        );
        sink.push(path, message);
    }
}

/// A value as it appears in a message: quoted, escaped, and cut short so one huge field
/// cannot flood the report.
pub(super) fn quote(value: &str) -> String {
    const LIMIT: usize = 60;
    match value.char_indices().nth(LIMIT) {
        Some((cut, _)) => format!("{:?}...", &value[..cut]),
        None => format!("{value:?}"),
    }
}
