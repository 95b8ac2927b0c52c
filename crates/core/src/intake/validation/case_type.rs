//! The first questions: which case type, and which agency (optional).

use super::{error, fields, present};
use crate::api::FieldError;
use crate::intake::CaseType;

/// Longest agency acronym.
const AGENCY_MAX: usize = 20;

/// The case type must be one the deployment offers.
pub fn validate_case_type(slug: &str, types: &[CaseType]) -> Option<FieldError> {
    let slug = slug.trim();
    if slug.is_empty() {
        return Some(error(
            fields::CASE_TYPE,
            "required",
            "Elija qué tipo de caso quiere presentar.",
        ));
    }
    if types.iter().any(|t| t.slug == slug) {
        None
    } else {
        Some(error(
            fields::CASE_TYPE,
            "unknown",
            "Elija uno de los tipos de caso de la lista.",
        ))
    }
}

/// The agency is optional (`None` or empty: the person does not know); when given it
/// must be one of `known` acronyms (compared without regard to case).
pub fn validate_agency<S: AsRef<str>>(agency: Option<&str>, known: &[S]) -> Option<FieldError> {
    let agency = present(agency)?;
    if known
        .iter()
        .any(|k| k.as_ref().trim().eq_ignore_ascii_case(agency))
    {
        None
    } else {
        Some(error(
            fields::AGENCY,
            "unknown",
            "Elija la entidad de la lista. Si no sabe cuál es, elija «No sé cuál es la entidad».",
        ))
    }
}

/// Shape of an agency acronym when the list of agencies is not at hand: letters and
/// digits, at most 20.
pub(super) fn validate_agency_shape(agency: Option<&str>) -> Option<FieldError> {
    let agency = present(agency)?;
    let ok =
        agency.chars().count() <= AGENCY_MAX && agency.chars().all(|c| c.is_ascii_alphanumeric());
    (!ok).then(|| {
        error(
            fields::AGENCY,
            "unknown",
            "Elija la entidad de la lista. Si no sabe cuál es, elija «No sé cuál es la entidad».",
        )
    })
}
