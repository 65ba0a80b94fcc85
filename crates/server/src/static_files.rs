//! Serves the built app from a root folder the way a production host would: real files with
//! the right types, precompressed variants when the client takes them, and the single-page
//! fallback so deep links like `/articles/some-slug` load the app instead of a 404 (with a
//! prerendered build: its `404.html`, which is the app too).

use crate::decode::percent_decode;
use crate::http::{Request, Response};
use std::fs;
use std::io::ErrorKind;
use std::path::{Path, PathBuf};

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

/// True when the client lists `coding` (or `*`) with a non-zero quality.
pub fn accepts_encoding(header: Option<&str>, coding: &str) -> bool {
    let mut wildcard = false;
    for item in header.unwrap_or("").split(',') {
        let mut parts = item.split(';');
        let name = parts.next().unwrap_or("").trim();
        let refused = parts.any(|p| {
            let p = p.trim();
            p.strip_prefix("q=")
                .or_else(|| p.strip_prefix("Q="))
                .is_some_and(|q| q.trim().parse::<f32>().is_ok_and(|q| q <= 0.0))
        });
        if name.eq_ignore_ascii_case(coding) {
            return !refused;
        }
        if name == "*" {
            wildcard = !refused;
        }
    }
    wildcard
}

pub fn serve(root: &Path, request: &Request) -> Response {
    if request.method != "GET" && request.method != "HEAD" {
        return Response::text(405, "Method not allowed\n").header("Allow", "GET, HEAD");
    }
    let segments = match normalize(&request.path) {
        Ok(segments) => segments,
        Err(BadPath::Undecodable) => return Response::text(400, "Bad request path\n"),
        Err(BadPath::Traversal) => return Response::text(400, "Path may not contain ..\n"),
    };
    let mut path: PathBuf = root.to_path_buf();
    path.extend(&segments);
    if path.is_dir() {
        path.push("index.html");
    }
    if let Some(response) = file_response(&path, request) {
        return response;
    }
    if spa_fallback_applies(&segments, request) {
        // A prerendered build has a 404.html that is itself the app: answer with it, and the
        // status a static host would give, rather than with the prerendered home page.
        if let Some(mut response) = file_response(&root.join("404.html"), request) {
            response.status = 404;
            return response;
        }
        if let Some(response) = file_response(&root.join("index.html"), request) {
            return response;
        }
    }
    Response::text(404, "Not found\n")
}

/// A file of the `--content-dir` overlay for a path under `/content/`, or None to let the root
/// answer. Nothing else is overlaid, so a test folder can never replace the app itself.
pub fn serve_overlay(dir: &Path, request: &Request) -> Option<Response> {
    if request.method != "GET" && request.method != "HEAD" {
        return None;
    }
    let segments = normalize(&request.path).ok()?;
    let (first, rest) = segments.split_first()?;
    if first != "content" || rest.is_empty() {
        return None;
    }
    let mut path = dir.to_path_buf();
    path.extend(rest);
    file_response(&path, request)
}

/// Only extension-less paths fall back to the app shell: a missing `.json` or `.js` must stay a
/// real 404 so the app can report it and a broken build cannot hide behind HTML. Under
/// `/content/` and `/api/` the app fetches data, so only a browser navigation gets the shell.
fn spa_fallback_applies(segments: &[String], request: &Request) -> bool {
    if segments.last().is_some_and(|s| extension(s).is_some()) {
        return false;
    }
    let data_path = matches!(
        segments.first().map(String::as_str),
        Some("content" | "api")
    );
    let wants_html = request
        .header("accept")
        .is_some_and(|a| a.contains("text/html"));
    !data_path || wants_html
}

/// `None` when the file does not exist, so the caller can try the fallback.
fn file_response(path: &Path, request: &Request) -> Option<Response> {
    if !path.is_file() {
        return None;
    }
    let name = path.file_name()?.to_str()?;
    let content_type = content_type(extension(name).unwrap_or(""));
    let accept_encoding = request.header("accept-encoding");
    let mut encoding = None;
    let mut body = None;
    for (coding, suffix) in [("br", "br"), ("gzip", "gz")] {
        if accepts_encoding(accept_encoding, coding) {
            let variant = path.with_file_name(format!("{name}.{suffix}"));
            if let Ok(bytes) = fs::read(variant) {
                encoding = Some(coding);
                body = Some(bytes);
                break;
            }
        }
    }
    let body = match body {
        Some(body) => body,
        None => match fs::read(path) {
            Ok(body) => body,
            Err(e) if e.kind() == ErrorKind::NotFound => return None,
            Err(_) => return Some(Response::text(500, "Could not read file\n")),
        },
    };
    let mut response = Response::new(200)
        .header("Content-Type", content_type)
        .header("Vary", "Accept-Encoding");
    if let Some(coding) = encoding {
        response = response.header("Content-Encoding", coding);
    }
    if content_type.starts_with("text/html") {
        // The shell names hashed assets; a stale copy would load yesterday's build.
        response = response.header("Cache-Control", "no-cache");
    }
    response.body = body;
    Some(response)
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

    #[test]
    fn negotiates_encodings() {
        assert!(accepts_encoding(Some("gzip, deflate, br"), "br"));
        assert!(accepts_encoding(Some("gzip;q=0.5, BR;q=1"), "br"));
        assert!(!accepts_encoding(Some("gzip, br;q=0"), "br"));
        assert!(accepts_encoding(Some("*"), "gzip"));
        assert!(!accepts_encoding(Some("*, gzip;q=0"), "gzip"));
        assert!(!accepts_encoding(None, "gzip"));
        assert!(!accepts_encoding(Some("identity"), "br"));
    }
}
