//! Serves the built app from a root folder the way a production host would: real files with
//! their types, the precompressed `.br`/`.gz` variants when the client takes them (tower-http's
//! `ServeFile`), validators and 304s, cache rules by kind of file, and the fallback so deep links
//! like `/articles/some-slug` load the app (a prerendered build's `404.html`, with status 404).

use crate::faults::{ContentFault, TRICKLE_CHUNK, TRICKLE_EVERY};
use crate::paths::{content_type, extension, normalize, BadPath};
use crate::routes::{hang, plain, App, ResetConnection};
use crate::site_headers::cache_control;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::UNIX_EPOCH;
use tower_http::services::ServeFile;

pub async fn handle(State(app): State<Arc<App>>, request: Request) -> Response {
    let method = request.method().clone();
    if method != Method::GET && method != Method::HEAD {
        let mut response = plain(StatusCode::METHOD_NOT_ALLOWED, "Method not allowed\n");
        response
            .headers_mut()
            .insert(header::ALLOW, HeaderValue::from_static("GET, HEAD"));
        return response;
    }
    let segments = match normalize(request.uri().path()) {
        Ok(segments) => segments,
        Err(BadPath::Undecodable) => return plain(StatusCode::BAD_REQUEST, "Bad request path\n"),
        Err(BadPath::Traversal) => {
            return plain(StatusCode::BAD_REQUEST, "Path may not contain ..\n")
        }
    };
    let under_content = segments.first().is_some_and(|s| s == "content");
    let fault = match (&app.test, method == Method::GET && under_content) {
        (Some(test), true) => test.content(),
        _ => None,
    };
    match fault {
        Some(ContentFault::NotFound) => {
            plain(StatusCode::NOT_FOUND, "Not found (injected fault)\n")
        }
        Some(ContentFault::ServerError) => plain(
            StatusCode::INTERNAL_SERVER_ERROR,
            "Server error (injected fault)\n",
        ),
        Some(ContentFault::Hang) => hang().await,
        Some(ContentFault::Reset) => {
            let mut response = Response::new(Body::empty());
            response.extensions_mut().insert(ResetConnection);
            response
        }
        Some(ContentFault::Trickle) => {
            trickle(serve(&app, &segments, request.headers()).await).await
        }
        None => serve(&app, &segments, request.headers()).await,
    }
    .into_response()
}

async fn serve(app: &App, segments: &[String], headers: &HeaderMap) -> Response {
    let Some(root) = &app.root else {
        let overlaid = match &app.content_dir {
            Some(dir) => overlay_file(dir, segments),
            None => None,
        };
        return match overlaid {
            Some(path) => file(&path, segments, headers, false).await,
            None => plain(
                StatusCode::NOT_FOUND,
                "Not found: this server was started without --root, so it serves only /api/.\n",
            ),
        };
    };
    let found = app
        .content_dir
        .as_deref()
        .and_then(|dir| overlay_file(dir, segments))
        .or_else(|| root_file(root, segments));
    if let Some(path) = found {
        return file(&path, segments, headers, false).await;
    }
    if fallback_applies(segments, headers) {
        // A prerendered build has a 404.html that is itself the app: answer with it, and the
        // status a static host would give, rather than with the prerendered home page.
        let not_found = root.join("404.html");
        if not_found.is_file() {
            let mut response = file(&not_found, &["404.html".into()], headers, true).await;
            *response.status_mut() = StatusCode::NOT_FOUND;
            return response;
        }
        let shell = root.join("index.html");
        if shell.is_file() {
            return file(&shell, &["index.html".into()], headers, true).await;
        }
    }
    plain(StatusCode::NOT_FOUND, "Not found\n")
}

fn root_file(root: &Path, segments: &[String]) -> Option<PathBuf> {
    let mut path = root.to_path_buf();
    path.extend(segments);
    if path.is_dir() {
        path.push("index.html");
    }
    path.is_file().then_some(path)
}

/// Only `/content/` is overlaid, so a test folder can never replace the app itself.
fn overlay_file(dir: &Path, segments: &[String]) -> Option<PathBuf> {
    let (first, rest) = segments.split_first()?;
    if first != "content" || rest.is_empty() {
        return None;
    }
    let mut path = dir.to_path_buf();
    path.extend(rest);
    path.is_file().then_some(path)
}

/// Only extension-less paths fall back to the app: a missing `.json` or `.js` must stay a real
/// 404 so the app can report it and a broken build cannot hide behind HTML. Under `/content/`
/// the app fetches data, so only a browser navigation gets the app there.
fn fallback_applies(segments: &[String], headers: &HeaderMap) -> bool {
    if segments.last().is_some_and(|s| extension(s).is_some()) {
        return false;
    }
    let data_path = segments.first().is_some_and(|s| s == "content");
    let wants_html = headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|a| a.contains("text/html"));
    !data_path || wants_html
}

