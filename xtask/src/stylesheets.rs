//! The release page's head, rearranged after Trunk has built it so that nothing the app needs
//! later delays the first paint. Measured on the phone profile of `cargo xtask bench` (see
//! `docs/performance.md`):
//!
//! - The stylesheets in `style/` stay separate files for the people who edit them, and
//!   `trunk serve` links them one by one (live reload). In `dist/` their text goes inline, in
//!   one `<style>` element where the first link was: seven links each cost a round trip before
//!   first paint; one joined file still costs one. The Content-Security-Policy allows the
//!   element by its hash (`csp.rs`), so no other inline style is allowed.
//! - The JS glue and the wasm are preloaded with `fetchpriority=low`, so they do not take the
//!   link from the page's first image.

use lol_html::element;
use lol_html::html_content::ContentType;
use newsroom_harness::html;
use std::path::Path;

/// A stylesheet link to a file of the build (not another site's).
const LOCAL_STYLESHEET: &str = "link[rel~=stylesheet][href]:not([href*=\"://\"])";

/// What `apply` did, for the build's log.
pub struct Inlined {
    pub files: usize,
    pub bytes: usize,
}

/// Inlines the linked stylesheets of `dist/index.html` (and removes their files) and lowers
/// the priority of the app's preloads.
pub fn apply(dist: &Path) -> Result<Inlined, String> {
    let index = dist.join("index.html");
    let html = std::fs::read_to_string(&index)
        .map_err(|error| format!("cannot read {}: {error}", index.display()))?;
    let mut css = String::new();
    let mut files = Vec::new();
    for href in html::attribute_values(&html, LOCAL_STYLESHEET, "href")? {
        let file = dist.join(href.trim_start_matches('/'));
        let text = std::fs::read_to_string(&file)
            .map_err(|error| format!("cannot read {}: {error}", file.display()))?;
        if text.to_ascii_lowercase().contains("</style") {
            return Err(format!("{} contains </style", file.display()));
        }
        css.push_str(text.trim());
        css.push('\n');
        files.push(file);
    }
    // Where the first stylesheet was linked, all of them inline; the other links go.
    let mut style = (!files.is_empty()).then(|| format!("<style>{}</style>", css.trim_end()));
    let out = html::rewrite(
        &html,
        vec![
            element!(LOCAL_STYLESHEET, |link| {
                match style.take() {
                    Some(style) => link.replace(&style, ContentType::Html),
                    None => link.remove(),
                }
                Ok(())
            }),
            element!("link[rel=preload], link[rel=modulepreload]", |link| {
                if !link.has_attribute("fetchpriority") {
                    link.set_attribute("fetchpriority", "low")?;
                }
                Ok(())
            }),
        ],
    )?;
    std::fs::write(&index, out)
        .map_err(|error| format!("cannot write {}: {error}", index.display()))?;
    for file in &files {
        let _ = std::fs::remove_file(file);
    }
    Ok(Inlined {
        files: files.len(),
        bytes: css.len(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joins_the_stylesheets_inline_in_order_and_lowers_the_preloads() {
        let folder = tempfile::tempdir().unwrap();
        let dist = folder.path();
        std::fs::write(dist.join("a-1.css"), ":root{--x:1}\n").unwrap();
        std::fs::write(dist.join("b-2.css"), "h1{color:red}").unwrap();
        let built = "<meta charset=utf-8><script type=module>import '/app.js'</script>\
            <link href=/a-1.css integrity=sha384-a rel=stylesheet>\
            <link href=\"/b-2.css\" rel=\"stylesheet\">\
            <link crossorigin href=/app.js rel=modulepreload>\
            <link as=fetch href=/app.wasm rel=preload type=application/wasm>\
            <link rel=canonical href=https://example.org/></head>";
        std::fs::write(dist.join("index.html"), built).unwrap();
        let inlined = apply(dist).unwrap();
        assert_eq!(inlined.files, 2);
        let html = std::fs::read_to_string(dist.join("index.html")).unwrap();
        assert_eq!(
            html,
            "<meta charset=utf-8><script type=module>import '/app.js'</script>\
             <style>:root{--x:1}\nh1{color:red}</style>\
             <link crossorigin href=/app.js rel=modulepreload fetchpriority=\"low\">\
             <link as=fetch href=/app.wasm rel=preload type=application/wasm fetchpriority=\"low\">\
             <link rel=canonical href=https://example.org/></head>"
        );
        assert!(!dist.join("a-1.css").exists() && !dist.join("b-2.css").exists());
        // A second run changes nothing.
        apply(dist).unwrap();
        assert_eq!(
            std::fs::read_to_string(dist.join("index.html")).unwrap(),
            html
        );
    }
}
