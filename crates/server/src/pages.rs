//! The two pages mailed links open: confirm (a GET confirms; the link is single-use) and
//! unsubscribe (a GET only asks, because mail scanners follow links; the POST, from the page's
//! button or a mail program's one-click of RFC 8058, unsubscribes).

use crate::decode::parse_form;
use crate::routes::App;
use crate::store::Confirmation;
use crate::tokens::looks_like_token;
use axum::extract::{Request, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use std::sync::Arc;

/// The pages carry no script; their one style block is inline. No referrer, so the token in the
/// address never travels with a click on "Back to the site".
const PAGE_CSP: &str = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; \
                        base-uri 'none'; frame-ancestors 'none'";

pub async fn confirm(State(app): State<Arc<App>>, request: Request) -> Response {
    let Some(token) = token_of(&request) else {
        return invalid_link();
    };
    let store = app.store.clone();
    match tokio::task::spawn_blocking(move || store.confirm(&token)).await {
        Ok(Ok(Confirmation::Confirmed(email))) => page(
            StatusCode::OK,
            "Subscription confirmed",
            &format!(
                "<p>Thank you. <strong>{}</strong> will now receive the newsletter.</p>\
                 <p>Every issue has a link to unsubscribe.</p>",
                escape(&email)
            ),
        ),
        Ok(Ok(Confirmation::Invalid)) => invalid_link(),
        _ => failed(),
    }
}

pub async fn unsubscribe_page(State(app): State<Arc<App>>, request: Request) -> Response {
    let Some(token) = token_of(&request) else {
        return invalid_link();
    };
    let store = app.store.clone();
    let lookup = {
        let token = token.clone();
        tokio::task::spawn_blocking(move || store.unsubscribe_target(&token)).await
    };
    match lookup {
        Ok(Ok(Some(email))) => page(
            StatusCode::OK,
            "Unsubscribe",
            &format!(
                "<p>Stop sending the newsletter to <strong>{}</strong>?</p>\
                 <form method=\"post\" action=\"/newsletter/unsubscribe?token={token}\">\
                 <input type=\"hidden\" name=\"List-Unsubscribe\" value=\"One-Click\">\
                 <button type=\"submit\">Unsubscribe</button></form>",
                escape(&email)
            ),
        ),
        Ok(Ok(None)) => invalid_link(),
        _ => failed(),
    }
}

pub async fn unsubscribe(State(app): State<Arc<App>>, request: Request) -> Response {
    let Some(token) = token_of(&request) else {
        return invalid_link();
    };
    let store = app.store.clone();
    match tokio::task::spawn_blocking(move || store.unsubscribe(&token)).await {
        Ok(Ok(Some(email))) => page(
            StatusCode::OK,
            "You are unsubscribed",
            &format!(
                "<p><strong>{}</strong> will receive no more newsletters.</p>\
                 <p>Changed your mind? Sign up again on any article.</p>",
                escape(&email)
            ),
        ),
        Ok(Ok(None)) => invalid_link(),
        _ => failed(),
    }
}

/// The `token` of the query string, when it has the shape of one.
fn token_of(request: &Request) -> Option<String> {
    let pairs = parse_form(request.uri().query().unwrap_or(""))?;
    let token = pairs.into_iter().find(|(name, _)| name == "token")?.1;
    looks_like_token(&token).then_some(token)
}

fn invalid_link() -> Response {
    page(
        StatusCode::NOT_FOUND,
        "This link is no longer valid",
        "<p>It may have expired, been used already, or been replaced by a newer mail. \
         If you signed up, you can sign up again on any article to get a new link.</p>",
    )
}

fn failed() -> Response {
    page(
        StatusCode::INTERNAL_SERVER_ERROR,
        "Something went wrong",
        "<p>Your request could not be completed. Please try the link again later.</p>",
    )
}

fn page(status: StatusCode, title: &str, body: &str) -> Response {
    let html = format!(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{title}</title><style>body{{font:1.125rem/1.5 system-ui,sans-serif;\
         max-width:36rem;margin:3rem auto;padding:0 1rem;color:#1a1a1a}}\
         button{{font:inherit;padding:.5rem 1.25rem;min-height:44px}}</style></head>\
         <body><main><h1>{title}</h1>{body}<p><a href=\"/\">Back to the site</a></p>\
         </main></body></html>"
    );
    (
        status,
        [
            (header::CONTENT_TYPE, "text/html; charset=utf-8"),
            (header::CACHE_CONTROL, "no-store"),
            (header::CONTENT_SECURITY_POLICY, PAGE_CSP),
            (header::REFERRER_POLICY, "no-referrer"),
        ],
        html,
    )
        .into_response()
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}
