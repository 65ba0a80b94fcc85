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

use lol_html::html_content::ContentType;
use lol_html::{element, rewrite_str, RewriteStrSettings};
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

/// Where the template is cut, for each page's head tags and content (HTML comments, which the
/// shell never contains).
const HEAD_MARK: &str = "<!--newsroom:head-->";
const BODY_MARK: &str = "<!--newsroom:body-->";

/// The release build's index.html, split where each page's own parts go.
struct Template {
    /// Up to where the page's head tags go (where the template's title was; its description
    /// removed).
    head: String,
    /// From there to just after `<body>`'s opening tag.
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
        if html.contains(HEAD_MARK) || html.contains(BODY_MARK) {
            return Err(fail("contains the template's own markers"));
        }
        let (mut title, mut description, mut body, mut prerendered) = (0, 0, 0, 0);
        let prerendered_page = format!("#{PRERENDERED_ID}");
        let settings = RewriteStrSettings::new()
            // Each page's head tags go where the shell's title was.
            .append_element_content_handler(element!("title", |element| {
                element.replace(HEAD_MARK, ContentType::Html);
                title += 1;
                Ok(())
            }))
            .append_element_content_handler(element!("meta[name=description]", |element| {
                element.remove();
                description += 1;
                Ok(())
            }))
            .append_element_content_handler(element!("body", |element| {
                element.prepend(BODY_MARK, ContentType::Html);
                body += 1;
                Ok(())
            }))
            .append_element_content_handler(element!(&prerendered_page, |_| {
                prerendered += 1;
                Ok(())
            }));
        let marked = rewrite_str(&html, settings).map_err(|error| fail(&error.to_string()))?;
        match (title, description, body, prerendered) {
            (_, _, _, 1..) => Err(fail(
                "already a prerendered page: build the app again first",
            )),
            (1, 1, 1, 0) => {
                let (head, rest) = marked.split_once(HEAD_MARK).expect("marked");
                let (middle, tail) = rest.split_once(BODY_MARK).expect("marked");
                Ok(Template {
                    head: head.to_string(),
                    middle: middle.to_string(),
                    tail: tail.to_string(),
                })
            }
            _ => Err(fail(&format!(
                "needs one <title>, one <meta name=\"description\"> and one <body>; \
                 has {title}, {description} and {body}"
            ))),
        }
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
