//! Sign-ups allowed per client address: a sliding one-minute window.

use std::collections::{HashMap, VecDeque};
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

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
}
