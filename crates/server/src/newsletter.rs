//! `POST /api/newsletter`: the one write endpoint. The contract lives in `docs/newsletter.md`;
//! the app shows the `error` strings of 400 answers to readers as they are, so they are written
//! for people. A sign-up is stored pending and answered only once it is on disk and its
//! confirmation mail has left.

use crate::decode::parse_form;
use crate::faults::NewsletterFault;
use crate::routes::{hang, App, Peer};
use crate::store::Signup;
use axum::body::Bytes;
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use newsroom_core::email::is_valid_email;
use serde_json::{json, Value};
use std::net::{IpAddr, Ipv4Addr};
use std::sync::Arc;

/// RFC 5321's limit on a forward path, the longest address a mail server will take.
pub const MAX_EMAIL_LEN: usize = 254;
pub const BODY_LIMIT: usize = 64 * 1024;

pub const MISSING_EMAIL: &str = "Please enter your email address.";
pub const INVALID_EMAIL: &str = "Please enter a valid email address, like name@example.org.";
pub const TOO_LONG_EMAIL: &str = "Please enter an email address of at most 254 characters.";
pub const MALFORMED_BODY: &str =
    "The signup request could not be read. Please reload the page and try again.";
pub const TOO_MANY: &str = "Too many requests. Please wait a minute and try again.";
const TOO_LARGE: &str = "The request was too large.";
const WRONG_TYPE: &str =
    "Send the signup as JSON or as form data (application/x-www-form-urlencoded).";
pub const FAULT_REJECTED: &str = "The newsletter service rejected this address.";
const FAULT_FAILED: &str = "The newsletter service failed. Please try again later.";
const FAULT_UNAVAILABLE: &str =
    "The newsletter service is temporarily unavailable. Please try again later.";
const STORAGE_FAILED: &str = "Your address could not be saved. Please try again later.";
const MAIL_FAILED: &str = "The confirmation email could not be sent. Please try again later.";

pub async fn sign_up(State(app): State<Arc<App>>, request: Request) -> Response {
    if let Some(test) = &app.test {
        test.count_signup_request();
        // The header lets one request fail without touching the switch other tests rely on.
        let fault = match request.headers().get("x-newsletter-fault") {
            Some(kind) => NewsletterFault::parse(kind.to_str().unwrap_or(""))
                .unwrap_or_else(|_| test.newsletter()),
            None => test.newsletter(),
        };
        match fault {
            Some(NewsletterFault::Hang) => return hang().await,
            Some(NewsletterFault::Status(status)) => return fault_response(status),
            None => {}
        }
    }
    let peer = request
        .extensions()
        .get::<Peer>()
        .map_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED), |peer| peer.0.ip());
    if !app.limiter.allow(peer) {
        return too_many();
    }
    let (parts, body) = request.into_parts();
    let declared = parts
        .headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok()?.parse::<usize>().ok());
    if declared.is_some_and(|length| length > BODY_LIMIT) {
        return too_large();
    }
    let body = match axum::body::to_bytes(body, BODY_LIMIT).await {
        Ok(body) => body,
        Err(_) => return too_large(),
    };
    let content_type = parts
        .headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok());
    let (email, source) = match read_signup(content_type, &body) {
        Ok(signup) => signup,
        Err((status, message)) => return error(status, message),
    };
    let email = email.trim().to_string();
    if email.is_empty() {
        return error(StatusCode::BAD_REQUEST, MISSING_EMAIL);
    }
    if email.len() > MAX_EMAIL_LEN {
        return error(StatusCode::BAD_REQUEST, TOO_LONG_EMAIL);
    }
    if !is_valid_email(&email) {
        return error(StatusCode::BAD_REQUEST, INVALID_EMAIL);
    }
    store_and_mail(&app, email, source).await
}

