//! Parsing of the source's loosely typed values: dates, money, durations, weekdays and
//! times of day. Every parser returns `None` for input it cannot read with confidence,
//! because a missing value is better than a wrong one on a procedure page.

use cc_core::catalog::{Duration, DurationUnit, Weekday};
use time::{Date, Month};

use super::text::fold;

/// `dd/mm/yyyy` (as gob.bo writes it; `-` also accepted) or ISO `yyyy-mm-dd` → ISO date,
/// if it is a real calendar date.
pub fn iso_date(text: &str) -> Option<String> {
    let parts: Vec<&str> = text.trim().split(['/', '-']).collect();
    let [a, b, c] = parts.as_slice() else {
        return None;
    };
    let (year, month, day) = if a.len() == 4 { (a, b, c) } else { (c, b, a) };
    let year: i32 = year.parse().ok().filter(|y| (1900..=2999).contains(y))?;
    let month = Month::try_from(month.parse::<u8>().ok()?).ok()?;
    let date = Date::from_calendar_date(year, month, day.parse().ok()?).ok()?;
    Some(format!(
        "{:04}-{:02}-{:02}",
        date.year(),
        u8::from(date.month()),
        date.day()
    ))
}

/// A non-negative decimal amount ("38.00", "1.500,50", "1,500.50", "130") in minor
/// units (cents), with integer arithmetic only.
///
/// With both `.` and `,` present the last one is the decimal mark; with only one kind,
/// it is decimal when followed by one or two digits and a thousands separator otherwise
/// ("243.600" is two hundred forty-three thousand six hundred, as Bolivians write it).
pub fn minor_units(text: &str) -> Option<i64> {
    let cleaned: String = text
        .chars()
        .filter(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '-'))
        .collect();
    // A leading or trailing mark belongs to a label ("Bs. 20"), not to the number.
    let cleaned = cleaned.trim_matches(['.', ',']);
    if cleaned.is_empty() || cleaned.contains('-') {
        return None;
    }
    let (whole, fraction) = split_decimal(cleaned);
    let whole: String = whole.chars().filter(char::is_ascii_digit).collect();
    let whole: i64 = if whole.is_empty() {
        0
    } else {
        whole.parse().ok()?
    };
    let cents: i64 = match fraction.len() {
        0 => 0,
        1 => fraction.parse::<i64>().ok()? * 10,
        2 => fraction.parse().ok()?,
        // Sub-cent precision ("1,500.505") is not money anyone pays.
        _ => return None,
    };
    whole.checked_mul(100)?.checked_add(cents)
}

/// Splits "1.500,50" into ("1.500", "50"); the fraction is empty when there is none.
fn split_decimal(number: &str) -> (&str, &str) {
    let Some(mark) = number.rfind(['.', ',']) else {
        return (number, "");
    };
    let fraction = &number[mark + 1..];
    let mixed = number.contains('.') && number.contains(',');
    let repeated = number.matches(&number[mark..=mark]).count() > 1;
    let is_decimal = mixed || (!repeated && (1..=2).contains(&fraction.len()));
    if is_decimal && fraction.bytes().all(|b| b.is_ascii_digit()) {
        (&number[..mark], fraction)
    } else {
        (number, "")
    }
}

/// ISO 4217 code for the source's currency labels; missing means bolivianos, the
/// currency of every gob.bo fee unless stated otherwise.
pub fn currency_code(label: Option<&str>) -> Option<String> {
    let label = label.map(str::trim).unwrap_or("");
    let folded: String = fold(label)
        .chars()
        .filter(|c| !matches!(c, '.' | ' '))
        .collect();
    let code = match folded.as_str() {
        "" | "bs" | "bob" | "boliviano" | "bolivianos" => "BOB",
        "usd" | "$us" | "us$" | "$" | "dolar" | "dolares" => "USD",
        "eur" | "€" | "euro" | "euros" => "EUR",
        _ if label.len() == 3 && label.chars().all(|c| c.is_ascii_alphabetic()) => {
            return Some(label.to_ascii_uppercase())
        }
        _ => return None,
    };
    Some(code.to_string())
}

/// A duration from the source's amount ("5") and unit label ("Minuto(s)", "Horas(s)",
/// "Día(s) hábil(es)"…). The unit may instead follow the number ("3 días"). Anything
/// else (fractions, ranges, unknown units, zero) gives `None`.
pub fn duration(amount: Option<&str>, unit: Option<&str>) -> Option<Duration> {
    let amount = amount?.trim();
    let digits = amount.bytes().take_while(u8::is_ascii_digit).count();
    let (number, rest) = amount.split_at(digits);
    let number: u32 = number.parse().ok().filter(|n| *n > 0)?;
    let label = match (unit.map(str::trim).filter(|u| !u.is_empty()), rest.trim()) {
        (Some(unit), "") => unit,
        (None, rest) if !rest.is_empty() => rest,
        _ => return None,
    };
    let (unit, factor) = duration_unit(label)?;
    Some(Duration {
        amount: number.checked_mul(factor)?,
        unit,
    })
}

/// Unit for a label, with a multiplier for units the model lacks (years → 12 months).
/// Matching is on folded letters only, so "Horas(s)", "hora" and "HRS" all work.
fn duration_unit(label: &str) -> Option<(DurationUnit, u32)> {
    let letters: String = fold(label)
        .chars()
        .filter(char::is_ascii_alphabetic)
        .collect();
    let unit = match letters.as_str() {
        l if l.contains("habil") => (DurationUnit::BusinessDays, 1),
        l if l.starts_with("min") => (DurationUnit::Minutes, 1),
        l if l.starts_with("hor") || l.starts_with("hr") => (DurationUnit::Hours, 1),
        l if l.starts_with("dia") => (DurationUnit::Days, 1),
        l if l.starts_with("sem") => (DurationUnit::Weeks, 1),
        l if l.starts_with("mes") => (DurationUnit::Months, 1),
        l if l.starts_with("ano") => (DurationUnit::Months, 12),
        _ => return None,
    };
    Some(unit)
}

