//! The person's answers checked before sending, like our own fields (same
//! `FieldError`, stable codes the app translates, a plain Spanish fallback message),
//! so an Open311 server's refusal is the exception rather than the way to find out.

use super::services::{Attribute, Datatype};
use crate::api::FieldError;
use crate::intake::dates::Date;

/// Longest description the spec allows, in characters.
pub const DESCRIPTION_MAX: usize = 4000;
/// Longest `string` answer, in characters: the spec's one-line input has no limit of
/// its own, and servers commonly store such answers in short columns.
pub const STRING_MAX: usize = 200;
/// Longest `text` answer, in characters: as long as the description.
pub const TEXT_MAX: usize = 4000;

/// The description of a request (field `description`): required, at most
/// [`DESCRIPTION_MAX`] characters (not bytes) once trimmed, and without HTML, which
/// the spec rules out ("may contain line breaks, but not html or code").
pub fn check_description(text: &str) -> Result<(), FieldError> {
    let text = text.trim();
    let len = text.chars().count();
    let error = |code, message: String| Err(FieldError::new("description", code, message));
    if len == 0 {
        error("required", "Escriba qué pasó.".into())
    } else if len > DESCRIPTION_MAX {
        error(
            "too_long",
            format!("Escriba {DESCRIPTION_MAX} caracteres o menos. Ahora tiene {len}."),
        )
    } else if has_html_tag(text) {
        error(
            "html_not_allowed",
            "Escriba el texto sin etiquetas de código como <b> o </p>: este servicio no las acepta."
                .into(),
        )
    } else {
        Ok(())
    }
}

/// A `<` that opens a tag, an end tag, a comment or a declaration (`<b`, `</`, `<!--`,
/// `<!DOCTYPE`, `<?xml`). A `<` before a space, a digit or nothing (`3 < 5`, `<3`) is
/// ordinary text.
fn has_html_tag(text: &str) -> bool {
    text.split('<').skip(1).any(|after| {
        after
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() || matches!(c, '/' | '!' | '?'))
    })
}

/// Checks one answer to an attribute. `answer` holds one value for the single-value
/// types (only the first non-blank one counts, as only it is sent) and several for a
/// `multivaluelist`; values are trimmed and blank ones ignored. An attribute with
/// `variable: false` is information only: never required, never checked. The error's
/// field is `attribute[CODE]`.
pub fn check_attribute(attr: &Attribute, answer: &[String]) -> Result<(), FieldError> {
    if !attr.variable {
        return Ok(());
    }
    let values: Vec<&str> = answer
        .iter()
        .map(|v| v.trim())
        .filter(|v| !v.is_empty())
        .collect();
    let values = match attr.datatype {
        Datatype::MultiValueList => values,
        _ => values.into_iter().take(1).collect(),
    };
    let question = question(attr);
    let error = |code: &str, message: String| {
        Err(FieldError::new(
            format!("attribute[{}]", attr.code),
            code,
            message,
        ))
    };
    if values.is_empty() {
        return if attr.required {
            error("required", required_message(attr, &question))
        } else {
            Ok(())
        };
    }
    for value in values {
        match attr.datatype {
            Datatype::String | Datatype::Text => {
                let max = if attr.datatype == Datatype::Text {
                    TEXT_MAX
                } else {
                    STRING_MAX
                };
                let len = value.chars().count();
                if len > max {
                    return error(
                        "too_long",
                        format!(
                            "En «{question}», escriba {max} caracteres o menos. Ahora tiene {len}."
                        ),
                    );
                }
            }
            Datatype::Number if number(value).is_none() => {
                return error(
                    "not_a_number",
                    format!("En «{question}», escriba solo un número, por ejemplo 12 o 3,5."),
                );
            }
            Datatype::Datetime if !is_datetime(value) => {
                return error(
                    "not_a_date",
                    format!(
                        "En «{question}», escriba la fecha con números: año, mes y día, por ejemplo 2026-03-27."
                    ),
                );
            }
            Datatype::SingleValueList | Datatype::MultiValueList if !is_option(attr, value) => {
                return error(
                    "not_an_option",
                    format!("En «{question}», elija una de las opciones de la lista."),
                );
            }
            _ => {}
        }
    }
    Ok(())
}

/// How the question is named in messages: its description, or its code when the
/// server gave none.
fn question(attr: &Attribute) -> String {
    let description = attr.description.trim();
    if description.is_empty() {
        attr.code.clone()
    } else {
        description.to_string()
    }
}

fn required_message(attr: &Attribute, question: &str) -> String {
    match attr.datatype {
        Datatype::SingleValueList => format!("Elija una opción en «{question}»."),
        Datatype::MultiValueList => format!("Elija al menos una opción en «{question}»."),
        _ => format!("Responda «{question}»."),
    }
}

/// A number as the person may write it — an optional sign, digits, and a decimal
/// part after a dot or a comma (`3,5` is how most of Latin America writes it) — in
/// the form sent (`3.5`); `None` for anything else.
pub(super) fn number(value: &str) -> Option<String> {
    let unsigned = value.strip_prefix(['-', '+']).unwrap_or(value);
    let (whole, fraction) = match unsigned.split_once(['.', ',']) {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (unsigned, None),
    };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    (digits(whole) && fraction.is_none_or(digits)).then(|| value.replace(',', "."))
}

/// `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM[:SS]`: what a date input and a date-time input
/// give, a real calendar day and a time within the day.
fn is_datetime(value: &str) -> bool {
    let Some(date) = value.get(..10) else {
        return false;
    };
    if Date::parse(date).is_none() {
        return false;
    }
    let rest = &value[10..];
    if rest.is_empty() {
        return true;
    }
    let Some(time) = rest.strip_prefix('T') else {
        return false;
    };
    let field = |s: &str, max: u32| {
        s.len() == 2 && s.bytes().all(|b| b.is_ascii_digit()) && s.parse::<u32>().ok() <= Some(max)
    };
    match time.split(':').collect::<Vec<_>>().as_slice() {
        [h, m] => field(h, 23) && field(m, 59),
        [h, m, s] => field(h, 23) && field(m, 59) && field(s, 59),
        _ => false,
    }
}

/// Whether `value` is one of the attribute's option keys. A list the server sent
/// without options cannot be checked, so anything passes (the server decides).
fn is_option(attr: &Attribute, value: &str) -> bool {
    attr.values.is_empty() || attr.values.iter().any(|v| v.key == value)
}
