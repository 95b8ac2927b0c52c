//! Business days: weekends and holidays skipped, counts between dates, huge counts.

use super::date_tests::d;
use super::*;

fn cal(holidays: &[&str]) -> BusinessCalendar {
    let h: Vec<String> = holidays.iter().map(|s| s.to_string()).collect();
    BusinessCalendar::new(&h)
}

#[test]
fn weekends_are_skipped() {
    let c = cal(&[]);
    // Friday + 1 → Monday.
    assert_eq!(c.add_business_days(d("2026-03-27"), 1), d("2026-03-30"));
    // Saturday and Sunday filings count from Monday.
    assert_eq!(c.add_business_days(d("2026-03-28"), 1), d("2026-03-30"));
    assert_eq!(c.add_business_days(d("2026-03-29"), 1), d("2026-03-30"));
    // Thursday + 2 → Monday.
    assert_eq!(c.add_business_days(d("2026-03-26"), 2), d("2026-03-30"));
    assert_eq!(c.add_business_days(d("2026-03-27"), 0), d("2026-03-27"));
    assert!(!c.is_business_day(d("2026-03-28")));
    assert!(c.is_business_day(d("2026-03-27")));
}

#[test]
fn fifteen_days_from_a_monday() {
    let c = cal(&[]);
    // Monday 2026-03-02 + 15 business days = three weeks later, Monday 2026-03-23.
    assert_eq!(c.add_business_days(d("2026-03-02"), 15), d("2026-03-23"));
    // With a holiday on Thursday 2026-03-19 the due date moves one day.
    let c = cal(&["2026-03-19"]);
    assert_eq!(c.add_business_days(d("2026-03-02"), 15), d("2026-03-24"));
}

#[test]
fn holidays_are_skipped() {
    // Colombia: Monday 2026-03-23 (San José, moved) is a holiday.
    let c = cal(&["2026-03-23", "not a date", "2026-02-30"]);
    assert!(c.is_holiday(d("2026-03-23")));
    assert!(!c.is_business_day(d("2026-03-23")));
    assert_eq!(c.add_business_days(d("2026-03-20"), 1), d("2026-03-24"));
    // A holiday on a Saturday changes nothing.
    let c = cal(&["2026-03-28"]);
    assert_eq!(c.add_business_days(d("2026-03-27"), 1), d("2026-03-30"));
    assert_eq!(c.business_days_between(d("2026-03-27"), d("2026-03-30")), 1);
}

#[test]
fn year_end() {
    let c = cal(&["2026-12-25", "2027-01-01"]);
    // Wed 23 → Thu 24 (1), [Fri 25 holiday], Mon 28 (2), Tue 29 (3), Wed 30 (4),
    // Thu 31 (5), [Fri 1 holiday], Mon 4 Jan (6).
    assert_eq!(c.add_business_days(d("2026-12-23"), 1), d("2026-12-24"));
    assert_eq!(c.add_business_days(d("2026-12-23"), 2), d("2026-12-28"));
    assert_eq!(c.add_business_days(d("2026-12-23"), 5), d("2026-12-31"));
    assert_eq!(c.add_business_days(d("2026-12-23"), 6), d("2027-01-04"));
    assert_eq!(c.add_business_days(d("2026-12-23"), 15), d("2027-01-15"));
    assert_eq!(c.business_days_between(d("2026-12-23"), d("2027-01-04")), 6);
}

#[test]
fn leap_year_february() {
    let c = cal(&[]);
    // Friday 2028-02-25 + 2 → Mon 28, Tue 29 February.
    assert_eq!(c.add_business_days(d("2028-02-25"), 2), d("2028-02-29"));
    assert_eq!(c.add_business_days(d("2028-02-25"), 3), d("2028-03-01"));
    // 2026 has no 29 February.
    assert_eq!(c.add_business_days(d("2026-02-26"), 2), d("2026-03-02"));
}

#[test]
fn between_counts_remaining_and_overdue() {
    let c = cal(&["2026-04-02", "2026-04-03"]); // Semana Santa.
    let due = d("2026-04-07");
    // From Friday 27 March: Mon 30, Tue 31, Wed 1, [Thu 2, Fri 3], Mon 6, Tue 7.
    assert_eq!(c.business_days_between(d("2026-03-27"), due), 5);
    assert_eq!(c.business_days_between(due, due), 0);
    // Overdue: two business days past the due date.
    assert_eq!(c.business_days_between(d("2026-04-09"), due), -2);
    // Over a weekend.
    assert_eq!(
        c.business_days_between(d("2026-04-13"), d("2026-04-10")),
        -1
    );
    assert_eq!(c.business_days_between(d("2026-03-28"), d("2026-03-29")), 0);
}

#[test]
fn add_and_between_agree() {
    let c = cal(&[
        "2026-01-01",
        "2026-01-12",
        "2026-03-23",
        "2026-04-02",
        "2026-04-03",
    ]);
    let mut start = d("2025-12-20");
    for _ in 0..60 {
        for n in 0..70 {
            let due = c.add_business_days(start, n);
            assert_eq!(
                c.business_days_between(start, due),
                i64::from(n),
                "{start} {n}"
            );
            if n > 0 {
                assert!(c.is_business_day(due), "{start} + {n} = {due}");
            }
        }
        start = start.add_days(1);
    }
}

#[test]
fn huge_counts_terminate() {
    let c = cal(&["2026-12-25"]);
    let due = c.add_business_days(d("2026-01-01"), 1_000_000);
    assert_eq!(c.business_days_between(d("2026-01-01"), due), 1_000_000);
    let far = c.add_business_days(d("2026-01-01"), u32::MAX);
    assert!(far.year > 16_000_000);
}
