//! Case tracking: statuses, timeline events and the views the citizen and staff see.
//! The rules (what a status allows, Ley 1755 terms) live here so the app and the
//! backend apply the same ones.
//!
//! status.rs holds the statuses and actors with their wire names, case_view.rs what the
//! citizen sees and sends (timeline, rating, look-up, reply), staff.rs what staff see
//! and do, rules.rs what a status allows and the checks of what is written on a case.

mod case_view;
mod rules;
mod staff;
mod status;

pub use case_view::{CaseEvent, CaseView, EventKind, LookupRequest, NewReply, Rating};
pub use rules::{
    can_rate, can_reply, validate_rating, validate_reply, validate_text, RATING_COMMENT_MAX,
};
pub use staff::{StaffAction, StaffCaseSummary, StaffCaseView};
pub use status::{Actor, CaseStatus};
