//! Writes every page the content defines as complete HTML into a release build, rendered by the
//! app's own components, so readers and crawlers get the page before any wasm arrives; plus
//! `404.html`, `feed.xml` and `sitemap.xml`.
//!
//! Usage: `newsroom-prerender DIST CONTENT` (run by `cargo xtask build`).

#![recursion_limit = "256"]

use leptos::prelude::*;
use newsroom::api::ArticlePage;
use newsroom::app::{Frame, SiteData};
use newsroom::components::newsletter::NewsletterSignup;
use newsroom::components::status::NotFound;
use newsroom::focus::provide_route_focus;
use newsroom::pages::article::ArticleView;
use newsroom::pages::listing::ListingContent;
use newsroom::router::provide_path;
use newsroom::takeover::PRERENDERED_ID;
use newsroom_core::model::{self, ListingPage, Site};
use newsroom_core::publish::{self, PageHead, PageKind};
use newsroom_core::route::{article_path, Route};
use newsroom_core::{catalog, paths, related};
use std::path::{Path, PathBuf};
use std::rc::Rc;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [dist, content] = args.as_slice() else {
        eprintln!("usage: newsroom-prerender DIST CONTENT");
        std::process::exit(2);
    };
    if let Err(message) = prerender(Path::new(dist), Path::new(content)) {
        eprintln!("prerender failed: {message}");
        std::process::exit(1);
    }
}

fn prerender(dist: &Path, content: &Path) -> Result<(), String> {
    let template = read(&dist.join("index.html"))?;
    if template.contains(&format!("id=\"{PRERENDERED_ID}\"")) {
        return Err(
            "dist/index.html is already a prerendered page: build the app again first".into(),
        );
    }
    let site: Site = model::parse("site.json", &read(&content.join(paths::site()))?)
        .map_err(|error| error.to_string())?;
    let articles = catalog::load_articles(content).map_err(|errors| {
        errors
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("\n")
    })?;
    let listings = catalog::build_listings(&articles);
    let listing_at = |path: &str| {
        listings
            .iter()
            .find(|(p, _)| p == path)
            .map(|(_, page)| page)
    };
    let empty = ListingPage {
        page: 1,
        total_pages: 1,
        total_articles: 0,
        category: None,
        articles: vec![],
    };
    let newest = listing_at(&paths::listing(1)).unwrap_or(&empty);
    let site = Rc::new(site);
    let mut written = Vec::new();

    for article in &articles {
        let same_category =
            listing_at(&paths::category_listing(&article.category.slug, 1)).unwrap_or(&empty);
        let related = related::read_more(article, &same_category.articles, &newest.articles);
        let route = article_path(&article.slug);
        let data = ArticlePage {
            article: Rc::new(article.clone()),
            related,
        };
        let body = render(&route, &site, move || {
            view! { <ArticleView data /> <NewsletterSignup /> }.into_any()
        });
        let head = PageHead {
            title: publish::page_title(&article.title, &site.name),
            description: article.lede.clone(),
            path: route.clone(),
            kind: PageKind::Article(Box::new(article.clone())),
        };
        written.push(write_page(
            dist,
            &route,
            &page_html(&template, &route, &publish::head_tags(&site, &head), &body),
        )?);
    }

    for (_, page) in &listings {
        let (route, title, description) = listing_route(page, &site);
        let page = Rc::new(page.clone());
        let is_home = page.category.is_none();
        let body = render(&route, &site, move || {
            let content = view! { <ListingContent page /> };
            if is_home {
                view! { {content} <NewsletterSignup /> }.into_any()
            } else {
                content.into_any()
            }
        });
        let head = PageHead {
            title,
            description,
            path: route.clone(),
            kind: PageKind::Listing,
        };
        written.push(write_page(
            dist,
            &route,
            &page_html(&template, &route, &publish::head_tags(&site, &head), &body),
        )?);
    }

    let not_found = render("/404", &site, || view! { <NotFound /> }.into_any());
    let head = PageHead {
        title: "Page not found".to_string(),
        description: "The page you were looking for could not be found.".to_string(),
        path: "/404".to_string(),
        kind: PageKind::NotFound,
    };
    write(
        &dist.join("404.html"),
        &page_html(
            &template,
            "/404",
            &publish::head_tags(&site, &head),
            &not_found,
        ),
    )?;
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

/// The address, title and description of a listing page.
fn listing_route(page: &ListingPage, site: &Site) -> (String, String, String) {
    let (heading, description) = match &page.category {
        Some(category) => (
            category.name.clone(),
            format!("Articles in {}.", category.name),
        ),
        None => ("Latest news".to_string(), site.description.clone()),
    };
    (
        Route::of_listing(page, page.page).path(),
        publish::page_title(&heading, &site.name),
        description,
    )
}

/// The page's markup inside the app's frame, rendered the way the app renders it.
fn render(route: &str, site: &Rc<Site>, content: impl FnOnce() -> AnyView + 'static) -> String {
    let owner = Owner::new();
    let site = site.clone();
    let route = route.to_string();
    // Rendering happens on this one thread; the wrapper satisfies the frame's `Send` bound.
    let content = send_wrapper::SendWrapper::new(content);
    owner.with(move || {
        provide_context(SiteData(Signal::stored_local(Some(site))));
        provide_route_focus();
        provide_path(RwSignal::new(route));
        view! { <Frame>{content.take()()}</Frame> }.to_html()
    })
}

/// The release build's index.html with this page's head tags and markup.
fn page_html(template: &str, route: &str, head_tags: &str, body: &str) -> String {
    let mut html = remove_element(template, "<title>", "</title>");
    if let Some(start) = html.find("name=description") {
        let open = html[..start].rfind("<meta").unwrap_or(start);
        let close = html[start..]
            .find('>')
            .map(|i| start + i + 1)
            .unwrap_or(start);
        html.replace_range(open..close, "");
    }
    let head_end = html
        .find("</head>")
        .or_else(|| html.find("<body>"))
        .unwrap_or(0);
    html.insert_str(head_end, head_tags);
    let body_start = html
        .find("<body>")
        .map(|i| i + "<body>".len())
        .unwrap_or(html.len());
    html.insert_str(
        body_start,
        &format!(
            "<div id=\"{PRERENDERED_ID}\" data-route=\"{}\">{body}</div>",
            publish::escape_html(route)
        ),
    );
    html
}

fn remove_element(html: &str, open: &str, close: &str) -> String {
    match (html.find(open), html.find(close)) {
        (Some(start), Some(end)) if end > start => {
            format!("{}{}", &html[..start], &html[end + close.len()..])
        }
        _ => html.to_string(),
    }
}

/// Writes `route`'s page as `route/index.html` and returns the route.
fn write_page(dist: &Path, route: &str, html: &str) -> Result<String, String> {
    let folder: PathBuf = dist.join(route.trim_start_matches('/'));
    write(&folder.join("index.html"), html)?;
    Ok(route.to_string())
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
