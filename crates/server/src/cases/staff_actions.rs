//! Staff actions on a case: each planned (checked against the case and the rules),
//! then recorded as one event plus the fields it changes, in one transaction.

use cc_core::api::FieldError;
use cc_core::catalog::Agency;
use cc_core::intake::dates::{BusinessCalendar, Date};
use cc_core::tracking::{Actor, CaseStatus, StaffAction, StaffCaseView};
use rusqlite::{params, Connection, TransactionBehavior};
use serde_json::Value;

use super::attachments::link_attachments;
use super::events::{insert_event, record_staff_member};
use super::filing::IntakeContext;
use super::replies::check_message;
use super::storage::{case_in, status_of, stored_date, StoredCase};
use super::views::staff_case_view;
use super::{conflict, field_error};
use crate::problem::{ApiError, ApiResult};

/// Longest staff message or answer: answers can be long legal texts.
pub const STAFF_MESSAGE_MAX_CHARS: usize = 20_000;
/// Longest reason for an extension or a transfer.
pub const REASON_MAX_CHARS: usize = 2000;

/// What one staff action does to a case: the event it records and the fields it sets.
struct Change<'a> {
    kind: &'static str,
    message: Option<String>,
    data: Option<Value>,
    attachments: Vec<&'a str>,
    status: Option<CaseStatus>,
    agency: Option<String>,
    due_date: Option<Date>,
}

impl<'a> Change<'a> {
    fn event(kind: &'static str) -> Self {
        Change {
            kind,
            message: None,
            data: None,
            attachments: Vec::new(),
            status: None,
            agency: None,
            due_date: None,
        }
    }
}

/// Everything a staff action needs to decide what it does.
struct ActionContext<'a> {
    conn: &'a Connection,
    intake: &'a IntakeContext<'a>,
    case: &'a StoredCase,
    status: CaseStatus,
    today: Date,
}

/// Applies one staff action to a case in one transaction and answers the new view.
/// Every action is recorded as an event by `staff`, naming the `member` who acted.
pub fn apply_staff_action(
    conn: &mut Connection,
    ctx: &IntakeContext<'_>,
    ticket: &str,
    action: &StaffAction,
    member: &str,
    now_unix: i64,
) -> ApiResult<StaffCaseView> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let case = case_in(&tx, ticket)?;
    let today = Date::from_unix_seconds(now_unix);
    let actx = ActionContext {
        conn: &tx,
        intake: ctx,
        case: &case,
        status: status_of(&case)?,
        today,
    };
    let change = plan_action(&actx, action)?;
    record_change(&tx, &case, change, member, now_unix)?;
    let view = staff_case_view(&tx, &case_in(&tx, ticket)?, ctx.deployment, today)?;
    tx.commit()?;
    Ok(view)
}

/// Checks an action against the case and the rules and says what it changes.
fn plan_action<'a>(ctx: &ActionContext<'_>, action: &'a StaffAction) -> ApiResult<Change<'a>> {
    // A closed case is history; only an explicit status change reopens it.
    if ctx.status == CaseStatus::Closed && !matches!(action, StaffAction::Status { .. }) {
        return Err(conflict("case-closed", "El caso está cerrado."));
    }
    match action {
        StaffAction::Assign { agency } => plan_assign(ctx, agency.as_deref()),
        StaffAction::Status { status } => plan_status(ctx, *status),
        StaffAction::Message {
            message,
            attachments,
        } => plan_message(ctx, message, attachments, "message", None),
        StaffAction::RequestInfo { message } => plan_request_info(ctx, message),
        StaffAction::Extend {
            reason,
            new_due_date,
        } => plan_extend(ctx, reason, new_due_date),
        StaffAction::Transfer { to_agency, reason } => plan_transfer(ctx, to_agency, reason),
        StaffAction::Answer {
            message,
            attachments,
        } => plan_message(
            ctx,
            message,
            attachments,
            "answered",
            Some(CaseStatus::Answered),
        ),
        StaffAction::Close { message } => plan_close(message.as_deref()),
    }
}

