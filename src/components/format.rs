//! Formatting of dates, money and durations in the person's language
//! (CONTENT.md: dates in words, money with the currency, "días hábiles").

use cc_core::catalog::{Amount, Duration, DurationUnit};

use crate::i18n::{group_thousands, Texts};

/// `YYYY-MM-DD` of a moment in the person's time zone.
pub fn local_iso_date(d: &js_sys::Date) -> String {
    format!(
        "{:04}-{:02}-{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date()
    )
}

/// `2026-12-15` → "15 de diciembre de 2026". Unparseable input is shown as is.
pub fn long_date(t: &Texts, iso: &str) -> String {
    let mut parts = iso.get(..10).unwrap_or(iso).split('-');
    let (Some(y), Some(m), Some(d)) = (parts.next(), parts.next(), parts.next()) else {
        return iso.to_string();
    };
    let (Ok(month), Ok(day)) = (m.parse::<usize>(), d.parse::<u32>()) else {
        return iso.to_string();
    };
    match t.months.get(month.wrapping_sub(1)) {
        Some(name) => t.date_format(day, name, y),
        None => iso.to_string(),
    }
}

/// Money with its currency and two decimals, Latin-American style: "USD 10,00".
pub fn money(amount: &Amount) -> String {
    let symbol = match amount.currency.as_str() {
        "BOB" => "Bs",
        other => other,
    };
    let minor = amount.amount_minor.abs();
    let sign = if amount.amount_minor < 0 { "-" } else { "" };
    let units = group_thousands((minor / 100).unsigned_abs(), '.');
    format!("{symbol} {sign}{units},{:02}", minor % 100)
}

pub fn duration(t: &Texts, d: &Duration) -> String {
    let one = d.amount == 1;
    let unit = match d.unit {
        DurationUnit::Minutes if one => t.units_minute,
        DurationUnit::Minutes => t.units_minutes,
        DurationUnit::Hours if one => t.units_hour,
        DurationUnit::Hours => t.units_hours,
        DurationUnit::Days if one => t.units_day,
        DurationUnit::Days => t.units_days,
        DurationUnit::BusinessDays if one => t.units_business_day,
        DurationUnit::BusinessDays => t.units_business_days,
        DurationUnit::Weeks if one => t.units_week,
        DurationUnit::Weeks => t.units_weeks,
        DurationUnit::Months if one => t.units_month,
        DurationUnit::Months => t.units_months,
    };
    format!("{} {unit}", d.amount)
}

/// `x` exactly as `f64`'s `Display` writes it (shortest round-trip digits, never an
/// exponent), e.g. map coordinates. The digits come from the browser's own number
/// formatting: Rust's float formatting machinery would add ~15 KB to the wasm.
pub fn decimal(x: f64) -> String {
    if x == 0.0 {
        return if x.is_sign_negative() { "-0" } else { "0" }.into();
    }
    if !x.is_finite() {
        return if x.is_nan() {
            "NaN"
        } else if x > 0.0 {
            "inf"
        } else {
            "-inf"
        }
        .into();
    }
    let js: String = js_sys::Number::from(x)
        .to_string_with_radix(10)
        .map(String::from)
        .unwrap_or_default();
    // JS switches to exponent notation below 1e-6 and from 1e21 ("1.5e-7", "1e+21").
    let Some((mantissa, exp)) = js.split_once('e') else {
        return js;
    };
    let Ok(exp) = exp.parse::<i32>() else {
        return js;
    };
    let (sign, mantissa) = match mantissa.strip_prefix('-') {
        Some(m) => ("-", m),
        None => ("", mantissa),
    };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let digits = format!("{int}{frac}");
    // The decimal point goes after `point` digits of `digits`.
    let point = int.len() as i32 + exp;
    if point <= 0 {
        format!("{sign}0.{}{digits}", "0".repeat((-point) as usize))
    } else if point as usize >= digits.len() {
        format!(
            "{sign}{digits}{}",
            "0".repeat(point as usize - digits.len())
        )
    } else {
        let (a, b) = digits.split_at(point as usize);
        format!("{sign}{a}.{b}")
    }
}
