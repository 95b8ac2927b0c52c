//! Field checks of a new case, shared by the wizard (page by page) and the backend
//! (the whole case, [`validate_new_case`]).
//!
//! Every error carries a stable `field` (the form control id, see [`fields`]) and
//! `code`; the message is plain Spanish following the content rules (say what is wrong
//! and how to fix it), and the app translates other languages by `(field, code)`.
//!
//! One file per question of the wizard: [`case_type`] (type and agency),
//! [`what_happened`] (description, place, files), [`event_date`], [`contact`] (identity,
//! name, e-mail via [`email`], phone via [`phone`]) and [`new_case`] (consent and the
//! whole case).

use crate::api::FieldError;

mod case_type;
mod contact;
mod email;
mod event_date;
mod new_case;
mod phone;
mod what_happened;

pub use case_type::{validate_agency, validate_case_type};
pub use contact::validate_contact;
pub use email::{normalize_email, validate_email, EMAIL_MAX};
pub use event_date::{validate_event_date, EVENT_YEAR_MIN};
pub use new_case::{validate_consent, validate_new_case};
pub use phone::{normalize_phone, PHONE_MAX_DIGITS, PHONE_MIN_DIGITS};
pub use what_happened::{validate_attachments, validate_description, validate_place};

/// Stable field names: form control ids and `errors[].field` in problem+json.
pub mod fields {
    pub const CASE_TYPE: &str = "case_type";
    pub const AGENCY: &str = "agency";
    pub const DESCRIPTION: &str = "description";
    pub const EVENT_DATE: &str = "event_date";
    pub const PLACE: &str = "place";
    pub const ATTACHMENTS: &str = "attachments";
    pub const IDENTITY: &str = "identity";
    pub const NAME: &str = "name";
    pub const EMAIL: &str = "email";
    pub const PHONE: &str = "phone";
    /// Neither e-mail nor phone was given.
    pub const CONTACT: &str = "contact";
    pub const CONSENT: &str = "consent";
}

pub(super) fn error(field: &str, code: &str, message: impl Into<String>) -> FieldError {
    FieldError::new(field, code, message)
}

/// `Some(trimmed)` when the optional text has something besides spaces.
pub(super) fn present(s: Option<&str>) -> Option<&str> {
    s.map(str::trim).filter(|s| !s.is_empty())
}

#[cfg(test)]
mod boundary_tests;
#[cfg(test)]
mod contact_tests;
#[cfg(test)]
mod email_phone_tests;
#[cfg(test)]
mod new_case_tests;
#[cfg(test)]
mod question_tests;
#[cfg(test)]
mod test_support;
