//! The newsletter endpoint: one sign-up request, and what its answer means for the reader.

use super::{with_timeout, NoController};
use gloo_net::http::Request;

/// How a sign-up ended, as the reader should hear it.
#[derive(Clone, Debug, PartialEq)]
pub enum SignupOutcome {
    Subscribed,
    AlreadySubscribed,
}

#[derive(Clone, Debug, PartialEq)]
pub enum SignupError {
    /// 400: the service's own words, which the reader sees.
    Rejected(String),
    /// 429, 5xx or another status: try again later.
    Unavailable(u16),
    /// No answer, or not within the time-out.
    Network,
}

impl From<NoController> for SignupError {
    fn from(_: NoController) -> Self {
        SignupError::Network
    }
}

/// Posts a sign-up to the newsletter endpoint named in `site.json`.
pub async fn subscribe(
    newsletter: &newsroom_core::model::Newsletter,
    email: &str,
    source: &str,
) -> Result<SignupOutcome, SignupError> {
    use newsroom_core::model::NewsletterEncoding;
    let endpoint =
        newsroom_core::url::safe_url(&newsletter.endpoint, newsroom_core::url::UrlUse::Link)
            .ok_or(SignupError::Unavailable(0))?;
    let encoding = newsletter.encoding;
    with_timeout(|signal| async move {
        let builder = Request::post(&endpoint).abort_signal(Some(&signal));
        let request = match encoding {
            NewsletterEncoding::Json => builder
                .header("content-type", "application/json")
                .body(json_body(email, source)),
            NewsletterEncoding::Form => builder
                .header("content-type", "application/x-www-form-urlencoded")
                .body(format!(
                    "email={}&source={}",
                    form_encode(email),
                    form_encode(source)
                )),
        }
        .map_err(|_| SignupError::Network)?;
        let response = request.send().await.map_err(|_| SignupError::Network)?;
        match response.status() {
            200..=299 => Ok(SignupOutcome::Subscribed),
            409 => Ok(SignupOutcome::AlreadySubscribed),
            400 => {
                let body = response.text().await.unwrap_or_default();
                Err(SignupError::Rejected(rejection_message(&body)))
            }
            status => Err(SignupError::Unavailable(status)),
        }
    })
    .await
}

fn form_encode(value: &str) -> String {
    String::from(js_sys::encode_uri_component(value))
}

// The browser's own JSON does the encoding and decoding here: two tiny documents do not need
// a JSON library of their own in the wasm.

/// `{"email": ..., "source": ...}`.
fn json_body(email: &str, source: &str) -> String {
    let body = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&body, &"email".into(), &email.into());
    let _ = js_sys::Reflect::set(&body, &"source".into(), &source.into());
    js_sys::JSON::stringify(&body)
        .map(String::from)
        .unwrap_or_default()
}

/// The `error` text of a 400 answer (`{"error": "..."}`), bounded in length; a generic sentence
/// when there is none.
fn rejection_message(body: &str) -> String {
    js_sys::JSON::parse(body)
        .ok()
        .filter(|answer| answer.is_object())
        .and_then(|answer| js_sys::Reflect::get(&answer, &"error".into()).ok())
        .and_then(|error| error.as_string())
        .filter(|message| !message.trim().is_empty())
        .map(|message| message.chars().take(300).collect())
        .unwrap_or_else(|| "This email address could not be accepted.".to_string())
}
