//! The Content-Security-Policy of the release build, written into `dist/index.html` after
//! Trunk has built it.
//!
//! Trunk boots the app with an inline module script whose text names the hashed JS and wasm
//! files, so it changes with every build: the policy can only allow it by hash once the build
//! is done. Doing it here rather than in the source `index.html` also keeps the policy out of
//! `trunk serve`, whose live-reload script is inline too.

use base64::Engine;
use sha2::{Digest, Sha256};
use std::path::Path;

const MARKER: &str = "<meta http-equiv=\"Content-Security-Policy\"";

/// Adds (or replaces) the policy in `dist/index.html`; returns the policy written.
pub fn apply(dist: &Path) -> Result<String, String> {
    let index = dist.join("index.html");
    let html = std::fs::read_to_string(&index)
        .map_err(|error| format!("cannot read {}: {error}", index.display()))?;
    let html = without_policy(&html);
    let connect = extra_connect_origins(dist, &html);
    let styles = inline_style_hashes(&html);
    let policy = policy(&inline_script_hashes(&html), &styles, &connect);
    let meta = format!("{MARKER} content=\"{policy}\">");
    let at = insertion_point(&html).ok_or_else(|| {
        format!(
            "{} has no <html> or <head> to hold the policy",
            index.display()
        )
    })?;
    let written = format!("{}{meta}{}", &html[..at], &html[at..]);
    std::fs::write(&index, written)
        .map_err(|error| format!("cannot write {}: {error}", index.display()))?;
    Ok(policy)
}

/// Scripts only from this origin or the exact inline loader; wasm compiles under
/// 'wasm-unsafe-eval' (no JS eval). Styles from this origin or the exact stylesheet the build
/// put inline (see `stylesheets.rs`): no other `<style>` element, no `style` attribute. Content images may live on any HTTPS host (a CMS, a CDN).
/// `frame-ancestors` is ignored in a `<meta>` policy: a host that needs it sends it as a header.
pub fn policy(
    script_hashes: &[String],
    style_hashes: &[String],
    connect_origins: &[String],
) -> String {
    let quoted =
        |hashes: &[String]| -> String { hashes.iter().map(|h| format!(" '{h}'")).collect() };
    let (hashes, styles) = (quoted(script_hashes), quoted(style_hashes));
    let connect: String = connect_origins.iter().map(|o| format!(" {o}")).collect();
    [
        "default-src 'self'".to_string(),
        format!("script-src 'self' 'wasm-unsafe-eval'{hashes}"),
        format!("style-src 'self'{styles}"),
        "img-src 'self' https:".to_string(),
        "font-src 'self'".to_string(),
        format!("connect-src 'self'{connect}"),
        "object-src 'none'".to_string(),
        "base-uri 'self'".to_string(),
        "form-action 'self'".to_string(),
    ]
    .join("; ")
}

/// `sha256-<base64>` of the text of every `<script>` without `src`, exactly as served.
pub fn inline_script_hashes(html: &str) -> Vec<String> {
    inline_hashes(html, "script")
}

/// `sha256-<base64>` of the text of every `<style>` element, exactly as served.
pub fn inline_style_hashes(html: &str) -> Vec<String> {
    inline_hashes(html, "style")
}

fn inline_hashes(html: &str, element: &str) -> Vec<String> {
    let (open, close_tag) = (format!("<{element}"), format!("</{element}"));
    let mut hashes = Vec::new();
    let mut rest = html;
    while let Some(start) = find_ignore_case(rest, &open) {
        let after = &rest[start..];
        let Some(tag_end) = after.find('>') else {
            break;
        };
        let tag = &after[..tag_end];
        let body = &after[tag_end + 1..];
        let Some(close) = find_ignore_case(body, &close_tag) else {
            break;
        };
        if !has_src(tag) {
            let digest = Sha256::digest(&body.as_bytes()[..close]);
            let encoded = base64::engine::general_purpose::STANDARD.encode(digest);
            hashes.push(format!("sha256-{encoded}"));
        }
        rest = &body[close..];
    }
    hashes
}

