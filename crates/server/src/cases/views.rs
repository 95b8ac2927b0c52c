//! Read views of a case: what the citizen sees, what staff see, the staff list.

use cc_core::config::Deployment;
use cc_core::intake::dates::{BusinessCalendar, Date};
use cc_core::intake::ticket::UNKNOWN_AGENCY;
use cc_core::tracking::{
    self, CaseStatus, CaseView, EventKind, Rating, StaffCaseSummary, StaffCaseView,
};
use rusqlite::{params, Connection, OptionalExtension};

use super::events::timeline;
use super::storage::{status_of, StoredCase};
use crate::db::DbError;
use crate::problem::{ApiError, ApiResult};

/// Business days from `today` to a stored due date (negative when overdue).
pub(super) fn days_left(deployment: &Deployment, today: Date, due_date: &str) -> i64 {
    Date::parse(due_date).map_or(0, |due| {
        BusinessCalendar::new(&deployment.holidays).business_days_between(today, due)
    })
}

pub(super) fn rating_of(conn: &Connection, case_id: i64) -> Result<Option<Rating>, DbError> {
    Ok(conn
        .query_row(
            "SELECT answered, clear, score, comment FROM ratings WHERE case_id = ?1",
            [case_id],
            |r| {
                Ok(Rating {
                    answered: r.get(0)?,
                    clear: r.get(1)?,
                    score: r.get(2)?,
                    comment: r.get(3)?,
                })
            },
        )
        .optional()?)
}

/// The date of the latest request for information, while the case waits for it.
pub(super) fn pending_reply_by(
    status: CaseStatus,
    events: &[tracking::CaseEvent],
) -> Option<String> {
    if status != CaseStatus::WaitingForCitizen {
        return None;
    }
    events.iter().rev().find_map(|e| match &e.kind {
        EventKind::InfoRequested { reply_by } => Some(reply_by.clone()),
        _ => None,
    })
}

/// What the citizen sees of their case: no contact data, but their own description.
pub fn case_view(
    conn: &Connection,
    case: &StoredCase,
    deployment: &Deployment,
    today: Date,
) -> ApiResult<CaseView> {
    let status = status_of(case)?;
    let events = timeline(conn, case.id)?;
    let rating = rating_of(conn, case.id)?;
    let agency_name = match &case.agency {
        Some(acronym) => crate::db::agency(conn, acronym)?.map(|a| a.name),
        None => None,
    };
    Ok(CaseView {
        ticket: case.ticket.clone(),
        case_type: case.case_type.clone(),
        agency: case.agency.clone(),
        agency_name,
        status,
        channel: case.channel,
        filed_on: case.filed_on.clone(),
        due_date: case.due_date.clone(),
        business_days_left: days_left(deployment, today, &case.due_date),
        response_days: case.response_days,
        description: case.description.clone(),
        reply_by: pending_reply_by(status, &events),
        events,
        can_reply: tracking::can_reply(status, deployment.replies_always_allowed),
        can_rate: tracking::can_rate(status, rating.is_some()),
        rating,
        status_text: None,
    })
}

/// What staff see of a case: the citizen's view plus contact and intake details.
pub fn staff_case_view(
    conn: &Connection,
    case: &StoredCase,
    deployment: &Deployment,
    today: Date,
) -> ApiResult<StaffCaseView> {
    Ok(StaffCaseView {
        case: case_view(conn, case, deployment, today)?,
        identity: case.identity,
        name: case.name.clone(),
        email: case.email.clone(),
        phone: case.phone.clone(),
        language: case.language.clone(),
        procedure: case.procedure.clone(),
        event_date: case.event_date.clone(),
        place: case.place.clone(),
        taken_by: case.taken_by.clone(),
        consent: case.consent,
    })
}

/// Filters of the staff case list.
#[derive(Debug, Clone, Default)]
pub struct CaseFilter {
    pub status: Option<CaseStatus>,
    /// Agency acronym; [`UNKNOWN_AGENCY`] selects the cases filed without one.
    pub agency: Option<String>,
}

/// Cases for staff, the most urgent (earliest due date) first.
pub fn list_cases(
    conn: &Connection,
    filter: &CaseFilter,
    deployment: &Deployment,
    today: Date,
) -> ApiResult<Vec<StaffCaseSummary>> {
    let agency = filter.agency.as_deref().map(str::to_ascii_uppercase);
    let mut stmt = conn.prepare(
        "SELECT ticket, case_type, agency, status, filed_on, due_date, name, email, phone
         FROM cases
         WHERE (?1 IS NULL OR status = ?1)
           AND (?2 IS NULL OR agency = ?2 OR (?2 = ?3 AND agency IS NULL))
         ORDER BY due_date, ticket",
    )?;
    let rows = stmt.query_map(
        params![
            filter.status.map(CaseStatus::as_str),
            agency,
            UNKNOWN_AGENCY
        ],
        |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, Option<String>>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, String>(4)?,
                r.get::<_, String>(5)?,
                r.get::<_, Option<String>>(6)?,
                r.get::<_, Option<String>>(7)?,
                r.get::<_, Option<String>>(8)?,
            ))
        },
    )?;
    let mut out = Vec::new();
    for row in rows {
        let (ticket, case_type, agency, status, filed_on, due_date, name, email, phone) = row?;
        out.push(StaffCaseSummary {
            status: CaseStatus::parse(&status)
                .ok_or_else(|| ApiError::Internal(format!("unknown stored status {status}")))?,
            business_days_left: days_left(deployment, today, &due_date),
            ticket,
            case_type,
            agency,
            filed_on,
            due_date,
            name,
            email,
            phone,
        });
    }
    Ok(out)
}