async fn store_and_mail(app: &App, email: String, source: String) -> Response {
    let store = app.store.clone();
    let recorded = {
        let email = email.clone();
        tokio::task::spawn_blocking(move || store.sign_up(&email, &source)).await
    };
    let (status, mail) = match recorded {
        Ok(Ok(Signup::Created(mail))) => (StatusCode::CREATED, Some(mail)),
        Ok(Ok(Signup::StillPending(mail))) => (StatusCode::OK, mail),
        Ok(Ok(Signup::AlreadyConfirmed)) => {
            return (
                StatusCode::CONFLICT,
                axum::Json(json!({"status": "already_subscribed"})),
            )
                .into_response()
        }
        Ok(Err(e)) => {
            eprintln!("newsroom-server: storing a subscriber failed: {e}");
            return error(StatusCode::INTERNAL_SERVER_ERROR, STORAGE_FAILED);
        }
        Err(e) => {
            eprintln!("newsroom-server: storing a subscriber failed: {e}");
            return error(StatusCode::INTERNAL_SERVER_ERROR, STORAGE_FAILED);
        }
    };
    if let Some(mail) = mail {
        if let Err(e) = app.mailer.send_confirmation(&mail).await {
            eprintln!("newsroom-server: sending the confirmation mail failed: {e}");
            let store = app.store.clone();
            let _ = tokio::task::spawn_blocking(move || store.mail_failed(&email)).await;
            return error(StatusCode::INTERNAL_SERVER_ERROR, MAIL_FAILED);
        }
    }
    (status, axum::Json(json!({"status": "pending"}))).into_response()
}

/// Pulls `email` and `source` out of a JSON or form body. A missing `Content-Type` is sniffed,
/// because hand-written `curl` calls often omit it. Decoded by hand: axum's extractors accept
/// more (other media types, missing fields) than the contract allows.
/// A refusal: the status and the reader's message.
type Refusal = (StatusCode, &'static str);

fn read_signup(content_type: Option<&str>, body: &Bytes) -> Result<(String, String), Refusal> {
    let media_type = content_type.map(|v| {
        v.split(';')
            .next()
            .unwrap_or("")
            .trim()
            .to_ascii_lowercase()
    });
    let malformed = || (StatusCode::BAD_REQUEST, MALFORMED_BODY);
    let body = std::str::from_utf8(body).map_err(|_| malformed())?;
    let is_json = match media_type.as_deref() {
        Some("application/json") => true,
        Some("application/x-www-form-urlencoded") => false,
        None | Some("") => body.trim_start().starts_with('{'),
        Some(_) => return Err((StatusCode::UNSUPPORTED_MEDIA_TYPE, WRONG_TYPE)),
    };
    if is_json {
        let value: Value = serde_json::from_str(body).map_err(|_| malformed())?;
        let object = value.as_object().ok_or_else(malformed)?;
        let field = |name: &str| match object.get(name) {
            None | Some(Value::Null) => Ok(String::new()),
            Some(Value::String(s)) => Ok(s.clone()),
            Some(_) => Err(malformed()),
        };
        Ok((field("email")?, field("source")?))
    } else {
        let pairs = parse_form(body).ok_or_else(malformed)?;
        let field = |name: &str| {
            pairs
                .iter()
                .find(|(n, _)| n == name)
                .map(|(_, v)| v.clone())
                .unwrap_or_default()
        };
        Ok((field("email"), field("source")))
    }
}

fn fault_response(status: u16) -> Response {
    match status {
        400 => error(StatusCode::BAD_REQUEST, FAULT_REJECTED),
        409 => (
            StatusCode::CONFLICT,
            axum::Json(json!({"status": "already_subscribed"})),
        )
            .into_response(),
        429 => too_many(),
        503 => {
            let mut response = error(StatusCode::SERVICE_UNAVAILABLE, FAULT_UNAVAILABLE);
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from_static("30"));
            response
        }
        _ => error(StatusCode::INTERNAL_SERVER_ERROR, FAULT_FAILED),
    }
}

fn too_many() -> Response {
    let mut response = error(StatusCode::TOO_MANY_REQUESTS, TOO_MANY);
    response
        .headers_mut()
        .insert(header::RETRY_AFTER, HeaderValue::from_static("60"));
    response
}

/// The rest of an oversized body is never read, so the connection cannot be reused.
fn too_large() -> Response {
    let mut response = error(StatusCode::PAYLOAD_TOO_LARGE, TOO_LARGE);
    response
        .headers_mut()
        .insert(header::CONNECTION, HeaderValue::from_static("close"));
    response
}

pub fn error(status: StatusCode, message: &str) -> Response {
    (status, axum::Json(json!({ "error": message }))).into_response()
}
