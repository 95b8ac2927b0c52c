//! Lenient reading of Open311 JSON.
//!
//! Real servers stray from the spec in the same few ways: numbers where text is meant
//! (codes, ids), one object where a list is meant and the reverse, the XML "Spark"
//! wrappers kept in the JSON (`{"services": {"service": [...]}}`), `null` for absent
//! fields, booleans written as text. The decoders pick fields from a
//! [`serde_json::Value`] through these helpers instead of deriving strict types, so
//! one odd field never loses the whole answer.

use serde_json::{Map, Value};

use super::Open311Error;

/// Parses an answer body. The spec's own JSON examples write codes as numbers with
/// leading zeros (`"service_code":001`), which is not JSON; servers that copied them
/// are read by quoting such numbers (`"001"`: the zeros belong to the code).
pub(crate) fn parse_body(body: &str) -> Result<Value, Open311Error> {
    let body = body.trim_start_matches('\u{feff}').trim();
    if let Ok(value) = serde_json::from_str(body) {
        return Ok(value);
    }
    serde_json::from_str(&quote_zero_padded_numbers(body)).map_err(|_| Open311Error::NotJson)
}

/// Puts quotes around bare numbers written with leading zeros (`007` → `"007"`,
/// `-01` → `"-01"`), outside strings only; everything else is copied as it is.
fn quote_zero_padded_numbers(body: &str) -> String {
    let mut out = String::new();
    let mut token = String::new();
    let (mut in_string, mut escaped) = (false, false);
    for c in body.chars() {
        if in_string {
            out.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
        } else if c.is_ascii_alphanumeric() || matches!(c, '-' | '+' | '.') {
            token.push(c);
        } else {
            flush_token(&mut out, &mut token);
            out.push(c);
            in_string = c == '"';
        }
    }
    flush_token(&mut out, &mut token);
    out
}

fn flush_token(out: &mut String, token: &mut String) {
    let digits = token.strip_prefix('-').unwrap_or(token);
    let zero_padded =
        digits.len() > 1 && digits.starts_with('0') && digits.bytes().all(|b| b.is_ascii_digit());
    if zero_padded {
        out.push('"');
        out.push_str(token);
        out.push('"');
    } else {
        out.push_str(token);
    }
    token.clear();
}

/// The elements of a list that may come as an array, as one bare object, or wrapped
/// the XML way: `{"<plural>": [...]}` or `{"<plural>": {"<singular>": [...]}}`.
/// `null` and an empty object are no elements.
pub(crate) fn items<'a>(value: &'a Value, plural: &str, singular: &str) -> Vec<&'a Value> {
    match value {
        Value::Array(list) => list.iter().flat_map(|v| unwrap_one(v, singular)).collect(),
        Value::Object(map) if map.is_empty() => Vec::new(),
        Value::Object(map) => match wrapped(map, &[plural, singular]) {
            Some(inner) => items(inner, plural, singular),
            None => vec![value],
        },
        _ => Vec::new(),
    }
}

/// An array element wrapped once more in its singular name (`[{"service": {...}}]`).
fn unwrap_one<'a>(value: &'a Value, singular: &str) -> Vec<&'a Value> {
    match value.as_object().and_then(|m| wrapped(m, &[singular])) {
        Some(Value::Array(list)) => list.iter().collect(),
        Some(inner) => vec![inner],
        None => vec![value],
    }
}

/// The content of a wrapper: an object whose only key is one of `names` (an element
/// with more fields is the element itself, even if one of them has such a name).
pub(crate) fn wrapped<'a>(map: &'a Map<String, Value>, names: &[&str]) -> Option<&'a Value> {
    let (key, inner) = map.iter().next()?;
    (map.len() == 1 && names.contains(&key.as_str())).then_some(inner)
}

/// A field as text: strings trimmed, numbers and booleans written out; `None` when
/// absent, `null`, empty or not a scalar.
pub(crate) fn text(map: &Map<String, Value>, key: &str) -> Option<String> {
    scalar_text(map.get(key)?)
}

/// A scalar as text (see [`text`]).
pub(crate) fn scalar_text(value: &Value) -> Option<String> {
    let s = match value {
        Value::String(s) => s.trim().to_string(),
        Value::Number(n) => n.to_string(),
        Value::Bool(b) => b.to_string(),
        _ => return None,
    };
    (!s.is_empty()).then_some(s)
}

/// A yes/no field: JSON booleans, `"true"`/`"false"`, `"1"`/`"0"`, `1`/`0`, any case;
/// `default` when absent or unreadable.
pub(crate) fn flag(map: &Map<String, Value>, key: &str, default: bool) -> bool {
    match map.get(key) {
        Some(Value::Bool(b)) => *b,
        Some(other) => match scalar_text(other)
            .map(|s| s.to_ascii_lowercase())
            .as_deref()
        {
            Some("true" | "1" | "yes") => true,
            Some("false" | "0" | "no") => false,
            _ => default,
        },
        None => default,
    }
}

/// A whole number written as a number (a fraction is cut) or as text; `None` when
/// absent or unreadable.
pub(crate) fn integer(map: &Map<String, Value>, key: &str) -> Option<i64> {
    match map.get(key)? {
        Value::Number(n) => n.as_i64().or_else(|| n.as_f64().map(|f| f as i64)),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

/// A list of texts that may come as an array, as one comma-separated string (the
/// spec's `keywords`) or wrapped the XML way (`{"format": [...]}`); items trimmed,
/// empty ones dropped.
pub(crate) fn text_list(value: Option<&Value>, singular: &str) -> Vec<String> {
    match value {
        Some(Value::String(s)) => s
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(String::from)
            .collect(),
        Some(Value::Array(list)) => list.iter().filter_map(scalar_text).collect(),
        Some(Value::Object(map)) => text_list(map.get(singular), singular),
        Some(other) => scalar_text(other).into_iter().collect(),
        None => Vec::new(),
    }
}
