//! Request paths made safe, and what a file's name says about it: its content type.

use crate::decode::percent_decode;

#[derive(Debug, PartialEq, Eq)]
pub enum BadPath {
    /// Broken escapes, non-UTF-8, NUL or backslash: never a real file name here.
    Undecodable,
    /// A `..` segment. Refused outright rather than resolved, so no spelling of it can climb
    /// out of the root.
    Traversal,
}

/// Splits a raw request path into safe segments, dropping empty and `.` segments.
pub fn normalize(raw: &str) -> Result<Vec<String>, BadPath> {
    let decoded = percent_decode(raw, false).ok_or(BadPath::Undecodable)?;
    let decoded = String::from_utf8(decoded).map_err(|_| BadPath::Undecodable)?;
    if decoded.contains(['\0', '\\']) {
        return Err(BadPath::Undecodable);
    }
    let mut segments = Vec::new();
    for segment in decoded.split('/') {
        match segment {
            "" | "." => {}
            ".." => return Err(BadPath::Traversal),
            _ => segments.push(segment.to_string()),
        }
    }
    Ok(segments)
}

pub fn extension(segment: &str) -> Option<&str> {
    match segment.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() && !ext.is_empty() => Some(ext),
        _ => None,
    }
}

pub fn content_type(ext: &str) -> &'static str {
    match ext.to_ascii_lowercase().as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "json" | "map" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "webp" => "image/webp",
        "ico" => "image/x-icon",
        "txt" => "text/plain; charset=utf-8",
        "xml" => "application/xml",
        "woff2" => "font/woff2",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn segs(raw: &str) -> Result<Vec<String>, BadPath> {
        normalize(raw)
    }

    #[test]
    fn normalizes_paths() {
        assert_eq!(segs("/").unwrap(), Vec::<String>::new());
        assert_eq!(segs("//a/./b/").unwrap(), vec!["a", "b"]);
        assert_eq!(segs("/a%20b/c+d").unwrap(), vec!["a b", "c+d"]);
        assert_eq!(segs("/.well-known/x").unwrap(), vec![".well-known", "x"]);
    }

    #[test]
    fn refuses_traversal_in_any_spelling() {
        for raw in [
            "/../etc/passwd",
            "/a/../../b",
            "/%2e%2e/x",
            "/a/%2E%2e",
            "/a%2f..%2fb",
        ] {
            assert_eq!(segs(raw), Err(BadPath::Traversal), "{raw}");
        }
    }

    #[test]
    fn refuses_nul_backslash_and_bad_escapes() {
        for raw in ["/a%00b", "/a%5c..%5cb", "/a\\b", "/%zz", "/%ff"] {
            assert_eq!(segs(raw), Err(BadPath::Undecodable), "{raw}");
        }
    }

    #[test]
    fn finds_extensions() {
        assert_eq!(extension("app.wasm"), Some("wasm"));
        assert_eq!(extension("some-slug"), None);
        assert_eq!(extension(".hidden"), None);
        assert_eq!(extension("trailing."), None);
        assert_eq!(content_type("JS"), "text/javascript; charset=utf-8");
        assert_eq!(content_type("bin"), "application/octet-stream");
    }
}
