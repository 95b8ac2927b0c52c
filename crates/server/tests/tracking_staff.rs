//! The staff API through the router: the token, extensions, transfers, statuses,
//! messages and closing, and the OpenAPI document of tracking and staff.

use std::time::Duration;

use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use cc_core::intake::dates::Date;
use cc_core::tracking::{CaseStatus, EventKind, StaffCaseSummary, StaffCaseView};
use serde_json::{json, Value};

mod common;
use common::cases::*;
use common::*;

#[tokio::test]
async fn the_staff_api_needs_the_token() {
    let app = test_app();
    let receipt = file_case(&app, "clave-staff-01").await;
    let routes = [
        (Method::GET, "/cases".to_string(), None),
        (Method::GET, format!("/cases/{}", receipt.ticket), None),
        (
            Method::POST,
            format!("/cases/{}/events", receipt.ticket),
            Some(json!({"action": "assign"})),
        ),
    ];
    for (method, path, body) in &routes {
        for token in [
            None,
            Some("token-equivocado"),
            Some(&TOKEN[..TOKEN.len() - 1]),
        ] {
            let answer = staff(&app, method.clone(), path, token, body.clone()).await;
            answer.expect(StatusCode::UNAUTHORIZED);
            assert_eq!(answer.problem().kind, "/problems/unauthorized");
            assert_eq!(answer.headers[header::WWW_AUTHENTICATE], "Bearer");
        }
        // Wrong tokens are throttled per client: let the window pass between routes.
        app.clock.advance(Duration::from_secs(15 * 60));
        // The token under another scheme is not accepted either.
        let request = Request::builder()
            .method(method.clone())
            .uri(format!("/api/v1/staff{path}"))
            .header(header::AUTHORIZATION, format!("Basic {TOKEN}"))
            .body(Body::empty())
            .unwrap();
        send(&app, request).await.expect(StatusCode::UNAUTHORIZED);
    }
    // Nothing was done by the refused requests.
    assert_eq!(view(&app, &receipt).await.events.len(), 1);
    staff(&app, Method::GET, "/cases", Some(TOKEN), None)
        .await
        .expect(StatusCode::OK);
}

