//! "Open now" at its boundaries: the minute of opening and of closing, split and
//! overnight ranges, holidays, weekends and the week wrapping to Monday.

use super::*;
use crate::catalog::{OpeningHours, TimeRange, Weekday};
use crate::intake::dates::{BusinessCalendar, Date};

use Weekday::*;

fn hours(days: &[Weekday], ranges: &[(&str, &str)]) -> Vec<OpeningHours> {
    days.iter()
        .map(|&day| OpeningHours {
            day,
            ranges: ranges
                .iter()
                .map(|&(from, to)| TimeRange {
                    from: from.into(),
                    to: to.into(),
                })
                .collect(),
        })
        .collect()
}

const WEEKDAYS: [Weekday; 5] = [Monday, Tuesday, Wednesday, Thursday, Friday];

/// 2026-11-23 is a Monday.
fn at(day: u8, time: &str) -> LocalTime {
    LocalTime {
        date: Date::new(2026, 11, day).unwrap(),
        minutes: parse_minutes(time).unwrap(),
    }
}

fn no_holidays() -> BusinessCalendar {
    BusinessCalendar::new(&[])
}

fn opens(state: OpenState) -> (u8, Weekday, String) {
    match state {
        OpenState::Closed { opens: Some(m) } => {
            (m.days_ahead, m.weekday, format_minutes(m.minutes))
        }
        other => panic!("expected closed with an opening, got {other:?}"),
    }
}

fn closes(state: OpenState) -> (u8, String) {
    match state {
        OpenState::Open { closes: Some(m) } => (m.days_ahead, format_minutes(m.minutes)),
        other => panic!("expected open with a closing, got {other:?}"),
    }
}

#[test]
fn open_on_a_weekday_morning_until_the_closing_time() {
    let h = hours(&WEEKDAYS, &[("08:00", "18:00")]);
    assert_eq!(
        closes(open_state(&h, &no_holidays(), at(25, "10:00"))),
        (0, "18:00".into())
    );
}

#[test]
fn the_minute_of_opening_is_open_and_the_one_before_closed() {
    let h = hours(&WEEKDAYS, &[("08:00", "18:00")]);
    assert_eq!(
        closes(open_state(&h, &no_holidays(), at(25, "08:00"))),
        (0, "18:00".into())
    );
    assert_eq!(
        opens(open_state(&h, &no_holidays(), at(25, "07:59"))),
        (0, Wednesday, "08:00".into())
    );
}

#[test]
fn the_minute_of_closing_is_closed_and_the_one_before_open() {
    let h = hours(&WEEKDAYS, &[("08:00", "18:00")]);
    assert_eq!(
        closes(open_state(&h, &no_holidays(), at(25, "17:59"))),
        (0, "18:00".into())
    );
    assert_eq!(
        opens(open_state(&h, &no_holidays(), at(25, "18:00"))),
        (1, Thursday, "08:00".into())
    );
}

#[test]
fn a_lunch_break_closes_and_reopens_the_same_day() {
    let h = hours(&WEEKDAYS, &[("08:00", "12:00"), ("14:00", "18:00")]);
    let holidays = no_holidays();
    assert_eq!(
        closes(open_state(&h, &holidays, at(24, "11:00"))),
        (0, "12:00".into())
    );
    assert_eq!(
        opens(open_state(&h, &holidays, at(24, "12:00"))),
        (0, Tuesday, "14:00".into())
    );
    assert_eq!(
        opens(open_state(&h, &holidays, at(24, "13:59"))),
        (0, Tuesday, "14:00".into())
    );
    assert_eq!(
        closes(open_state(&h, &holidays, at(24, "14:00"))),
        (0, "18:00".into())
    );
}

#[test]
fn ranges_that_touch_close_at_the_end_of_the_last() {
    let h = hours(&WEEKDAYS, &[("08:00", "12:00"), ("12:00", "18:00")]);
    assert_eq!(
        closes(open_state(&h, &no_holidays(), at(24, "09:00"))),
        (0, "18:00".into())
    );
    // Overlapping ones too, in any order.
    let h = hours(&WEEKDAYS, &[("10:00", "18:00"), ("08:00", "12:00")]);
    assert_eq!(
        closes(open_state(&h, &no_holidays(), at(24, "09:00"))),
        (0, "18:00".into())
    );
}

