//! The business-day calendar of legal response times: Monday to Friday minus the
//! deployment's holidays, counted the Colombian way (from the next business day).

use std::collections::BTreeSet;
use std::ops::Bound;

use super::Date;

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