#[tokio::test]
async fn an_extension_is_timely_reasoned_and_at_most_double() {
    let app = test_app();
    let receipt = file_case(&app, "clave-prorroga").await;
    let filed = Date::parse(&receipt.filed_on).unwrap();
    let limit = calendar().add_business_days(filed, 2 * receipt.response_days);

    let too_long = json!({"action": "extend", "reason": "Falta un informe", "new_due_date": limit.add_days(1).to_string()});
    let answer = act(&app, &receipt.ticket, too_long).await;
    answer.expect(StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(answer.error_codes("new_due_date"), ["too_long"]);

    let no_reason = json!({"action": "extend", "reason": " ", "new_due_date": limit.to_string()});
    let answer = act(&app, &receipt.ticket, no_reason).await;
    assert_eq!(answer.error_codes("reason"), ["required"]);

    let ok = json!({"action": "extend", "reason": "Falta un informe", "new_due_date": limit.to_string()});
    let extended: StaffCaseView = act(&app, &receipt.ticket, ok)
        .await
        .expect(StatusCode::CREATED)
        .json();
    assert_eq!(extended.case.due_date, limit.to_string());
    let last = extended.case.events.last().unwrap();
    assert_eq!(
        last.kind,
        EventKind::Extended {
            new_due_date: limit.to_string()
        }
    );
    assert_eq!(last.message.as_deref(), Some("Falta un informe"));
    assert_eq!(view(&app, &receipt).await.due_date, limit.to_string());

    // Once the due date has passed, no extension.
    let late = file_case(&app, "clave-prorroga-tarde").await;
    let yesterday = today().add_days(-1).to_string();
    app.state
        .db
        .lock()
        .unwrap()
        .execute(
            "UPDATE cases SET due_date = ?1 WHERE ticket = ?2",
            [&yesterday, &late.ticket],
        )
        .unwrap();
    let body = json!({"action": "extend", "reason": "Falta un informe", "new_due_date": today().add_days(3).to_string()});
    let answer = act(&app, &late.ticket, body).await;
    answer.expect(StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(answer.error_codes("new_due_date"), ["expired"]);
    assert!(view(&app, &late).await.business_days_left <= 0);
}

#[tokio::test]
async fn a_transfer_moves_the_case_to_a_catalog_agency() {
    let app = test_app();
    let receipt = file_case(&app, "clave-traslado").await;
    let unknown = json!({"action": "transfer", "to_agency": "NOEXISTE", "reason": "No es nuestro"});
    let answer = act(&app, &receipt.ticket, unknown).await;
    answer.expect(StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(answer.error_codes("to_agency"), ["unknown"]);

    let body =
        json!({"action": "transfer", "to_agency": "reg", "reason": "Lo expide el Registro Civil."});
    let moved: StaffCaseView = act(&app, &receipt.ticket, body)
        .await
        .expect(StatusCode::CREATED)
        .json();
    assert_eq!(moved.case.agency.as_deref(), Some("REG"));
    let case = view(&app, &receipt).await;
    assert_eq!(case.agency.as_deref(), Some("REG"));
    assert_eq!(case.agency_name.as_deref(), Some("Registro Civil"));
    assert_eq!(
        case.events.last().unwrap().kind,
        EventKind::Transferred {
            to_agency: "REG".into(),
            to_agency_name: "Registro Civil".into()
        }
    );
    let list: Vec<StaffCaseSummary> =
        staff(&app, Method::GET, "/cases?agency=REG", Some(TOKEN), None)
            .await
            .json();
    assert_eq!(list.len(), 1);
}

#[tokio::test]
async fn staff_statuses_messages_and_closing() {
    let app = test_app();
    let receipt = file_case(&app, "clave-estados").await;
    act(&app, &receipt.ticket, json!({"action": "assign"}))
        .await
        .expect(StatusCode::CREATED);
    assert_eq!(view(&app, &receipt).await.status, CaseStatus::Assigned);
    let answer = act(
        &app,
        &receipt.ticket,
        json!({"action": "status", "status": "answered"}),
    )
    .await;
    assert_eq!(answer.error_codes("status"), ["use_action"]);
    act(
        &app,
        &receipt.ticket,
        json!({"action": "status", "status": "in_progress"}),
    )
    .await
    .expect(StatusCode::CREATED);
    let photo = upload_png(&app, "oficio.png").await;
    act(
        &app,
        &receipt.ticket,
        json!({"action": "message", "message": "Estamos buscando el expediente.", "attachments": [photo.id]}),
    )
    .await
    .expect(StatusCode::CREATED);
    // The agency's file downloads with the citizen's code too.
    download(&app, &receipt.ticket, &photo.id, Some(&receipt.access_code))
        .await
        .expect(StatusCode::OK);
    act(&app, &receipt.ticket, json!({"action": "close"}))
        .await
        .expect(StatusCode::CREATED);
    let case = view(&app, &receipt).await;
    assert_eq!(case.status, CaseStatus::Closed);
    assert!(case.can_rate, "a closed case can still be rated once");
    let kinds: Vec<EventKind> = case.events.iter().map(|e| e.kind.clone()).collect();
    assert_eq!(
        kinds,
        [
            EventKind::Filed,
            EventKind::Assigned,
            EventKind::StatusChanged {
                status: CaseStatus::InProgress
            },
            EventKind::Message,
            EventKind::Closed
        ]
    );
    assert_eq!(case.events[3].attachments, vec![photo]);
    let answer = act(
        &app,
        &receipt.ticket,
        json!({"action": "message", "message": "Hola"}),
    )
    .await;
    answer.expect(StatusCode::CONFLICT);
    assert_eq!(answer.problem().kind, "/problems/case-closed");
    // Unknown tickets are a 404 for staff too.
    act(&app, "MDT-PET-2001-00001", json!({"action": "close"}))
        .await
        .expect(StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn the_openapi_document_lists_tracking_and_staff() {
    let app = test_app();
    let doc: Value = send(
        &app,
        Request::get("/api/v1/openapi.json")
            .body(Body::empty())
            .unwrap(),
    )
    .await
    .json();
    for (path, method) in [
        ("/api/v1/cases/lookup", "post"),
        ("/api/v1/cases/{ticket}/attachments/{id}", "get"),
        ("/api/v1/cases/{ticket}/replies", "post"),
        ("/api/v1/cases/{ticket}/rating", "post"),
        ("/api/v1/staff/cases", "get"),
        ("/api/v1/staff/cases/{ticket}", "get"),
        ("/api/v1/staff/cases/{ticket}/events", "post"),
    ] {
        assert!(
            doc["paths"][path].get(method).is_some(),
            "missing {method} {path}"
        );
    }
    assert_eq!(
        doc["paths"]["/api/v1/staff/cases"]["get"]["security"][0]["bearer"],
        json!([])
    );
    assert_eq!(
        doc["components"]["securitySchemes"]["bearer"]["scheme"],
        "bearer"
    );
    for schema in [
        "CaseView",
        "CaseEvent",
        "EventKind",
        "LookupRequest",
        "NewReply",
        "Rating",
        "StaffAction",
        "StaffCaseView",
        "StaffCaseSummary",
    ] {
        assert!(
            doc["components"]["schemas"].get(schema).is_some(),
            "missing {schema}"
        );
    }
}