/// A staff message with files (a plain message, or the answer): checked like a
/// citizen's reply, recorded as `kind`, optionally moving the case to `status`.
fn plan_message<'a>(
    ctx: &ActionContext<'_>,
    message: &str,
    attachments: &'a [String],
    kind: &'static str,
    status: Option<CaseStatus>,
) -> ApiResult<Change<'a>> {
    let rules = &ctx.intake.deployment.intake;
    let ids = check_message(
        ctx.conn,
        rules,
        message,
        attachments,
        STAFF_MESSAGE_MAX_CHARS,
    )?;
    Ok(Change {
        message: Some(message.trim().to_owned()),
        attachments: ids,
        status,
        ..Change::event(kind)
    })
}

/// A catalog agency by acronym, or the `unknown` field error on `field`.
fn known_agency(ctx: &ActionContext<'_>, field: &str, acronym: &str) -> ApiResult<Agency> {
    ctx.intake.agency(acronym.trim()).cloned().ok_or_else(|| {
        ApiError::Validation(vec![field_error(
            field,
            "unknown",
            "Esa entidad no está en el catálogo.",
        )])
    })
}

fn plan_assign<'a>(ctx: &ActionContext<'_>, agency: Option<&str>) -> ApiResult<Change<'a>> {
    let agency = match agency.map(str::trim).filter(|a| !a.is_empty()) {
        Some(acronym) => Some(known_agency(ctx, "agency", acronym)?.acronym),
        None => None,
    };
    let shown = agency.clone().or_else(|| ctx.case.agency.clone());
    Ok(Change {
        data: Some(serde_json::json!({ "agency": shown })),
        status: Some(CaseStatus::Assigned),
        agency,
        ..Change::event("assigned")
    })
}

fn plan_status<'a>(ctx: &ActionContext<'_>, status: CaseStatus) -> ApiResult<Change<'a>> {
    // These two carry what the law requires (the answer; the date to reply by).
    if matches!(status, CaseStatus::Answered | CaseStatus::WaitingForCitizen) {
        return Err(ApiError::Validation(vec![field_error(
            "status",
            "use_action",
            "Para responder use `answer`; para pedir información, `request_info`.",
        )]));
    }
    Ok(Change {
        data: Some(serde_json::json!({ "from": ctx.status.as_str(), "to": status.as_str() })),
        status: Some(status),
        ..Change::event("status_changed")
    })
}

/// The legal term must still run for requests of information and extensions.
fn term_must_run(ctx: &ActionContext<'_>) -> ApiResult<()> {
    if ctx.status.term_running() {
        Ok(())
    } else {
        Err(conflict(
            "term-not-running",
            "El caso ya tiene respuesta: su término no corre.",
        ))
    }
}

fn plan_request_info<'a>(ctx: &ActionContext<'_>, message: &str) -> ApiResult<Change<'a>> {
    term_must_run(ctx)?;
    if let Some(error) =
        cc_core::tracking::validate_text("message", message, STAFF_MESSAGE_MAX_CHARS)
    {
        return Err(ApiError::Validation(vec![error]));
    }
    // Ley 1755 art. 17: the citizen has one month to complete the petition.
    let reply_by = ctx.today.add_months(1);
    Ok(Change {
        message: Some(message.trim().to_owned()),
        data: Some(serde_json::json!({ "reply_by": reply_by.to_string() })),
        status: Some(CaseStatus::WaitingForCitizen),
        ..Change::event("info_requested")
    })
}

