//! Track a case: look it up with ticket + access code (`/seguimiento`), see its
//! timeline, reply and rate it (`/seguimiento/:ticket`), and "my cases" (`/mis-casos`).

mod case_page;
mod lookup;
mod my_cases_page;
pub(crate) mod texts;

pub use case_page::CasePage;
pub use lookup::LookupPage;
pub use my_cases_page::MyCasesPage;

use cc_core::api::FieldError;
use cc_core::tracking::CaseView;

use crate::api::{self, ApiError};
use crate::tracking::texts::t;

/// Looks a case up. The code travels in the request body, never in a URL.
pub async fn lookup(ticket: &str, access_code: &str) -> Result<CaseView, ApiError> {
    let view = api::backend().lookup(ticket, access_code).await?;
    crate::kept_cases::remember_status(&view.ticket, view.status.as_str());
    Ok(view)
}

/// The one message for "unknown ticket" and "wrong code": the backend answers both
/// the same way so codes cannot be probed, and so do we. It belongs to both fields
/// (either may be wrong), so both are marked; the error summary lists it once, linking
/// to the code (the one field every look-up form has).
pub fn not_found_errors() -> Vec<FieldError> {
    let fields: &[&str] = if api::backend().capabilities().access_codes {
        &["access_code", "ticket"]
    } else {
        &["ticket"]
    };
    fields
        .iter()
        .map(|field| FieldError::new(*field, "not_found", t().track_not_found))
        .collect()
}
