//! A service request read and shown on the tracking page.

use super::samples::*;
use super::*;
use crate::tracking::{Actor, CaseStatus, CaseView, EventKind};

fn request(status: &str) -> ServiceRequest {
    ServiceRequest {
        id: "638344".into(),
        status: status.into(),
        status_notes: None,
        service_name: None,
        service_code: None,
        description: None,
        agency_responsible: None,
        service_notice: None,
        requested_datetime: None,
        updated_datetime: None,
        expected_datetime: None,
        address: None,
    }
}

fn kinds(view: &CaseView) -> Vec<(&str, Actor, EventKind)> {
    view.events
        .iter()
        .map(|e| (e.at.as_str(), e.actor, e.kind.clone()))
        .collect()
}

#[test]
fn the_specs_request_is_read() {
    let r = parse_requests(REQUEST).unwrap().unwrap();
    assert_eq!(
        r,
        ServiceRequest {
            id: "638344".into(),
            status: "closed".into(),
            status_notes: Some("Duplicate request.".into()),
            service_name: Some("Sidewalk and Curb Issues".into()),
            service_code: Some("006".into()),
            description: None,
            agency_responsible: None,
            service_notice: None,
            requested_datetime: Some("2010-04-14T06:37:38-08:00".into()),
            updated_datetime: Some("2010-04-14T06:37:38-08:00".into()),
            expected_datetime: Some("2010-04-15T06:37:38-08:00".into()),
            address: Some("8TH AVE and JUDAH ST".into()),
        }
    );
    let json = serde_json::to_string(&r).unwrap();
    assert_eq!(serde_json::from_str::<ServiceRequest>(&json).unwrap(), r);
}

