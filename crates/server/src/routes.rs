//! The routes and the layers around them: `/api/` for the newsletter (and, only with the test
//! flag, the fault switches), the confirm and unsubscribe pages, everything else from the root.

use crate::faults::{ContentFault, NewsletterFault, TestControls, HANG_FOR};
use crate::mail::Mailer;
use crate::rate_limit::RateLimiter;
use crate::site_headers::security_headers;
use crate::store::Store;
use crate::{newsletter, pages, static_files};
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, HeaderName, HeaderValue, Method, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{any, get, post, MethodRouter};
use axum::Router;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::Semaphore;
use tower_http::cors::{AllowOrigin, CorsLayer};

const WAIT_FOR_A_SLOT: Duration = Duration::from_secs(2);

pub struct App {
    pub root: Option<PathBuf>,
    /// Overlays `/content/`: tests serve hostile or broken files without touching the build.
    pub content_dir: Option<PathBuf>,
    pub store: Arc<Store>,
    pub mailer: Mailer,
    pub limiter: RateLimiter,
    /// `None` unless started with `--enable-test-controls`.
    pub test: Option<TestControls>,
    /// Content-Security-Policy and friends, sent with every response that has none of its own.
    pub security_headers: Vec<(HeaderName, HeaderValue)>,
}

impl App {
    pub fn headers_for(csp: &str) -> Vec<(HeaderName, HeaderValue)> {
        security_headers(csp)
            .into_iter()
            .filter_map(|(name, value)| {
                Some((
                    HeaderName::from_bytes(name.as_bytes()).ok()?,
                    HeaderValue::from_str(&value).ok()?,
                ))
            })
            .collect()
    }
}

/// Put on a response to drop the connection instead of sending it (the `reset` fault).
#[derive(Clone, Copy)]
pub struct ResetConnection;

/// The client's address, set by the connection loop.
#[derive(Clone, Copy)]
pub struct Peer(pub std::net::SocketAddr);

pub fn router(app: Arc<App>, cors_origins: &[String], max_requests: usize) -> Router {
    let mut api = Router::new()
        .route("/api/newsletter", only(post(newsletter::sign_up), "POST"))
        .route("/api", any(api_not_found))
        .route("/api/{*rest}", any(api_not_found));
    if app.test.is_some() {
        api = api
            .route("/api/newsletter/stats", only(get(stats), "GET, HEAD"))
            .route(
                "/api/faults/newsletter",
                only(post(switch_newsletter), "POST"),
            )
            .route("/api/faults/content", only(post(switch_content), "POST"));
    }
    if !cors_origins.is_empty() {
        api = api.layer(cors(cors_origins, app.test.is_some()));
    }
    let pages = Router::new()
        .route(
            "/newsletter/confirm",
            only(get(pages::confirm), "GET, HEAD"),
        )
        .route(
            "/newsletter/unsubscribe",
            only(
                get(pages::unsubscribe_page).post(pages::unsubscribe),
                "GET, HEAD, POST",
            ),
        );
    let slots = Arc::new(Semaphore::new(max_requests));
    api.merge(pages)
        .fallback(static_files::handle)
        .layer(middleware::from_fn_with_state(
            app.clone(),
            add_security_headers,
        ))
        .layer(middleware::from_fn_with_state(slots, limit_concurrency))
        .with_state(app)
}

/// Allowed origins get CORS headers (and preflights); any other origin gets none, so its
/// browser refuses to let the page read the answer or send a JSON sign-up at all.
fn cors(origins: &[String], test_controls: bool) -> CorsLayer {
    let origins: Vec<HeaderValue> = origins.iter().filter_map(|o| o.parse().ok()).collect();
    let mut headers = vec![header::CONTENT_TYPE];
    if test_controls {
        headers.push(HeaderName::from_static("x-newsletter-fault"));
    }
    CorsLayer::new()
        .allow_origin(AllowOrigin::list(origins))
        .allow_methods([Method::POST])
        .allow_headers(headers)
        .max_age(Duration::from_secs(600))
}

/// Other methods get the JSON 405 of the contract, with `Allow`.
fn only(route: MethodRouter<Arc<App>>, allow: &'static str) -> MethodRouter<Arc<App>> {
    route.fallback(move || async move {
        let mut response = newsletter::error(StatusCode::METHOD_NOT_ALLOWED, "Method not allowed.");
        response
            .headers_mut()
            .insert(header::ALLOW, HeaderValue::from_static(allow));
        response
    })
}

async fn add_security_headers(
    State(app): State<Arc<App>>,
    request: Request,
    next: Next,
) -> Response {
    let mut response = next.run(request).await;
    for (name, value) in &app.security_headers {
        if !response.headers().contains_key(name) {
            response.headers_mut().insert(name.clone(), value.clone());
        }
    }
    response
}

/// At most `--max-requests` handled at once. A request waits a moment for a slot, so a burst
/// is served late rather than refused; only when no slot frees up in that time is the server
/// truly overloaded, and the answer is 503.
async fn limit_concurrency(
    State(slots): State<Arc<Semaphore>>,
    request: Request,
    next: Next,
) -> Response {
    match tokio::time::timeout(WAIT_FOR_A_SLOT, slots.acquire_owned()).await {
        Ok(Ok(_slot)) => next.run(request).await,
        _ => busy(),
    }
}

fn busy() -> Response {
    let mut response = plain(StatusCode::SERVICE_UNAVAILABLE, "Server busy, try again\n");
    response
        .headers_mut()
        .insert(header::RETRY_AFTER, HeaderValue::from_static("1"));
    response
}

async fn api_not_found() -> Response {
    newsletter::error(StatusCode::NOT_FOUND, "No such endpoint.")
}

pub fn plain(status: StatusCode, text: &'static str) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        text,
    )
        .into_response()
}

/// Answers nothing for a minute, then drops the connection.
pub async fn hang() -> Response {
    tokio::time::sleep(HANG_FOR).await;
    let mut response = Response::new(Body::empty());
    response.extensions_mut().insert(ResetConnection);
    response
}

async fn stats(State(app): State<Arc<App>>) -> Response {
    let requests = app.test.as_ref().map_or(0, |t| t.signup_requests());
    let store = app.store.clone();
    match tokio::task::spawn_blocking(move || store.count()).await {
        Ok(Ok(subscribers)) => {
            axum::Json(serde_json::json!({"requests": requests, "subscribers": subscribers}))
                .into_response()
        }
        _ => newsletter::error(StatusCode::INTERNAL_SERVER_ERROR, "The count failed."),
    }
}

async fn switch_newsletter(State(app): State<Arc<App>>, body: String) -> Response {
    switch(&body, NewsletterFault::parse, |fault| {
        if let Some(test) = &app.test {
            test.set_newsletter(fault)
        }
    })
}

async fn switch_content(State(app): State<Arc<App>>, body: String) -> Response {
    switch(&body, ContentFault::parse, |fault| {
        if let Some(test) = &app.test {
            test.set_content(fault)
        }
    })
}

/// Parses a fault switch body and applies it: 204 on success, 400 naming the valid kinds.
fn switch<F>(
    body: &str,
    parse: impl Fn(&str) -> Result<Option<F>, String>,
    apply: impl FnOnce(Option<F>),
) -> Response {
    match parse(body) {
        Ok(fault) => {
            apply(fault);
            StatusCode::NO_CONTENT.into_response()
        }
        Err(message) => newsletter::error(StatusCode::BAD_REQUEST, &message),
    }
}