fn has_src(tag: &str) -> bool {
    tag.split(|c: char| c.is_ascii_whitespace())
        .any(|attribute| attribute.to_ascii_lowercase().starts_with("src="))
}

fn find_ignore_case(haystack: &str, needle: &str) -> Option<usize> {
    haystack
        .to_ascii_lowercase()
        .find(&needle.to_ascii_lowercase())
}

/// Right after `<meta charset>` (it must stay first), else after the `<head>` or `<html>` tag,
/// which the minifier may have dropped: before any script or preload, which the policy must
/// already cover.
fn insertion_point(html: &str) -> Option<usize> {
    let end_of = |start: usize| Some(start + html[start..].find('>')? + 1);
    let charset = find_ignore_case(html, "<meta charset")
        .filter(|&at| find_ignore_case(&html[..at], "<script").is_none())
        .and_then(end_of);
    charset
        .or_else(|| find_ignore_case(html, "<head>").and_then(end_of))
        .or_else(|| find_ignore_case(html, "<head ").and_then(end_of))
        .or_else(|| find_ignore_case(html, "<html").and_then(end_of))
}

fn without_policy(html: &str) -> String {
    match html.find(MARKER) {
        Some(start) => match html[start..].find('>') {
            Some(end) => format!("{}{}", &html[..start], &html[start + end + 1..]),
            None => html.to_string(),
        },
        None => html.to_string(),
    }
}

/// Origins the app fetches from besides its own: an absolute content base (the build-time
/// variable or the index's meta) and an absolute newsletter endpoint in `content/site.json`.
fn extra_connect_origins(dist: &Path, html: &str) -> Vec<String> {
    let meta_base = html
        .find("newsroom-content-base")
        .and_then(|at| html[..at].rfind('<'))
        .and_then(|tag_start| attribute_of(&html[tag_start..], "content"));
    let endpoint = std::fs::read_to_string(dist.join("content/site.json"))
        .ok()
        .and_then(|json| newsroom_core::model::parse::<newsroom_core::model::Site>("", &json).ok())
        .map(|site| site.newsletter.endpoint);
    let mut origins: Vec<String> = [
        std::env::var("NEWSROOM_CONTENT_BASE").ok().or(meta_base),
        endpoint,
    ]
    .into_iter()
    .flatten()
    .filter_map(|url| origin_of(&url))
    .collect();
    origins.dedup();
    origins
}

/// The value of attribute `name` in the tag `html` starts with, quoted or not.
fn attribute_of(html: &str, name: &str) -> Option<String> {
    let tag = &html[..html.find('>')?];
    let value = &tag[tag.find(&format!(" {name}="))? + name.len() + 2..];
    let value = value.trim_start_matches(['"', '\'']);
    let end = value.find(['"', '\'', ' ']).unwrap_or(value.len());
    Some(value[..end].to_string())
}

/// `https://host[:port]` of an absolute http(s) URL, and `host[:port]` of a protocol-relative
/// one (`//host/path`: a source without a scheme matches the page's own, as the URL does).
/// None for relative URLs, which 'self' covers.
pub fn origin_of(url: &str) -> Option<String> {
    let url = url.trim();
    let (scheme, rest) = match url.strip_prefix("//") {
        Some(rest) => (None, rest),
        None => {
            let scheme_end = url.find("://")?;
            let scheme = url[..scheme_end].to_ascii_lowercase();
            if scheme != "http" && scheme != "https" {
                return None;
            }
            (Some(scheme), &url[scheme_end + 3..])
        }
    };
    let host = &rest[..rest.find(['/', '?', '#']).unwrap_or(rest.len())];
    if host.is_empty() || host.contains(['\\', ' ', ';', ',', '\'', '"']) {
        return None;
    }
    Some(match scheme {
        Some(scheme) => format!("{scheme}://{host}"),
        None => host.to_ascii_lowercase(),
    })
}

#[cfg(test)]
mod tests;
