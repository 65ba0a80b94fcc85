//! `POST /api/newsletter`: the one write endpoint. The contract lives in `docs/newsletter.md`;
//! the app shows the `error` strings to readers as they are, so they are written for people.

use crate::decode::parse_form;
use crate::faults::{Faults, NewsletterFault};
use crate::http::{Request, Response};
use crate::subscribers::{Added, RateLimiter, Subscribers};
use newsroom_core::email::is_valid_email;
use serde_json::{json, Value};
use std::net::IpAddr;
use std::sync::atomic::{AtomicU64, Ordering};

pub const MISSING_EMAIL: &str = "Please enter your email address.";
pub const INVALID_EMAIL: &str = "Please enter a valid email address, like name@example.org.";
pub const MALFORMED_BODY: &str =
    "The signup request could not be read. Please reload the page and try again.";
pub const TOO_MANY: &str = "Too many requests. Please wait a minute and try again.";
pub const FAULT_REJECTED: &str = "The newsletter service rejected this address.";
const FAULT_FAILED: &str = "The newsletter service failed. Please try again later.";
const FAULT_UNAVAILABLE: &str =
    "The newsletter service is temporarily unavailable. Please try again later.";
const STORAGE_FAILED: &str = "Your address could not be saved. Please try again later.";

pub struct Newsletter {
    pub subscribers: Subscribers,
    limiter: RateLimiter,
    /// Every POST, faulted or refused included, so tests can assert how many the app sent.
    requests: AtomicU64,
}

/// What the connection should do: answer, or deliberately never answer.
pub enum Outcome {
    Respond(Response),
    Hang,
}

impl Newsletter {
    pub fn new(subscribers: Subscribers, rate_limit_per_minute: u32) -> Self {
        Newsletter {
            subscribers,
            limiter: RateLimiter::new(rate_limit_per_minute),
            requests: AtomicU64::new(0),
        }
    }

    /// Counts a POST whose body was too large to read, so the stats still match what was sent.
    pub fn count_request(&self) {
        self.requests.fetch_add(1, Ordering::SeqCst);
    }

    pub fn stats(&self) -> Response {
        Response::json(
            200,
            &json!({
                "requests": self.requests.load(Ordering::SeqCst),
                "subscribers": self.subscribers.count(),
            }),
        )
    }

    pub fn subscribe(&self, request: &Request, peer: IpAddr, faults: &Faults) -> Outcome {
        self.count_request();
        // The header lets one request fail without touching the switch other tests may rely on.
        let fault = match request.header("x-newsletter-fault") {
            Some(kind) => NewsletterFault::parse(kind).unwrap_or_else(|_| faults.newsletter()),
            None => faults.newsletter(),
        };
        match fault {
            Some(NewsletterFault::Hang) => return Outcome::Hang,
            Some(NewsletterFault::Status(status)) => {
                return Outcome::Respond(fault_response(status))
            }
            None => {}
        }
        if !self.limiter.allow(peer) {
            return Outcome::Respond(too_many());
        }
        Outcome::Respond(self.store(request))
    }

    fn store(&self, request: &Request) -> Response {
        let (email, source) = match read_signup(request) {
            Ok(signup) => signup,
            Err(response) => return response,
        };
        let email = email.trim();
        if email.is_empty() {
            return error(400, MISSING_EMAIL);
        }
        if !is_valid_email(email) {
            return error(400, INVALID_EMAIL);
        }
        match self.subscribers.add(email, source.trim()) {
            Ok(Added::New) => Response::json(201, &json!({"status": "subscribed"})),
            Ok(Added::AlreadySubscribed) => {
                Response::json(409, &json!({"status": "already_subscribed"}))
            }
            Err(e) => {
                eprintln!("newsroom-server: storing a subscriber failed: {e}");
                error(500, STORAGE_FAILED)
            }
        }
    }
}

/// Pulls `email` and `source` out of a JSON or form body. A missing `Content-Type` is sniffed,
/// because hand-written `curl` calls often omit it.
fn read_signup(request: &Request) -> Result<(String, String), Response> {
    let media_type = request.header("content-type").map(|v| {
        v.split(';')
            .next()
            .unwrap_or("")
            .trim()
            .to_ascii_lowercase()
    });
    let body = std::str::from_utf8(&request.body).map_err(|_| error(400, MALFORMED_BODY))?;
    let is_json = match media_type.as_deref() {
        Some("application/json") => true,
        Some("application/x-www-form-urlencoded") => false,
        None | Some("") => body.trim_start().starts_with('{'),
        Some(_) => {
            return Err(error(
                415,
                "Send the signup as JSON or as form data (application/x-www-form-urlencoded).",
            ))
        }
    };
    if is_json {
        let value: Value = serde_json::from_str(body).map_err(|_| error(400, MALFORMED_BODY))?;
        let object = value
            .as_object()
            .ok_or_else(|| error(400, MALFORMED_BODY))?;
        let field = |name: &str| match object.get(name) {
            None | Some(Value::Null) => Ok(String::new()),
            Some(Value::String(s)) => Ok(s.clone()),
            Some(_) => Err(error(400, MALFORMED_BODY)),
        };
        Ok((field("email")?, field("source")?))
    } else {
        let pairs = parse_form(body).ok_or_else(|| error(400, MALFORMED_BODY))?;
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
        400 => error(400, FAULT_REJECTED),
        409 => Response::json(409, &json!({"status": "already_subscribed"})),
        429 => too_many(),
        503 => error(503, FAULT_UNAVAILABLE).header("Retry-After", "30"),
        _ => error(500, FAULT_FAILED),
    }
}

fn too_many() -> Response {
    error(429, TOO_MANY).header("Retry-After", "60")
}

pub fn error(status: u16, message: &str) -> Response {
    Response::json(status, &json!({ "error": message }))
}
