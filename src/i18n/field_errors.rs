//! Field errors in the person's language. The core (shared with the backend) words
//! them in Spanish; other languages translate by `(field, code)`, which are stable,
//! and take the limits from the deployment's rules rather than from the words.

use cc_core::api::FieldError;
use cc_core::intake::IntakeRules;

use super::{Lang, Texts};

pub fn localize(lang: Lang, errors: Vec<FieldError>, rules: &IntakeRules) -> Vec<FieldError> {
    if lang == Lang::Es {
        return errors;
    }
    let t = lang.texts();
    errors
        .into_iter()
        .map(|mut e| {
            if let Some(text) = translated(t, rules, &e.field, &e.code) {
                e.message = text;
            }
            e
        })
        .collect()
}

fn translated(t: &Texts, rules: &IntakeRules, field: &str, code: &str) -> Option<String> {
    let mb = rules.max_attachment_bytes / (1024 * 1024);
    Some(match (field, code) {
        ("case_type", _) => t.err_case_type.into(),
        ("agency", _) => t.err_agency.into(),
        ("description", "too_short") => t.err_description_short(rules.description_min),
        ("description", "too_long") => t.err_description_long(rules.description_max),
        ("description", _) => t.err_description_required.into(),
        ("event_date", "future") => t.err_date_future.into(),
        ("event_date", _) => t.err_date_format.into(),
        ("place", _) => t.err_place_long(rules.place_max),
        ("identity", "anonymous_not_allowed") => t.err_anonymous_not_allowed.into(),
        ("identity", _) => t.err_identity.into(),
        ("name", "too_long") => t.err_name_long(rules.name_max),
        ("name", _) => t.err_name_required.into(),
        ("contact", _) => t.err_contact_required.into(),
        ("email", _) => t.err_email_format.into(),
        ("phone", _) => t.err_phone_format.into(),
        ("consent", _) => t.err_consent.into(),
        ("attachments", "too_big") => t.err_attachment_big(mb),
        ("attachments", "too_many") => t.err_attachment_many(rules.max_attachments),
        ("attachments", "empty") => t.err_attachment_empty.into(),
        ("attachments", _) => t.err_attachment_type.into(),
        _ => return None,
    })
}
