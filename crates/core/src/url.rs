//! The allow-list for URLs taken from content before they reach `href` or `src`.
//!
//! Content may come from a CMS export that many people edit, so a URL is treated as hostile
//! until shown otherwise: only a few schemes are let through, and anything that only looks
//! like a scheme after a browser's clean-up (tabs and newlines removed, case folded) or after
//! someone decodes HTML entities is refused. Relative URLs are allowed because they can only
//! point into the same site or, protocol-relative, to another site over HTTP(S).

/// Where the URL will be used: links may also open a mail client or dial a number, images
/// may not.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UrlUse {
    Link,
    Image,
}

impl UrlUse {
    fn allowed_schemes(self) -> &'static [&'static str] {
        match self {
            UrlUse::Link => &["http", "https", "mailto", "tel"],
            UrlUse::Image => &["http", "https"],
        }
    }
}

/// The URL without surrounding whitespace when it is safe for `usage`, otherwise `None`.
///
/// Allowed: an allowed scheme (case-insensitive), or a relative URL ("/a", "./a", "../a",
/// "#a", "?a", "a/b", "//host/a"). Refused besides unknown schemes:
/// - an empty URL, which points back at the page itself and is always a content mistake;
/// - control characters anywhere (tabs and newlines included): browsers drop tabs and
///   newlines inside a URL, so "java\tscript:" runs as "javascript:";
/// - a first segment containing "&": `javascript&#58;alert(1)` is inert here because the
///   text is never entity-decoded, but it would not be in any tool that later writes the
///   URL into HTML unescaped, and no honest URL starts that way.
///
/// The scheme is the text before a ":" that comes before any "/", "?" or "#", read with
/// spaces removed, and must be exactly an allowed one: percent-escapes or invisible
/// characters inside it make it unknown, hence refused.
pub fn safe_url(raw: &str, usage: UrlUse) -> Option<String> {
    let url = raw.trim_matches(|c: char| c.is_whitespace() || c.is_control());
    if url.is_empty() || url.chars().any(char::is_control) {
        return None;
    }
    let compact: String = url.chars().filter(|c| !c.is_ascii_whitespace()).collect();
    let first_segment_end = compact.find([':', '/', '?', '#']).unwrap_or(compact.len());
    let first_segment = &compact[..first_segment_end];
    if first_segment.contains('&') {
        return None;
    }
    let has_scheme = compact[first_segment_end..].starts_with(':');
    let allowed = !has_scheme
        || usage
            .allowed_schemes()
            .iter()
            .any(|scheme| first_segment.eq_ignore_ascii_case(scheme));
    allowed.then(|| url.to_string())
}

#[cfg(test)]
mod tests;
