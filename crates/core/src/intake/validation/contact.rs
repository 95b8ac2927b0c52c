//! Who is filing and how to answer them: identity, name, e-mail and phone.

use super::email::validate_email;
use super::phone::normalize_phone;
use super::{error, fields, present};
use crate::api::FieldError;
use crate::intake::{CaseType, Identity, IntakeRules};

pub(super) const MSG_EMAIL: &str =
    "Escriba su correo electrónico completo, por ejemplo nombre@ejemplo.com.";
pub(super) const MSG_PHONE: &str = "Escriba su número de teléfono con el código de país, por ejemplo +57 601 123 4567 o +591 2 123 4567.";
pub(super) const MSG_CONTACT: &str =
    "Escriba su correo electrónico o su número de teléfono para que podamos responderle.";

/// Who is filing and how to answer them. Empty or blank values count as not given.
///
/// - Anonymous: only when the case type allows it (`identity`, `anonymous_not_allowed`).
///   Name, e-mail and phone are not checked (the wizard may still hold what was typed
///   before switching; [`validate_new_case`](super::validate_new_case) refuses them in a submitted case).
/// - Identified or confidential: name required (`name`: `required`, `too_long`,
///   `format` when it has no letters), e-mail and phone checked when given (`format`),
///   and at least one of them (`contact`, `required`).
pub fn validate_contact(
    identity: Identity,
    name: Option<&str>,
    email: Option<&str>,
    phone: Option<&str>,
    case_type: &CaseType,
    rules: &IntakeRules,
) -> Vec<FieldError> {
    contact_errors(
        identity,
        name,
        email,
        phone,
        case_type.anonymous_allowed,
        rules,
    )
}

pub(super) fn contact_errors(
    identity: Identity,
    name: Option<&str>,
    email: Option<&str>,
    phone: Option<&str>,
    anonymous_allowed: bool,
    rules: &IntakeRules,
) -> Vec<FieldError> {
    let mut out = Vec::new();
    if identity == Identity::Anonymous {
        if !anonymous_allowed {
            out.push(error(
                fields::IDENTITY,
                "anonymous_not_allowed",
                "Este tipo de caso no puede ser anónimo. Elija dar sus datos para que la entidad pueda responderle.",
            ));
        }
        return out;
    }
    match present(name) {
        None => out.push(error(
            fields::NAME,
            "required",
            "Escriba su nombre y apellido.",
        )),
        Some(name) => {
            let len = name.chars().count();
            if len > rules.name_max {
                out.push(error(
                    fields::NAME,
                    "too_long",
                    format!(
                        "Escriba su nombre en {} caracteres o menos. Ahora tiene {len}.",
                        rules.name_max
                    ),
                ));
            } else if !name.chars().any(char::is_alphabetic) {
                out.push(error(
                    fields::NAME,
                    "format",
                    "Escriba su nombre con letras, por ejemplo Ana María Quispe.",
                ));
            }
        }
    }
    let (email, phone) = (present(email), present(phone));
    if email.is_none() && phone.is_none() {
        out.push(error(fields::CONTACT, "required", MSG_CONTACT));
    }
    if let Some(email) = email {
        if let Err(code) = validate_email(email) {
            out.push(error(fields::EMAIL, code, MSG_EMAIL));
        }
    }
    if let Some(phone) = phone {
        if normalize_phone(phone).is_none() {
            out.push(error(fields::PHONE, "format", MSG_PHONE));
        }
    }
    out
}
