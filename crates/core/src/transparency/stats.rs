//! Durations in business days and their percentiles.

use crate::intake::dates::{BusinessCalendar, Date};

/// The `p`-th percentile (1–100) of `sorted` (ascending) by nearest rank: the value at
/// rank ⌈p·n/100⌉, i.e. the smallest value with at least `p` % of the values at or
/// below it. Always one of the values (whole days stay whole); `None` when empty.
pub fn nearest_rank(sorted: &[u64], p: u32) -> Option<u64> {
    if sorted.is_empty() {
        return None;
    }
    let n = sorted.len() as u64;
    let rank = (u64::from(p.clamp(1, 100)) * n).div_ceil(100).max(1);
    sorted.get(rank as usize - 1).copied()
}

/// Business days from filing to `done`, counted like legal terms: from the next
/// business day (filed on a Friday and answered on Monday is 1; on the same day, 0).
/// Never negative (a date before filing counts 0).
pub fn business_days_taken(calendar: &BusinessCalendar, filed: Date, done: Date) -> u64 {
    calendar.business_days_between(filed, done).max(0) as u64
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    #[test]
    fn nearest_rank_median_and_p90() {
        assert_eq!(nearest_rank(&[], 50), None);
        assert_eq!(nearest_rank(&[7], 50), Some(7));
        assert_eq!(nearest_rank(&[7], 90), Some(7));
        // n = 4: median rank 2, p90 rank 4 (⌈3.6⌉).
        assert_eq!(nearest_rank(&[1, 2, 3, 4], 50), Some(2));
        assert_eq!(nearest_rank(&[1, 2, 3, 4], 90), Some(4));
        // n = 5: median rank 3, p90 rank 5 (⌈4.5⌉).
        assert_eq!(nearest_rank(&[1, 2, 3, 4, 50], 50), Some(3));
        assert_eq!(nearest_rank(&[1, 2, 3, 4, 50], 90), Some(50));
        // n = 10: median rank 5, p90 rank 9 exactly.
        let ten: Vec<u64> = (1..=10).collect();
        assert_eq!(nearest_rank(&ten, 50), Some(5));
        assert_eq!(nearest_rank(&ten, 90), Some(9));
        assert_eq!(nearest_rank(&ten, 100), Some(10));
        // n = 11: p90 rank ⌈9.9⌉ = 10.
        let eleven: Vec<u64> = (1..=11).collect();
        assert_eq!(nearest_rank(&eleven, 90), Some(10));
        assert_eq!(nearest_rank(&eleven, 50), Some(6));
    }

    #[test]
    fn business_days_skip_weekends_and_holidays() {
        // 2026-03-23 (Monday) is a holiday in the demo deployment.
        let calendar = BusinessCalendar::new(&["2026-03-23".to_owned()]);
        // Filed Friday 20 March, answered Tuesday 24: Monday is a holiday → 1.
        assert_eq!(
            business_days_taken(&calendar, date("2026-03-20"), date("2026-03-24")),
            1
        );
        // Without the holiday it would be 2.
        let plain = BusinessCalendar::default();
        assert_eq!(
            business_days_taken(&plain, date("2026-03-20"), date("2026-03-24")),
            2
        );
        // Same day: 0; Friday to Saturday: 0; Friday to next Friday: 5 (4 with the holiday).
        assert_eq!(
            business_days_taken(&calendar, date("2026-03-20"), date("2026-03-20")),
            0
        );
        assert_eq!(
            business_days_taken(&calendar, date("2026-03-20"), date("2026-03-21")),
            0
        );
        assert_eq!(
            business_days_taken(&plain, date("2026-03-20"), date("2026-03-27")),
            5
        );
        assert_eq!(
            business_days_taken(&calendar, date("2026-03-20"), date("2026-03-27")),
            4
        );
        // Filed on a Saturday, answered Monday: 1.
        assert_eq!(
            business_days_taken(&plain, date("2026-03-21"), date("2026-03-23")),
            1
        );
        // A date before filing never counts negative.
        assert_eq!(
            business_days_taken(&plain, date("2026-03-20"), date("2026-03-10")),
            0
        );
    }
}
