//! The deployment's wall clock, read from the browser: `Intl.DateTimeFormat` with the
//! deployment's `timeZone` gives today's date and the time there, whatever zone the
//! phone is set to. No time zone data is compiled into the app.

use cc_core::config::is_time_zone_name;
use cc_core::intake::dates::Date;
use cc_core::service_points::LocalTime;
use js_sys::{Array, Function, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};

/// The date and time now in `zone` (an IANA name); the phone's own zone when the
/// browser does not know that one (an old browser, or a mistyped deployment).
pub fn local_now(zone: &str) -> LocalTime {
    let now = js_sys::Date::new_0();
    in_zone(&now, zone).unwrap_or_else(|| phone_time(&now))
}

fn phone_time(now: &js_sys::Date) -> LocalTime {
    LocalTime {
        date: Date::new(
            now.get_full_year() as i32,
            now.get_month() as u8 + 1,
            now.get_date() as u8,
        )
        .unwrap_or(Date {
            year: 1970,
            month: 1,
            day: 1,
        }),
        minutes: (now.get_hours() * 60 + now.get_minutes()) as u16,
    }
}

/// `formatToParts` in `zone`, read by part type (never by position: the order
/// depends on the locale). `None` when the zone is refused or a part is missing.
fn in_zone(now: &js_sys::Date, zone: &str) -> Option<LocalTime> {
    if !is_time_zone_name(zone) {
        return None;
    }
    let intl = Reflect::get(&js_sys::global(), &"Intl".into()).ok()?;
    let class: Function = Reflect::get(&intl, &"DateTimeFormat".into())
        .ok()?
        .dyn_into()
        .ok()?;
    let options = Object::new();
    for (key, value) in [
        ("timeZone", zone),
        ("year", "numeric"),
        ("month", "numeric"),
        ("day", "numeric"),
        ("hour", "numeric"),
        ("minute", "numeric"),
        ("hourCycle", "h23"),
    ] {
        Reflect::set(&options, &key.into(), &value.into()).ok()?;
    }
    let args = Array::of2(&"en-US".into(), &options);
    // A zone the browser does not know throws a RangeError: caught here.
    let format = Reflect::construct(&class, &args).ok()?;
    let to_parts: Function = Reflect::get(&format, &"formatToParts".into())
        .ok()?
        .dyn_into()
        .ok()?;
    let parts: Array = to_parts.call1(&format, now).ok()?.dyn_into().ok()?;
    let part = |kind: &str| -> Option<u32> {
        parts.iter().find_map(|p| {
            let is_kind = Reflect::get(&p, &"type".into()).ok()?.as_string()? == kind;
            let value: JsValue = Reflect::get(&p, &"value".into()).ok()?;
            is_kind.then(|| value.as_string()?.parse().ok()).flatten()
        })
    };
    let date = Date::new(
        part("year")? as i32,
        part("month")? as u8,
        part("day")? as u8,
    )?;
    // Some engines still write midnight as 24 with h23.
    let hour = part("hour")? % 24;
    let minute = part("minute")?;
    (minute < 60).then_some(LocalTime {
        date,
        minutes: (hour * 60 + minute) as u16,
    })
}
