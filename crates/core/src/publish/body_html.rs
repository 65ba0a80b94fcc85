//! An article's body as HTML for places outside the app (the feed's `content:encoded`):
//! the same blocks and runs the page shows, every text escaped, every address through the
//! same allow-list as the page and made absolute, since a feed reader has no page to resolve
//! relative links against. Void elements are self-closed so the result is also XML.

use super::escape_html;
use crate::model::{Article, Block, HeadingLevel, Image, Inline, RichText, MAX_RUN_DEPTH};
use crate::url::{safe_url, UrlUse};

/// The hero image, then the body blocks. `base` is the site's base URL without a trailing
/// slash, `page_path` the article's path ("/articles/x").
pub fn article_html(article: &Article, base: &str, page_path: &str) -> String {
    let at = Place { base, page_path };
    let mut html = String::new();
    if let Some(hero) = &article.hero {
        figure(&mut html, hero, at);
    }
    for block in &article.body {
        match block {
            Block::Paragraph { text } => wrapped(&mut html, "p", text, at),
            Block::Heading { level, text } => {
                let tag = match level {
                    HeadingLevel::H2 => "h2",
                    HeadingLevel::H3 => "h3",
                };
                html.push_str(&format!("<{tag}>{}</{tag}>", escape_html(text)));
            }
            Block::Quote { text, attribution } => {
                html.push_str("<figure><blockquote>");
                wrapped(&mut html, "p", text, at);
                html.push_str("</blockquote>");
                if let Some(who) = attribution {
                    html.push_str(&format!("<figcaption>{}</figcaption>", escape_html(who)));
                }
                html.push_str("</figure>");
            }
            Block::List { ordered, items } => {
                let tag = if *ordered { "ol" } else { "ul" };
                html.push_str(&format!("<{tag}>"));
                for item in items {
                    wrapped(&mut html, "li", item, at);
                }
                html.push_str(&format!("</{tag}>"));
            }
            Block::Image(image) => figure(&mut html, image, at),
            Block::Unsupported => {}
        }
    }
    html
}

/// Where the HTML will be read from, to make addresses absolute.
#[derive(Clone, Copy)]
struct Place<'a> {
    base: &'a str,
    page_path: &'a str,
}

impl Place<'_> {
    /// `url` (already through the allow-list) as an absolute address.
    fn absolute(self, url: &str) -> String {
        let scheme_end = url.find([':', '/', '?', '#']);
        if scheme_end.is_some_and(|end| url[end..].starts_with(':')) {
            url.to_string()
        } else if url.starts_with("//") {
            format!("https:{url}")
        } else if url.starts_with('/') {
            format!("{}{url}", self.base)
        } else if url.starts_with(['#', '?']) {
            format!("{}{}{url}", self.base, self.page_path)
        } else {
            // Relative to the page's folder; readers resolve any "./" and "../" left in it.
            let folder = &self.page_path[..self.page_path.rfind('/').map_or(0, |i| i + 1)];
            let folder = if folder.is_empty() { "/" } else { folder };
            format!("{}{folder}{url}", self.base)
        }
    }
}

fn wrapped(html: &mut String, tag: &str, text: &RichText, at: Place) {
    html.push_str(&format!("<{tag}>"));
    runs(html, text, at, 1);
    html.push_str(&format!("</{tag}>"));
}

fn runs(html: &mut String, text: &RichText, at: Place, depth: usize) {
    for run in &text.0 {
        match run {
            Inline::Text(text) => html.push_str(&escape_html(text)),
            Inline::Code(code) => html.push_str(&format!("<code>{}</code>", escape_html(code))),
            Inline::Break => html.push_str("<br />"),
            _ if depth >= MAX_RUN_DEPTH => html.push_str(&escape_html(&run_text(run))),
            Inline::Link { href, text } => match safe_url(href, UrlUse::Link) {
                Some(href) => {
                    let href = escape_html(&at.absolute(&href));
                    html.push_str(&format!("<a href=\"{href}\">"));
                    runs(html, text, at, depth + 1);
                    html.push_str("</a>");
                }
                None => runs(html, text, at, depth + 1),
            },
            Inline::Mark { mark, text } => {
                html.push_str(&format!("<{}>", mark.name()));
                runs(html, text, at, depth + 1);
                html.push_str(&format!("</{}>", mark.name()));
            }
            Inline::Unknown { text, .. } => runs(html, text, at, depth + 1),
        }
    }
}

fn run_text(run: &Inline) -> String {
    RichText(vec![run.clone()]).plain_text()
}

fn figure(html: &mut String, image: &Image, at: Place) {
    html.push_str("<figure>");
    if let Some(src) = safe_url(&image.src, UrlUse::Image) {
        let alt = if image.decorative { "" } else { &image.alt };
        html.push_str(&format!(
            "<img src=\"{}\" alt=\"{}\" width=\"{}\" height=\"{}\" />",
            escape_html(&at.absolute(&src)),
            escape_html(alt),
            image.width,
            image.height
        ));
    }
    if let Some(caption) = &image.caption {
        wrapped(html, "figcaption", caption, at);
    }
    html.push_str("</figure>");
}
