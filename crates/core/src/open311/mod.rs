//! The pure half of an Open311 GeoReport v2 client
//! (<http://wiki.open311.org/GeoReport_v2>): the app fetches with the browser and calls
//! these functions to read the answers and to build what it sends.
//!
//! Real servers differ from the spec, so every decoder is lenient and never panics:
//! it reads a [`serde_json::Value`] and picks fields by hand ([`json`]), taking codes
//! as numbers or text, one object where a list is meant and the reverse, `null`s and
//! missing optional fields. Only a body that is not JSON at all, or JSON of the wrong
//! kind (a bare number where a list is meant), is an [`Open311Error`].
//!
//! discovery.rs reads `discovery.json`; services.rs `services.json` and the service
//! definitions (`services/{code}.json`); checks.rs checks the person's answers like our
//! own fields; request.rs builds the `POST requests.json` body; answers.rs reads what
//! the POST and `tokens/{token}.json` answer and error bodies; requests.rs reads
//! `requests/{id}.json` and turns it into the tracking page's [`CaseView`]; time.rs
//! reads the dates.
//!
//! [`CaseView`]: crate::tracking::CaseView

mod answers;
mod catalog;
mod checks;
mod discovery;
mod json;
mod request;
mod requests;
mod services;
mod time;

pub use answers::{parse_errors, parse_post_answer, parse_token_answer, ErrorItem, Filed};
pub use catalog::{catalog_index, procedure};
pub use checks::{check_attribute, check_description, DESCRIPTION_MAX, STRING_MAX, TEXT_MAX};
pub use discovery::{parse_discovery, Discovery, Endpoint};
pub use request::{encode_request, split_name, Location, RequestForm};
pub use requests::{case_view, map_status, parse_requests, ServiceRequest};
pub use services::{
    parse_service_definition, parse_services, Attribute, AttributeValue, Datatype, Service,
};
pub use time::{date_of, timestamp};

/// Why an answer could not be read at all. Anything short of that is read as far as
/// it goes (a missing optional field is `None`, a broken list entry is skipped).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Open311Error {
    /// The body is not JSON (an HTML error page, XML, a cut-off answer).
    #[error("la respuesta no es JSON")]
    NotJson,
    /// JSON, but not of the shape the call answers; says what was found.
    #[error("respuesta inesperada: {0}")]
    Unexpected(String),
}

/// JSON kind names for [`Open311Error::Unexpected`].
fn kind_of(value: &serde_json::Value) -> &'static str {
    match value {
        serde_json::Value::Null => "null",
        serde_json::Value::Bool(_) => "un sí/no",
        serde_json::Value::Number(_) => "un número",
        serde_json::Value::String(_) => "un texto",
        serde_json::Value::Array(_) => "una lista",
        serde_json::Value::Object(_) => "un objeto",
    }
}

#[cfg(test)]
mod answers_tests;
#[cfg(test)]
mod checks_tests;
#[cfg(test)]
mod discovery_services_tests;
#[cfg(test)]
mod json_tests;
#[cfg(test)]
mod no_panic_tests;
#[cfg(test)]
mod request_tests;
#[cfg(test)]
mod requests_tests;
#[cfg(test)]
mod samples;
#[cfg(test)]
mod time_tests;
