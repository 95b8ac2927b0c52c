//! The civil date: strict parsing, leap years, day numbers, weekdays, Spanish names.

use super::*;

/// A date written in a test, which must parse.
pub(super) fn d(s: &str) -> Date {
    Date::parse(s).unwrap_or_else(|| panic!("bad test date {s}"))
}

#[test]
fn parse_strict() {
    assert_eq!(
        Date::parse("2026-03-27"),
        Some(Date {
            year: 2026,
            month: 3,
            day: 27
        })
    );
    for bad in [
        "",
        "2026-3-27",
        "2026-03-7",
        "26-03-27",
        "2026/03/27",
        "2026-03-27 ",
        " 2026-03-27",
        "2026-13-01",
        "2026-00-10",
        "2026-01-00",
        "2026-04-31",
        "2026-02-29",
        "+026-01-01",
        "2026-0a-01",
        "２０２６-03-27",
    ] {
        assert_eq!(Date::parse(bad), None, "{bad:?}");
    }
}

#[test]
fn both_separators_must_be_dashes() {
    // One dash in its place is not enough: both places must hold one.
    assert_eq!(Date::parse("2026-03/27"), None);
    assert_eq!(Date::parse("2026/03-27"), None);
    assert_eq!(Date::parse("2026-03027"), None);
    assert_eq!(Date::parse("2026003-27"), None);
}

#[test]
fn leap_years() {
    assert!(Date::parse("2024-02-29").is_some());
    assert!(Date::parse("2000-02-29").is_some());
    assert!(Date::parse("1900-02-29").is_none());
    assert!(Date::parse("2100-02-29").is_none());
    assert!(Date::parse("2028-02-29").is_some());
    assert_eq!(days_in_month(2024, 2), 29);
    assert_eq!(days_in_month(2026, 2), 28);
    assert_eq!(days_in_month(2026, 13), 0);
}

#[test]
fn display_round_trips() {
    for s in [
        "2026-01-01",
        "1999-12-31",
        "2024-02-29",
        "0001-01-01",
        "9999-12-31",
    ] {
        assert_eq!(d(s).to_string(), s);
    }
}

#[test]
fn days_known_values() {
    assert_eq!(d("1970-01-01").to_days(), 0);
    assert_eq!(d("1970-01-02").to_days(), 1);
    assert_eq!(d("1969-12-31").to_days(), -1);
    assert_eq!(d("2000-03-01").to_days(), 11_017);
    assert_eq!(d("2026-01-01").to_days(), 20_454);
    assert_eq!(Date::from_days(20_454), d("2026-01-01"));
    assert_eq!(Date::from_days(-719_468), d("0000-03-01"));
}

#[test]
fn days_round_trip_over_centuries() {
    let mut prev = Date::from_days(-800_000);
    for n in -799_999..800_000 {
        let date = Date::from_days(n);
        assert_eq!(date.to_days(), n);
        assert!(date > prev);
        assert!(Date::new(date.year, date.month, date.day).is_some());
        prev = date;
    }
}

#[test]
fn unix_seconds_are_utc() {
    assert_eq!(Date::from_unix_seconds(0), d("1970-01-01"));
    assert_eq!(Date::from_unix_seconds(-1), d("1969-12-31"));
    // 2026-03-27T23:59:59Z and the next second.
    assert_eq!(Date::from_unix_seconds(1_774_655_999), d("2026-03-27"));
    assert_eq!(Date::from_unix_seconds(1_774_656_000), d("2026-03-28"));
    // 2026-03-28T02:00:00Z is still 27 March at 21:00 h in Bogotá (UTC−5).
    let bogota = -5 * 3600;
    assert_eq!(
        Date::from_unix_seconds_offset(1_774_663_200, bogota),
        d("2026-03-27")
    );
    assert_eq!(
        Date::from_unix_seconds_offset(1_774_663_200, 0),
        d("2026-03-28")
    );
}

#[test]
fn weekdays() {
    assert_eq!(d("1970-01-01").weekday(), Weekday::Thursday);
    assert_eq!(d("2026-03-27").weekday(), Weekday::Friday);
    assert_eq!(d("2026-03-28").weekday(), Weekday::Saturday);
    assert_eq!(d("2026-03-29").weekday(), Weekday::Sunday);
    assert_eq!(d("2026-03-30").weekday(), Weekday::Monday);
    assert_eq!(d("2000-01-01").weekday(), Weekday::Saturday);
    assert_eq!(d("1969-12-29").weekday(), Weekday::Monday);
    assert!(d("2026-03-28").is_weekend());
    assert!(!d("2026-03-27").is_weekend());
}

#[test]
fn add_days_and_months() {
    assert_eq!(d("2026-12-31").add_days(1), d("2027-01-01"));
    assert_eq!(d("2024-02-28").add_days(1), d("2024-02-29"));
    assert_eq!(d("2026-03-01").add_days(-1), d("2026-02-28"));
    assert_eq!(d("2026-01-31").add_months(1), d("2026-02-28"));
    assert_eq!(d("2024-01-31").add_months(1), d("2024-02-29"));
    assert_eq!(d("2026-03-31").add_months(1), d("2026-04-30"));
    assert_eq!(d("2026-03-15").add_months(1), d("2026-04-15"));
    assert_eq!(d("2026-11-30").add_months(2), d("2027-01-30"));
    assert_eq!(d("2026-05-20").add_months(0), d("2026-05-20"));
    assert_eq!(d("2026-05-20").add_months(24), d("2028-05-20"));
    assert_eq!(d("2026-03-27").days_until(d("2026-04-01")), 5);
}

#[test]
fn long_spanish() {
    assert_eq!(d("2026-12-15").to_long_es(), "15 de diciembre de 2026");
    assert_eq!(d("2026-03-01").to_long_es(), "1 de marzo de 2026");
    assert_eq!(month_name_es(0), None);
    assert_eq!(month_name_es(13), None);
}