#[test]
fn saturday_is_closed_until_monday() {
    let h = hours(&WEEKDAYS, &[("08:00", "18:00")]);
    assert_eq!(
        opens(open_state(&h, &no_holidays(), at(28, "10:00"))),
        (2, Monday, "08:00".into())
    );
    assert_eq!(
        opens(open_state(&h, &no_holidays(), at(29, "23:59"))),
        (1, Monday, "08:00".into())
    );
}

#[test]
fn friday_evening_opens_on_monday() {
    let h = hours(&WEEKDAYS, &[("08:00", "18:00")]);
    let next = opens(open_state(&h, &no_holidays(), at(27, "18:30")));
    assert_eq!(next, (3, Monday, "08:00".into()));
}

#[test]
fn sunday_wraps_to_the_next_weeks_monday() {
    let h = hours(&[Monday], &[("09:00", "13:00")]);
    let state = open_state(&h, &no_holidays(), at(29, "12:00"));
    match state {
        OpenState::Closed { opens: Some(m) } => {
            assert_eq!(m.date, Date::new(2026, 11, 30).unwrap());
            assert_eq!(m.weekday, Monday);
        }
        other => panic!("{other:?}"),
    }
    // And from Monday after closing, the Monday a week later.
    let (days, day, time) = opens(open_state(&h, &no_holidays(), at(23, "13:00")));
    assert_eq!((days, day, time.as_str()), (7, Monday, "09:00"));
}

#[test]
fn a_holiday_on_a_weekday_is_closed_and_the_next_day_opens() {
    let h = hours(&WEEKDAYS, &[("08:00", "18:00")]);
    let holidays = BusinessCalendar::new(&["2026-11-25".into()]);
    assert_eq!(
        opens(open_state(&h, &holidays, at(25, "10:00"))),
        (1, Thursday, "08:00".into())
    );
    // The evening before, the next opening skips the holiday.
    assert_eq!(
        opens(open_state(&h, &holidays, at(24, "19:00"))),
        (2, Thursday, "08:00".into())
    );
    // The day after is an ordinary day.
    assert_eq!(
        closes(open_state(&h, &holidays, at(26, "10:00"))),
        (0, "18:00".into())
    );
}

#[test]
fn a_holiday_monday_after_a_weekend_opens_on_tuesday() {
    let h = hours(&WEEKDAYS, &[("08:00", "18:00")]);
    let holidays = BusinessCalendar::new(&["2026-11-30".into()]);
    assert_eq!(
        opens(open_state(&h, &holidays, at(28, "10:00"))),
        (3, Tuesday, "08:00".into())
    );
}

#[test]
fn a_range_past_midnight_stays_open_into_the_next_day() {
    let h = hours(&[Friday], &[("20:00", "02:00")]);
    let holidays = no_holidays();
    assert_eq!(
        closes(open_state(&h, &holidays, at(27, "23:00"))),
        (1, "02:00".into())
    );
    assert_eq!(
        closes(open_state(&h, &holidays, at(28, "01:59"))),
        (0, "02:00".into())
    );
    let (days, day, _) = opens(open_state(&h, &holidays, at(28, "02:00")));
    assert_eq!((days, day), (6, Friday));
}

#[test]
fn a_night_range_belongs_to_the_day_it_starts() {
    let h = hours(&[Friday], &[("20:00", "02:00")]);
    let holidays = BusinessCalendar::new(&["2026-11-27".into()]);
    // Friday is a holiday: its night is closed, Saturday morning too.
    let (_, day, _) = opens(open_state(&h, &holidays, at(28, "01:00")));
    assert_eq!(day, Friday);
    // A holiday on Saturday does not close Friday's night.
    let holidays = BusinessCalendar::new(&["2026-11-28".into()]);
    assert_eq!(
        closes(open_state(&h, &holidays, at(28, "01:00"))),
        (0, "02:00".into())
    );
}

