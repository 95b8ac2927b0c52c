//! The self-service first level's one rule on the device: a draft set aside because a
//! suggested procedure answered the question is kept for a week, then deleted, so a
//! person who needs it after all finds it, and nobody's words stay on a shared phone
//! for good.

/// Days a set-aside draft is kept.
pub const KEEP_SET_ASIDE_DRAFT_DAYS: u32 = 7;

const DAY_MS: f64 = 86_400_000.0;

/// Whether a draft set aside at `set_aside_ms` (milliseconds since the epoch) is due
/// for deletion at `now_ms`. A clock set back (now before the moment it was set aside)
/// keeps it: losing someone's words on a wrong clock is worse than keeping them longer.
pub fn set_aside_draft_expired(set_aside_ms: f64, now_ms: f64) -> bool {
    now_ms - set_aside_ms >= f64::from(KEEP_SET_ASIDE_DRAFT_DAYS) * DAY_MS
}

#[cfg(test)]
mod tests {
    use super::*;

    const SET_ASIDE: f64 = 1_764_000_000_000.0;

    #[test]
    fn kept_for_seven_days_to_the_millisecond() {
        let week = 7.0 * DAY_MS;
        assert!(!set_aside_draft_expired(SET_ASIDE, SET_ASIDE));
        assert!(!set_aside_draft_expired(SET_ASIDE, SET_ASIDE + week - 1.0));
        assert!(set_aside_draft_expired(SET_ASIDE, SET_ASIDE + week));
        assert!(set_aside_draft_expired(
            SET_ASIDE,
            SET_ASIDE + 30.0 * DAY_MS
        ));
    }

    #[test]
    fn a_clock_set_back_keeps_the_draft() {
        assert!(!set_aside_draft_expired(
            SET_ASIDE,
            SET_ASIDE - 8.0 * DAY_MS
        ));
    }
}