#[test]
fn requests_in_other_shapes_and_unknown_ids() {
    // A bare object, numeric id, only the id.
    let r = parse_requests(r#"{"service_request_id":5}"#)
        .unwrap()
        .unwrap();
    assert_eq!(
        r,
        ServiceRequest {
            id: "5".into(),
            ..request("")
        }
    );
    // The first element with an id: one still being processed has none.
    let r = parse_requests(r#"[{"status":"open"},{"service_request_id":"B","status":"open"}]"#)
        .unwrap()
        .unwrap();
    assert_eq!(r.id, "B");
    let r = parse_requests(r#"{"service_requests":{"request":[{"service_request_id":"W"}]}}"#)
        .unwrap()
        .unwrap();
    assert_eq!(r.id, "W");
    for none in ["[]", "null", "{}", r#"[{"status":"open"}]"#, "[[]]"] {
        assert_eq!(parse_requests(none), Ok(None), "{none}");
    }
    assert!(matches!(
        parse_requests("3"),
        Err(Open311Error::Unexpected(_))
    ));
    assert!(matches!(
        parse_requests("\"not found\""),
        Err(Open311Error::Unexpected(_))
    ));
    assert_eq!(parse_requests("Not found"), Err(Open311Error::NotJson));
}

#[test]
fn statuses_map_to_ours() {
    for (raw, status) in [
        ("open", CaseStatus::Received),
        (" OPEN ", CaseStatus::Received),
        ("new", CaseStatus::Received),
        ("in_progress", CaseStatus::InProgress),
        ("In Progress", CaseStatus::InProgress),
        ("in-progress", CaseStatus::InProgress),
        ("assigned", CaseStatus::InProgress),
        ("acknowledged", CaseStatus::InProgress),
        ("action scheduled", CaseStatus::InProgress),
        ("closed", CaseStatus::Closed),
        ("Fixed", CaseStatus::Closed),
        ("resolved", CaseStatus::Closed),
        ("completed", CaseStatus::Closed),
        ("duplicate", CaseStatus::Closed),
        ("rejected", CaseStatus::Closed),
        ("invalid", CaseStatus::Closed),
        ("not responsible", CaseStatus::Closed),
    ] {
        assert_eq!(map_status(raw), (status, true), "{raw}");
    }
    for unknown in ["", "  ", "pendiente", "waiting", "openish"] {
        assert_eq!(
            map_status(unknown),
            (CaseStatus::Received, false),
            "{unknown}"
        );
    }
}

#[test]
fn the_tracking_page_of_the_specs_request() {
    let view = case_view(&parse_requests(REQUEST).unwrap().unwrap());
    assert_eq!(view.ticket, "638344");
    assert_eq!(view.case_type, "006");
    assert_eq!(view.agency, None);
    assert_eq!(view.agency_name, None);
    assert_eq!(view.status, CaseStatus::Closed);
    assert_eq!(view.status_text, None);
    assert_eq!(view.filed_on, "2010-04-14");
    assert_eq!(view.due_date, "2010-04-15");
    assert_eq!((view.business_days_left, view.response_days), (0, 0));
    assert_eq!(view.description, "");
    assert!(!view.can_reply && !view.can_rate);
    assert_eq!((view.reply_by.clone(), view.rating.clone()), (None, None));
    let at = "2010-04-14T06:37:38-08:00";
    assert_eq!(
        kinds(&view),
        vec![
            (at, Actor::Citizen, EventKind::Filed),
            (at, Actor::Staff, EventKind::Message),
            (at, Actor::Staff, EventKind::Closed),
        ]
    );
    assert_eq!(
        view.events[1].message.as_deref(),
        Some("Duplicate request.")
    );
    assert_eq!(view.events[0].message, None);
    assert!(view.events.iter().all(|e| e.attachments.is_empty()));
}

#[test]
fn the_tracking_page_of_an_open_request_without_dates() {
    let mut r = request("open");
    r.agency_responsible = Some("Obras Públicas".into());
    r.service_code = Some("BACHE".into());
    r.description = Some("Hay un bache".into());
    let view = case_view(&r);
    assert_eq!(view.status, CaseStatus::Received);
    assert_eq!(view.status_text, None);
    assert_eq!(view.agency_name.as_deref(), Some("Obras Públicas"));
    assert_eq!(view.case_type, "BACHE");
    assert_eq!(view.description, "Hay un bache");
    assert_eq!((view.filed_on.as_str(), view.due_date.as_str()), ("", ""));
    assert_eq!(kinds(&view), vec![("", Actor::Citizen, EventKind::Filed)]);
}

#[test]
fn their_word_is_kept_when_ours_says_too_little() {
    let mut r = request("Duplicate");
    r.requested_datetime = Some("2026-03-02 09:15".into());
    r.updated_datetime = Some("ayer".into());
    r.status_notes = Some("Ya reportado".into());
    r.expected_datetime = Some("2026-03-10".into());
    let view = case_view(&r);
    assert_eq!(view.status, CaseStatus::Closed);
    assert_eq!(view.status_text.as_deref(), Some("Duplicate"));
    assert_eq!(view.filed_on, "2026-03-02");
    assert_eq!(view.due_date, "2026-03-10");
    // A zone-less time stays zone-less; an unreadable one is kept as written.
    assert_eq!(
        kinds(&view),
        vec![
            ("2026-03-02T09:15:00", Actor::Citizen, EventKind::Filed),
            ("ayer", Actor::Staff, EventKind::Message),
            ("ayer", Actor::Staff, EventKind::Closed),
        ]
    );
    // An unknown word: Received, shown as given; no closing event.
    let mut r = request(" En revisión técnica ");
    r.requested_datetime = Some("2026-03-02T09:15:00Z".into());
    r.status_notes = Some("Lo vemos".into());
    let view = case_view(&r);
    assert_eq!(view.status, CaseStatus::Received);
    assert_eq!(view.status_text.as_deref(), Some("En revisión técnica"));
    // Notes without an update time are dated at the filing.
    assert_eq!(
        kinds(&view),
        vec![
            ("2026-03-02T09:15:00Z", Actor::Citizen, EventKind::Filed),
            ("2026-03-02T09:15:00Z", Actor::Staff, EventKind::Message),
        ]
    );
    // No status at all: nothing to show as their word.
    assert_eq!(case_view(&request(" ")).status_text, None);
    assert_eq!(case_view(&request("fixed")).status_text, None);
    assert_eq!(case_view(&request("in_progress")).status_text, None);
}

#[test]
fn the_new_status_text_is_optional_on_the_wire() {
    let view = case_view(&request("open"));
    let json = serde_json::to_value(&view).unwrap();
    assert!(json.get("status_text").is_none());
    assert_eq!(serde_json::from_value::<CaseView>(json).unwrap(), view);
    let view = case_view(&request("rejected"));
    let json = serde_json::to_value(&view).unwrap();
    assert_eq!(json["status_text"], "rejected");
    assert_eq!(serde_json::from_value::<CaseView>(json).unwrap(), view);
}
