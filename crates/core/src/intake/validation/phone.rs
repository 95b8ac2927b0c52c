//! Phone numbers: the digits kept and the limits of E.164.

/// Fewest digits of a phone number (short local numbers).
pub const PHONE_MIN_DIGITS: usize = 7;
/// Most digits of a phone number (E.164).
pub const PHONE_MAX_DIGITS: usize = 15;

/// A phone number as digits, with a leading `+` when the person wrote the country code
/// (`+57 (601) 123-4567` → `+576011234567`, `7123 4567` → `71234567`). Spaces, dashes,
/// dots and parentheses are allowed between digits; 7 to 15 digits (E.164). `None` for
/// letters, a misplaced `+`, or a country code starting with 0.
pub fn normalize_phone(s: &str) -> Option<String> {
    let s = s.trim();
    let (plus, rest) = match s.strip_prefix('+').or_else(|| s.strip_prefix('＋')) {
        Some(rest) => (true, rest),
        None => (false, s),
    };
    let mut digits = String::with_capacity(PHONE_MAX_DIGITS + 1);
    if plus {
        digits.push('+');
    }
    let mut count = 0;
    for c in rest.chars() {
        if c.is_ascii_digit() {
            count += 1;
            if count > PHONE_MAX_DIGITS {
                return None;
            }
            digits.push(c);
        } else if !(c.is_whitespace()
            || matches!(
                c,
                '-' | '.' | '(' | ')' | '/' | '\u{2010}' | '\u{2011}' | '\u{2013}' | '\u{2014}'
            ))
        {
            return None;
        }
    }
    if count < PHONE_MIN_DIGITS || (plus && digits.as_bytes()[1] == b'0') {
        return None;
    }
    Some(digits)
}
