//! The floor a page is measured against: one self-contained HTML file with its CSS inline and
//! no script. One file costs one round trip, which is what nothing can beat on a slow network.

use lol_html::element;
use lol_html::html_content::ContentType;
use newsroom_harness::html;
use std::path::Path;

/// The text of every stylesheet the build's `index.html` links, in order, then of its inline
/// `<style>` elements, joined.
pub fn stylesheet_text(root: &Path, index_html: &str) -> Result<String, String> {
    let mut css = String::new();
    for href in html::attribute_values(index_html, "link[rel~=stylesheet]", "href")? {
        let path = root.join(href.trim_start_matches('/'));
        let text = std::fs::read_to_string(&path)
            .map_err(|error| format!("cannot read the stylesheet {}: {error}", path.display()))?;
        css.push_str(&text);
        css.push('\n');
    }
    for style in html::texts(index_html, "style")? {
        css.push_str(&style);
        css.push('\n');
    }
    if css.trim().is_empty() {
        return Err("the build's index.html has no stylesheet".to_string());
    }
    Ok(css)
}

/// A prerendered page made self-contained: the same markup, without its scripts (the loader,
/// embedded data, JSON-LD), preloads and the policy (which would refuse inline style), and
/// with `css` in one `<style>` element where its first stylesheet was.
pub fn from_prerendered(page: &str, css: &str) -> Result<String, String> {
    let mut style = Some(format!("<style>{css}</style>"));
    let out = html::rewrite(
        page,
        vec![
            element!("style, link[rel~=stylesheet]", |element| {
                match style.take() {
                    Some(style) => element.replace(&style, ContentType::Html),
                    None => element.remove(),
                }
                Ok(())
            }),
            element!(
                "script, link[rel~=preload], link[rel~=modulepreload], \
                 meta[http-equiv=\"content-security-policy\" i]",
                |element| {
                    element.remove();
                    Ok(())
                }
            ),
        ],
    )?;
    match style {
        Some(_) => Err("the prerendered page has no stylesheet to put the CSS in".to_string()),
        None => Ok(out),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_markup_and_drops_scripts_links_and_the_policy() {
        let page = "<!doctype html><html><head><meta charset=utf-8>\
            <meta http-equiv=Content-Security-Policy content=\"default-src 'self'\">\
            <link rel=stylesheet href=/a.css><link rel=modulepreload href=/app.js>\
            <style>p{}</style><link rel=canonical href=https://example.org/a>\
            <script type=application/ld+json>{\"a\":1}</script></head>\
            <body><div id=prerendered><h1>Title</h1></div><div id=app hidden></div>\
            <SCRIPT type=module>import init from '/app.js';</SCRIPT></body></html>";
        let one = from_prerendered(page, "h1{color:red}").unwrap();
        assert_eq!(
            one,
            "<!doctype html><html><head><meta charset=utf-8>\
             <style>h1{color:red}</style><link rel=canonical href=https://example.org/a>\
             </head><body><div id=prerendered><h1>Title</h1></div><div id=app hidden></div>\
             </body></html>"
        );
    }
}
