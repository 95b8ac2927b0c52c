//! The gateway's limit on requests per client, so that one client cannot use this
//! server to flood the upstream (which sees only this server's address, and might
//! block it for everyone).

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use crate::ratelimit::Clock;

/// Requests per client and fixed window.
#[derive(Debug, Clone, Copy)]
pub struct RateLimits {
    /// Requests of any kind per minute.
    pub per_minute: u32,
    /// Filings (`POST requests.json`) per ten minutes: each one is a case upstream.
    pub posts_per_ten_minutes: u32,
}

impl Default for RateLimits {
    fn default() -> Self {
        RateLimits {
            per_minute: 300,
            posts_per_ten_minutes: 30,
        }
    }
}

#[derive(Debug, Clone, Copy)]
struct Window {
    start: Instant,
    count: u32,
}

/// Counts gateway requests per client (a [`crate::ratelimit::client_key`]) in fixed
/// windows (a window starts with the client's first request in it).
pub struct GatewayLimiter {
    limits: RateLimits,
    clock: Clock,
    windows: Mutex<HashMap<(String, bool), Window>>,
}

impl GatewayLimiter {
    pub fn new(limits: RateLimits, clock: Clock) -> Self {
        GatewayLimiter {
            limits,
            clock,
            windows: Mutex::new(HashMap::new()),
        }
    }

    /// Counts one request of `client`; `Err(seconds to wait)` when over a limit.
    pub fn check(&self, client: &str, post: bool) -> Result<(), u64> {
        let now = (self.clock)();
        let mut windows = self
            .windows
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let ten_minutes = Duration::from_secs(600);
        if windows.len() > 10_000 {
            windows.retain(|_, w| now.duration_since(w.start) < ten_minutes);
        }
        let mut kinds = vec![(false, Duration::from_secs(60), self.limits.per_minute)];
        if post {
            kinds.push((true, ten_minutes, self.limits.posts_per_ten_minutes));
        }
        for (key, length, limit) in kinds {
            let window = windows.entry((client.to_owned(), key)).or_insert(Window {
                start: now,
                count: 0,
            });
            if now.duration_since(window.start) >= length {
                *window = Window {
                    start: now,
                    count: 0,
                };
            }
            if window.count >= limit {
                if window.count == limit {
                    // Logged once per window, not per refused request.
                    window.count += 1;
                    tracing::warn!(target: "security", event = "open311_gateway_limited",
                        client, post = key, "Open311 gateway: too many requests from one client");
                }
                let left = length.saturating_sub(now.duration_since(window.start));
                return Err(left.as_secs().max(1));
            }
            window.count += 1;
        }
        Ok(())
    }
}
