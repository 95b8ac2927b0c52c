//! "When did it happen": a strict date, not in the future and not before 1900, with a
//! message that names the part to fix.

use super::{error, fields, present};
use crate::api::FieldError;
use crate::intake::dates::{days_in_month, month_name_es, Date};

/// Earliest year accepted for "when did it happen".
pub const EVENT_YEAR_MIN: i32 = 1900;

pub(super) const MSG_DATE_FORMAT: &str =
    "Escriba la fecha con números: día, mes y año. Por ejemplo: 27 3 2026.";

/// Capitalised Spanish month name, to start a sentence.
fn month_title_es(month: u8) -> String {
    let name = month_name_es(month).unwrap_or("");
    let mut chars = name.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// "When did it happen" (optional): strict `YYYY-MM-DD`, not in the future and not
/// before 1900. The wizard joins its day, month and year fields as `YYYY-MM-DD` (raw
/// parts when they are not numbers); the message then names the part to fix.
pub fn validate_event_date(date: Option<&str>, today: Date) -> Option<FieldError> {
    let raw = present(date)?;
    let format = |message: String| Some(error(fields::EVENT_DATE, "format", message));
    let Some(date) = Date::parse(raw) else {
        return format(describe_bad_date(raw));
    };
    if date.year < EVENT_YEAR_MIN {
        return format("Escriba el año con cuatro cifras, por ejemplo 2026.".to_string());
    }
    if date > today {
        return Some(error(
            fields::EVENT_DATE,
            "future",
            "La fecha debe ser hoy o antes. Revise el día, el mes y el año.",
        ));
    }
    None
}

/// The specific message for a date that is not `YYYY-MM-DD`.
fn describe_bad_date(raw: &str) -> String {
    let parts: Vec<&str> = raw.split('-').map(str::trim).collect();
    let [year, month, day] = parts.as_slice() else {
        return MSG_DATE_FORMAT.to_string();
    };
    let number = |s: &str| -> Option<u32> {
        (!s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    let (y, m, d) = (number(year), number(month), number(day));
    let Some(d) = d.filter(|d| (1..=31).contains(d)) else {
        return "Escriba el día con un número del 1 al 31.".to_string();
    };
    let Some(m) = m.filter(|m| (1..=12).contains(m)) else {
        return "Escriba el mes con un número del 1 al 12.".to_string();
    };
    let Some(y) = y.filter(|_| year.len() == 4) else {
        return "Escriba el año con cuatro cifras, por ejemplo 2026.".to_string();
    };
    let (y, m) = (y as i32, m as u8);
    let max = u32::from(days_in_month(y, m));
    if d > max {
        return if m == 2 {
            format!("Febrero de {y} tiene {max} días. Revise el día.")
        } else {
            format!("{} tiene {max} días. Revise el día.", month_title_es(m))
        };
    }
    MSG_DATE_FORMAT.to_string()
}
