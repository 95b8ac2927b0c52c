//! What the citizen may do on their case: reply (with files) and rate the answer.

use cc_core::api::FieldError;
use cc_core::config::Deployment;
use cc_core::intake::dates::Date;
use cc_core::intake::IntakeRules;
use cc_core::tracking::{self, Actor, CaseStatus, CaseView, NewReply, Rating};
use rusqlite::{params, Connection, TransactionBehavior};

use super::attachments::{checked_ids, link_attachments, unavailable_attachments};
use super::conflict;
use super::events::insert_event;
use super::idempotency::{remember, replay, request_hash, StoredResponse};
use super::storage::{case_in, set_status, status_of, touch};
use super::views::{case_view, rating_of};
use crate::db::DbError;
use crate::problem::{ApiError, ApiResult};

/// Endpoint name stored with (and hashed into) idempotency keys of a case's replies:
/// per ticket, so a key reused on another case is refused.
pub fn replies_endpoint(ticket: &str) -> String {
    format!("POST /api/v1/cases/{ticket}/replies")
}

/// Checks a message and its files: the errors, or the unique attachment ids.
pub(super) fn check_message<'a>(
    conn: &Connection,
    rules: &IntakeRules,
    message: &str,
    attachments: &'a [String],
    max_chars: usize,
) -> ApiResult<Vec<&'a str>> {
    let mut errors: Vec<FieldError> = tracking::validate_text("message", message, max_chars)
        .into_iter()
        .collect();
    let ids = match checked_ids(attachments, rules) {
        Ok(ids) => ids,
        Err(too_many) => {
            errors.push(too_many);
            Vec::new()
        }
    };
    // Per-id look-ups only once everything else is valid (see `filing`).
    if errors.is_empty() {
        errors.extend(unavailable_attachments(conn, &ids)?);
    }
    if errors.is_empty() {
        Ok(ids)
    } else {
        Err(ApiError::Validation(errors))
    }
}

/// Records a citizen's reply, idempotently under `idempotency_key`, in one immediate
/// transaction: replay or refuse a reused key, check the case allows replies, check
/// the message and files, add the `citizen_reply` event with the files, resume the
/// term if the case was waiting for the citizen (Ley 1755 art. 17), store the answer.
pub fn add_reply(
    conn: &mut Connection,
    deployment: &Deployment,
    ticket: &str,
    idempotency_key: &str,
    reply: &NewReply,
    now_unix: i64,
) -> ApiResult<StoredResponse> {
    let endpoint = replies_endpoint(ticket);
    let request_hash = request_hash(&endpoint, reply);
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    // Before the status check: after the first reply the case may no longer accept
    // one, and a retry must still get the first answer.
    if let Some(stored) = replay(&tx, idempotency_key, &endpoint, &request_hash)? {
        return Ok(stored);
    }
    let case = case_in(&tx, ticket)?;
    let status = status_of(&case)?;
    if !tracking::can_reply(status, deployment.replies_always_allowed) {
        return Err(conflict(
            "reply-not-allowed",
            "Este caso no admite respuestas ahora.",
        ));
    }
    let ids = check_message(
        &tx,
        &deployment.intake,
        &reply.message,
        &reply.attachments,
        // One limit with the app's reply form: the deployment's description length.
        deployment.intake.description_max,
    )?;
    let data = serde_json::json!({ "attachments": ids.len() });
    let event = insert_event(
        &tx,
        case.id,
        now_unix,
        "citizen_reply",
        Actor::Citizen,
        Some(reply.message.trim()),
        Some(&data),
    )?;
    link_attachments(&tx, case.id, Some(event), &ids)?;
    if status == CaseStatus::WaitingForCitizen {
        set_status(&tx, case.id, CaseStatus::InProgress, now_unix)?;
    } else {
        touch(&tx, case.id, now_unix)?;
    }
    let view = case_view(
        &tx,
        &case_in(&tx, ticket)?,
        deployment,
        Date::from_unix_seconds(now_unix),
    )?;
    let response = StoredResponse {
        status: 201,
        body: serde_json::to_string(&view).map_err(DbError::from)?,
    };
    remember(
        &tx,
        idempotency_key,
        &endpoint,
        &request_hash,
        &response,
        case.id,
        now_unix,
    )?;
    tx.commit()?;
    Ok(response)
}

/// Stores the citizen's one rating of the answer and a `rated` event.
pub fn add_rating(
    conn: &mut Connection,
    deployment: &Deployment,
    ticket: &str,
    rating: &Rating,
    now_unix: i64,
) -> ApiResult<CaseView> {
    let errors = tracking::validate_rating(rating);
    if !errors.is_empty() {
        return Err(ApiError::Validation(errors));
    }
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let case = case_in(&tx, ticket)?;
    let already = rating_of(&tx, case.id)?.is_some();
    if !tracking::can_rate(status_of(&case)?, already) {
        return Err(conflict(
            "rating-not-allowed",
            "Solo se puede valorar una vez, después de la respuesta.",
        ));
    }
    let comment = rating
        .comment
        .as_deref()
        .map(str::trim)
        .filter(|c| !c.is_empty());
    tx.execute(
        "INSERT INTO ratings(case_id, answered, clear, score, comment, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            case.id,
            rating.answered,
            rating.clear,
            rating.score,
            comment,
            now_unix
        ],
    )?;
    insert_event(&tx, case.id, now_unix, "rated", Actor::Citizen, None, None)?;
    touch(&tx, case.id, now_unix)?;
    let view = case_view(&tx, &case, deployment, Date::from_unix_seconds(now_unix))?;
    tx.commit()?;
    Ok(view)
}
