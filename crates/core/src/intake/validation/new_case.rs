//! The last question (consent) and every check of a submitted case at once.

use super::case_type::{validate_agency_shape, validate_case_type};
use super::contact::contact_errors;
use super::event_date::validate_event_date;
use super::what_happened::{validate_attachments, validate_description, validate_place};
use super::{error, fields, present};
use crate::api::FieldError;
use crate::intake::dates::Date;
use crate::intake::{CaseType, Identity, IntakeRules, NewCase};

pub(super) const MSG_CONSENT: &str = "Marque la casilla para aceptar la política de datos personales. Sin ella no podemos recibir su caso.";

/// The personal-data policy must be accepted.
pub fn validate_consent(consent: bool) -> Option<FieldError> {
    (!consent).then(|| error(fields::CONSENT, "required", MSG_CONSENT))
}

/// Every check of a submitted case, in the wizard's order: type, agency (shape only:
/// the backend also calls [`validate_agency`](super::validate_agency) with its list), description, date, place,
/// attachments, identity and contact, consent. An anonymous case must not carry a name,
/// e-mail or phone (`identity`, `anonymous_with_contact`). `today` is the filing date.
pub fn validate_new_case(
    case: &NewCase,
    types: &[CaseType],
    rules: &IntakeRules,
    today: Date,
) -> Vec<FieldError> {
    let mut out = Vec::new();
    out.extend(validate_case_type(&case.case_type, types));
    out.extend(validate_agency_shape(case.agency.as_deref()));
    out.extend(validate_description(&case.description, rules));
    out.extend(validate_event_date(case.event_date.as_deref(), today));
    out.extend(validate_place(case.place.as_deref().unwrap_or(""), rules));
    out.extend(validate_attachments(case.attachments.len(), rules));

    let case_type = types.iter().find(|t| t.slug == case.case_type.trim());
    // An unknown type is already reported; do not add a second error about anonymity.
    let anonymous_allowed = case_type.is_none_or(|t| t.anonymous_allowed);
    let (name, email, phone) = (
        case.name.as_deref(),
        case.email.as_deref(),
        case.phone.as_deref(),
    );
    out.extend(contact_errors(
        case.identity,
        name,
        email,
        phone,
        anonymous_allowed,
        rules,
    ));
    if case.identity == Identity::Anonymous
        && anonymous_allowed
        && (present(name).is_some() || present(email).is_some() || present(phone).is_some())
    {
        out.push(error(
            fields::IDENTITY,
            "anonymous_with_contact",
            "Un caso anónimo no lleva nombre, correo ni teléfono. Borre esos datos o elija dar sus datos.",
        ));
    }
    out.extend(validate_consent(case.consent));
    out
}
