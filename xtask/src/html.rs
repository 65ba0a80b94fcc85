//! Reading and rewriting the built pages with a real HTML tokenizer (lol_html), so that
//! quoting, attribute order and letter case, which the minifier changes, never matter.

use lol_html::{element, rewrite_str, ElementContentHandlers, RewriteStrSettings, Selector};
use std::borrow::Cow;

/// A stylesheet link to a file of the build (not another site's).
pub const LOCAL_STYLESHEET: &str = "link[rel~=stylesheet][href]:not([href*=\"://\"])";

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

/// The `href` of every stylesheet link to a file of the build, in order.
pub fn local_stylesheets(html: &str) -> Result<Vec<String>, String> {
    let mut hrefs = Vec::new();
    rewrite(
        html,
        vec![element!(LOCAL_STYLESHEET, |link| {
            hrefs.extend(link.get_attribute("href"));
            Ok(())
        })],
    )?;
    Ok(hrefs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_stylesheets_however_they_are_quoted_or_ordered() {
        let html = "<link href=/a-1.css rel=stylesheet><LINK REL=\"preload stylesheet\" \
            HREF='/b 2.css'><link rel=stylesheet href=https://cdn.example.org/x.css>\
            <link rel=icon href=/favicon.ico>";
        assert_eq!(local_stylesheets(html).unwrap(), ["/a-1.css", "/b 2.css"]);
    }
}
