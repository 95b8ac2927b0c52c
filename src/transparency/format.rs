//! Figures as each language writes them: counts through `Texts::count`, decimals with
//! the language's separator (written digit by digit: Rust's float formatting would
//! add to the download), months in words.

use cc_core::transparency::{Decimal, Figure, Share};

use crate::i18n::Lang;
use crate::transparency::texts::TransparencyTexts;

/// A published count in the language's digits, or "Reservado".
pub fn figure(t: &TransparencyTexts, f: Figure) -> String {
    match f.value() {
        Some(n) => t.count(n),
        None => t.reserved.to_string(),
    }
}

/// A count that may be missing (`null`: nothing to count yet).
pub fn maybe_figure(t: &TransparencyTexts, f: Option<Figure>) -> String {
    f.map_or_else(|| t.none.to_string(), |f| figure(t, f))
}

/// One decimal with the language's separator: 87.5 → "87,5" (es, pt), "87.5" (en).
pub fn one_decimal(t: &TransparencyTexts, x: f64) -> String {
    let tenths = (x * 10.0).round().max(0.0) as u64;
    let separator = if t.lang == Lang::En { '.' } else { ',' };
    format!("{}{separator}{}", t.count(tenths / 10), tenths % 10)
}

/// A percentage: "87,5 %" in Spanish (a space before the sign), "87.5%", "87,5%".
pub fn percent(t: &TransparencyTexts, x: f64) -> String {
    let number = one_decimal(t, x);
    if t.lang == Lang::Es {
        format!("{number}\u{a0}%")
    } else {
        format!("{number}%")
    }
}

pub fn decimal(t: &TransparencyTexts, d: Option<Decimal>, as_percent: bool) -> String {
    match d {
        None => t.none.to_string(),
        Some(d) => match d.value() {
            None => t.reserved.to_string(),
            Some(x) if as_percent => percent(t, x),
            Some(x) => one_decimal(t, x),
        },
    }
}

/// "87,5 % (70 de 80)", or "Reservado" when the share is.
pub fn share(t: &TransparencyTexts, s: &Share) -> String {
    match s.percent {
        None => t.none.to_string(),
        Some(Decimal::Suppressed { .. }) => t.reserved.to_string(),
        Some(Decimal::Published { value }) => t.percent_of(
            &percent(t, value),
            &figure(t, s.numerator),
            &figure(t, s.denominator),
        ),
    }
}

/// `2026-03` → "marzo de 2026"; anything else as is.
pub fn month(t: &TransparencyTexts, ym: &str) -> String {
    match cc_core::transparency::parse_month(ym) {
        Some((year, m)) => t.month_year(t.months[usize::from(m) - 1], &year.to_string()),
        None => ym.to_string(),
    }
}

/// `2026-03` → "mar." style short label for chart axes: the month's first three letters.
pub fn short_month(t: &TransparencyTexts, ym: &str) -> String {
    match cc_core::transparency::parse_month(ym) {
        Some((_, m)) => t.months[usize::from(m) - 1].chars().take(3).collect(),
        None => ym.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::transparency::texts::for_lang;

    #[test]
    fn decimals_follow_the_language() {
        assert_eq!(percent(for_lang(Lang::Es), 87.46), "87,5\u{a0}%");
        assert_eq!(percent(for_lang(Lang::En), 87.46), "87.5%");
        assert_eq!(percent(for_lang(Lang::Pt), 100.0), "100,0%");
        assert_eq!(one_decimal(for_lang(Lang::En), 1234.0), "1,234.0");
        assert_eq!(month(for_lang(Lang::Es), "2026-03"), "marzo de 2026");
        assert_eq!(month(for_lang(Lang::En), "2026-03"), "March 2026");
        assert_eq!(figure(for_lang(Lang::Es), Figure::SUPPRESSED), "Reservado");
    }
}
