//! The Content-Security-Policy of the release build, written into `dist/index.html` after
//! Trunk has built it.
//!
//! Trunk boots the app with an inline module script whose text names the hashed JS and wasm
//! files, so it changes with every build: the policy can only allow it by hash once the build
//! is done. Doing it here rather than in the source `index.html` also keeps the policy out of
//! `trunk serve`, whose live-reload script is inline too.

use base64::Engine;
use lol_html::element;
use lol_html::html_content::ContentType;
use newsroom_harness::html;
use sha2::{Digest, Sha256};
use std::cell::Cell;
use std::path::Path;

const MARKER: &str = "<meta http-equiv=\"Content-Security-Policy\"";
/// The policy a previous run wrote, however the minifier then spelled it.
const POLICY: &str = "meta[http-equiv=\"content-security-policy\" i]";

/// Adds (or replaces) the policy in `dist/index.html`; returns the policy written.
pub fn apply(dist: &Path) -> Result<String, String> {
    let index = dist.join("index.html");
    let html = std::fs::read_to_string(&index)
        .map_err(|error| format!("cannot read {}: {error}", index.display()))?;
    let html = html::rewrite(
        &html,
        vec![element!(POLICY, |meta| {
            meta.remove();
            Ok(())
        })],
    )?;
    let connect = extra_connect_origins(dist, &html);
    let styles = inline_style_hashes(&html)?;
    let policy = policy(&inline_script_hashes(&html)?, &styles, &connect);
    let meta = format!("{MARKER} content=\"{policy}\">");
    let written = with_first_in_head(&html, &meta).ok_or_else(|| {
        format!(
            "{} has no <html> or <head> to hold the policy",
            index.display()
        )
    })?;
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
pub fn inline_script_hashes(html: &str) -> Result<Vec<String>, String> {
    inline_hashes(html, "script:not([src])")
}

/// `sha256-<base64>` of the text of every `<style>` element, exactly as served.
pub fn inline_style_hashes(html: &str) -> Result<Vec<String>, String> {
    inline_hashes(html, "style")
}

fn inline_hashes(page: &str, selector: &str) -> Result<Vec<String>, String> {
    Ok(html::texts(page, selector)?
        .iter()
        .map(|text| {
            let digest = Sha256::digest(text.as_bytes());
            let encoded = base64::engine::general_purpose::STANDARD.encode(digest);
            format!("sha256-{encoded}")
        })
        .collect())
}

/// `html` with `tag` right after `<meta charset>` (it must stay first), else first in the
/// `<head>` or `<html>` (the minifier may drop the `<head>` tag): before any script or preload,
/// which the policy must already cover. None when there is no such place.
fn with_first_in_head(html: &str, tag: &str) -> Option<String> {
    let seen_script = Cell::new(false);
    let (charset_first, has_head, has_html) =
        (Cell::new(false), Cell::new(false), Cell::new(false));
    html::rewrite(
        html,
        vec![
            element!("script, link", |_| {
                seen_script.set(true);
                Ok(())
            }),
            element!("meta[charset]", |_| {
                charset_first.set(charset_first.get() || !seen_script.get());
                Ok(())
            }),
            element!("head", |_| {
                has_head.set(true);
                Ok(())
            }),
            element!("html", |_| {
                has_html.set(true);
                Ok(())
            }),
        ],
    )
    .ok()?;
    let place = if charset_first.get() {
        "meta[charset]"
    } else if has_head.get() {
        "head"
    } else if has_html.get() {
        "html"
    } else {
        return None;
    };
    let mut pending = Some(tag);
    html::rewrite(
        html,
        vec![element!(place, |element| {
            if let Some(tag) = pending.take() {
                if place == "meta[charset]" {
                    element.after(tag, ContentType::Html);
                } else {
                    element.prepend(tag, ContentType::Html);
                }
            }
            Ok(())
        })],
    )
    .ok()
}

/// Origins the app fetches from besides its own: an absolute content base (the build-time
/// variable or the index's meta) and an absolute newsletter endpoint in `content/site.json`.
fn extra_connect_origins(dist: &Path, page: &str) -> Vec<String> {
    let meta_base = html::attribute_values(page, "meta[name=newsroom-content-base]", "content")
        .ok()
        .and_then(|values| values.into_iter().next());
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