/// One file through `ServeFile`, with an ETag, the cache rule and 304s. A `fallback` answers
/// for another address, so the client's validators (which name that address) are ignored.
async fn file(path: &Path, segments: &[String], headers: &HeaderMap, fallback: bool) -> Response {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    let mime: mime::Mime = content_type(extension(name).unwrap_or(""))
        .parse()
        .unwrap_or(mime::APPLICATION_OCTET_STREAM);
    let mut request = axum::http::Request::new(Body::empty());
    for name in [
        header::ACCEPT_ENCODING,
        header::RANGE,
        header::IF_MODIFIED_SINCE,
    ] {
        if let Some(value) = headers.get(&name) {
            request.headers_mut().insert(name, value.clone());
        }
    }
    let if_none_match = headers.get(header::IF_NONE_MATCH).cloned();
    if fallback {
        request.headers_mut().remove(header::IF_MODIFIED_SINCE);
        request.headers_mut().remove(header::RANGE);
    } else if if_none_match.is_some() {
        // RFC 9110: when If-None-Match is there, If-Modified-Since is not looked at.
        request.headers_mut().remove(header::IF_MODIFIED_SINCE);
    }
    let served = ServeFile::new_with_mime(path, &mime)
        .precompressed_br()
        .precompressed_gzip()
        .try_call(request)
        .await;
    let mut response = match served {
        Ok(response) => response.map(Body::new),
        Err(error) => {
            eprintln!("newsroom-server: reading {}: {error}", path.display());
            return plain(StatusCode::INTERNAL_SERVER_ERROR, "Could not read file\n");
        }
    };
    let relative = segments.join("/");
    let headers_out = response.headers_mut();
    headers_out.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static(cache_control(&relative)),
    );
    if fallback
        || !(response.status().is_success() || response.status() == StatusCode::NOT_MODIFIED)
    {
        return response;
    }
    let served_path = match response
        .headers()
        .get(header::CONTENT_ENCODING)
        .map(|v| v.as_bytes())
    {
        Some(b"br") => with_suffix(path, ".br"),
        Some(b"gzip") => with_suffix(path, ".gz"),
        _ => path.to_path_buf(),
    };
    let Some(etag) = entity_tag(&served_path) else {
        return response;
    };
    if if_none_match.is_some_and(|value| matches_etag(&value, &etag)) {
        let mut not_modified = Response::new(Body::empty());
        *not_modified.status_mut() = StatusCode::NOT_MODIFIED;
        for name in [
            header::CACHE_CONTROL,
            header::VARY,
            header::LAST_MODIFIED,
            header::CONTENT_LOCATION,
        ] {
            if let Some(value) = response.headers().get(&name) {
                not_modified.headers_mut().insert(name, value.clone());
            }
        }
        response = not_modified;
    }
    if let Ok(value) = HeaderValue::from_str(&etag) {
        response.headers_mut().insert(header::ETAG, value);
    }
    response
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// A strong tag from the served file's size and modification time: a rebuild changes it, and
/// each encoding is its own file with its own tag.
fn entity_tag(path: &Path) -> Option<String> {
    let metadata = std::fs::metadata(path).ok()?;
    let modified = metadata.modified().ok()?.duration_since(UNIX_EPOCH).ok()?;
    Some(format!(
        "\"{:x}-{:x}\"",
        metadata.len(),
        modified.as_nanos()
    ))
}

/// `If-None-Match` uses the weak comparison: `W/` prefixes do not matter, `*` matches.
fn matches_etag(header: &HeaderValue, etag: &str) -> bool {
    header.to_str().is_ok_and(|list| {
        list.split(',').map(str::trim).any(|candidate| {
            candidate == "*" || candidate.trim_start_matches("W/") == etag.trim_start_matches("W/")
        })
    })
}

/// The real response with its headers, but the body 16 bytes every 100 ms.
async fn trickle(response: Response) -> Response {
    let (parts, body) = response.into_parts();
    let bytes = axum::body::to_bytes(body, usize::MAX)
        .await
        .unwrap_or_default();
    let chunks: Vec<axum::body::Bytes> = bytes
        .chunks(TRICKLE_CHUNK)
        .map(axum::body::Bytes::copy_from_slice)
        .collect();
    let stream = futures_util::stream::unfold(chunks.into_iter(), |mut chunks| async move {
        let chunk = chunks.next()?;
        tokio::time::sleep(TRICKLE_EVERY).await;
        Some((Ok::<_, std::io::Error>(chunk), chunks))
    });
    Response::from_parts(parts, Body::from_stream(stream))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compares_entity_tags_weakly() {
        let tag = "\"a-b\"";
        for header in ["\"a-b\"", "W/\"a-b\"", "\"x\", \"a-b\"", "*"] {
            assert!(
                matches_etag(&HeaderValue::from_static(header), tag),
                "{header}"
            );
        }
        assert!(!matches_etag(&HeaderValue::from_static("\"a-c\""), tag));
    }
}
