//! Open311 dates. The spec asks for W3C date-times with a zone
//! (`2010-04-14T06:37:38-08:00`); servers also send them without a zone, with a space
//! instead of the `T`, with fractions of a second, with `+0100` offsets or as a bare
//! date. These read all of them and nothing else.

use crate::intake::dates::Date;

/// The parts of a readable timestamp, each as written.
struct Parts<'a> {
    date: &'a str,
    /// `HH:MM` or `HH:MM:SS`, with any fraction of a second after it.
    time: Option<&'a str>,
    /// `Z`, `+HH:MM`, `-HH:MM` (`+HHMM` and `+HH` are given their colon and minutes).
    zone: Option<String>,
}

fn parts(ts: &str) -> Option<Parts<'_>> {
    let ts = ts.trim();
    let date = ts.get(..10)?;
    Date::parse(date)?;
    let rest = &ts[10..];
    if rest.is_empty() {
        return Some(Parts {
            date,
            time: None,
            zone: None,
        });
    }
    let rest = rest.strip_prefix(['T', 't', ' '])?;
    let time_len = rest
        .find(|c: char| !(c.is_ascii_digit() || c == ':' || c == '.' || c == ','))
        .unwrap_or(rest.len());
    let (time, zone) = rest.split_at(time_len);
    if !valid_time(time) {
        return None;
    }
    Some(Parts {
        date,
        time: Some(time),
        zone: zone_of(zone.trim_start())?,
    })
}

/// `HH:MM`, `HH:MM:SS`, `HH:MM:SS.fff` (or `,fff`), within a day (a leap second's
/// `:60` allowed).
fn valid_time(time: &str) -> bool {
    let (clock, fraction) = match time.split_once(['.', ',']) {
        Some((clock, fraction)) => (clock, Some(fraction)),
        None => (time, None),
    };
    let fields: Vec<&str> = clock.split(':').collect();
    let two_digits = |s: &str, max: u32| {
        s.len() == 2 && s.bytes().all(|b| b.is_ascii_digit()) && s.parse::<u32>().ok() <= Some(max)
    };
    let clock_ok = match fields.as_slice() {
        [h, m] => two_digits(h, 23) && two_digits(m, 59),
        [h, m, s] => two_digits(h, 23) && two_digits(m, 59) && two_digits(s, 60),
        _ => false,
    };
    let fraction_ok = fraction.is_none_or(|f| {
        fields.len() == 3 && !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit())
    });
    clock_ok && fraction_ok
}

/// `Some(None)` for no zone, `Some(Some(zone))` for a readable one (RFC 3339 form),
/// `None` for anything else.
fn zone_of(zone: &str) -> Option<Option<String>> {
    if zone.is_empty() {
        return Some(None);
    }
    if zone.eq_ignore_ascii_case("z") || zone.eq_ignore_ascii_case("utc") {
        return Some(Some("Z".into()));
    }
    let sign = zone.get(..1).filter(|s| *s == "+" || *s == "-")?;
    let digits: String = zone[1..].chars().filter(|c| *c != ':').collect();
    let colons = zone[1..].matches(':').count();
    let (hours, minutes) = match (digits.len(), colons) {
        (2, 0) => (&digits[..2], "00"),
        (4, 0) => (&digits[..2], &digits[2..]),
        (4, 1) if zone.as_bytes().get(3) == Some(&b':') => (&digits[..2], &digits[2..]),
        _ => return None,
    };
    let number = |s: &str, max: u32| {
        s.bytes().all(|b| b.is_ascii_digit()) && s.parse::<u32>().ok() <= Some(max)
    };
    (number(hours, 23) && number(minutes, 59)).then(|| Some(format!("{sign}{hours}:{minutes}")))
}

/// `YYYY-MM-DD` of an ISO 8601 date-time with or without a zone, or of a bare date;
/// `None` when unreadable. The date is the one written, not converted to UTC: it is
/// the agency's calendar day, which is the person's too.
pub fn date_of(ts: &str) -> Option<String> {
    parts(ts).map(|p| p.date.to_string())
}

/// A readable timestamp in the form the app's timeline reads (`YYYY-MM-DDTHH:MM:SS`
/// plus the zone when there is one); `None` when unreadable.
///
/// A date-time without a zone stays without one rather than being called UTC: the
/// server's zone is unknown, and the browser reads a zone-less date-time as local
/// time, which for a city's own service is the likeliest truth. A bare date becomes
/// local midnight for the same reason (a bare date would be read as UTC midnight, the
/// day before in the Americas).
pub fn timestamp(ts: &str) -> Option<String> {
    let p = parts(ts)?;
    // RFC 3339 writes fractions of a second after a dot.
    let time = p.time.unwrap_or("00:00:00").replace(',', ".");
    let seconds = if time.len() == 5 { ":00" } else { "" };
    let zone = p.zone.unwrap_or_default();
    Some(format!("{}T{time}{seconds}{zone}", p.date))
}
