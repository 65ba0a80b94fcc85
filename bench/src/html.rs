//! Reading and rewriting the build's pages with a real HTML tokenizer (lol_html): the
//! minifier drops quotes and reorders attributes, which must not matter here.

use lol_html::{element, rewrite_str, ElementContentHandlers, RewriteStrSettings, Selector};
use std::borrow::Cow;

pub type Handlers<'h> = Vec<(Cow<'static, Selector>, ElementContentHandlers<'h>)>;

/// `html` with `handlers` applied.
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

/// The `href`s of the stylesheet links, in order. The build minifies and hashes them, so they
/// are read from the output rather than from the source.
pub fn stylesheets(html: &str) -> Result<Vec<String>, String> {
    let mut hrefs = Vec::new();
    rewrite(
        html,
        vec![element!("link[rel~=stylesheet][href]", |link| {
            hrefs.extend(link.get_attribute("href"));
            Ok(())
        })],
    )?;
    Ok(hrefs)
}

/// The text of every `<style>` element, in order.
pub fn inline_styles(html: &str) -> Result<Vec<String>, String> {
    let styles = std::cell::RefCell::new(Vec::<String>::new());
    rewrite(
        html,
        vec![
            element!("style", |_| {
                styles.borrow_mut().push(String::new());
                Ok(())
            }),
            lol_html::text!("style", |chunk| {
                if let Some(style) = styles.borrow_mut().last_mut() {
                    style.push_str(chunk.as_str());
                }
                Ok(())
            }),
        ],
    )?;
    Ok(styles.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_stylesheets_however_the_minifier_wrote_them() {
        let html = "<link href=/a-1.css integrity=sha384-x rel=stylesheet>\
                    <link crossorigin href=/app.js rel=modulepreload>\
                    <LINK REL=\"stylesheet\" HREF=\"/b 2.css\" /><style>h1{}</style><style></style>";
        assert_eq!(stylesheets(html).unwrap(), ["/a-1.css", "/b 2.css"]);
        assert_eq!(inline_styles(html).unwrap(), ["h1{}", ""]);
    }
}
