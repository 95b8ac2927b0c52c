//! A case from filing to rating: the staff's answer, the citizen's replies (once per
//! key, only when invited) and the rating.

use axum::body::Body;
use axum::http::{header, Method, StatusCode};
use cc_core::tracking::{Actor, CaseStatus, CaseView, EventKind, StaffCaseSummary, StaffCaseView};
use serde_json::json;

mod common;
use common::cases::*;
use common::*;

#[tokio::test]
async fn a_case_goes_from_filing_to_rating() {
    let app = test_app();
    let receipt = file_case(&app, "clave-ciclo-01").await;

    // Staff see it in the list, with the contact data.
    let list: Vec<StaffCaseSummary> = staff(
        &app,
        Method::GET,
        "/cases?status=received&agency=mdt",
        Some(TOKEN),
        None,
    )
    .await
    .expect(StatusCode::OK)
    .json();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].ticket, receipt.ticket);
    assert_eq!(list[0].email.as_deref(), Some("ana.perez@example.com"));
    assert_eq!(list[0].business_days_left, 15);
    let none: Vec<StaffCaseSummary> = staff(
        &app,
        Method::GET,
        "/cases?status=answered",
        Some(TOKEN),
        None,
    )
    .await
    .json();
    assert!(none.is_empty());
    staff(&app, Method::GET, "/cases?status=nope", Some(TOKEN), None)
        .await
        .expect(StatusCode::BAD_REQUEST);

    // Staff ask for more information: one month to reply (Ley 1755 art. 17).
    let asked: StaffCaseView = act(
        &app,
        &receipt.ticket,
        json!({"action": "request_info", "message": "Indique el número del contrato."}),
    )
    .await
    .expect(StatusCode::CREATED)
    .json();
    assert_eq!(asked.name.as_deref(), Some("Ana Pérez"));
    assert_eq!(asked.case.status, CaseStatus::WaitingForCitizen);
    let reply_by = today().add_months(1).to_string();
    let case = view(&app, &receipt).await;
    assert_eq!(case.status, CaseStatus::WaitingForCitizen);
    assert!(case.can_reply);
    assert_eq!(case.reply_by.as_deref(), Some(reply_by.as_str()));
    let last = case.events.last().unwrap();
    assert_eq!(
        last.kind,
        EventKind::InfoRequested {
            reply_by: reply_by.clone()
        }
    );
    assert_eq!(last.actor, Actor::Staff);
    assert_eq!(
        last.message.as_deref(),
        Some("Indique el número del contrato.")
    );

    // Not answered yet: no rating.
    let early = rate(
        &app,
        &receipt,
        &json!({"answered": true, "clear": true, "score": 5}),
    )
    .await;
    early.expect(StatusCode::CONFLICT);

    // The citizen replies with a photo: the term resumes.
    let photo = upload_png(&app, "contrato.png").await;
    let body = json!({"message": "El contrato es el 2019-4411.", "attachments": [photo.id]});
    let replied: CaseView = reply(&app, &receipt, "clave-respuesta-01", &body)
        .await
        .expect(StatusCode::CREATED)
        .json();
    assert_eq!(replied.status, CaseStatus::InProgress);
    assert!(!replied.can_reply);
    assert_eq!(replied.reply_by, None);
    let last = replied.events.last().unwrap();
    assert_eq!(last.kind, EventKind::CitizenReply);
    assert_eq!(last.actor, Actor::Citizen);
    assert_eq!(last.attachments, vec![photo.clone()]);

    // The file comes back with the code, as a download that is never sniffed.
    let file = download(&app, &receipt.ticket, &photo.id, Some(&receipt.access_code)).await;
    file.expect(StatusCode::OK);
    assert_eq!(file.body, PNG);
    assert_eq!(file.headers[header::CONTENT_TYPE], "image/png");
    assert_eq!(file.headers[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
    let disposition = file.headers[header::CONTENT_DISPOSITION].to_str().unwrap();
    assert!(
        disposition.starts_with("attachment; filename=\"contrato.png\""),
        "{disposition}"
    );
    // Lower case and without dashes works here too.
    let typed = receipt.access_code.to_lowercase().replace('-', "");
    download(&app, &receipt.ticket, &photo.id, Some(&typed))
        .await
        .expect(StatusCode::OK);

    // Staff answer; the citizen can rate once.
    act(
        &app,
        &receipt.ticket,
        json!({"action": "answer", "message": "Adjuntamos la copia certificada."}),
    )
    .await
    .expect(StatusCode::CREATED);
    let case = view(&app, &receipt).await;
    assert_eq!(case.status, CaseStatus::Answered);
    assert!(case.can_rate);
    assert_eq!(case.events.last().unwrap().kind, EventKind::Answered);

    let bad = rate(
        &app,
        &receipt,
        &json!({"answered": true, "clear": true, "score": 0}),
    )
    .await;
    bad.expect(StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(bad.error_codes("score"), ["range"]);
    let rating = json!({"answered": true, "clear": false, "score": 4, "comment": "Tardó."});
    let rated: CaseView = rate(&app, &receipt, &rating)
        .await
        .expect(StatusCode::CREATED)
        .json();
    assert!(!rated.can_rate);
    assert_eq!(rated.rating.as_ref().map(|r| r.score), Some(4));
    assert_eq!(rated.events.last().unwrap().kind, EventKind::Rated);
    let again = rate(&app, &receipt, &rating).await;
    again.expect(StatusCode::CONFLICT);
    assert_eq!(again.problem().kind, "/problems/rating-not-allowed");

    // The whole story, in order, for staff.
    let staff_view: StaffCaseView = staff(
        &app,
        Method::GET,
        &format!("/cases/{}", receipt.ticket.to_lowercase()),
        Some(TOKEN),
        None,
    )
    .await
    .expect(StatusCode::OK)
    .json();
    let kinds: Vec<&EventKind> = staff_view.case.events.iter().map(|e| &e.kind).collect();
    assert_eq!(
        kinds,
        [
            &EventKind::Filed,
            &EventKind::InfoRequested { reply_by },
            &EventKind::CitizenReply,
            &EventKind::Answered,
            &EventKind::Rated
        ]
    );
    assert_eq!(
        staff_view.case.rating.unwrap().comment.as_deref(),
        Some("Tardó.")
    );
}

#[tokio::test]
async fn a_retried_reply_is_recorded_once() {
    let app = test_app();
    let receipt = file_case(&app, "clave-reintento").await;
    act(
        &app,
        &receipt.ticket,
        json!({"action": "request_info", "message": "¿Qué año?"}),
    )
    .await
    .expect(StatusCode::CREATED);
    let body = json!({"message": "Fue en 2019."});
    let first = reply(&app, &receipt, "clave-respuesta-rep", &body).await;
    first.expect(StatusCode::CREATED);
    // The case no longer takes replies, yet the retry gets the first answer.
    let second = reply(&app, &receipt, "clave-respuesta-rep", &body).await;
    second.expect(StatusCode::CREATED);
    assert_eq!(first.body, second.body, "byte-identical");
    let case = view(&app, &receipt).await;
    let replies = case
        .events
        .iter()
        .filter(|e| e.kind == EventKind::CitizenReply)
        .count();
    assert_eq!(replies, 1);
    // The key with another body is refused.
    let other = reply(
        &app,
        &receipt,
        "clave-respuesta-rep",
        &json!({"message": "Otro"}),
    )
    .await;
    other.expect(StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(other.problem().kind, "/problems/idempotency-key-reused");
}

#[tokio::test]
async fn a_reply_needs_an_invitation_and_a_message() {
    let app = test_app();
    let receipt = file_case(&app, "clave-sin-pedir").await;
    let answer = reply(
        &app,
        &receipt,
        "clave-respuesta-x",
        &json!({"message": "Hola"}),
    )
    .await;
    answer.expect(StatusCode::CONFLICT);
    assert_eq!(answer.problem().kind, "/problems/reply-not-allowed");

    act(
        &app,
        &receipt.ticket,
        json!({"action": "request_info", "message": "¿Qué año?"}),
    )
    .await
    .expect(StatusCode::CREATED);
    let empty = reply(
        &app,
        &receipt,
        "clave-respuesta-y",
        &json!({"message": "  "}),
    )
    .await;
    empty.expect(StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(empty.error_codes("message"), ["required"]);
    let long = json!({"message": "x".repeat(4001)});
    let long = reply(&app, &receipt, "clave-respuesta-z", &long).await;
    assert_eq!(long.error_codes("message"), ["too_long"]);
    let ghost =
        json!({"message": "Va el archivo", "attachments": ["0123456789abcdef0123456789abcdef"]});
    let ghost = reply(&app, &receipt, "clave-respuesta-w", &ghost).await;
    assert_eq!(ghost.error_codes("attachments"), ["unknown"]);
    // Without the key it is a 400, after the code was checked.
    let request = json_request(
        Method::POST,
        &format!("/api/v1/cases/{}/replies", receipt.ticket),
    )
    .header("X-Access-Code", &receipt.access_code)
    .body(Body::from(json!({"message": "Hola"}).to_string()))
    .unwrap();
    send(&app, request).await.expect(StatusCode::BAD_REQUEST);
    // Nothing was recorded by the refused replies.
    assert_eq!(
        view(&app, &receipt).await.status,
        CaseStatus::WaitingForCitizen
    );
}
