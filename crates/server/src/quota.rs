//! Upload quotas: bytes per client and in total within a sliding window.
//!
//! Uploads are stored before any case exists (the wizard uploads a file as soon as it
//! is chosen), so without a quota one client could fill the disk: 20 × 5 MiB took 1.1 s.
//! A person attaches at most a few files of a few MiB to a case; the default per-client
//! quota leaves room for several cases an hour, the total one bounds what every client
//! together can add before the purge removes what was never filed.

use std::collections::{HashMap, VecDeque};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::ratelimit::Clock;

/// Bytes allowed per client and in total within [`Quotas::window`].
#[derive(Debug, Clone, Copy)]
pub struct Quotas {
    pub per_client_bytes: u64,
    pub total_bytes: u64,
    pub window: Duration,
}

impl Default for Quotas {
    fn default() -> Self {
        Quotas {
            per_client_bytes: 50 * 1024 * 1024,
            total_bytes: 2 * 1024 * 1024 * 1024,
            window: Duration::from_secs(60 * 60),
        }
    }
}

/// Uploads of one key in the window, oldest first, and their sum.
#[derive(Default)]
struct Usage {
    uploads: VecDeque<(Instant, u64)>,
    bytes: u64,
}

impl Usage {
    fn forget_old(&mut self, now: Instant, window: Duration) {
        while let Some(&(at, bytes)) = self.uploads.front() {
            if now - at < window {
                break;
            }
            self.uploads.pop_front();
            self.bytes -= bytes;
        }
    }

    /// Seconds until `extra` more bytes fit under `limit` (at least 1).
    fn wait_for(&self, extra: u64, limit: u64, now: Instant, window: Duration) -> u64 {
        let mut freed = 0;
        for &(at, bytes) in &self.uploads {
            freed += bytes;
            if self.bytes - freed + extra <= limit {
                return (window.saturating_sub(now - at)).as_secs().max(1);
            }
        }
        window.as_secs().max(1)
    }
}

/// Which quota refused an upload, and when to try again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OverQuota {
    pub total: bool,
    pub retry_after_secs: u64,
}

/// The bytes each client (a [`crate::ratelimit::client_key`]) and everyone uploaded.
pub struct UploadQuota {
    quotas: Quotas,
    inner: Mutex<(HashMap<String, Usage>, Usage)>,
    clock: Clock,
}

impl UploadQuota {
    pub fn new(quotas: Quotas) -> Self {
        UploadQuota::with_clock(quotas, Arc::new(Instant::now))
    }

    pub fn with_clock(quotas: Quotas, clock: Clock) -> Self {
        UploadQuota {
            quotas,
            inner: Mutex::new((HashMap::new(), Usage::default())),
            clock,
        }
    }

    /// Counts `bytes` against `client` and the total, or refuses them (counting
    /// nothing) when either quota would be passed. One lock: check and count are one
    /// step, so parallel uploads cannot pass the quota together. `bytes` 0 asks
    /// whether the client may upload at all (before reading a body).
    pub fn charge(&self, client: &str, bytes: u64) -> Result<(), OverQuota> {
        let now = (self.clock)();
        let Quotas {
            per_client_bytes,
            total_bytes,
            window,
        } = self.quotas;
        let mut guard = self.inner.lock().unwrap_or_else(|e| e.into_inner());
        let (clients, total) = &mut *guard;
        total.forget_old(now, window);
        let usage = clients.entry(client.to_owned()).or_default();
        usage.forget_old(now, window);
        // `bytes` 0 asks whether anything at all would fit.
        let need = bytes.max(1);
        if usage.bytes + need > per_client_bytes {
            let retry_after_secs = usage.wait_for(need, per_client_bytes, now, window);
            return Err(OverQuota {
                total: false,
                retry_after_secs,
            });
        }
        if total.bytes + need > total_bytes {
            let retry_after_secs = total.wait_for(need, total_bytes, now, window);
            return Err(OverQuota {
                total: true,
                retry_after_secs,
            });
        }
        if bytes > 0 {
            usage.uploads.push_back((now, bytes));
            usage.bytes += bytes;
            total.uploads.push_back((now, bytes));
            total.bytes += bytes;
        }
        // Clients with nothing in the window are dropped (bounded memory).
        if clients.len() > 1024 {
            clients.retain(|_, u| {
                u.forget_old(now, window);
                !u.uploads.is_empty()
            });
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ratelimit::ManualClock;

    fn quota() -> (UploadQuota, ManualClock) {
        let clock = ManualClock::default();
        let quotas = Quotas {
            per_client_bytes: 100,
            total_bytes: 250,
            window: Duration::from_secs(3600),
        };
        (UploadQuota::with_clock(quotas, clock.clock()), clock)
    }

    #[test]
    fn a_client_over_its_quota_waits_for_its_oldest_upload_to_age_out() {
        let (quota, clock) = quota();
        quota.charge("a", 60).unwrap();
        clock.advance(Duration::from_secs(600));
        quota.charge("a", 40).unwrap();
        let refused = quota.charge("a", 1).unwrap_err();
        assert_eq!(
            refused,
            OverQuota {
                total: false,
                retry_after_secs: 3000
            }
        );
        assert!(quota.charge("a", 0).is_err(), "nothing more fits");
        // Another client is not affected.
        quota.charge("b", 100).unwrap();
        clock.advance(Duration::from_secs(3000));
        quota.charge("a", 60).unwrap();
    }

    #[test]
    fn the_total_quota_binds_every_client_together() {
        let (quota, _clock) = quota();
        quota.charge("a", 100).unwrap();
        quota.charge("b", 100).unwrap();
        let refused = quota.charge("c", 60).unwrap_err();
        assert!(refused.total);
        quota.charge("c", 50).unwrap();
    }
}
