//! What a static host needs besides the app: each page's `<head>` (title, description,
//! canonical URL, Open Graph and Twitter tags, JSON-LD), the RSS feed and the sitemap. Pure
//! string building, so it is tested natively and the prerenderer only writes files.

use crate::date::Date;
use crate::model::{Article, ListingPage, Site};
use crate::route::{article_path, category_path, Route};
use serde_json::json;

/// Escapes text for HTML content and quoted attribute values.
pub fn escape_html(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for character in text.chars() {
        match character {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            '\'' => escaped.push_str("&#39;"),
            other => escaped.push(other),
        }
    }
    escaped
}

/// Escapes text for XML (the same five entities HTML uses are all XML's predefined ones).
pub fn escape_xml(text: &str) -> String {
    escape_html(text).replace("&#39;", "&apos;")
}

/// "Title | Site", as the app's document title has it.
pub fn page_title(title: &str, site_name: &str) -> String {
    if title.is_empty() {
        site_name.to_string()
    } else {
        format!("{title} | {site_name}")
    }
}

/// Everything a page's `<head>` says about it: the app keeps the document's title and
/// description in step with it, and the prerenderer writes all of it.
#[derive(Clone, Debug, PartialEq)]
pub struct PageHead {
    pub title: String,
    pub description: String,
    /// The page's path ("/articles/x"); made absolute with the site's base URL.
    pub path: String,
    pub kind: PageKind,
}

/// What kind of page a head describes: the article itself feeds its structured data.
#[derive(Clone, Debug, PartialEq)]
pub enum PageKind {
    Listing,
    Article(Box<Article>),
    NotFound,
}

impl PageHead {
    pub fn article(site_name: &str, article: &Article) -> PageHead {
        PageHead {
            title: page_title(&article.title, site_name),
            description: article.lede.clone(),
            path: article_path(&article.slug),
            kind: PageKind::Article(Box::new(article.clone())),
        }
    }

    /// A page of every article ("Latest news", described as the site is) or of one category.
    pub fn listing(site_name: &str, site_description: &str, page: &ListingPage) -> PageHead {
        let (heading, description) = match &page.category {
            Some(category) => (
                category.name.clone(),
                format!("Articles in {}.", category.name),
            ),
            None => (LATEST_NEWS.to_string(), site_description.to_string()),
        };
        PageHead {
            title: page_title(&heading, site_name),
            description,
            path: Route::of_listing(page, page.page).path(),
            kind: PageKind::Listing,
        }
    }

    /// `what` is "Page" or "Article", as the reader was looking for one or the other.
    pub fn not_found(what: &str) -> PageHead {
        PageHead {
            title: format!("{what} not found"),
            description: format!(
                "The {} you were looking for could not be found.",
                what.to_lowercase()
            ),
            path: Route::NotFound.path(),
            kind: PageKind::NotFound,
        }
    }
}

/// The heading of the listing of every article.
pub const LATEST_NEWS: &str = "Latest news";

fn absolute(site: &Site, path: &str) -> Option<String> {
    site.base_url
        .as_deref()
        .map(|base| format!("{}{path}", base.trim_end_matches('/')))
}

/// JSON inside `<script>`: `<` escaped so no text can close the element early (`</script>`)
/// or open a comment (`<!--`). JSON has `<` only inside strings, where `\u003c` means the same.
fn script_json(value: &serde_json::Value) -> String {
    escape_script_json(&value.to_string())
}

fn escape_script_json(json: &str) -> String {
    json.replace('<', "\\u003c")
}

/// A `<script type="application/json">` element holding `json`: data for the page, never run
/// (and so allowed by the Content-Security-Policy as it is).
pub fn json_script(attributes: &[(&str, &str)], json: &str) -> String {
    let attributes: String = attributes
        .iter()
        .map(|(name, value)| format!(" {name}=\"{}\"", escape_html(value)))
        .collect();
    format!(
        "<script type=\"application/json\"{attributes}>{}</script>",
        escape_script_json(json)
    )
}

