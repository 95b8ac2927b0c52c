//! What the transparency endpoints keep in memory: the computed aggregates per period
//! for a few minutes (bounded, so odd periods cannot grow it without limit), and the
//! per-client limit on self-service answers.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use cc_core::transparency::Aggregates;

use crate::quota::{Quotas, UploadQuota};

/// How long computed aggregates are served before being computed again; also the
/// `max-age` of the answer.
pub const TTL: Duration = Duration::from_secs(300);
/// Periods kept at most; past it, expired ones are dropped, and if none has expired
/// the whole map is (a burst of odd periods costs recomputing, not memory).
pub const MAX_PERIODS: usize = 64;
/// Self-service answers one client may send per hour (a person sends one per visit;
/// the margin is for offices and NATs where many people share an address).
pub const SELF_SERVICE_PER_CLIENT: u64 = 100;
/// Self-service answers everyone together may send per hour.
pub const SELF_SERVICE_TOTAL: u64 = 20_000;

/// The aggregates of one period and when they were computed.
pub struct Computed {
    pub aggregates: Aggregates,
    /// RFC 3339, UTC.
    pub generated_at: String,
}

/// The first and last month of a period, `YYYY-MM`.
pub type PeriodKey = (String, String);

pub struct Transparency {
    periods: Mutex<HashMap<PeriodKey, (Instant, Arc<Computed>)>>,
    ttl: Duration,
    /// Answers counted per client: the "bytes" of the upload quota are answers here.
    pub self_service: UploadQuota,
}

impl Default for Transparency {
    fn default() -> Self {
        Transparency::with_ttl(TTL)
    }
}

impl Transparency {
    pub fn with_ttl(ttl: Duration) -> Self {
        Transparency {
            periods: Mutex::new(HashMap::new()),
            ttl,
            self_service: UploadQuota::new(Quotas {
                per_client_bytes: SELF_SERVICE_PER_CLIENT,
                total_bytes: SELF_SERVICE_TOTAL,
                window: Duration::from_secs(3600),
            }),
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<PeriodKey, (Instant, Arc<Computed>)>> {
        // A poisoned map only lost an entry being written: still usable.
        self.periods
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// The period's aggregates if computed less than the TTL ago.
    pub fn get(&self, key: &PeriodKey) -> Option<Arc<Computed>> {
        let map = self.lock();
        map.get(key)
            .filter(|(at, _)| at.elapsed() < self.ttl)
            .map(|(_, c)| c.clone())
    }

    /// Keeps freshly computed aggregates, within [`MAX_PERIODS`].
    pub fn put(&self, key: PeriodKey, computed: Arc<Computed>) {
        let mut map = self.lock();
        if map.len() >= MAX_PERIODS && !map.contains_key(&key) {
            map.retain(|_, (at, _)| at.elapsed() < self.ttl);
            if map.len() >= MAX_PERIODS {
                map.clear();
            }
        }
        map.insert(key, (Instant::now(), computed));
    }

    /// Periods kept now (for tests).
    pub fn len(&self) -> usize {
        self.lock().len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Forgets every computed period (after the demo history is added, in tests).
    pub fn clear(&self) {
        self.lock().clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use cc_core::intake::dates::BusinessCalendar;
    use cc_core::transparency::Inputs;

    fn computed() -> Arc<Computed> {
        let calendar = BusinessCalendar::default();
        Arc::new(Computed {
            aggregates: Aggregates::compute(&Inputs {
                months: vec!["2026-01".into()],
                agencies: Vec::new(),
                case_types: Vec::new(),
                groups: Vec::new(),
                times: Vec::new(),
                self_service: Vec::new(),
                calendar: &calendar,
            }),
            generated_at: String::new(),
        })
    }

    fn key(i: usize) -> PeriodKey {
        (format!("{:04}-01", 2000 + i), "2026-01".into())
    }

    #[test]
    fn the_map_never_holds_more_than_its_bound() {
        let cache = Transparency::default();
        for i in 0..(3 * MAX_PERIODS) {
            cache.put(key(i), computed());
            assert!(cache.len() <= MAX_PERIODS);
        }
        // The latest is always kept.
        assert!(cache.get(&key(3 * MAX_PERIODS - 1)).is_some());
    }

    #[test]
    fn entries_expire_after_the_ttl() {
        let cache = Transparency::with_ttl(Duration::ZERO);
        cache.put(key(1), computed());
        assert!(cache.get(&key(1)).is_none());
        let cache = Transparency::default();
        cache.put(key(1), computed());
        assert!(cache.get(&key(1)).is_some());
        assert!(cache.get(&key(2)).is_none());
    }
}
