//! The floor a page is measured against: one self-contained HTML file with its CSS inline and
//! no script. One file costs one round trip, which is what nothing can beat on a slow network.

use crate::site::stylesheets;
use std::path::Path;

/// The text of every stylesheet the build's `index.html` links, in order, then of its inline
/// `<style>` elements, joined.
pub fn stylesheet_text(root: &Path, index_html: &str) -> Result<String, String> {
    let hrefs = stylesheets(index_html);
    let mut css = String::new();
    for href in hrefs {
        let path = root.join(href.trim_start_matches('/'));
        let text = std::fs::read_to_string(&path)
            .map_err(|error| format!("cannot read the stylesheet {}: {error}", path.display()))?;
        css.push_str(&text);
        css.push('\n');
    }
    let mut rest = index_html;
    while let Some(start) = find_ignore_case(rest, "<style") {
        let body = &rest[start..];
        let (Some(open_end), Some(close)) = (body.find('>'), find_ignore_case(body, "</style>"))
        else {
            break;
        };
        css.push_str(&body[open_end + 1..close]);
        css.push('\n');
        rest = &body[close..];
    }
    if css.trim().is_empty() {
        return Err("the build's index.html has no stylesheet".to_string());
    }
    Ok(css)
}

/// A prerendered page made self-contained: the same markup, without its scripts (the loader,
/// embedded data, JSON-LD), without links to stylesheets, preloads and the policy (which would
/// refuse inline style), and with `css` in a `<style>` element at the end of the head.
pub fn from_prerendered(html: &str, css: &str) -> Result<String, String> {
    let mut out = without_elements(&without_elements(html, "script"), "style");
    out = without_tags(&out, "link", |tag| {
        let rel = tag.to_ascii_lowercase();
        ["stylesheet", "preload", "modulepreload"]
            .iter()
            .any(|kind| rel.contains(kind))
    });
    out = without_tags(&out, "meta", |tag| {
        tag.to_ascii_lowercase().contains("content-security-policy")
    });
    let head_end = find_ignore_case(&out, "</head>")
        .or_else(|| find_ignore_case(&out, "<body"))
        .ok_or("the prerendered page has neither </head> nor <body>")?;
    Ok(format!(
        "{}<style>{css}</style>{}",
        &out[..head_end],
        &out[head_end..]
    ))
}

fn find_ignore_case(haystack: &str, needle: &str) -> Option<usize> {
    haystack
        .to_ascii_lowercase()
        .find(&needle.to_ascii_lowercase())
}

/// `html` without every `<name ...>...</name>` element.
fn without_elements(html: &str, name: &str) -> String {
    let (open, close) = (format!("<{name}"), format!("</{name}>"));
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = find_ignore_case(rest, &open) {
        out.push_str(&rest[..start]);
        rest = &rest[start..];
        match find_ignore_case(rest, &close) {
            Some(end) => rest = &rest[end + close.len()..],
            None => rest = "",
        }
    }
    out.push_str(rest);
    out
}

/// `html` without the void tags `<name ...>` for which `drop` says so (given the tag's text).
fn without_tags(html: &str, name: &str, drop: impl Fn(&str) -> bool) -> String {
    let open = format!("<{name}");
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = find_ignore_case(rest, &open) {
        out.push_str(&rest[..start]);
        rest = &rest[start..];
        let end = rest.find('>').map_or(rest.len(), |end| end + 1);
        let is_this_tag = rest[open.len()..]
            .chars()
            .next()
            .is_some_and(|c| c.is_whitespace() || c == '>' || c == '/');
        if !(is_this_tag && drop(&rest[..end])) {
            out.push_str(&rest[..end]);
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_markup_and_drops_scripts_links_and_the_policy() {
        let page = "<!doctype html><html><head><meta charset=utf-8>\
            <meta http-equiv=Content-Security-Policy content=\"default-src 'self'\">\
            <link rel=stylesheet href=/a.css><link rel=modulepreload href=/app.js>\
            <link rel=canonical href=https://example.org/a>\
            <script type=application/ld+json>{\"a\":1}</script></head>\
            <body><div id=prerendered><h1>Title</h1></div><div id=app hidden></div>\
            <SCRIPT type=module>import init from '/app.js';</SCRIPT></body></html>";
        let one = from_prerendered(page, "h1{color:red}").unwrap();
        assert_eq!(
            one,
            "<!doctype html><html><head><meta charset=utf-8>\
             <link rel=canonical href=https://example.org/a><style>h1{color:red}</style></head>\
             <body><div id=prerendered><h1>Title</h1></div><div id=app hidden></div>\
             </body></html>"
        );
    }
}
