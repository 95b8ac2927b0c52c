//! "Open now": a point's weekly hours, the deployment's holidays and the local date and
//! time → open until when, or closed until when.
//!
//! A range belongs to the day it starts on: `20:00–02:00` on Friday is open from Friday
//! 20:00 to Saturday 02:00, and a holiday on Friday closes all of it. Ranges that touch
//! or overlap (`08:00–12:00` and `12:00–18:00`, or a night range running into the next
//! morning's) are one stretch, so "closes at" is when the doors really close. The
//! minute of opening is open; the minute of closing is closed.

use crate::catalog::{OpeningHours, Weekday};
use crate::intake::dates::{BusinessCalendar, Date};

const MINUTES_PER_DAY: i64 = 24 * 60;

/// How far ahead the next opening is looked for: two weeks covers any run of holidays.
const LOOK_AHEAD_DAYS: i64 = 14;

/// The date and time on the deployment's wall clock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LocalTime {
    pub date: Date,
    /// Minutes since midnight, 0–1439.
    pub minutes: u16,
}

/// A moment after now: the day (counted from today) and the time on the wall clock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Moment {
    /// 0 today, 1 tomorrow…
    pub days_ahead: u8,
    pub date: Date,
    pub weekday: Weekday,
    /// Minutes since that day's midnight, 0–1440 (a closing at midnight is that day's
    /// 24:00, not the next day's 00:00).
    pub minutes: u16,
}

/// Whether a point is open at a moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OpenState {
    /// Open; `closes` is `None` when it stays open for the next two weeks (24 h).
    Open { closes: Option<Moment> },
    /// Closed; `opens` is `None` when it does not open in the next two weeks.
    Closed { opens: Option<Moment> },
    /// The point publishes no usable hours: nothing can be said.
    Unknown,
}

/// `HH:MM` (or `H:MM`) → minutes since midnight; `24:00` is the end of the day.
pub fn parse_minutes(text: &str) -> Option<u16> {
    let (h, m) = text.trim().split_once(':')?;
    let all_digits = |s: &str| (1..=2).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit());
    if !all_digits(h) || m.len() != 2 || !all_digits(m) {
        return None;
    }
    let (h, m): (u16, u16) = (h.parse().ok()?, m.parse().ok()?);
    match (h, m) {
        (0..=23, 0..=59) | (24, 0) => Some(h * 60 + m),
        _ => None,
    }
}

/// Minutes since midnight as `HH:MM` (1440 is `24:00`).
pub fn format_minutes(minutes: u16) -> String {
    format!("{:02}:{:02}", minutes / 60, minutes % 60)
}

/// The valid ranges of one weekday, as minutes `(from, to)`, in the order published;
/// `to` is past 1440 for a range running past midnight. Empty: closed that day.
fn day_ranges(hours: &[OpeningHours], day: Weekday) -> Vec<(i64, i64)> {
    hours
        .iter()
        .filter(|h| h.day == day)
        .flat_map(|h| h.ranges.iter())
        .filter_map(|r| {
            let from = i64::from(parse_minutes(&r.from)?);
            let to = i64::from(parse_minutes(&r.to)?);
            // A range that starts at the end of the day, or ends where it starts,
            // says nothing usable.
            if from >= MINUTES_PER_DAY || from == to {
                return None;
            }
            Some((from, if to > from { to } else { to + MINUTES_PER_DAY }))
        })
        .collect()
}

/// The whole week from Monday, each day's ranges (empty: closed), as published.
pub fn week(hours: &[OpeningHours]) -> Vec<(Weekday, Vec<(u16, u16)>)> {
    use Weekday::*;
    [
        Monday, Tuesday, Wednesday, Thursday, Friday, Saturday, Sunday,
    ]
    .into_iter()
    .map(|day| {
        let ranges = day_ranges(hours, day)
            .into_iter()
            .map(|(from, to)| (from as u16, (to % MINUTES_PER_DAY) as u16))
            .map(|(from, to)| (from, if to == 0 { 1440 } else { to }))
            .collect();
        (day, ranges)
    })
    .collect()
}

/// Whether a point with `hours` is open at `now`, and until when (or from when).
pub fn open_state(
    hours: &[OpeningHours],
    holidays: &BusinessCalendar,
    now: LocalTime,
) -> OpenState {
    // Minutes counted from today's midnight; yesterday's ranges may run into today.
    let mut stretches: Vec<(i64, i64)> = Vec::new();
    let mut any_hours = false;
    for offset in -1..=LOOK_AHEAD_DAYS {
        let date = now.date.add_days(offset);
        let ranges = day_ranges(hours, date.weekday());
        any_hours |= !ranges.is_empty();
        if holidays.is_holiday(date) {
            continue;
        }
        let base = offset * MINUTES_PER_DAY;
        stretches.extend(
            ranges
                .into_iter()
                .map(|(from, to)| (base + from, base + to)),
        );
    }
    if !any_hours {
        return OpenState::Unknown;
    }
    stretches.sort_unstable();
    let stretches = merge(stretches);
    let now_minute = i64::from(now.minutes);
    let horizon = (LOOK_AHEAD_DAYS + 1) * MINUTES_PER_DAY;
    if let Some(&(_, end)) = stretches
        .iter()
        .find(|&&(start, end)| start <= now_minute && now_minute < end)
    {
        let closes = (end < horizon).then(|| moment(now.date, end, true));
        return OpenState::Open { closes };
    }
    let opens = stretches
        .iter()
        .find(|&&(start, _)| start > now_minute)
        .map(|&(start, _)| moment(now.date, start, false));
    OpenState::Closed { opens }
}

/// Sorted ranges with those that touch or overlap joined.
fn merge(sorted: Vec<(i64, i64)>) -> Vec<(i64, i64)> {
    let mut out: Vec<(i64, i64)> = Vec::with_capacity(sorted.len());
    for (start, end) in sorted {
        match out.last_mut() {
            Some(last) if start <= last.1 => last.1 = last.1.max(end),
            _ => out.push((start, end)),
        }
    }
    out
}

/// The moment `minute` minutes after `today`'s midnight. A closing exactly at midnight
/// is written as the day before's 24:00.
fn moment(today: Date, minute: i64, is_end: bool) -> Moment {
    let mut days = minute.div_euclid(MINUTES_PER_DAY);
    let mut minutes = minute.rem_euclid(MINUTES_PER_DAY);
    if is_end && minutes == 0 && days > 0 {
        days -= 1;
        minutes = MINUTES_PER_DAY;
    }
    let date = today.add_days(days);
    Moment {
        days_ahead: days as u8,
        date,
        weekday: date.weekday(),
        minutes: minutes as u16,
    }
}
