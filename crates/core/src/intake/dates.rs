//! A tiny civil (proleptic Gregorian) date and the business-day calendar used for legal
//! response times ("términos").
//!
//! Deliberately small instead of `chrono`/`time`: this crate is compiled to wasm.
//! Day arithmetic uses Howard Hinnant's `days_from_civil` / `civil_from_days`
//! (<https://howardhinnant.github.io/date_algorithms.html>).

use std::collections::BTreeSet;
use std::fmt;
use std::ops::Bound;

use crate::catalog::Weekday;

/// A calendar date without time or time zone. Orders chronologically.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    /// 1–12.
    pub month: u8,
    /// 1–31, valid for the month.
    pub day: u8,
}

const SECONDS_PER_DAY: i64 = 86_400;

const MONTHS_ES: [&str; 12] = [
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
];

/// Whether `year` has a 29 February.
pub fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Days in `month` (1–12) of `year`; 0 for a month out of range.
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

/// Spanish name of `month` (1–12), lower case as Spanish writes it ("marzo").
pub fn month_name_es(month: u8) -> Option<&'static str> {
    MONTHS_ES.get(usize::from(month).checked_sub(1)?).copied()
}

impl Date {
    /// A checked date: `None` when the month or the day does not exist.
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        (day >= 1 && day <= days_in_month(year, month)).then_some(Date { year, month, day })
    }

    /// Strict `YYYY-MM-DD` (four-digit year, two-digit month and day, real calendar day).
    pub fn parse(s: &str) -> Option<Date> {
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let num = |range: std::ops::Range<usize>| -> Option<u32> {
            let part = &b[range];
            part.iter().all(u8::is_ascii_digit).then(|| {
                part.iter()
                    .fold(0u32, |acc, d| acc * 10 + u32::from(d - b'0'))
            })
        };
        let year = i32::try_from(num(0..4)?).ok()?;
        let month = u8::try_from(num(5..7)?).ok()?;
        let day = u8::try_from(num(8..10)?).ok()?;
        Date::new(year, month, day)
    }

    /// Days since 1970-01-01 (negative before).
    pub fn to_days(self) -> i64 {
        let m = i64::from(self.month);
        let d = i64::from(self.day);
        let y = i64::from(self.year) - i64::from(m <= 2);
        let era = y.div_euclid(400);
        let yoe = y.rem_euclid(400); // [0, 399]
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d - 1; // [0, 365]
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy; // [0, 146096]
        era * 146_097 + doe - 719_468
    }

    /// The date `days` days after 1970-01-01 (before it when negative).
    ///
    /// Valid for every result whose year fits in `i32`.
    pub fn from_days(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097); // [0, 146096]
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365; // [0, 399]
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100); // [0, 365]
        let mp = (5 * doy + 2) / 153; // [0, 11]
        let day = doy - (153 * mp + 2) / 5 + 1; // [1, 31]
        let month = if mp < 10 { mp + 3 } else { mp - 9 }; // [1, 12]
        let year = yoe + era * 400 + i64::from(month <= 2);
        Date {
            year: year as i32,
            month: month as u8,
            day: day as u8,
        }
    }

    /// The UTC date of a Unix timestamp in seconds.
    pub fn from_unix_seconds(seconds: i64) -> Date {
        Date::from_days(seconds.div_euclid(SECONDS_PER_DAY))
    }

    /// The local date of a Unix timestamp at a fixed UTC offset in seconds
    /// (Bogotá and Lima −18 000, La Paz −14 400): a case filed at 21:00 h in Bogotá is
    /// filed that day, not on the next UTC day.
    pub fn from_unix_seconds_offset(seconds: i64, utc_offset_seconds: i32) -> Date {
        Date::from_unix_seconds(seconds + i64::from(utc_offset_seconds))
    }

    /// Day of the week.
    pub fn weekday(self) -> Weekday {
        // 1970-01-01 was a Thursday (index 3 counting from Monday = 0).
        match (self.to_days() + 3).rem_euclid(7) {
            0 => Weekday::Monday,
            1 => Weekday::Tuesday,
            2 => Weekday::Wednesday,
            3 => Weekday::Thursday,
            4 => Weekday::Friday,
            5 => Weekday::Saturday,
            _ => Weekday::Sunday,
        }
    }

    /// Whether the date falls on Saturday or Sunday.
    pub fn is_weekend(self) -> bool {
        matches!(self.weekday(), Weekday::Saturday | Weekday::Sunday)
    }

    /// The date `n` calendar days later (earlier when negative).
    pub fn add_days(self, n: i64) -> Date {
        Date::from_days(self.to_days() + n)
    }

    /// The same day `n` months later, clamped to the end of a shorter month
    /// (31 January + 1 month = 28 or 29 February).
    pub fn add_months(self, n: u32) -> Date {
        let index = i64::from(self.year) * 12 + i64::from(self.month) - 1 + i64::from(n);
        let year = index.div_euclid(12) as i32;
        let month = (index.rem_euclid(12) + 1) as u8;
        let day = self.day.min(days_in_month(year, month));
        Date { year, month, day }
    }

    /// Calendar days from `self` to `other` (negative when `other` is earlier).
    pub fn days_until(self, other: Date) -> i64 {
        other.to_days() - self.to_days()
    }

    /// The date in words, as the content rules ask: "15 de diciembre de 2026".
    pub fn to_long_es(self) -> String {
        format!(
            "{} de {} de {}",
            self.day,
            month_name_es(self.month).unwrap_or("?"),
            self.year
        )
    }
}

