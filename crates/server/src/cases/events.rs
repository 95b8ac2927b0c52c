//! A case's history: stored events and the timeline built from them.

use std::collections::HashMap;

use cc_core::intake::AttachmentReceipt;
use cc_core::tracking::{self, Actor, CaseStatus, EventKind};
use rusqlite::{params, Connection};
use serde_json::Value;
use time::format_description::well_known::Rfc3339;

use crate::db::DbError;

/// Appends one event to a case's history.
pub fn insert_event(
    conn: &Connection,
    case_id: i64,
    at_unix: i64,
    kind: &str,
    actor: Actor,
    message: Option<&str>,
    data: Option<&Value>,
) -> Result<i64, DbError> {
    conn.execute(
        "INSERT INTO case_events(case_id, at, kind, actor, message, data)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            case_id,
            at_unix,
            kind,
            actor.as_str(),
            message,
            data.map(Value::to_string)
        ],
    )?;
    Ok(conn.last_insert_rowid())
}

/// Records which staff member caused an event (kept for accountability; not part of
/// the timeline the citizen sees).
pub fn record_staff_member(conn: &Connection, event_id: i64, member: &str) -> Result<(), DbError> {
    conn.execute(
        "UPDATE case_events SET staff_member = ?1 WHERE id = ?2",
        params![member, event_id],
    )?;
    Ok(())
}

/// The staff member who caused an event, if one did.
pub fn staff_member_of(conn: &Connection, event_id: i64) -> Result<Option<String>, DbError> {
    Ok(conn.query_row(
        "SELECT staff_member FROM case_events WHERE id = ?1",
        [event_id],
        |r| r.get(0),
    )?)
}

/// One event of a case's history.
#[derive(Debug, Clone, PartialEq)]
pub struct CaseEvent {
    pub id: i64,
    pub at: i64,
    pub kind: String,
    pub actor: String,
    pub message: Option<String>,
    pub data: Option<Value>,
}

/// A case's history, oldest first.
pub fn case_events(conn: &Connection, case_id: i64) -> Result<Vec<CaseEvent>, DbError> {
    let mut stmt = conn.prepare(
        "SELECT id, at, kind, actor, message, data FROM case_events
         WHERE case_id = ?1 ORDER BY at, id",
    )?;
    let rows = stmt.query_map([case_id], |r| {
        Ok((
            r.get(0)?,
            r.get(1)?,
            r.get(2)?,
            r.get(3)?,
            r.get(4)?,
            r.get::<_, Option<String>>(5)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (id, at, kind, actor, message, data) = row?;
        out.push(CaseEvent {
            id,
            at,
            kind,
            actor,
            message,
            data: data.map(|d| serde_json::from_str(&d)).transpose()?,
        });
    }
    Ok(out)
}

/// RFC 3339 UTC, e.g. `2026-11-25T10:00:00Z`.
pub(super) fn rfc3339(unix: i64) -> String {
    time::OffsetDateTime::from_unix_timestamp(unix)
        .ok()
        .and_then(|t| t.format(&Rfc3339).ok())
        .unwrap_or_default()
}

/// The wire form of a stored event; `None` for kinds the timeline does not show.
pub(super) fn event_kind(kind: &str, data: Option<&Value>) -> Option<EventKind> {
    let text = |field: &str| {
        data.and_then(|d| d.get(field))
            .and_then(Value::as_str)
            .map(str::to_owned)
    };
    Some(match kind {
        "filed" => EventKind::Filed,
        "assigned" => EventKind::Assigned,
        "status_changed" => EventKind::StatusChanged {
            status: CaseStatus::parse(&text("to")?)?,
        },
        "message" => EventKind::Message,
        "info_requested" => EventKind::InfoRequested {
            reply_by: text("reply_by")?,
        },
        "citizen_reply" => EventKind::CitizenReply,
        "extended" => EventKind::Extended {
            new_due_date: text("new_due_date")?,
        },
        "transferred" => EventKind::Transferred {
            to_agency: text("to_agency")?,
            to_agency_name: text("to_agency_name")?,
        },
        "answered" => EventKind::Answered,
        "closed" => EventKind::Closed,
        "rated" => EventKind::Rated,
        _ => return None,
    })
}

/// A case's attachments grouped by the event they came with (`None`: filed with it).
pub(super) fn attachments_by_event(
    conn: &Connection,
    case_id: i64,
) -> Result<HashMap<Option<i64>, Vec<AttachmentReceipt>>, DbError> {
    let mut stmt = conn.prepare(
        "SELECT id, name, media_type, size, event_id FROM attachments
         WHERE case_id = ?1 ORDER BY created_at, rowid",
    )?;
    let rows = stmt.query_map([case_id], |r| {
        let receipt = AttachmentReceipt {
            id: r.get(0)?,
            name: r.get(1)?,
            media_type: r.get(2)?,
            size: r.get::<_, i64>(3)? as u64,
        };
        Ok((r.get::<_, Option<i64>>(4)?, receipt))
    })?;
    let mut out: HashMap<Option<i64>, Vec<AttachmentReceipt>> = HashMap::new();
    for row in rows {
        let (event, receipt) = row?;
        out.entry(event).or_default().push(receipt);
    }
    Ok(out)
}

/// The timeline as the citizen and staff see it, oldest first, with each event's files.
pub fn timeline(conn: &Connection, case_id: i64) -> Result<Vec<tracking::CaseEvent>, DbError> {
    let mut files = attachments_by_event(conn, case_id)?;
    let mut out = Vec::new();
    for event in case_events(conn, case_id)? {
        let Some(kind) = event_kind(&event.kind, event.data.as_ref()) else {
            continue;
        };
        let group = (event.kind != "filed").then_some(event.id);
        out.push(tracking::CaseEvent {
            at: rfc3339(event.at),
            actor: Actor::parse(&event.actor).unwrap_or(Actor::System),
            kind,
            message: event.message,
            attachments: files.remove(&group).unwrap_or_default(),
        });
    }
    Ok(out)
}
