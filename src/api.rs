//! Data access: every request for content goes through here, so caching, time-outs and error
//! handling are decided once.
//!
//! Content is JSON under a base URL (see [`content_base`]). Each file, once parsed, is kept for
//! the rest of the visit: going back to a page, or opening an article whose listing was already
//! read, costs no request.

use newsroom_core::model::{Article, ArticleSummary, ContentError, ListingPage, Site};
use newsroom_core::paths;
use newsroom_core::route::Route;
use std::rc::Rc;
use std::time::Duration;

mod cache;
mod newsletter;
use cache::load;
pub use cache::{is_loaded_or_loading, provide_documents, record_reads};
pub use newsletter::{subscribe, SignupError, SignupOutcome};

/// A request that has not finished after this long is abandoned: a reader should get a message
/// and a Retry button, not an endless spinner.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(10);

#[derive(Clone, Debug, PartialEq)]
pub enum LoadError {
    /// The file does not exist (404), or the address names something that cannot exist.
    NotFound,
    /// No usable answer: offline, connection reset, or the time-out ran out.
    Network(String),
    /// The server answered with an error status.
    Status(u16),
    /// The file arrived but is not valid content.
    Malformed(ContentError),
}

impl LoadError {
    /// What the reader is told. Technical details go to the console, not the page.
    pub fn reader_message(&self) -> &'static str {
        match self {
            LoadError::NotFound => "This page could not be found.",
            LoadError::Network(_) => {
                "We could not reach the server. Check your connection and try again."
            }
            LoadError::Status(_) => "The server had a problem loading this page. Please try again.",
            LoadError::Malformed(_) => {
                "This page's content could not be read. Please try again later."
            }
        }
    }

    pub fn detail(&self) -> String {
        match self {
            LoadError::NotFound => "not found".to_string(),
            LoadError::Network(reason) => format!("network error: {reason}"),
            LoadError::Status(code) => format!("HTTP status {code}"),
            LoadError::Malformed(error) => format!("invalid content: {error}"),
        }
    }
}

/// The content base URL, always ending in "/". A build-time `NEWSROOM_CONTENT_BASE` wins over
/// the `<meta name="newsroom-content-base">` of index.html, which wins over "/content/".
pub fn content_base() -> String {
    let configured = option_env!("NEWSROOM_CONTENT_BASE")
        .map(str::to_string)
        .or_else(|| {
            let document = web_sys::window()?.document()?;
            let meta = document
                .query_selector("meta[name='newsroom-content-base']")
                .ok()??;
            meta.get_attribute("content")
        })
        .filter(|base| !base.trim().is_empty())
        .unwrap_or_else(|| "/content/".to_string());
    let base = configured.trim().to_string();
    if base.ends_with('/') {
        base
    } else {
        base + "/"
    }
}

pub async fn site() -> Result<Rc<Site>, LoadError> {
    load(paths::site()).await
}

pub async fn article(slug: &str) -> Result<Rc<Article>, LoadError> {
    if !paths::is_valid_slug(slug) {
        return Err(LoadError::NotFound);
    }
    load(paths::article(slug)).await
}

pub async fn listing(page: u32) -> Result<Rc<ListingPage>, LoadError> {
    if page == 0 {
        return Err(LoadError::NotFound);
    }
    load(paths::listing(page)).await
}

pub async fn category_listing(slug: &str, page: u32) -> Result<Rc<ListingPage>, LoadError> {
    if page == 0 || !paths::is_valid_slug(slug) {
        return Err(LoadError::NotFound);
    }
    load(paths::category_listing(slug, page)).await
}

/// What the article page shows: the article and its Read More cards.
#[derive(Clone, Debug, PartialEq)]
pub struct ArticlePage {
    pub article: Rc<Article>,
    pub related: Vec<ArticleSummary>,
}

/// The article, then its Read More cards from the first page of its category and of all
/// articles: two small files whatever the size of the catalog. Missing listings cost cards,
/// not the article.
pub async fn article_page(slug: &str) -> Result<ArticlePage, LoadError> {
    let article = article(slug).await?;
    let (same_category, recent) =
        futures::join!(category_listing(&article.category.slug, 1), listing(1));
    Ok(with_read_more(article, &same_category, &recent))
}