impl fmt::Display for Date {
    /// `YYYY-MM-DD`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// Monday to Friday minus the deployment's public holidays.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BusinessCalendar {
    holidays: BTreeSet<Date>,
}

/// 1970-01-05, the first Monday after the epoch, in days.
const MONDAY_EPOCH: i64 = 4;

/// Weekdays (Mon–Fri) in the days `MONDAY_EPOCH .. MONDAY_EPOCH + offset`, extended to
/// negative offsets so that differences count weekdays in any half-open range.
fn weekday_prefix(offset: i64) -> i64 {
    5 * offset.div_euclid(7) + offset.rem_euclid(7).min(5)
}

impl BusinessCalendar {
    /// A calendar with the given holidays (`YYYY-MM-DD`); unparseable entries are ignored.
    pub fn new(holidays: &[String]) -> BusinessCalendar {
        BusinessCalendar {
            holidays: holidays
                .iter()
                .filter_map(|h| Date::parse(h.trim()))
                .collect(),
        }
    }

    /// A calendar from already parsed dates.
    pub fn from_dates(holidays: impl IntoIterator<Item = Date>) -> BusinessCalendar {
        BusinessCalendar {
            holidays: holidays.into_iter().collect(),
        }
    }

    /// Whether `date` is one of the configured holidays.
    pub fn is_holiday(&self, date: Date) -> bool {
        self.holidays.contains(&date)
    }

    /// Monday to Friday and not a holiday.
    pub fn is_business_day(&self, date: Date) -> bool {
        !date.is_weekend() && !self.is_holiday(date)
    }

    /// The `n`-th business day after `start`. Counting starts on the next business day
    /// (Colombian practice): filed on a Friday, `n = 1` is the following Monday.
    /// `n = 0` returns `start` itself.
    pub fn add_business_days(&self, start: Date, n: u32) -> Date {
        let mut day = start.to_days();
        let mut left = i64::from(n);
        // Jump whole weeks first: `w` weeks hold at most `5 * w` business days, so the
        // jump never overshoots; holidays only make it fall short, fixed by the next round.
        while left > 5 {
            let weeks = (left - 1) / 5;
            let next = day + 7 * weeks;
            left -= self.count_business_days(day, next);
            day = next;
        }
        while left > 0 {
            day += 1;
            if self.is_business_day(Date::from_days(day)) {
                left -= 1;
            }
        }
        Date::from_days(day)
    }

    /// Business days after `from` up to and including `to`: how many remain until a due
    /// date. Zero when `to == from` (due today); negative when `to` is before `from`
    /// (overdue by that many business days).
    pub fn business_days_between(&self, from: Date, to: Date) -> i64 {
        let (a, b) = (from.to_days(), to.to_days());
        if b >= a {
            self.count_business_days(a, b)
        } else {
            -self.count_business_days(b, a)
        }
    }

    /// Business days in the day range `(after, upto]`, `after <= upto`.
    fn count_business_days(&self, after: i64, upto: i64) -> i64 {
        let weekdays =
            weekday_prefix(upto + 1 - MONDAY_EPOCH) - weekday_prefix(after + 1 - MONDAY_EPOCH);
        let holidays = self
            .holidays
            .range((
                Bound::Excluded(Date::from_days(after)),
                Bound::Included(Date::from_days(upto)),
            ))
            .filter(|d| !d.is_weekend())
            .count() as i64;
        weekdays - holidays
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap_or_else(|| panic!("bad test date {s}"))
    }

    fn cal(holidays: &[&str]) -> BusinessCalendar {
        let h: Vec<String> = holidays.iter().map(|s| s.to_string()).collect();
        BusinessCalendar::new(&h)
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
}
