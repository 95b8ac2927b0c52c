//! Security events in the log: failed look-ups, refusals, staff authentication
//! failures, quota refusals. Each line names the event and the client key (an address
//! or an IPv6 /64; never an access code or a token), under the `security` target, so
//! they can be filtered (`RUST_LOG=security=info`) or shipped apart.
//!
//! A flood must not flood the log: per event and client, the 1st, 2nd, 4th, 8th, …
//! occurrence is logged, with the running count.

use std::collections::HashMap;
use std::sync::{LazyLock, Mutex};

/// Counts per (event, client); cleared when it grows past this many entries, which
/// only restarts the doubling.
const MAX_KEYS: usize = 10_000;

static COUNTS: LazyLock<Mutex<HashMap<(&'static str, String), u64>>> =
    LazyLock::new(|| Mutex::new(HashMap::new()));

/// Records one occurrence of `event` from `client`; returns whether it was logged.
pub fn event(event: &'static str, client: &str, detail: &str) -> bool {
    let count = {
        let mut counts = COUNTS.lock().unwrap_or_else(|e| e.into_inner());
        if counts.len() >= MAX_KEYS {
            counts.clear();
        }
        let count = counts.entry((event, client.to_owned())).or_insert(0);
        *count += 1;
        *count
    };
    let logged = count.is_power_of_two();
    if logged {
        tracing::warn!(target: "security", event, client, count, detail, "security event");
    }
    logged
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_flood_logs_a_handful_of_lines() {
        let logged = (0..10_000)
            .filter(|_| event("test_flood", "192.0.2.77", "x"))
            .count();
        // 1, 2, 4, … 8192: 14 lines for 10,000 events.
        assert_eq!(logged, 14);
    }
}
