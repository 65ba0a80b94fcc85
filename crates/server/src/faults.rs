//! Deliberate failures, so browser tests can see how the app behaves when the network or the
//! newsletter service misbehaves, without a mock standing between the app and a real socket.
//!
//! None of this exists unless the server is started with `--enable-test-controls`: on a public
//! server anyone could otherwise break it for every reader.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;
use std::time::Duration;

/// Long enough to outlast any client timeout a test would use, short enough that forgotten
/// connections do not pile up forever.
pub const HANG_FOR: Duration = Duration::from_secs(60);
pub const TRICKLE_CHUNK: usize = 16;
pub const TRICKLE_EVERY: Duration = Duration::from_millis(100);

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NewsletterFault {
    /// Answer with this status (400, 409, 429, 500 or 503) and its canned body.
    Status(u16),
    Hang,
}

impl NewsletterFault {
    /// `Ok(None)` is `none`, the way to clear a fault.
    pub fn parse(kind: &str) -> Result<Option<Self>, String> {
        match kind.trim().to_ascii_lowercase().as_str() {
            "none" | "" => Ok(None),
            "hang" => Ok(Some(NewsletterFault::Hang)),
            code @ ("400" | "409" | "429" | "500" | "503") => {
                Ok(Some(NewsletterFault::Status(code.parse().unwrap_or(500))))
            }
            other => Err(format!(
                "unknown newsletter fault {other:?}; expected one of 400, 409, 429, 500, 503, hang, none"
            )),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ContentFault {
    NotFound,
    ServerError,
    Hang,
    Reset,
    Trickle,
}

impl ContentFault {
    pub fn parse(kind: &str) -> Result<Option<Self>, String> {
        match kind.trim().to_ascii_lowercase().as_str() {
            "none" | "" => Ok(None),
            "404" => Ok(Some(ContentFault::NotFound)),
            "500" => Ok(Some(ContentFault::ServerError)),
            "hang" => Ok(Some(ContentFault::Hang)),
            "reset" => Ok(Some(ContentFault::Reset)),
            "trickle" => Ok(Some(ContentFault::Trickle)),
            other => Err(format!(
                "unknown content fault {other:?}; expected one of 404, 500, hang, reset, trickle, none"
            )),
        }
    }
}

/// The server-wide switches, flipped at start-up or at runtime through `/api/faults/*`, and the
/// count of sign-up requests tests read from `/api/newsletter/stats`.
#[derive(Default)]
pub struct TestControls {
    newsletter: Mutex<Option<NewsletterFault>>,
    content: Mutex<Option<ContentFault>>,
    signup_requests: AtomicU64,
}

impl TestControls {
    pub fn new(newsletter: Option<NewsletterFault>) -> Self {
        TestControls {
            newsletter: Mutex::new(newsletter),
            ..TestControls::default()
        }
    }

    /// Every POST to the endpoint, faulted, refused and oversized ones included.
    pub fn count_signup_request(&self) {
        self.signup_requests.fetch_add(1, Ordering::SeqCst);
    }

    pub fn signup_requests(&self) -> u64 {
        self.signup_requests.load(Ordering::SeqCst)
    }

    pub fn newsletter(&self) -> Option<NewsletterFault> {
        *lock(&self.newsletter)
    }

    pub fn set_newsletter(&self, fault: Option<NewsletterFault>) {
        *lock(&self.newsletter) = fault;
    }

    pub fn content(&self) -> Option<ContentFault> {
        *lock(&self.content)
    }

    pub fn set_content(&self, fault: Option<ContentFault>) {
        *lock(&self.content) = fault;
    }
}

/// A panicking request thread must not switch faults off for everyone else.
fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_fault_names() {
        assert_eq!(
            NewsletterFault::parse(" 503\n"),
            Ok(Some(NewsletterFault::Status(503)))
        );
        assert_eq!(
            NewsletterFault::parse("HANG"),
            Ok(Some(NewsletterFault::Hang))
        );
        assert_eq!(NewsletterFault::parse("none"), Ok(None));
        assert!(NewsletterFault::parse("418").is_err());
        assert_eq!(ContentFault::parse("reset"), Ok(Some(ContentFault::Reset)));
        assert_eq!(ContentFault::parse("none"), Ok(None));
        assert!(ContentFault::parse("slow").is_err());
    }
}
