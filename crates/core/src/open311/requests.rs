//! `requests/{id}.json`: one service request as the server tells it, and what the
//! tracking page shows of it ([`case_view`]).

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::json::{items, parse_body, text};
use super::time::{date_of, timestamp};
use super::{kind_of, Open311Error};
use crate::tracking::{Actor, CaseEvent, CaseStatus, CaseView, EventKind};

/// One service request, with the spec's field names (`id` is `service_request_id`).
/// Kept by the app between look-ups, hence `Serialize`/`Deserialize`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ServiceRequest {
    pub id: String,
    /// As the server wrote it (the spec's `open`/`closed`, or its own words).
    pub status: String,
    pub status_notes: Option<String>,
    pub service_name: Option<String>,
    pub service_code: Option<String>,
    pub description: Option<String>,
    pub agency_responsible: Option<String>,
    pub service_notice: Option<String>,
    pub requested_datetime: Option<String>,
    pub updated_datetime: Option<String>,
    pub expected_datetime: Option<String>,
    pub address: Option<String>,
}

/// Reads `requests/{id}.json`: the first request that has an id (some servers list
/// requests still being processed without one). `[]` (how many servers answer an
/// unknown id), `null` and `{}` are `Ok(None)`; a bare text or number is
/// [`Open311Error::Unexpected`].
pub fn parse_requests(body: &str) -> Result<Option<ServiceRequest>, Open311Error> {
    let value = parse_body(body)?;
    if !matches!(value, Value::Array(_) | Value::Object(_) | Value::Null) {
        return Err(Open311Error::Unexpected(format!(
            "se esperaba la solicitud y llegó {}",
            kind_of(&value)
        )));
    }
    Ok(items(&value, "service_requests", "request")
        .into_iter()
        .filter_map(Value::as_object)
        .find_map(service_request))
}

fn service_request(map: &Map<String, Value>) -> Option<ServiceRequest> {
    let field = |key| text(map, key);
    Some(ServiceRequest {
        id: field("service_request_id")?,
        status: field("status").unwrap_or_default(),
        status_notes: field("status_notes"),
        service_name: field("service_name"),
        service_code: field("service_code"),
        description: field("description"),
        agency_responsible: field("agency_responsible"),
        service_notice: field("service_notice"),
        requested_datetime: field("requested_datetime"),
        updated_datetime: field("updated_datetime"),
        expected_datetime: field("expected_datetime"),
        address: field("address"),
    })
}

/// Our status for a server's word, and whether their word should be shown beside it
/// (a closing that is not a resolution: the person should read "duplicate" rather
/// than only "closed"). `None` for a word we do not know.
fn classify(raw: &str) -> Option<(CaseStatus, bool)> {
    let word = raw.trim().to_lowercase().replace([' ', '-'], "_");
    let status = match word.as_str() {
        "open" | "new" | "received" | "submitted" | "reported" | "unconfirmed" | "confirmed" => {
            (CaseStatus::Received, false)
        }
        "in_progress" | "inprogress" | "in_process" | "processing" | "assigned"
        | "acknowledged" | "accepted" | "investigating" | "under_review" | "in_review"
        | "action_scheduled" | "scheduled" | "started" | "work_in_progress" => {
            (CaseStatus::InProgress, false)
        }
        "closed" | "fixed" | "resolved" | "completed" | "complete" | "done" | "finished" => {
            (CaseStatus::Closed, false)
        }
        "duplicate" | "rejected" | "invalid" | "cancelled" | "canceled" | "declined"
        | "not_responsible" | "unable_to_fix" | "no_further_action" | "wont_fix" => {
            (CaseStatus::Closed, true)
        }
        _ => return None,
    };
    Some(status)
}

/// Our status for theirs: `open` → Received; `in_progress`, `assigned`,
/// `acknowledged`… → InProgress; `closed`, `fixed`, `resolved`, `completed` →
/// Closed; `duplicate`, `rejected`, `invalid`… → Closed too ([`case_view`] keeps
/// their word). Any case, spaces or hyphens for underscores. The bool is false when
/// their word is not one we know: the status is then Received and the app shows
/// their word as given.
pub fn map_status(raw: &str) -> (CaseStatus, bool) {
    match classify(raw) {
        Some((status, _)) => (status, true),
        None => (CaseStatus::Received, false),
    }
}

/// What the tracking page shows for an Open311 request.
///
/// Open311 has no legal term, so `due_date` is the server's `expected_datetime` (or
/// empty), `business_days_left` and `response_days` are 0, and nothing can be replied
/// or rated here. The timeline is what the request tells: filed (at
/// `requested_datetime`), the agency's notes (at `updated_datetime`), closed. Event
/// times go through [`timestamp`]: a time without a zone stays without one (see
/// there); one we cannot read is kept as written, and a missing one is empty.
pub fn case_view(req: &ServiceRequest) -> CaseView {
    let (status, known) = map_status(&req.status);
    let keeps_word = classify(&req.status).is_some_and(|(_, keep)| keep);
    let raw_status = req.status.trim();
    let status_text =
        ((!known || keeps_word) && !raw_status.is_empty()).then(|| raw_status.to_string());
    let day = |ts: &Option<String>| ts.as_deref().and_then(date_of).unwrap_or_default();
    let last_change = at(req
        .updated_datetime
        .as_ref()
        .or(req.requested_datetime.as_ref()));
    let event = |at: String, actor, kind, message| CaseEvent {
        at,
        actor,
        kind,
        message,
        attachments: Vec::new(),
    };
    let mut events = vec![event(
        at(req.requested_datetime.as_ref()),
        Actor::Citizen,
        EventKind::Filed,
        None,
    )];
    if let Some(notes) = &req.status_notes {
        events.push(event(
            last_change.clone(),
            Actor::Staff,
            EventKind::Message,
            Some(notes.clone()),
        ));
    }
    if status == CaseStatus::Closed {
        events.push(event(last_change, Actor::Staff, EventKind::Closed, None));
    }
    CaseView {
        ticket: req.id.clone(),
        case_type: req.service_code.clone().unwrap_or_default(),
        agency: None,
        agency_name: req.agency_responsible.clone(),
        status,
        // GeoReport v2 does not say how a request came in.
        channel: Default::default(),
        filed_on: day(&req.requested_datetime),
        due_date: day(&req.expected_datetime),
        business_days_left: 0,
        response_days: 0,
        description: req.description.clone().unwrap_or_default(),
        events,
        can_reply: false,
        reply_by: None,
        can_rate: false,
        rating: None,
        status_text,
    }
}

/// An event's time: readable → [`timestamp`]'s form; unreadable → as written (the app
/// shows it as it is); missing → empty.
fn at(ts: Option<&String>) -> String {
    match ts {
        Some(ts) => timestamp(ts).unwrap_or_else(|| ts.trim().to_string()),
        None => String::new(),
    }
}
