//! The response headers of a production host, in one place for both places that send them: this
//! server, and the `_headers` file `cargo xtask build` writes for static hosts (Netlify,
//! Cloudflare Pages and others read that format). It needs only std and scraper, so xtask
//! compiles this same file (`#[path]`) without the server's other dependencies.

/// Hashed build outputs: their name changes with their content, so they can be kept forever.
pub const IMMUTABLE: &str = "public, max-age=31536000, immutable";
/// Everything else is checked with the server on each use (a 304 when unchanged), so a new
/// build or an edited article shows at once.
pub const REVALIDATE: &str = "no-cache";

/// The headers every response carries, given the page's Content-Security-Policy.
pub fn security_headers(csp: &str) -> Vec<(&'static str, String)> {
    vec![
        ("Content-Security-Policy", csp.to_string()),
        ("X-Content-Type-Options", "nosniff".to_string()),
        (
            "Referrer-Policy",
            "strict-origin-when-cross-origin".to_string(),
        ),
        // For browsers older than CSP's frame-ancestors.
        ("X-Frame-Options", "DENY".to_string()),
    ]
}

/// The build's policy (from the `<meta>` `cargo xtask build` writes into `index.html`) plus what
/// only a header can say: no site may frame these pages. Without a build policy, a minimal one.
pub fn header_policy(index_html: Option<&str>) -> String {
    match index_html.and_then(meta_policy) {
        Some(policy) => format!("{policy}; frame-ancestors 'none'"),
        None => "object-src 'none'; base-uri 'self'; frame-ancestors 'none'".to_string(),
    }
}

/// The `content` of `<meta http-equiv="Content-Security-Policy" content="...">`, as the
/// browser reads it (entities decoded, however the minifier quoted it).
pub fn meta_policy(html: &str) -> Option<String> {
    let selector =
        scraper::Selector::parse("meta[http-equiv='content-security-policy' i][content]").ok()?;
    let page = scraper::Html::parse_document(html);
    let meta = page.select(&selector).next()?;
    meta.value().attr("content").map(str::to_string)
}

/// Trunk names hashed outputs `<stem>-<hex hash>.<ext>` (the wasm `<stem>-<hash>_bg.wasm`), at
/// the top of `dist/`. `path` is relative to the root, without a leading slash.
pub fn is_hashed_asset(path: &str) -> bool {
    if path.contains('/') {
        return false;
    }
    let stem = path.split('.').next().unwrap_or("");
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    match stem.rsplit_once('-') {
        Some((name, hash)) => {
            !name.is_empty() && hash.len() >= 8 && hash.bytes().all(|b| b.is_ascii_hexdigit())
        }
        None => false,
    }
}

pub fn cache_control(path: &str) -> &'static str {
    if is_hashed_asset(path) {
        IMMUTABLE
    } else {
        REVALIDATE
    }
}

/// The `_headers` file for `dist/`. Hosts merge every rule that matches a path, so
/// Cache-Control is set by rules that never overlap: one per hashed file, and `/content/*`.
/// HTML pages keep the host's default, which on those hosts is already revalidation.
#[allow(dead_code)] // Used by `cargo xtask build`, which compiles this file too.
pub fn headers_file(csp: &str, hashed_files: &[String]) -> String {
    let mut out = String::from(
        "# Written by `cargo xtask build`: the headers newsroom-server sends, for static hosts.\n",
    );
    out.push_str("/*\n");
    for (name, value) in security_headers(csp) {
        out.push_str(&format!("  {name}: {value}\n"));
    }
    out.push_str(&format!("\n/content/*\n  Cache-Control: {REVALIDATE}\n"));
    for file in hashed_files {
        out.push_str(&format!("\n/{file}\n  Cache-Control: {IMMUTABLE}\n"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_trunks_hashed_names_only_at_the_top() {
        for name in [
            "newsroom-1a2b3c4d5e6f7081.js",
            "newsroom-1a2b3c4d5e6f7081_bg.wasm",
            "tokens-9f8e7d6c5b4a3921.css",
            "newsroom-1a2b3c4d5e6f7081_bg.wasm.br",
        ] {
            assert!(is_hashed_asset(name), "{name}");
        }
        for name in [
            "index.html",
            "feed.xml",
            "content/images/photo-1a2b3c4d5e6f.jpg",
            "favicon.ico",
            "newsroom-notahash.js",
            "-1a2b3c4d5e6f7081.js",
        ] {
            assert!(!is_hashed_asset(name), "{name}");
        }
        assert_eq!(cache_control("newsroom-1a2b3c4d5e6f7081.js"), IMMUTABLE);
        assert_eq!(cache_control("articles/x/index.html"), REVALIDATE);
    }

    #[test]
    fn takes_the_policy_from_the_build_and_adds_frame_ancestors() {
        let html = "<head><meta charset=\"utf-8\"><meta http-equiv=\"Content-Security-Policy\" \
                    content=\"default-src 'self'; script-src 'self' 'sha256-abc='\"></head>";
        assert_eq!(
            header_policy(Some(html)),
            "default-src 'self'; script-src 'self' 'sha256-abc='; frame-ancestors 'none'"
        );
        let minified =
            "<meta content=\"default-src &#39;self&#39;\" http-equiv=content-security-policy>";
        assert_eq!(
            header_policy(Some(minified)),
            "default-src 'self'; frame-ancestors 'none'"
        );
        assert!(header_policy(None).contains("frame-ancestors 'none'"));
        assert!(header_policy(Some("<html></html>")).contains("frame-ancestors 'none'"));
    }

    #[test]
    fn the_headers_file_never_sets_cache_control_twice_for_one_path() {
        let file = headers_file("default-src 'self'", &["app-1a2b3c4d5e6f.js".to_string()]);
        assert!(file.contains("/*\n  Content-Security-Policy: default-src 'self'\n"));
        assert!(file.contains("  X-Content-Type-Options: nosniff\n"));
        assert!(file.contains(
            "/app-1a2b3c4d5e6f.js\n  Cache-Control: public, max-age=31536000, immutable\n"
        ));
        let block_of_all = file.split("\n\n").next().unwrap();
        assert!(!block_of_all.contains("Cache-Control"));
    }
}
