//! Case storage: filing a case (idempotent, one transaction), attachments, look-ups,
//! and tracking: the views of a case, citizen replies and ratings, staff actions.
//!
//! Everything here is synchronous and runs on the database thread (see
//! [`crate::state::AppState::with_db`]); the HTTP side lives in `routes::{cases, tracking, staff}`.

use cc_core::api::FieldError;

use crate::problem::ApiError;

mod attachments;
mod events;
mod filing;
mod idempotency;
mod replies;
mod staff_actions;
mod storage;
mod views;

pub use attachments::{
    case_attachments, case_file, checked_ids, purge_unlinked_attachments, store_attachment,
    StoredFile,
};
pub use events::{
    case_events, insert_event, record_staff_member, staff_member_of, timeline, CaseEvent,
};
pub use filing::{file_assisted_case, file_case, IntakeContext, Origin};
pub use idempotency::{
    canonical_json, idempotency_key_hash, new_case_request_hash, open, purge_idempotency_keys,
    remember, replay, request_hash, seal, StoredResponse,
};
pub use idempotency::{CASES_ENDPOINT, STAFF_CASES_ENDPOINT};
pub use replies::{add_rating, add_reply, replies_endpoint};
pub use staff_actions::{apply_staff_action, REASON_MAX_CHARS, STAFF_MESSAGE_MAX_CHARS};
pub use storage::{
    access_code_hash, code_opens, count_cases, find_case_by_ticket, find_case_by_typed_ticket,
    StoredCase,
};
pub use views::{case_view, list_cases, staff_case_view, CaseFilter};

// The statuses and actors are the wire types of `cc-core`; each is stored as its
// snake_case name (checked by the schema).
pub use cc_core::tracking::{Actor, CaseStatus};

fn some_text(value: &Option<String>) -> Option<String> {
    value
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
}

fn field_error(field: &str, code: &str, message: &str) -> FieldError {
    FieldError::new(field, code, message)
}

fn conflict(kind: &'static str, detail: &str) -> ApiError {
    ApiError::Conflict {
        kind,
        detail: detail.into(),
    }
}
