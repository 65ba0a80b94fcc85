//! Writes every page the content defines as complete HTML into a release build, rendered by the
//! app itself (see `newsroom::prerender`), so readers and crawlers get the page before any wasm
//! arrives; plus `404.html`, `feed.xml` and `sitemap.xml`. Only files in and out: which view,
//! title and cards a page has is the app's to say.
//!
//! Usage: `newsroom-prerender DIST CONTENT [SHELL]` (run by `cargo xtask build`). SHELL is the
//! app's page as the release build made it, before any page was written (by default
//! `DIST/index.html`, which is then overwritten with the home page); with a kept copy of it,
//! a build can be prerendered again from other content.

#![recursion_limit = "256"]

use newsroom::browser::takeover::{CARRIED_CONTENT_ATTRIBUTE, PRERENDERED_ID};
use newsroom::prerender::{render_page, ContentFiles, RenderedPage};
use newsroom::routes::content_pages;
use newsroom_core::model::{self, ListingPage, Site};
use newsroom_core::publish;
use newsroom_core::route::Route;
use newsroom_core::{catalog, paths};
use std::path::{Path, PathBuf};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (dist, content, shell) = match args.as_slice() {
        [dist, content] => (dist, content, Path::new(dist).join("index.html")),
        [dist, content, shell] => (dist, content, PathBuf::from(shell)),
        _ => {
            eprintln!("usage: newsroom-prerender DIST CONTENT [SHELL]");
            std::process::exit(2);
        }
    };
    if let Err(message) = prerender(Path::new(dist), Path::new(content), &shell) {
        eprintln!("prerender failed: {message}");
        std::process::exit(1);
    }
}

fn prerender(dist: &Path, content: &Path, shell: &Path) -> Result<(), String> {
    let template = Template::read(shell)?;
    let site_json = read(&content.join(paths::site()))?;
    let site: Site = model::parse("site.json", &site_json).map_err(|error| error.to_string())?;
    let articles = catalog::load_articles(content).map_err(|errors| {
        errors
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("\n")
    })?;
    let listings = catalog::build_listings(&articles);

    let mut files = vec![(paths::site(), compact(paths::site(), &site_json)?)];
    for article in &articles {
        let path = paths::article(&article.slug);
        let json = compact(path.clone(), &read(&content.join(&path))?)?;
        files.push((path, json));
    }
    for (path, listing) in &listings {
        let json = serde_json::to_string(listing).map_err(|error| format!("{path}: {error}"))?;
        files.push((path.clone(), json));
    }
    let files = ContentFiles::new(files);

    let mut written = Vec::new();
    for route in content_pages(&articles, listings.iter().map(|(_, listing)| listing)) {
        let path = route.path();
        let page = render_page(&files, &path)?;
        let folder: PathBuf = dist.join(path.trim_start_matches('/'));
        write(
            &folder.join("index.html"),
            &template.page(&site, &path, &page),
        )?;
        written.push(path);
    }
    let not_found = Route::NotFound.path();
    let page = render_page(&files, &not_found)?;
    write(
        &dist.join("404.html"),
        &template.page(&site, &not_found, &page),
    )?;
    let no_articles = ListingPage {
        page: 1,
        total_pages: 1,
        total_articles: 0,
        category: None,
        articles: vec![],
    };
    let newest = listings
        .first()
        .map_or(&no_articles, |(_, listing)| listing);
    write(
        &dist.join("feed.xml"),
        &publish::rss_feed(&site, newest, &articles)?,
    )?;
    write(
        &dist.join("sitemap.xml"),
        &publish::sitemap(&site, &written)?,
    )?;
    println!(
        "prerendered {} pages, 404.html, feed.xml and sitemap.xml",
        written.len()
    );
    Ok(())
}

/// The release build's index.html, split where each page's own parts go.
struct Template {
    /// Up to where the page's head tags go (the template's title and description removed).
    head: String,
    /// From `</head>` to just after `<body>`'s opening tag.
    middle: String,
    /// The rest: the app's scripts.
    tail: String,
}

impl Template {
    /// Fails on a template the pages could not be written from, rather than writing pages
    /// that lack their head tags or their content.
    fn read(path: &Path) -> Result<Template, String> {
        let html = read(path)?;
        let fail = |what: &str| format!("{}: {what}", path.display());
        if html.contains(&format!("id=\"{PRERENDERED_ID}\"")) {
            return Err(fail(
                "already a prerendered page: build the app again first",
            ));
        }
        let html = remove_element(&html, "<title", "</title>").ok_or_else(|| fail("no <title>"))?;
        let html =
            remove_description(&html).ok_or_else(|| fail("no <meta name=\"description\">"))?;
        let head_end = html.find("</head>").ok_or_else(|| fail("no </head>"))?;
        let body_open = html[head_end..]
            .find("<body")
            .map(|start| head_end + start)
            .ok_or_else(|| fail("no <body>"))?;
        let body_start = html[body_open..]
            .find('>')
            .map(|end| body_open + end + 1)
            .ok_or_else(|| fail("<body> is not closed"))?;
        Ok(Template {
            head: html[..head_end].to_string(),
            middle: html[head_end..body_start].to_string(),
            tail: html[body_start..].to_string(),
        })
    }

    fn page(&self, site: &Site, route: &str, page: &RenderedPage) -> String {
        let carried: String = page
            .carried
            .iter()
            .map(|(path, json)| {
                publish::json_script(&[(CARRIED_CONTENT_ATTRIBUTE, path.as_str())], json)
            })
            .collect();
        format!(
            "{}{}\n{}<div id=\"{PRERENDERED_ID}\" data-route=\"{}\">{}</div>{carried}{}",
            self.head,
            publish::head_tags(site, &page.head),
            self.middle,
            publish::escape_html(route),
            page.body,
            self.tail
        )
    }
}

/// `html` without the first element that opens with `open` and closes with `close`.
fn remove_element(html: &str, open: &str, close: &str) -> Option<String> {
    let start = html.find(open)?;
    let end = start + html[start..].find(close)? + close.len();
    Some(format!("{}{}", &html[..start], &html[end..]))
}

/// `html` without its `<meta name="description">`, whatever the order and quoting of its
/// attributes (the release build's minifier changes both).
fn remove_description(html: &str) -> Option<String> {
    let mut from = 0;
    while let Some(offset) = html[from..].find("<meta") {
        let start = from + offset;
        let end = start + html[start..].find('>')? + 1;
        let tag = &html[start..end];
        if tag.contains("name=description") || tag.contains("name=\"description\"") {
            return Some(format!("{}{}", &html[..start], &html[end..]));
        }
        from = end;
    }
    None
}

/// A content file as one line of JSON: what a page carries is the file, without its layout.
fn compact(path: String, json: &str) -> Result<String, String> {
    serde_json::from_str::<serde_json::Value>(json)
        .map(|value| value.to_string())
        .map_err(|error| format!("{path}: {error}"))
}

fn read(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|error| format!("{}: {error}", path.display()))
}

fn write(path: &Path, text: &str) -> Result<(), String> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)
            .map_err(|error| format!("{}: {error}", parent.display()))?;
    }
    std::fs::write(path, text).map_err(|error| format!("{}: {error}", path.display()))
}
