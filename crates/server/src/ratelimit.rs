//! Limits on guessing access codes on the citizen's case endpoints: per client, with
//! progressive delay.
//!
//! An access code has about 59 bits, so guessing is hopeless unless attempts are
//! unlimited; this limiter makes them slow. It never locks a *ticket*: a per-ticket
//! lock let anyone lock an owner out of their case (even before it was issued). It
//! counts failures per client (see [`client_key`]: an IPv6 client is its /64) and per
//! client and ticket; past a few free failures each further attempt must wait twice
//! as long as the one before, up to [`WINDOW`]. The check and the count are one step
//! under one lock (an attempt is counted as failed when it starts and refunded when it
//! succeeds), so parallel guesses cannot slip past the limit.
//!
//! Kept in memory: a restart forgets the counters, which costs an attacker a restart of
//! the server per handful of guesses.

use std::collections::{HashMap, VecDeque};
use std::net::IpAddr;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Failures on one ticket from one client before the delay starts (typos happen).
pub const PAIR_FREE_FAILURES: usize = 5;
/// Failures from one client on any tickets before the delay starts. Higher, so that
/// citizens behind one address (a NAT, an office) are not slowed by one another's typos.
pub const CLIENT_FREE_FAILURES: usize = 20;
/// How far back failures count, and the longest delay.
pub const WINDOW: Duration = Duration::from_secs(15 * 60);
/// Failures kept per key: enough for the delay to reach [`WINDOW`] (2^10 s > 15 min).
const KEPT_FAILURES: usize = CLIENT_FREE_FAILURES + 12;

/// Where the limiter reads the time; tests inject a clock they can move.
pub type Clock = Arc<dyn Fn() -> Instant + Send + Sync>;

/// The client an attempt is counted against: the IPv4 address, or the /64 prefix of
/// an IPv6 address (one subscriber usually holds a whole /64, so counting single
/// addresses would give them 2^64 fresh starts).
pub fn client_key(ip: IpAddr) -> String {
    match ip {
        IpAddr::V4(v4) => v4.to_string(),
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => v4.to_string(),
            None => {
                let s = v6.segments();
                format!("{:x}:{:x}:{:x}:{:x}::/64", s[0], s[1], s[2], s[3])
            }
        },
    }
}

/// The wait imposed after `failures` recent failures, `free` of them without delay:
/// 1 s, 2 s, 4 s, … up to [`WINDOW`].
fn delay_after(failures: usize, free: usize) -> Option<Duration> {
    let over = failures.checked_sub(free)?;
    let secs = 1u64.checked_shl(over.min(20) as u32).unwrap_or(u64::MAX);
    Some(Duration::from_secs(secs).min(WINDOW))
}

/// Failure times of one key, oldest first.
#[derive(Default)]
struct Record {
    failures: VecDeque<Instant>,
    /// Attempts refused since the key was last logged (see [`LookupLimiter::begin`]).
    refused: u64,
}

impl Record {
    fn forget_old(&mut self, now: Instant) {
        while self.failures.front().is_some_and(|t| now - *t >= WINDOW) {
            self.failures.pop_front();
        }
    }

    /// How long this key must still wait at `now`, if at all.
    fn wait(&self, free: usize, now: Instant) -> Option<Duration> {
        let delay = delay_after(self.failures.len(), free)?;
        let since_last = now - *self.failures.back()?;
        delay.checked_sub(since_last).filter(|d| !d.is_zero())
    }

    fn count(&mut self, now: Instant) {
        self.failures.push_back(now);
        while self.failures.len() > KEPT_FAILURES {
            self.failures.pop_front();
        }
    }
}

#[derive(Default)]
struct Inner {
    by_key: HashMap<String, Record>,
    /// Map size after the last full prune; the next one runs when it has doubled.
    pruned_len: usize,
}

impl Inner {
    fn prune_if_grown(&mut self, now: Instant) {
        if self.by_key.len() > 2 * self.pruned_len + 64 {
            self.by_key
                .retain(|_, r| r.failures.back().is_some_and(|t| now - *t < WINDOW));
            self.pruned_len = self.by_key.len();
        }
    }
}

