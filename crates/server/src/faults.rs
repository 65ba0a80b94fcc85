//! Deliberate failures, so browser tests can see how the app behaves when the network or the
//! newsletter service misbehaves, without a mock standing between the app and a real socket.

use std::io::{self, Write};
use std::net::{Shutdown, TcpStream};
use std::sync::Mutex;
use std::thread;
use std::time::{Duration, Instant};

/// Long enough to outlast any client timeout a test would use, short enough that forgotten
/// connections do not pile up forever.
const HANG_FOR: Duration = Duration::from_secs(60);
const TRICKLE_CHUNK: usize = 16;
const TRICKLE_EVERY: Duration = Duration::from_millis(100);

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

/// The server-wide switches, flipped at start-up or at runtime through `/api/faults/*`.
#[derive(Default)]
pub struct Faults {
    newsletter: Mutex<Option<NewsletterFault>>,
    content: Mutex<Option<ContentFault>>,
}

impl Faults {
    pub fn new(newsletter: Option<NewsletterFault>) -> Self {
        Faults {
            newsletter: Mutex::new(newsletter),
            content: Mutex::new(None),
        }
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

/// Keeps the connection open without answering, but gives up early once the client has gone so
/// abandoned requests do not keep threads alive for the whole minute.
pub fn hang(stream: &TcpStream) {
    let started = Instant::now();
    let _ = stream.set_read_timeout(Some(Duration::from_millis(200)));
    let mut probe = [0u8; 1];
    while started.elapsed() < HANG_FOR {
        match stream.peek(&mut probe) {
            Ok(0) => break,
            Ok(_) => thread::sleep(Duration::from_millis(200)),
            Err(e)
                if matches!(
                    e.kind(),
                    io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut
                ) => {}
            Err(_) => break,
        }
    }
    let _ = stream.shutdown(Shutdown::Both);
}

/// Std cannot set `SO_LINGER` to zero, so the closest portable "reset" is closing both
/// directions without a byte of response: the client sees the connection drop mid-request.
pub fn reset(stream: &TcpStream) {
    let _ = stream.shutdown(Shutdown::Both);
}

pub fn trickle<W: Write>(out: &mut W, body: &[u8]) -> io::Result<()> {
    for chunk in body.chunks(TRICKLE_CHUNK) {
        thread::sleep(TRICKLE_EVERY);
        out.write_all(chunk)?;
        out.flush()?;
    }
    Ok(())
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

    #[test]
    fn trickle_sends_everything() {
        let mut out = Vec::new();
        trickle(&mut out, b"0123456789abcdefXYZ").unwrap();
        assert_eq!(out, b"0123456789abcdefXYZ");
    }
}
