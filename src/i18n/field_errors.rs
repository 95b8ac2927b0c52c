//! Field errors in the person's language. The core (shared with the backend) words
//! them in Spanish; other languages translate by `(field, code)`, which are stable.

use cc_core::api::FieldError;

use super::{Lang, Texts};

pub fn localize(lang: Lang, errors: Vec<FieldError>) -> Vec<FieldError> {
    if lang == Lang::Es {
        return errors;
    }
    let t = lang.texts();
    errors
        .into_iter()
        .map(|mut e| {
            if let Some(text) = translated(t, &e.field, &e.code) {
                e.message = text.to_string();
            }
            e
        })
        .collect()
}

fn translated(t: &Texts, field: &str, code: &str) -> Option<&'static str> {
    Some(match (field, code) {
        ("case_type", _) => t.err_case_type,
        ("agency", _) => t.err_agency,
        ("description", "too_short") => t.err_description_short,
        ("description", "too_long") => t.err_description_long,
        ("description", _) => t.err_description_required,
        ("event_date", "future") => t.err_date_future,
        ("event_date", _) => t.err_date_format,
        ("place", _) => t.err_place_long,
        ("identity", "anonymous_not_allowed") => t.err_anonymous_not_allowed,
        ("identity", _) => t.err_identity,
        ("name", "too_long") => t.err_name_long,
        ("name", _) => t.err_name_required,
        ("contact", _) => t.err_contact_required,
        ("email", _) => t.err_email_format,
        ("phone", _) => t.err_phone_format,
        ("consent", _) => t.err_consent,
        ("attachments", "too_big") => t.err_attachment_big,
        ("attachments", "too_many") => t.err_attachment_many,
        ("attachments", "empty") => t.err_attachment_empty,
        ("attachments", _) => t.err_attachment_type,
        _ => return None,
    })
}
