//! The citizen's look-up through the router: the forms people type, the one 404 for
//! every refusal, the slow-down of a guessing client, and downloads that need the code
//! of their own case.

use std::time::Duration;

use axum::body::Body;
use axum::http::{header, Method, StatusCode};
use cc_core::intake::CaseReceipt;
use cc_core::tracking::{Actor, CaseStatus, CaseView, EventKind};
use serde_json::json;

mod common;
use common::cases::*;
use common::*;

#[tokio::test]
async fn lookup_accepts_the_ticket_and_code_as_people_type_them() {
    let app = test_app();
    let receipt = file_case(&app, "clave-lookup-1").await;
    let code = &receipt.access_code;
    let typed_ticket = receipt.ticket.to_lowercase().replace('-', " ");
    for (ticket, code) in [
        (receipt.ticket.clone(), code.clone()),
        (receipt.ticket.clone(), code.to_lowercase().replace('-', "")),
        (
            typed_ticket.clone(),
            format!(" {} ", code.replace('-', " ")),
        ),
    ] {
        let answer = lookup(&app, &ticket, &code).await;
        answer.expect(StatusCode::OK);
        let view: CaseView = answer.json();
        assert_eq!(view.ticket, receipt.ticket);
        assert_eq!(view.status, CaseStatus::Received);
        assert_eq!(view.agency_name.as_deref(), Some("Ministerio del Trabajo"));
        assert_eq!(view.due_date, receipt.due_date);
        assert_eq!(view.business_days_left, 15);
        assert!(view.description.starts_with("Necesito una copia"));
        assert_eq!(view.events.len(), 1);
        assert_eq!(view.events[0].kind, EventKind::Filed);
        assert_eq!(view.events[0].actor, Actor::Citizen);
        assert!(view.events[0].at.ends_with('Z'), "{}", view.events[0].at);
        assert!(!view.can_reply && !view.can_rate);
        assert_eq!((view.reply_by, view.rating), (None, None));
        // The citizen's view never carries the contact data.
        let raw = String::from_utf8(answer.body.clone()).unwrap();
        for personal in ["Ana Pérez", "ana.perez@example.com", "700 00000"] {
            assert!(!raw.contains(personal), "{personal} in {raw}");
        }
    }
}

#[tokio::test]
async fn every_refusal_is_the_same_404() {
    let app = test_app();
    let mine = file_case(&app, "clave-mia-0001").await;
    let other = file_case(&app, "clave-otra-0001").await;
    let unknown = mine.ticket.replace("-0000", "-0090");
    let cases = [
        ("no code", mine.ticket.as_str(), String::new()),
        ("wrong code", &mine.ticket, wrong_code(&mine.access_code)),
        ("malformed code", &mine.ticket, "hola-0000".into()),
        (
            "another case's code",
            &mine.ticket,
            other.access_code.clone(),
        ),
        ("unknown ticket", &unknown, mine.access_code.clone()),
        ("not a ticket", "radicado 42", mine.access_code.clone()),
    ];
    let mut answers = Vec::new();
    for (what, ticket, code) in cases {
        let answer = lookup(&app, ticket, &code).await;
        assert_eq!(answer.status, StatusCode::NOT_FOUND, "{what}");
        answers.push((what, answer));
    }
    let (_, first) = &answers[0];
    assert_eq!(first.problem().kind, "/problems/not-found");
    for (what, answer) in &answers {
        assert_eq!(answer.body, first.body, "{what}: same body");
        assert_eq!(answer.headers, first.headers, "{what}: same headers");
    }

    // The header endpoints refuse the same way: the very same bytes.
    let file = download(&app, &other.ticket, "0123456789abcdef", None).await;
    assert_eq!(file.status, StatusCode::NOT_FOUND);
    assert_eq!(file.body, first.body);
}

#[tokio::test]
async fn wrong_codes_slow_down_that_client_with_retry_after() {
    let app = test_app();
    let receipt = file_case(&app, "clave-bloqueo-1").await;
    let wrong = wrong_code(&receipt.access_code);
    let client = None;

    // A success in between does not add to the count.
    for _ in 0..4 {
        send(&app, lookup_request(&receipt.ticket, &wrong, client))
            .await
            .expect(StatusCode::NOT_FOUND);
    }
    send(
        &app,
        lookup_request(&receipt.ticket, &receipt.access_code, client),
    )
    .await
    .expect(StatusCode::OK);
    // Typed another way it is still the same ticket: the fifth failure.
    let typed = receipt.ticket.to_lowercase();
    send(&app, lookup_request(&typed, &wrong, client))
        .await
        .expect(StatusCode::NOT_FOUND);
    let slowed = send(
        &app,
        lookup_request(&receipt.ticket, &receipt.access_code, client),
    )
    .await;
    slowed.expect(StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(slowed.problem().kind, "/problems/too-many-attempts");
    assert_eq!(slowed.headers[header::RETRY_AFTER], "1");
    // The other endpoints of the case wait too.
    let file = download(&app, &receipt.ticket, "x", Some(&receipt.access_code)).await;
    file.expect(StatusCode::TOO_MANY_REQUESTS);

    app.clock.advance(Duration::from_secs(1));
    view(&app, &receipt).await;
}

#[tokio::test]
async fn attachments_need_the_code_of_their_own_case() {
    let app = test_app();
    let photo = upload_png(&app, "prueba.png").await;
    let mut case = valid_petition();
    case["attachments"] = json!([photo.id]);
    let request = json_request(Method::POST, "/api/v1/cases")
        .header("Idempotency-Key", "clave-con-adjunto")
        .body(Body::from(case.to_string()))
        .unwrap();
    let mine: CaseReceipt = send(&app, request).await.expect(StatusCode::CREATED).json();
    let other = file_case(&app, "clave-sin-adjunto").await;

    // Filed with the case: shown on the `filed` event.
    let case = view(&app, &mine).await;
    assert_eq!(case.events[0].attachments, vec![photo.clone()]);

    download(&app, &mine.ticket, &photo.id, Some(&mine.access_code))
        .await
        .expect(StatusCode::OK);
    for code in [None, Some(other.access_code.as_str())] {
        download(&app, &mine.ticket, &photo.id, code)
            .await
            .expect(StatusCode::NOT_FOUND);
    }
    // Another case's ticket with its own code does not reach this file.
    download(&app, &other.ticket, &photo.id, Some(&other.access_code))
        .await
        .expect(StatusCode::NOT_FOUND);
}
