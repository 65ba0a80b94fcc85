//! Routing: `/api/` goes to the newsletter and fault switches, everything else to the static
//! root (if one was given), with the content fault applied in front of `/content/`.

use crate::faults::{ContentFault, Faults, NewsletterFault};
use crate::http::{Request, Response};
use crate::newsletter::{self, Newsletter, Outcome};
use crate::static_files;
use std::net::IpAddr;
use std::path::PathBuf;

pub struct App {
    pub root: Option<PathBuf>,
    /// Overlays `/content/`: tests serve hostile or broken files without touching the build.
    pub content_dir: Option<PathBuf>,
    pub newsletter: Newsletter,
    pub faults: Faults,
}

/// What the connection loop does with a request.
pub enum Action {
    Respond(Response),
    /// Read the request, then never answer.
    Hang,
    /// Drop the connection without any response.
    Reset,
}

impl App {
    pub fn handle(&self, request: &Request, peer: IpAddr) -> Action {
        if is_api(&request.path) {
            return match self.api(request, peer) {
                Action::Respond(response) => Action::Respond(with_cors(response)),
                other => other,
            };
        }
        self.static_request(request)
    }

    /// The answer to a body over the size cap, which the connection loop refuses unread.
    pub fn oversize(&self, request: &Request) -> Response {
        if !is_api(&request.path) {
            return Response::text(413, "Request body too large\n");
        }
        if request.method == "POST" && request.path == "/api/newsletter" {
            self.newsletter.count_request();
        }
        with_cors(newsletter::error(413, "The request was too large."))
    }

    fn api(&self, request: &Request, peer: IpAddr) -> Action {
        let method = request.method.as_str();
        if method == "OPTIONS" {
            // Preflight for the dev setup, where the app runs on trunk's port, not ours.
            return Action::Respond(Response::new(204).header("Access-Control-Max-Age", "600"));
        }
        let response = match (request.path.as_str(), method) {
            ("/api/newsletter", "POST") => {
                return match self.newsletter.subscribe(request, peer, &self.faults) {
                    Outcome::Respond(response) => Action::Respond(response),
                    Outcome::Hang => Action::Hang,
                }
            }
            ("/api/newsletter", _) => not_allowed("POST, OPTIONS"),
            ("/api/newsletter/stats", "GET" | "HEAD") => self.newsletter.stats(),
            ("/api/newsletter/stats", _) => not_allowed("GET, HEAD, OPTIONS"),
            ("/api/faults/newsletter", "POST") => switch(request, NewsletterFault::parse, |f| {
                self.faults.set_newsletter(f)
            }),
            ("/api/faults/content", "POST") => {
                switch(request, ContentFault::parse, |f| self.faults.set_content(f))
            }
            ("/api/faults/newsletter" | "/api/faults/content", _) => not_allowed("POST, OPTIONS"),
            _ => newsletter::error(404, "No such endpoint."),
        };
        Action::Respond(response)
    }

    fn static_request(&self, request: &Request) -> Action {
        let under_content = static_files::normalize(&request.path)
            .is_ok_and(|segments| segments.first().is_some_and(|s| s == "content"));
        let fault = if request.method == "GET" && under_content {
            self.faults.content()
        } else {
            None
        };
        match fault {
            Some(ContentFault::NotFound) => {
                Action::Respond(Response::text(404, "Not found (injected fault)\n"))
            }
            Some(ContentFault::ServerError) => {
                Action::Respond(Response::text(500, "Server error (injected fault)\n"))
            }
            Some(ContentFault::Hang) => Action::Hang,
            Some(ContentFault::Reset) => Action::Reset,
            Some(ContentFault::Trickle) => {
                let mut response = self.serve_file(request);
                response.trickle = true;
                Action::Respond(response)
            }
            None => Action::Respond(self.serve_file(request)),
        }
    }

    fn serve_file(&self, request: &Request) -> Response {
        let overlaid = self
            .content_dir
            .as_deref()
            .and_then(|dir| static_files::serve_overlay(dir, request));
        match (overlaid, &self.root) {
            (Some(response), _) => response,
            (None, Some(root)) => static_files::serve(root, request),
            (None, None) => Response::text(
                404,
                "Not found: this server was started without --root, so it serves only /api/.\n",
            ),
        }
    }
}

fn is_api(path: &str) -> bool {
    path == "/api" || path.starts_with("/api/")
}

/// Parses a fault switch body and applies it: 204 on success, 400 naming the valid kinds.
fn switch<F>(
    request: &Request,
    parse: impl Fn(&str) -> Result<Option<F>, String>,
    apply: impl FnOnce(Option<F>),
) -> Response {
    let body = String::from_utf8_lossy(&request.body);
    match parse(&body) {
        Ok(fault) => {
            apply(fault);
            Response::new(204)
        }
        Err(message) => newsletter::error(400, &message),
    }
}

fn not_allowed(allow: &'static str) -> Response {
    newsletter::error(405, "Method not allowed.").header("Allow", allow)
}

/// Every API answer carries CORS headers: in development the app is served from another port,
/// and without them the browser hides even error bodies from it.
fn with_cors(response: Response) -> Response {
    response
        .header("Access-Control-Allow-Origin", "*")
        .header("Access-Control-Allow-Methods", "POST, OPTIONS")
        .header(
            "Access-Control-Allow-Headers",
            "content-type, x-newsletter-fault",
        )
}