/// The tags for a page's `<head>`, one per line.
pub fn head_tags(site: &Site, head: &PageHead) -> String {
    let mut tags = vec![
        format!("<title>{}</title>", escape_html(&head.title)),
        meta_name("description", &head.description),
    ];
    let url = absolute(site, &head.path);
    if matches!(head.kind, PageKind::NotFound) {
        tags.push(meta_name("robots", "noindex"));
        return tags.join("\n");
    }
    if let Some(url) = &url {
        tags.push(format!(
            "<link rel=\"canonical\" href=\"{}\">",
            escape_html(url)
        ));
        tags.push(meta_property("og:url", url));
    }
    let og_type = match head.kind {
        PageKind::Article(_) => "article",
        _ => "website",
    };
    tags.push(meta_property("og:type", og_type));
    tags.push(meta_property("og:site_name", &site.name));
    tags.push(meta_property("og:title", &head.title));
    tags.push(meta_property("og:description", &head.description));
    tags.push(meta_name("twitter:title", &head.title));
    tags.push(meta_name("twitter:description", &head.description));
    if let PageKind::Article(article) = &head.kind {
        let image = article
            .hero
            .as_ref()
            .and_then(|image| absolute(site, &image.src).filter(|_| image.src.starts_with('/')));
        tags.push(meta_name(
            "twitter:card",
            if image.is_some() {
                "summary_large_image"
            } else {
                "summary"
            },
        ));
        if let Some(image) = &image {
            tags.push(meta_property("og:image", image));
        }
        if let Some(date) = Date::parse_iso(&article.published) {
            tags.push(meta_property("article:published_time", &date.iso()));
        }
        if let Some(date) = article.updated.as_deref().and_then(Date::parse_iso) {
            tags.push(meta_property("article:modified_time", &date.iso()));
        }
        tags.push(meta_property("article:section", &article.category.name));
        for json_ld in article_json_ld(site, article, url.as_deref(), image.as_deref()) {
            tags.push(format!(
                "<script type=\"application/ld+json\">{}</script>",
                script_json(&json_ld)
            ));
        }
    } else {
        tags.push(meta_name("twitter:card", "summary"));
    }
    tags.join("\n")
}

fn meta_name(name: &str, content: &str) -> String {
    format!(
        "<meta name=\"{name}\" content=\"{}\">",
        escape_html(content)
    )
}

fn meta_property(property: &str, content: &str) -> String {
    format!(
        "<meta property=\"{property}\" content=\"{}\">",
        escape_html(content)
    )
}

/// An `Article` and a `BreadcrumbList` (home, category, article) in schema.org terms.
fn article_json_ld(
    site: &Site,
    article: &Article,
    url: Option<&str>,
    image: Option<&str>,
) -> [serde_json::Value; 2] {
    let published = Date::parse_iso(&article.published).map(|date| date.iso());
    let modified = article
        .updated
        .as_deref()
        .and_then(Date::parse_iso)
        .map(|date| date.iso())
        .or_else(|| published.clone());
    let mut headline: String = article.title.chars().take(110).collect();
    headline.truncate(headline.trim_end().len());
    let organization = json!({ "@type": "Organization", "name": site.name });
    let mut article_ld = json!({
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": headline,
        "description": article.lede,
        "datePublished": published,
        "dateModified": modified,
        "articleSection": article.category.name,
        "author": organization,
        "publisher": organization,
    });
    if let Some(url) = url {
        article_ld["mainEntityOfPage"] = json!(url);
    }
    if let Some(image) = image {
        article_ld["image"] = json!([image]);
    }
    let crumb = |position: u32, name: &str, path: &str| {
        let mut item = json!({ "@type": "ListItem", "position": position, "name": name });
        if let Some(url) = absolute(site, path) {
            item["item"] = json!(url);
        }
        item
    };
    let breadcrumbs = json!({
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            crumb(1, &site.name, "/"),
            crumb(2, &article.category.name, &category_path(&article.category.slug)),
            crumb(3, &article.title, &article_path(&article.slug)),
        ],
    });
    [article_ld, breadcrumbs]
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

/// RSS 2.0 of the newest articles (the first listing page), newest first.
pub fn rss_feed(site: &Site, newest: &ListingPage) -> String {
    let base = site.base_url.as_deref().unwrap_or("").trim_end_matches('/');
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\">\n<channel>\n",
    );
    xml.push_str(&format!("<title>{}</title>\n", escape_xml(&site.name)));
    xml.push_str(&format!("<link>{}/</link>\n", escape_xml(base)));
    xml.push_str(&format!(
        "<description>{}</description>\n",
        escape_xml(&site.description)
    ));
    xml.push_str("<language>en</language>\n");
    for summary in &newest.articles {
        let link = format!("{base}{}", article_path(&summary.slug));
        xml.push_str("<item>\n");
        xml.push_str(&format!("<title>{}</title>\n", escape_xml(&summary.title)));
        xml.push_str(&format!("<link>{}</link>\n", escape_xml(&link)));
        xml.push_str(&format!(
            "<guid isPermaLink=\"true\">{}</guid>\n",
            escape_xml(&link)
        ));
        xml.push_str(&format!(
            "<description>{}</description>\n",
            escape_xml(&summary.lede)
        ));
        xml.push_str(&format!(
            "<category>{}</category>\n",
            escape_xml(&summary.category.name)
        ));
        if let Some(date) = Date::parse_iso(&summary.published) {
            xml.push_str(&format!("<pubDate>{}</pubDate>\n", rss_date(date)));
        }
        xml.push_str("</item>\n");
    }
    xml.push_str("</channel>\n</rss>\n");
    xml
}

/// A sitemap of the given paths.
pub fn sitemap(site: &Site, paths: &[String]) -> String {
    let base = site.base_url.as_deref().unwrap_or("").trim_end_matches('/');
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
    xml
}

#[cfg(test)]
mod tests;