/// Counts look-up attempts and says when a client must wait.
pub struct LookupLimiter {
    inner: Mutex<Inner>,
    clock: Clock,
}

impl Default for LookupLimiter {
    fn default() -> Self {
        LookupLimiter::with_clock(Arc::new(Instant::now))
    }
}

/// Whole seconds to announce in `Retry-After`: rounded up, at least one.
fn retry_after_secs(wait: Duration) -> u64 {
    let secs = wait.as_secs() + u64::from(wait.subsec_nanos() > 0);
    secs.max(1)
}

fn pair_key(client: &str, ticket: &str) -> String {
    format!("{client} {ticket}")
}

impl LookupLimiter {
    pub fn with_clock(clock: Clock) -> Self {
        LookupLimiter {
            inner: Mutex::new(Inner::default()),
            clock,
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Inner> {
        // The counters stay usable after a panic elsewhere: a poisoned lock only means
        // some update was lost, which is harmless here.
        self.inner
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Starts an attempt of `client` (a [`client_key`]) on `ticket`: `Err(seconds to
    /// wait)` when it must wait; otherwise counts the attempt as failed, in the same
    /// step, until [`LookupLimiter::succeeded`] refunds it.
    pub fn begin(&self, client: &str, ticket: &str) -> Result<(), u64> {
        let now = (self.clock)();
        let mut inner = self.lock();
        inner.prune_if_grown(now);
        let pair = pair_key(client, ticket);
        let mut wait = None;
        for (key, free) in [(client, CLIENT_FREE_FAILURES), (&pair, PAIR_FREE_FAILURES)] {
            let record = inner.by_key.entry(key.to_owned()).or_default();
            record.forget_old(now);
            wait = wait.max(record.wait(free, now));
        }
        if let Some(wait) = wait {
            let record = inner.by_key.entry(client.to_owned()).or_default();
            record.refused += 1;
            // Aggregated: a flood of refusals logs a line at 1, 2, 4, 8, … of them.
            if record.refused.is_power_of_two() {
                tracing::warn!(
                    target: "security",
                    event = "lookup_refused",
                    client,
                    refused = record.refused,
                    retry_after_secs = retry_after_secs(wait),
                    "look-ups refused: too many failed attempts"
                );
            }
            return Err(retry_after_secs(wait));
        }
        for key in [client, &pair] {
            let record = inner.by_key.entry(key.to_owned()).or_default();
            record.count(now);
        }
        let failures = inner.by_key.get(client).map_or(0, |r| r.failures.len());
        if failures == CLIENT_FREE_FAILURES || (failures.is_power_of_two() && failures > 4) {
            tracing::warn!(target: "security", event = "lookup_failures", client, failures,
                "repeated look-up attempts from one client");
        }
        Ok(())
    }

    /// The attempt opened the case: refund what [`LookupLimiter::begin`] counted.
    /// Earlier failures stay, or an attacker could reset them with their own case.
    pub fn succeeded(&self, client: &str, ticket: &str) {
        let mut inner = self.lock();
        for key in [client.to_owned(), pair_key(client, ticket)] {
            if let Some(record) = inner.by_key.get_mut(&key) {
                record.failures.pop_back();
            }
        }
    }
}

/// A clock for tests that only moves when told to.
#[derive(Clone)]
pub struct ManualClock {
    now: Arc<Mutex<Instant>>,
}

impl Default for ManualClock {
    fn default() -> Self {
        ManualClock {
            now: Arc::new(Mutex::new(Instant::now())),
        }
    }
}

impl ManualClock {
    pub fn advance(&self, by: Duration) {
        let mut now = self.now.lock().unwrap_or_else(|e| e.into_inner());
        *now += by;
    }

    /// The clock to hand to [`LookupLimiter::with_clock`].
    pub fn clock(&self) -> Clock {
        let now = self.now.clone();
        Arc::new(move || *now.lock().unwrap_or_else(|e| e.into_inner()))
    }
}

#[cfg(test)]
#[path = "ratelimit_tests.rs"]
mod tests;
