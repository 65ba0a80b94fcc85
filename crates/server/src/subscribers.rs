//! Durable subscriber list plus the per-address rate limiter. A plain append-only text file is
//! enough: it survives restarts, can be read with any tool, and one `sync_data` per signup is
//! cheap at newsletter volumes.

use newsroom_core::email::{email_key, normalize_email};
use std::collections::{HashMap, HashSet, VecDeque};
use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::net::IpAddr;
use std::path::Path;
use std::sync::{Mutex, MutexGuard};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

/// Sources are page paths; anything longer is junk not worth keeping.
const MAX_SOURCE_CHARS: usize = 300;

#[derive(Debug, PartialEq, Eq)]
pub enum Added {
    New,
    AlreadySubscribed,
}

pub struct Subscribers {
    /// One lock over both the set and the file, so two simultaneous signups for the same
    /// address cannot both pass the check and both be written.
    inner: Mutex<Store>,
}

struct Store {
    keys: HashSet<String>,
    file: File,
}

impl Subscribers {
    pub fn open(path: &Path) -> io::Result<Self> {
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            fs::create_dir_all(parent)?;
        }
        let mut file = OpenOptions::new()
            .read(true)
            .append(true)
            .create(true)
            .open(path)?;
        let mut existing = String::new();
        file.read_to_string(&mut existing)?;
        let keys = existing
            .lines()
            .filter_map(|line| line.split('\t').next())
            .filter(|email| !email.trim().is_empty())
            .map(email_key)
            .collect();
        // A crash mid-write can leave a partial last line; start the next record on its own line
        // instead of gluing it on.
        if !existing.is_empty() && !existing.ends_with('\n') {
            file.seek(SeekFrom::End(0))?;
            file.write_all(b"\n")?;
            file.sync_data()?;
        }
        Ok(Subscribers {
            inner: Mutex::new(Store { keys, file }),
        })
    }

    /// Returns only after the line is on disk, so a 201 is a promise the address is kept.
    pub fn add(&self, email: &str, source: &str) -> io::Result<Added> {
        let mut store = self.lock();
        let key = email_key(email);
        if store.keys.contains(&key) {
            return Ok(Added::AlreadySubscribed);
        }
        let line = format!(
            "{}\t{}\t{}\n",
            clean_field(&normalize_email(email)),
            clean_field(source),
            unix_seconds()
        );
        store.file.write_all(line.as_bytes())?;
        store.file.sync_data()?;
        store.keys.insert(key);
        Ok(Added::New)
    }

    pub fn count(&self) -> usize {
        self.lock().keys.len()
    }

    fn lock(&self) -> MutexGuard<'_, Store> {
        self.inner.lock().unwrap_or_else(|p| p.into_inner())
    }
}

/// Tabs and line breaks would corrupt the one-record-per-line format.
fn clean_field(value: &str) -> String {
    value
        .chars()
        .filter(|c| !c.is_control())
        .take(MAX_SOURCE_CHARS)
        .collect()
}

fn unix_seconds() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

/// Sliding one-minute window per client address.
pub struct RateLimiter {
    per_minute: u32,
    hits: Mutex<HashMap<IpAddr, VecDeque<Instant>>>,
}

const WINDOW: Duration = Duration::from_secs(60);

impl RateLimiter {
    /// `per_minute == 0` disables limiting, for test runs that post far more than a person would.
    pub fn new(per_minute: u32) -> Self {
        RateLimiter {
            per_minute,
            hits: Mutex::new(HashMap::new()),
        }
    }

    /// Records the attempt and says whether it is within the limit. Refused attempts are not
    /// recorded, so a client that backs off gets through again after the window.
    pub fn allow(&self, ip: IpAddr) -> bool {
        self.allow_at(ip, Instant::now())
    }

    fn allow_at(&self, ip: IpAddr, now: Instant) -> bool {
        if self.per_minute == 0 {
            return true;
        }
        let mut hits = self.hits.lock().unwrap_or_else(|p| p.into_inner());
        // Bound memory: forget clients whose whole window has expired.
        if hits.len() > 10_000 {
            hits.retain(|_, times| times.back().is_some_and(|t| now - *t < WINDOW));
        }
        let times = hits.entry(ip).or_default();
        while times.front().is_some_and(|t| now - *t >= WINDOW) {
            times.pop_front();
        }
        if times.len() >= self.per_minute as usize {
            return false;
        }
        times.push_back(now);
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::net::Ipv4Addr;

    #[test]
    fn limits_per_address_within_a_minute() {
        let limiter = RateLimiter::new(2);
        let a = IpAddr::V4(Ipv4Addr::LOCALHOST);
        let b = IpAddr::V4(Ipv4Addr::new(10, 0, 0, 1));
        let start = Instant::now();
        assert!(limiter.allow_at(a, start));
        assert!(limiter.allow_at(a, start));
        assert!(!limiter.allow_at(a, start + Duration::from_secs(30)));
        assert!(limiter.allow_at(b, start));
        assert!(limiter.allow_at(a, start + Duration::from_secs(61)));
    }

    #[test]
    fn zero_disables_the_limit() {
        let limiter = RateLimiter::new(0);
        let ip = IpAddr::V4(Ipv4Addr::LOCALHOST);
        assert!((0..1000).all(|_| limiter.allow(ip)));
    }

    #[test]
    fn cleans_fields_for_the_line_format() {
        assert_eq!(clean_field("/a\tb\nc\r"), "/abc");
        assert_eq!(clean_field(&"x".repeat(1000)).len(), MAX_SOURCE_CHARS);
    }
}
