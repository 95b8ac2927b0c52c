//! Lockout of access-code guessing on the citizen's case endpoints.
//!
//! An access code has about 59 bits, so guessing is hopeless unless attempts are
//! unlimited; this limiter makes them limited. Failed attempts are counted per ticket
//! (protects one case from a distributed attack) and per client address (stops one
//! client from sweeping many tickets). Kept in memory: a restart forgets the counters,
//! which costs an attacker a restart of the server per handful of guesses.

use std::collections::{HashMap, VecDeque};
use std::net::IpAddr;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Failed attempts for one ticket that lock it.
pub const TICKET_MAX_FAILURES: usize = 4;
/// Failed attempts from one client address that lock it.
pub const CLIENT_MAX_FAILURES: usize = 20;
/// Sliding window both counts look back over.
pub const WINDOW: Duration = Duration::from_secs(15 * 60);

/// Where the limiter reads the time; tests inject a clock they can move.
pub type Clock = Arc<dyn Fn() -> Instant + Send + Sync>;

/// Failure timestamps per key, oldest first, at most `max` of them (older ones can
/// never matter again, so memory per key is bounded).
#[derive(Default)]
struct Failures {
    by_key: HashMap<String, VecDeque<Instant>>,
    /// Map size after the last full prune; the next one runs when it has doubled.
    pruned_len: usize,
}

impl Failures {
    /// How long `key` stays locked at `now`, if it is.
    fn locked_for(&self, key: &str, max: usize, now: Instant) -> Option<Duration> {
        let times = self.by_key.get(key)?;
        let recent: Vec<&Instant> = times.iter().filter(|t| now - **t < WINDOW).collect();
        // Locked until the oldest of the last `max` failures leaves the window.
        (recent.len() >= max).then(|| WINDOW - (now - *recent[recent.len() - max]))
    }

    fn record(&mut self, key: String, max: usize, now: Instant) {
        let times = self.by_key.entry(key).or_default();
        times.push_back(now);
        while times.len() > max {
            times.pop_front();
        }
        if self.by_key.len() > 2 * self.pruned_len + 64 {
            self.prune(now);
        }
    }

    /// Drops keys whose every failure is outside the window.
    fn prune(&mut self, now: Instant) {
        self.by_key
            .retain(|_, times| times.back().is_some_and(|t| now - *t < WINDOW));
        self.pruned_len = self.by_key.len();
    }
}

#[derive(Default)]
struct Inner {
    tickets: Failures,
    clients: Failures,
}

/// Counts failed look-ups and says when a ticket or a client must wait.
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

    /// `Err(seconds to wait)` when the ticket or the client is locked out.
    pub fn check(&self, ticket: &str, client: IpAddr) -> Result<(), u64> {
        let now = (self.clock)();
        let inner = self.lock();
        let ticket_wait = inner.tickets.locked_for(ticket, TICKET_MAX_FAILURES, now);
        let client_wait = inner
            .clients
            .locked_for(&client.to_string(), CLIENT_MAX_FAILURES, now);
        match ticket_wait.max(client_wait) {
            Some(wait) => Err(retry_after_secs(wait)),
            None => Ok(()),
        }
    }

    /// Counts a failed attempt (unknown ticket, missing, malformed or wrong code).
    pub fn record_failure(&self, ticket: &str, client: IpAddr) {
        let now = (self.clock)();
        let mut inner = self.lock();
        inner
            .tickets
            .record(ticket.to_owned(), TICKET_MAX_FAILURES, now);
        inner
            .clients
            .record(client.to_string(), CLIENT_MAX_FAILURES, now);
    }

    /// The right code was given: the ticket's count starts again. The client's count
    /// stays, or an attacker could reset it with their own case.
    pub fn record_success(&self, ticket: &str) {
        self.lock().tickets.by_key.remove(ticket);
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
mod tests {
    use super::*;

    const IP: IpAddr = IpAddr::V4(std::net::Ipv4Addr::new(192, 0, 2, 1));

    fn limiter() -> (LookupLimiter, ManualClock) {
        let clock = ManualClock::default();
        (LookupLimiter::with_clock(clock.clock()), clock)
    }

    #[test]
    fn a_ticket_locks_after_four_failures_until_the_window_passes() {
        let (limiter, clock) = limiter();
        for _ in 0..TICKET_MAX_FAILURES {
            assert_eq!(limiter.check("T", IP), Ok(()));
            limiter.record_failure("T", IP);
            clock.advance(Duration::from_secs(60));
        }
        // The first failure was 4 minutes ago: 11 minutes left.
        assert_eq!(limiter.check("T", IP), Err(11 * 60));
        // Another ticket from another client is not affected.
        let other = IpAddr::V4(std::net::Ipv4Addr::new(192, 0, 2, 2));
        assert_eq!(limiter.check("U", other), Ok(()));
        clock.advance(Duration::from_secs(11 * 60 - 1));
        assert_eq!(limiter.check("T", IP), Err(1));
        clock.advance(Duration::from_secs(1));
        assert_eq!(limiter.check("T", IP), Ok(()));
    }

    #[test]
    fn success_resets_the_ticket_but_not_the_client() {
        let (limiter, _clock) = limiter();
        for _ in 0..TICKET_MAX_FAILURES - 1 {
            limiter.record_failure("T", IP);
        }
        limiter.record_success("T");
        limiter.record_failure("T", IP);
        assert_eq!(limiter.check("T", IP), Ok(()));
        assert_eq!(limiter.lock().clients.by_key[&IP.to_string()].len(), 4);
    }

    #[test]
    fn a_client_locks_after_twenty_failures_on_any_tickets() {
        let (limiter, _clock) = limiter();
        for i in 0..CLIENT_MAX_FAILURES {
            limiter.record_failure(&format!("T{i}"), IP);
        }
        assert_eq!(limiter.check("NUEVO", IP), Err(WINDOW.as_secs()));
        let other = IpAddr::V4(std::net::Ipv4Addr::new(192, 0, 2, 2));
        assert_eq!(limiter.check("NUEVO", other), Ok(()));
    }

    #[test]
    fn stale_entries_are_pruned() {
        let (limiter, clock) = limiter();
        for i in 0..100 {
            limiter.record_failure(&format!("T{i}"), IP);
        }
        clock.advance(WINDOW);
        for i in 0..300 {
            limiter.record_failure(&format!("U{i}"), IP);
        }
        let inner = limiter.lock();
        assert!(!inner.tickets.by_key.contains_key("T0"));
        assert_eq!(
            inner.clients.by_key[&IP.to_string()].len(),
            CLIENT_MAX_FAILURES
        );
    }
}