/// Spanish weekday name ("Miércoles", "SABADO") → [`Weekday`].
pub fn weekday(name: &str) -> Option<Weekday> {
    let day = match fold(name.trim()).as_str() {
        "lunes" => Weekday::Monday,
        "martes" => Weekday::Tuesday,
        "miercoles" => Weekday::Wednesday,
        "jueves" => Weekday::Thursday,
        "viernes" => Weekday::Friday,
        "sabado" => Weekday::Saturday,
        "domingo" => Weekday::Sunday,
        _ => return None,
    };
    Some(day)
}

/// `H:MM`, `HH:MM` or `HH:MM:SS` → `HH:MM` (24 h), if it is a valid time of day.
pub fn time_of_day(text: &str) -> Option<String> {
    let mut parts = text.trim().split(':');
    let hour: u8 = parts.next()?.parse().ok().filter(|h| *h < 24)?;
    let minute: u8 = parts.next()?.parse().ok().filter(|m| *m < 60)?;
    match parts.next() {
        None => {}
        Some(seconds) if seconds.parse::<u8>().is_ok_and(|s| s < 60) => {}
        Some(_) => return None,
    }
    Some(format!("{hour:02}:{minute:02}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert_eq!(iso_date("09/07/2025").as_deref(), Some("2025-07-09"));
        assert_eq!(iso_date(" 1/2/2024 ").as_deref(), Some("2024-02-01"));
        assert_eq!(iso_date("2024-02-29").as_deref(), Some("2024-02-29"));
        assert_eq!(iso_date("31/02/2025"), None);
        assert_eq!(iso_date("29/02/2023"), None);
        assert_eq!(iso_date("13/13/2025"), None);
        assert_eq!(iso_date("ayer"), None);
        assert_eq!(iso_date(""), None);
    }

    #[test]
    fn money() {
        assert_eq!(minor_units("38.00"), Some(3800));
        assert_eq!(minor_units("0.00"), Some(0));
        assert_eq!(minor_units("130"), Some(13000));
        assert_eq!(minor_units("12.5"), Some(1250));
        assert_eq!(minor_units("1.500,50"), Some(150050));
        assert_eq!(minor_units("1,500.50"), Some(150050));
        assert_eq!(minor_units("243.600"), Some(24360000));
        assert_eq!(minor_units("1.234.567"), Some(123456700));
        assert_eq!(minor_units("Bs 20,00"), Some(2000));
        assert_eq!(minor_units("Bs. 20"), Some(2000));
        assert_eq!(minor_units("1,500.505"), None);
        assert_eq!(minor_units("-5"), None);
        assert_eq!(minor_units("gratis"), None);
        assert_eq!(minor_units("99999999999999999999"), None);
    }

    #[test]
    fn currencies() {
        assert_eq!(currency_code(Some("Bs")).as_deref(), Some("BOB"));
        assert_eq!(currency_code(Some("Bs.")).as_deref(), Some("BOB"));
        assert_eq!(currency_code(None).as_deref(), Some("BOB"));
        assert_eq!(currency_code(Some("USD")).as_deref(), Some("USD"));
        assert_eq!(currency_code(Some("$us")).as_deref(), Some("USD"));
        assert_eq!(currency_code(Some("Dólares")).as_deref(), Some("USD"));
        assert_eq!(currency_code(Some("pen")).as_deref(), Some("PEN"));
        assert_eq!(currency_code(Some("fichas")), None);
    }

    #[test]
    fn durations() {
        let d = |amount, unit| duration(Some(amount), Some(unit));
        let of = |amount, unit| Some(Duration { amount, unit });
        assert_eq!(d("5", "Minuto(s)"), of(5, DurationUnit::Minutes));
        assert_eq!(d("2", "Horas(s)"), of(2, DurationUnit::Hours));
        assert_eq!(d("3", "Día(s)"), of(3, DurationUnit::Days));
        assert_eq!(
            d("10", "Día(s) hábil(es)"),
            of(10, DurationUnit::BusinessDays)
        );
        assert_eq!(d(" 2 ", "Semana(s)"), of(2, DurationUnit::Weeks));
        assert_eq!(d("1", "Mes(es)"), of(1, DurationUnit::Months));
        assert_eq!(d("2", "Año(s)"), of(24, DurationUnit::Months));
        assert_eq!(
            duration(Some("3 días"), Some("")),
            of(3, DurationUnit::Days)
        );
        assert_eq!(duration(Some("1"), Some("")), None);
        assert_eq!(duration(None, Some("Día(s)")), None);
        assert_eq!(d("0", "Día(s)"), None);
        assert_eq!(d("2,5", "Día(s)"), None);
        assert_eq!(d("3 a 5", "Día(s)"), None);
        assert_eq!(d("3", "Lustros"), None);
    }

    #[test]
    fn weekdays_and_times() {
        assert_eq!(weekday("Miércoles"), Some(Weekday::Wednesday));
        assert_eq!(weekday("SABADO"), Some(Weekday::Saturday));
        assert_eq!(weekday("Feriado"), None);
        assert_eq!(time_of_day("8:00").as_deref(), Some("08:00"));
        assert_eq!(time_of_day("16:30:00").as_deref(), Some("16:30"));
        assert_eq!(time_of_day("24:00"), None);
        assert_eq!(time_of_day("8h"), None);
    }
}
