//! Reading and rewriting the build's pages with a real HTML tokenizer (lol_html), for the
//! build steps, the bench and the tests alike: the minifier drops quotes, changes letter case
//! and reorders attributes, none of which may matter. Attribute values come as written (lol_html
//! does not decode entities), which suits the build's own file names and markers.

use lol_html::{element, rewrite_str, text, ElementContentHandlers, RewriteStrSettings, Selector};
use std::borrow::Cow;
use std::cell::RefCell;

pub type Handlers<'h> = Vec<(Cow<'static, Selector>, ElementContentHandlers<'h>)>;

/// `html` with `handlers` applied (the `element!` and `text!` macros of lol_html make them).
pub fn rewrite(html: &str, handlers: Handlers) -> Result<String, String> {
    let settings = handlers
        .into_iter()
        .fold(RewriteStrSettings::new(), |settings, handler| {
            settings.append_element_content_handler(handler)
        });
    rewrite_str(html, settings).map_err(|error| format!("cannot rewrite the page: {error}"))
}

/// `html` without the elements `selector` matches.
pub fn without(html: &str, selector: &str) -> Result<String, String> {
    rewrite(
        html,
        vec![element!(selector, |element| {
            element.remove();
            Ok(())
        })],
    )
}

/// `attribute` of every element `selector` matches that has it, in document order.
pub fn attribute_values(
    html: &str,
    selector: &str,
    attribute: &str,
) -> Result<Vec<String>, String> {
    let mut values = Vec::new();
    rewrite(
        html,
        vec![element!(selector, |element| {
            values.extend(element.get_attribute(attribute));
            Ok(())
        })],
    )?;
    Ok(values)
}

/// The text of every element `selector` matches, exactly as written (for `<script>` and
/// `<style>`, what a Content-Security-Policy hash covers), in document order.
pub fn texts(html: &str, selector: &str) -> Result<Vec<String>, String> {
    let texts = RefCell::new(Vec::<String>::new());
    rewrite(
        html,
        vec![
            element!(selector, |_| {
                texts.borrow_mut().push(String::new());
                Ok(())
            }),
            text!(selector, |chunk| {
                if let Some(text) = texts.borrow_mut().last_mut() {
                    text.push_str(chunk.as_str());
                }
                Ok(())
            }),
        ],
    )?;
    Ok(texts.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_however_the_minifier_wrote_it() {
        let html = "<link href=/a-1.css integrity=sha384-x rel=stylesheet>\
                    <link crossorigin href=/app.js rel=modulepreload>\
                    <LINK REL=\"preload stylesheet\" HREF='/b 2.css' /><style>h1{}</style>\
                    <style></style><script>a</script><script src=/x.js></script>";
        let stylesheets = attribute_values(html, "link[rel~=stylesheet]", "href").unwrap();
        assert_eq!(stylesheets, ["/a-1.css", "/b 2.css"]);
        assert_eq!(texts(html, "style").unwrap(), ["h1{}", ""]);
        assert_eq!(texts(html, "script:not([src])").unwrap(), ["a"]);
        assert_eq!(
            without(html, "link, style").unwrap(),
            "<script>a</script><script src=/x.js></script>"
        );
    }
}
