//! What a static host needs besides the app: each page's `<head>` (title, description,
//! canonical URL, Open Graph and Twitter tags, JSON-LD), the RSS feed and the sitemap. Pure
//! string building, so it is tested natively and the prerenderer only writes files.

use crate::date::Date;
use crate::model::{Article, ListingPage, Site};
use crate::route::{article_path, category_path, Route};
use serde_json::json;

/// Characters that XML 1.0 does not allow in a document (C0 controls other than tab, line
/// feed and carriage return; U+FFFE and U+FFFF), plus those HTML reports as parse errors
/// (DEL, the C1 controls and the other noncharacters). `check-content` rejects them and the
/// writers here leave them out, so a stray one can never make the feed unreadable.
pub fn is_forbidden_in_markup(c: char) -> bool {
    let code = u32::from(c);
    (c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
        || (0xFDD0..=0xFDEF).contains(&code)
        || code & 0xFFFE == 0xFFFE
}

/// Escapes text for HTML content and quoted attribute values, leaving out the characters
/// [`is_forbidden_in_markup`] names.
pub fn escape_html(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for character in text.chars() {
        match character {
            forbidden if is_forbidden_in_markup(forbidden) => {}
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
        let preview = preview_image(site, article);
        tags.push(meta_name(
            "twitter:card",
            if preview.is_some() {
                "summary_large_image"
            } else {
                "summary"
            },
        ));
        if let Some(preview) = &preview {
            tags.push(meta_property("og:image", &preview.url));
            tags.push(meta_property("og:image:width", &preview.width.to_string()));
            tags.push(meta_property(
                "og:image:height",
                &preview.height.to_string(),
            ));
            if !preview.alt.is_empty() {
                tags.push(meta_property("og:image:alt", &preview.alt));
            }
        }
        if let Some(date) = Date::parse_iso(&article.published) {
            tags.push(meta_property("article:published_time", &date.iso()));
        }
        if let Some(date) = article.updated.as_deref().and_then(Date::parse_iso) {
            tags.push(meta_property("article:modified_time", &date.iso()));
        }
        tags.push(meta_property("article:section", &article.category.name));
        for json_ld in article_json_ld(site, article, url.as_deref(), preview.as_ref()) {
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

/// The image a link preview shows, absolute.
struct PreviewImage {
    url: String,
    width: u32,
    height: u32,
    alt: String,
}

/// The hero, else the first body image: the build's JPEG variant of about 1200 px when there
/// is one (the same file the page offers), else the file itself. Only images on this site:
/// an address elsewhere may not stay there.
fn preview_image(site: &Site, article: &Article) -> Option<PreviewImage> {
    let first_body_image = article.body.iter().find_map(|block| match block {
        crate::model::Block::Image(image) => Some(image),
        _ => None,
    });
    let image = article.hero.as_ref().or(first_body_image)?;
    let (src, width, height) = match crate::picture::share_preview(image) {
        Some(variant) => (variant.src.as_str(), variant.width, variant.height),
        None => (image.src.as_str(), image.width, image.height),
    };
    if !src.starts_with('/') || src.starts_with("//") {
        return None;
    }
    Some(PreviewImage {
        url: absolute(site, src)?,
        width,
        height,
        alt: if image.decorative {
            String::new()
        } else {
            image.alt.clone()
        },
    })
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
    image: Option<&PreviewImage>,
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
        article_ld["image"] = json!([{
            "@type": "ImageObject",
            "url": image.url,
            "width": image.width,
            "height": image.height,
        }]);
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

mod body_html;
mod feed;

pub use body_html::article_html;
pub use feed::{rss_feed, sitemap, MissingBaseUrl};

#[cfg(test)]
mod tests;
