//! `feed.xml` (RSS 2.0 with each article's whole body) and `sitemap.xml`. Both only allow
//! absolute links, so neither is written without the site's `base_url`; every text goes
//! through [`escape_xml`], which also leaves out the characters XML cannot hold, so the files
//! are well-formed whatever the content says.

use super::body_html::article_html;
use super::escape_xml;
use crate::date::Date;
use crate::model::{Article, ListingPage, Site};
use crate::route::article_path;
use std::fmt;

/// The feed or the sitemap was asked for without `base_url` in `site.json`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MissingBaseUrl {
    pub file: &'static str,
}

impl fmt::Display for MissingBaseUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} needs \"base_url\" in site.json (such as \"https://example.org\"): RSS and \
             sitemaps only allow absolute links, so it was not written",
            self.file
        )
    }
}

impl std::error::Error for MissingBaseUrl {}

/// So the prerenderer's `String` errors can carry it with `?`.
impl From<MissingBaseUrl> for String {
    fn from(error: MissingBaseUrl) -> String {
        error.to_string()
    }
}

fn base_url<'a>(site: &'a Site, file: &'static str) -> Result<&'a str, MissingBaseUrl> {
    site.base_url
        .as_deref()
        .map(|base| base.trim().trim_end_matches('/'))
        .filter(|base| !base.is_empty())
        .ok_or(MissingBaseUrl { file })
}

/// RFC 822 date for RSS ("Thu, 29 Apr 2021 00:00:00 GMT").
fn rss_date(date: Date) -> String {
    const DAYS: [&str; 7] = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
    let shown = date.display(); // "Thu Apr 29 2021"
    let month = shown.get(4..7).unwrap_or("Jan");
    format!(
        "{}, {:02} {month} {} 00:00:00 GMT",
        DAYS[usize::from(date.weekday())],
        date.day,
        date.year
    )
}

/// RSS 2.0 of the newest articles (the first listing page), newest first. Each item carries
/// its summary and, when its article is among `articles`, the whole body as
/// `content:encoded` HTML with absolute links, as feed readers expect.
pub fn rss_feed(
    site: &Site,
    newest: &ListingPage,
    articles: &[Article],
) -> Result<String, MissingBaseUrl> {
    let base = base_url(site, "feed.xml")?;
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" \
         xmlns:content=\"http://purl.org/rss/1.0/modules/content/\">\n<channel>\n",
    );
    let mut element = |name: &str, text: &str| {
        xml.push_str(&format!("<{name}>{}</{name}>\n", escape_xml(text)));
    };
    element("title", &site.name);
    element("link", &format!("{base}/"));
    element("description", &site.description);
    element("language", "en");
    for summary in &newest.articles {
        let path = article_path(&summary.slug);
        let link = format!("{base}{path}");
        xml.push_str("<item>\n");
        let mut element = |name: &str, text: &str| {
            xml.push_str(&format!("<{name}>{}</{name}>\n", escape_xml(text)));
        };
        element("title", &summary.title);
        element("link", &link);
        element("description", &summary.lede);
        element("category", &summary.category.name);
        xml.push_str(&format!(
            "<guid isPermaLink=\"true\">{}</guid>\n",
            escape_xml(&link)
        ));
        if let Some(date) = Date::parse_iso(&summary.published) {
            xml.push_str(&format!("<pubDate>{}</pubDate>\n", rss_date(date)));
        }
        if let Some(article) = articles.iter().find(|a| a.slug == summary.slug) {
            let html = article_html(article, base, &path);
            xml.push_str(&format!(
                "<content:encoded>{}</content:encoded>\n",
                escape_xml(&html)
            ));
        }
        xml.push_str("</item>\n");
    }
    xml.push_str("</channel>\n</rss>\n");
    Ok(xml)
}

/// A sitemap of the given paths.
pub fn sitemap(site: &Site, paths: &[String]) -> Result<String, MissingBaseUrl> {
    let base = base_url(site, "sitemap.xml")?;
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for path in paths {
        xml.push_str(&format!(
            "<url><loc>{}</loc></url>\n",
            escape_xml(&format!("{base}{path}"))
        ));
    }
    xml.push_str("</urlset>\n");
    Ok(xml)
}