fn with_read_more(
    article: Rc<Article>,
    same_category: &Result<Rc<ListingPage>, LoadError>,
    recent: &Result<Rc<ListingPage>, LoadError>,
) -> ArticlePage {
    let articles_of = |listing: &Result<Rc<ListingPage>, LoadError>| match listing {
        Ok(page) => page.articles.clone(),
        Err(error) => {
            leptos::logging::warn!("Read More cards: {}", error.detail());
            Vec::new()
        }
    };
    let related = newsroom_core::related::read_more(
        &article,
        &articles_of(same_category),
        &articles_of(recent),
    );
    ArticlePage { article, related }
}

/// What a page of the site shows, once its content is in.
#[derive(Clone, Debug, PartialEq)]
pub enum PageContent {
    Article(ArticlePage),
    Listing(Rc<ListingPage>),
}

/// The content of `route`'s page. One loader for every kind of page, so the app needs a single
/// loading boundary.
pub async fn page_content(route: Route) -> Result<PageContent, LoadError> {
    match route {
        Route::Home { page } => listing(page).await.map(PageContent::Listing),
        Route::Category { slug, page } => category_listing(&slug, page)
            .await
            .map(PageContent::Listing),
        Route::Article { slug } => article_page(&slug).await.map(PageContent::Article),
        Route::NotFound => Err(LoadError::NotFound),
    }
}

/// The content of `route`'s page if every file it needs is already in memory, as on a
/// prerendered page (which carries them) and when rendering pages ahead of time.
pub fn page_content_now(route: &Route) -> Option<Result<PageContent, LoadError>> {
    let listing_now = |path: String| cache::now::<ListingPage>(path);
    Some(match route {
        Route::Home { page } => listing_now(paths::listing(*page))?.map(PageContent::Listing),
        Route::Category { slug, page } => {
            listing_now(paths::category_listing(slug, *page))?.map(PageContent::Listing)
        }
        Route::Article { slug } if paths::is_valid_slug(slug) => {
            match cache::now::<Article>(paths::article(slug))? {
                Ok(article) => {
                    let same_category =
                        listing_now(paths::category_listing(&article.category.slug, 1))?;
                    let recent = listing_now(paths::listing(1))?;
                    Ok(PageContent::Article(with_read_more(
                        article,
                        &same_category,
                        &recent,
                    )))
                }
                Err(error) => Err(error),
            }
        }
        Route::Article { .. } | Route::NotFound => Err(LoadError::NotFound),
    })
}

/// `site.json` if it is already in memory.
pub fn site_now() -> Option<Result<Rc<Site>, LoadError>> {
    cache::now(paths::site())
}

/// Loads what an article page needs (the article and its category's first listing page) into
/// the cache ahead of a click. Failures are forgotten: the page will try again and report them.
pub async fn warm_article(slug: &str, category_slug: &str) {
    let _ = futures::join!(article(slug), category_listing(category_slug, 1));
}

/// Runs a request with an abort signal that fires after [`REQUEST_TIMEOUT`]. An aborted fetch
/// fails, so a hung server ends as an error the caller already handles.
pub(crate) async fn with_timeout<T, E, F>(
    request: impl FnOnce(web_sys::AbortSignal) -> F,
) -> Result<T, E>
where
    F: std::future::Future<Output = Result<T, E>>,
    E: From<NoController>,
{
    let controller = web_sys::AbortController::new().map_err(|_| NoController)?;
    let signal = controller.signal();
    let timeout =
        leptos::prelude::set_timeout_with_handle(move || controller.abort(), REQUEST_TIMEOUT).ok();
    let result = request(signal).await;
    if let Some(timeout) = timeout {
        timeout.clear();
    }
    result
}

/// The browser could not create an AbortController (it always can in supported browsers).
pub struct NoController;

impl From<NoController> for LoadError {
    fn from(_: NoController) -> Self {
        LoadError::Network("cannot create a request".to_string())
    }
}