#[test]
fn closing_at_midnight_is_that_days_24_00() {
    let h = hours(&[Monday], &[("18:00", "24:00")]);
    assert_eq!(
        closes(open_state(&h, &no_holidays(), at(23, "23:59"))),
        (0, "24:00".into())
    );
    let h = hours(&[Monday], &[("18:00", "00:00")]);
    assert_eq!(
        closes(open_state(&h, &no_holidays(), at(23, "18:00"))),
        (0, "24:00".into())
    );
    // Monday night joins Tuesday's early range: one stretch.
    let mut h = hours(&[Monday], &[("18:00", "24:00")]);
    h.extend(hours(&[Tuesday], &[("00:00", "03:00")]));
    assert_eq!(
        closes(open_state(&h, &no_holidays(), at(23, "22:00"))),
        (1, "03:00".into())
    );
}

#[test]
fn open_all_week_all_day_never_closes() {
    let all = [
        Monday, Tuesday, Wednesday, Thursday, Friday, Saturday, Sunday,
    ];
    let h = hours(&all, &[("00:00", "24:00")]);
    assert_eq!(
        open_state(&h, &no_holidays(), at(25, "03:00")),
        OpenState::Open { closes: None }
    );
}

#[test]
fn no_hours_or_unreadable_ones_say_nothing() {
    assert_eq!(
        open_state(&[], &no_holidays(), at(25, "10:00")),
        OpenState::Unknown
    );
    let h = hours(
        &WEEKDAYS,
        &[("8h", "18:00"), ("09:00", "09:00"), ("24:00", "02:00")],
    );
    assert_eq!(
        open_state(&h, &no_holidays(), at(25, "10:00")),
        OpenState::Unknown
    );
}

#[test]
fn closed_for_weeks_has_no_next_opening() {
    let h = hours(&[Monday], &[("08:00", "12:00")]);
    let holidays = BusinessCalendar::new(&["2026-11-30".into(), "2026-12-07".into()]);
    assert_eq!(
        open_state(&h, &holidays, at(24, "10:00")),
        OpenState::Closed { opens: None }
    );
    // The day before the look-ahead ends still counts: 14 days from Monday the 23rd.
    let holidays = BusinessCalendar::new(&["2026-11-30".into()]);
    assert_eq!(
        opens(open_state(&h, &holidays, at(23, "12:00"))),
        (14, Monday, "08:00".into())
    );
}

#[test]
fn times_parse_strictly() {
    assert_eq!(parse_minutes("08:00"), Some(480));
    assert_eq!(parse_minutes(" 8:05 "), Some(485));
    assert_eq!(parse_minutes("00:00"), Some(0));
    assert_eq!(parse_minutes("23:59"), Some(1439));
    assert_eq!(parse_minutes("24:00"), Some(1440));
    for bad in [
        "24:01", "25:00", "12:60", "12:5", "123:00", "12", "", "a:00", "12:0a", "-1:00", "+8:00",
        "08:+5",
    ] {
        assert_eq!(parse_minutes(bad), None, "{bad}");
    }
    assert_eq!(format_minutes(480), "08:00");
    assert_eq!(format_minutes(1440), "24:00");
    assert_eq!(format_minutes(61), "01:01");
}

#[test]
fn the_week_lists_every_day_from_monday() {
    let mut h = hours(&[Wednesday], &[("14:00", "18:00"), ("08:00", "12:00")]);
    h.extend(hours(&[Saturday], &[("20:00", "02:00")]));
    h.extend(hours(&[Sunday], &[("20:00", "00:00")]));
    let w = week(&h);
    assert_eq!(w.len(), 7);
    assert_eq!(w[0], (Monday, vec![]));
    assert_eq!(w[2], (Wednesday, vec![(840, 1080), (480, 720)]));
    assert_eq!(w[5], (Saturday, vec![(1200, 120)]));
    assert_eq!(w[6], (Sunday, vec![(1200, 1440)]));
}
