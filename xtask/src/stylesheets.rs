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

use std::path::Path;

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
    let mut out = String::with_capacity(html.len());
    let mut first_link = None;
    let mut rest = html.as_str();
    while let Some(start) = rest.find("<link") {
        out.push_str(&rest[..start]);
        let end = rest[start..]
            .find('>')
            .map_or(rest.len(), |end| start + end + 1);
        let tag = &rest[start..end];
        let attributes = attributes(tag);
        let rel = attribute(&attributes, "rel").unwrap_or_default();
        match (rel, attribute(&attributes, "href")) {
            ("stylesheet", Some(href)) if !href.contains("://") => {
                let file = dist.join(href.trim_start_matches('/'));
                let text = std::fs::read_to_string(&file)
                    .map_err(|error| format!("cannot read {}: {error}", file.display()))?;
                if text.to_ascii_lowercase().contains("</style") {
                    return Err(format!("{} contains </style", file.display()));
                }
                css.push_str(text.trim());
                css.push('\n');
                files.push(file);
                first_link.get_or_insert(out.len());
            }
            ("preload" | "modulepreload", _)
                if attribute(&attributes, "fetchpriority").is_none() =>
            {
                let close = if tag.ends_with("/>") {
                    tag.len() - 2
                } else {
                    tag.len() - 1
                };
                out.push_str(tag[..close].trim_end());
                out.push_str(" fetchpriority=low>");
            }
            _ => out.push_str(tag),
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    let Some(at) = first_link else {
        // Already inlined (the build ran twice on this folder): only the priorities changed.
        write(&index, &out)?;
        return Ok(Inlined { files: 0, bytes: 0 });
    };
    let style = format!("<style>{}</style>", css.trim_end());
    out.insert_str(at, &style);
    write(&index, &out)?;
    for file in &files {
        let _ = std::fs::remove_file(file);
    }
    Ok(Inlined {
        files: files.len(),
        bytes: css.len(),
    })
}

fn write(path: &Path, text: &str) -> Result<(), String> {
    std::fs::write(path, text).map_err(|error| format!("cannot write {}: {error}", path.display()))
}

fn attribute<'a>(attributes: &'a [(String, String)], name: &str) -> Option<&'a str> {
    attributes
        .iter()
        .find(|(key, _)| key.eq_ignore_ascii_case(name))
        .map(|(_, value)| value.as_str())
}

/// Attributes of one `<link ...>` tag, quoted or not (the minifier drops quotes).
fn attributes(tag: &str) -> Vec<(String, String)> {
    let inner = tag
        .trim_start_matches("<link")
        .trim_end_matches('>')
        .trim_end_matches('/');
    let mut found = Vec::new();
    let mut chars = inner.chars().peekable();
    loop {
        while chars.next_if(|c| c.is_whitespace()).is_some() {}
        let name: String =
            std::iter::from_fn(|| chars.next_if(|c| !c.is_whitespace() && *c != '=')).collect();
        if name.is_empty() {
            break;
        }
        let mut value = String::new();
        if chars.next_if_eq(&'=').is_some() {
            match chars.next_if(|c| *c == '"' || *c == '\'') {
                Some(quote) => value.extend(chars.by_ref().take_while(|c| *c != quote)),
                None => value.extend(std::iter::from_fn(|| chars.next_if(|c| !c.is_whitespace()))),
            }
        }
        found.push((name.to_ascii_lowercase(), value));
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joins_the_stylesheets_inline_in_order_and_lowers_the_preloads() {
        let dist = std::env::temp_dir().join(format!("xtask-stylesheets-{}", std::process::id()));
        std::fs::create_dir_all(&dist).unwrap();
        std::fs::write(dist.join("a-1.css"), ":root{--x:1}\n").unwrap();
        std::fs::write(dist.join("b-2.css"), "h1{color:red}").unwrap();
        let built = "<meta charset=utf-8><script type=module>import '/app.js'</script>\
            <link href=/a-1.css integrity=sha384-a rel=stylesheet>\
            <link href=\"/b-2.css\" rel=\"stylesheet\">\
            <link crossorigin href=/app.js rel=modulepreload>\
            <link as=fetch href=/app.wasm rel=preload type=application/wasm>\
            <link rel=canonical href=https://example.org/></head>";
        std::fs::write(dist.join("index.html"), built).unwrap();
        let inlined = apply(&dist).unwrap();
        assert_eq!(inlined.files, 2);
        let html = std::fs::read_to_string(dist.join("index.html")).unwrap();
        assert_eq!(
            html,
            "<meta charset=utf-8><script type=module>import '/app.js'</script>\
             <style>:root{--x:1}\nh1{color:red}</style>\
             <link crossorigin href=/app.js rel=modulepreload fetchpriority=low>\
             <link as=fetch href=/app.wasm rel=preload type=application/wasm fetchpriority=low>\
             <link rel=canonical href=https://example.org/></head>"
        );
        assert!(!dist.join("a-1.css").exists() && !dist.join("b-2.css").exists());
        // A second run changes nothing.
        apply(&dist).unwrap();
        assert_eq!(
            std::fs::read_to_string(dist.join("index.html")).unwrap(),
            html
        );
        std::fs::remove_dir_all(&dist).unwrap();
    }
}