/// Ley 1755 art. 14 par.: an extension is decided before the term expires, gives
/// reasons, and reaches at most twice the original term (in business days from filing).
fn plan_extend<'a>(
    ctx: &ActionContext<'_>,
    reason: &str,
    new_due_date: &str,
) -> ApiResult<Change<'a>> {
    term_must_run(ctx)?;
    let due = stored_date(&ctx.case.due_date)?;
    let filed = stored_date(&ctx.case.filed_on)?;
    let limit = BusinessCalendar::new(&ctx.intake.deployment.holidays)
        .add_business_days(filed, 2 * ctx.case.response_days);
    let date_error = match Date::parse(new_due_date.trim()) {
        None => Some(("invalid", "Escriba la fecha como AAAA-MM-DD.".to_owned())),
        Some(_) if ctx.today > due => Some((
            "expired",
            "El término ya venció: no se puede prorrogar.".to_owned(),
        )),
        Some(new) if new <= due => Some((
            "not_later",
            "La nueva fecha debe ser posterior a la actual.".to_owned(),
        )),
        Some(new) if new > limit => Some((
            "too_long",
            format!("La prórroga no puede pasar del doble del término: hasta {limit}."),
        )),
        Some(_) => None,
    };
    let mut errors: Vec<FieldError> = date_error
        .map(|(code, message)| field_error("new_due_date", code, &message))
        .into_iter()
        .collect();
    errors.extend(cc_core::tracking::validate_text(
        "reason",
        reason,
        REASON_MAX_CHARS,
    ));
    let new_due = match Date::parse(new_due_date.trim()) {
        Some(new) if errors.is_empty() => new,
        _ => return Err(ApiError::Validation(errors)),
    };
    Ok(Change {
        message: Some(reason.trim().to_owned()),
        data: Some(serde_json::json!({
            "previous_due_date": ctx.case.due_date,
            "new_due_date": new_due.to_string(),
        })),
        due_date: Some(new_due),
        ..Change::event("extended")
    })
}

/// Ley 1755 art. 21: the case goes to the competent agency, with the reasons.
fn plan_transfer<'a>(
    ctx: &ActionContext<'_>,
    to_agency: &str,
    reason: &str,
) -> ApiResult<Change<'a>> {
    let mut errors: Vec<FieldError> =
        cc_core::tracking::validate_text("reason", reason, REASON_MAX_CHARS)
            .into_iter()
            .collect();
    let agency = match known_agency(ctx, "to_agency", to_agency) {
        Ok(agency) if ctx.case.agency.as_deref() == Some(agency.acronym.as_str()) => {
            errors.push(field_error(
                "to_agency",
                "same_agency",
                "El caso ya está en esa entidad.",
            ));
            None
        }
        Ok(agency) => Some(agency),
        Err(ApiError::Validation(e)) => {
            errors.extend(e);
            None
        }
        Err(other) => return Err(other),
    };
    let agency = match agency {
        Some(agency) if errors.is_empty() => agency,
        _ => return Err(ApiError::Validation(errors)),
    };
    Ok(Change {
        message: Some(reason.trim().to_owned()),
        data: Some(serde_json::json!({
            "from_agency": ctx.case.agency,
            "to_agency": agency.acronym,
            "to_agency_name": agency.name,
        })),
        agency: Some(agency.acronym),
        ..Change::event("transferred")
    })
}

fn plan_close<'a>(message: Option<&str>) -> ApiResult<Change<'a>> {
    let message = message.map(str::trim).filter(|m| !m.is_empty());
    if let Some(error) = message
        .and_then(|m| cc_core::tracking::validate_text("message", m, STAFF_MESSAGE_MAX_CHARS))
    {
        return Err(ApiError::Validation(vec![error]));
    }
    Ok(Change {
        message: message.map(str::to_owned),
        status: Some(CaseStatus::Closed),
        ..Change::event("closed")
    })
}

/// Writes a planned change: the staff event with its files, then the case's fields.
fn record_change(
    conn: &Connection,
    case: &StoredCase,
    change: Change<'_>,
    member: &str,
    now_unix: i64,
) -> ApiResult<()> {
    let event = insert_event(
        conn,
        case.id,
        now_unix,
        change.kind,
        Actor::Staff,
        change.message.as_deref(),
        change.data.as_ref(),
    )?;
    record_staff_member(conn, event, member)?;
    link_attachments(conn, case.id, Some(event), &change.attachments)?;
    conn.execute(
        "UPDATE cases SET status = COALESCE(?1, status), agency = COALESCE(?2, agency),
             due_date = COALESCE(?3, due_date), updated_at = ?4
         WHERE id = ?5",
        params![
            change.status.map(CaseStatus::as_str),
            change.agency,
            change.due_date.map(|d| d.to_string()),
            now_unix,
            case.id
        ],
    )?;
    Ok(())
}
