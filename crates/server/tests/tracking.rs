//! Case tracking end to end through the router: the citizen's look-up (and who it
//! refuses), the lockout, replies, ratings, downloads, the staff API and its rules,
//! and the staff command-line tool against a real server.

use std::net::SocketAddr;
use std::time::Duration;

use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::{header, Method, Request, StatusCode};
use cc_core::intake::access_code::normalize_code;
use cc_core::intake::dates::{BusinessCalendar, Date};
use cc_core::intake::{AttachmentReceipt, CaseReceipt};
use cc_core::tracking::{Actor, CaseStatus, CaseView, EventKind, StaffCaseSummary, StaffCaseView};
use serde_json::{json, Value};

mod common;
use common::{send_to, test_app, today, valid_petition, Answer, TestApp, TOKEN};

async fn send(app: &TestApp, request: Request<Body>) -> Answer {
    send_to(&app.router, request).await
}

fn json_request(method: Method, uri: &str) -> axum::http::request::Builder {
    Request::builder()
        .method(method)
        .uri(uri)
        .header(header::CONTENT_TYPE, "application/json")
}

async fn file_case(app: &TestApp, key: &str) -> CaseReceipt {
    let request = json_request(Method::POST, "/api/v1/cases")
        .header("Idempotency-Key", key)
        .body(Body::from(valid_petition().to_string()))
        .unwrap();
    send(app, request).await.expect(StatusCode::CREATED).json()
}

fn lookup_request(ticket: &str, code: &str, client: Option<[u8; 4]>) -> Request<Body> {
    let body = json!({ "ticket": ticket, "access_code": code });
    let mut request = json_request(Method::POST, "/api/v1/cases/lookup")
        .body(Body::from(body.to_string()))
        .unwrap();
    if let Some(ip) = client {
        let addr = SocketAddr::from((ip, 40_000));
        request.extensions_mut().insert(ConnectInfo(addr));
    }
    request
}

async fn lookup(app: &TestApp, ticket: &str, code: &str) -> Answer {
    send(app, lookup_request(ticket, code, None)).await
}

async fn view(app: &TestApp, receipt: &CaseReceipt) -> CaseView {
    lookup(app, &receipt.ticket, &receipt.access_code)
        .await
        .expect(StatusCode::OK)
        .json()
}

async fn staff(
    app: &TestApp,
    method: Method,
    path: &str,
    token: Option<&str>,
    body: Option<Value>,
) -> Answer {
    let mut request = Request::builder()
        .method(method)
        .uri(format!("/api/v1/staff{path}"));
    if let Some(token) = token {
        request = request.header(header::AUTHORIZATION, format!("Bearer {token}"));
    }
    let request = match body {
        Some(body) => request
            .header(header::CONTENT_TYPE, "application/json")
            .body(Body::from(body.to_string())),
        None => request.body(Body::empty()),
    };
    send(app, request.unwrap()).await
}

async fn act(app: &TestApp, ticket: &str, action: Value) -> Answer {
    staff(
        app,
        Method::POST,
        &format!("/cases/{ticket}/events"),
        Some(TOKEN),
        Some(action),
    )
    .await
}

async fn reply(app: &TestApp, receipt: &CaseReceipt, key: &str, body: &Value) -> Answer {
    let request = json_request(
        Method::POST,
        &format!("/api/v1/cases/{}/replies", receipt.ticket),
    )
    .header("X-Access-Code", &receipt.access_code)
    .header("Idempotency-Key", key)
    .body(Body::from(body.to_string()))
    .unwrap();
    send(app, request).await
}

async fn rate(app: &TestApp, receipt: &CaseReceipt, body: &Value) -> Answer {
    let request = json_request(
        Method::POST,
        &format!("/api/v1/cases/{}/rating", receipt.ticket),
    )
    .header("X-Access-Code", &receipt.access_code)
    .body(Body::from(body.to_string()))
    .unwrap();
    send(app, request).await
}

async fn download(app: &TestApp, ticket: &str, id: &str, code: Option<&str>) -> Answer {
    let mut request = Request::get(format!("/api/v1/cases/{ticket}/attachments/{id}"));
    if let Some(code) = code {
        request = request.header("X-Access-Code", code);
    }
    send(app, request.body(Body::empty()).unwrap()).await
}

async fn upload_png(app: &TestApp, name: &str) -> AttachmentReceipt {
    let request = Request::post(format!("/api/v1/attachments?name={name}"))
        .body(Body::from(PNG.to_vec()))
        .unwrap();
    send(app, request).await.expect(StatusCode::CREATED).json()
}

fn calendar() -> BusinessCalendar {
    BusinessCalendar::new(&cc_server::default_deployment().holidays)
}

/// A complete 1×1 PNG.
const PNG: &[u8] = &[
    0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52,
    0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4,
    0x89, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0x00, 0x01, 0x00, 0x00,
    0x05, 0x00, 0x01, 0x0D, 0x0A, 0x2D, 0xB4, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE,
    0x42, 0x60, 0x82,
];

/// A code that is well formed but not `code` (each symbol moved one place on).
fn wrong_code(code: &str) -> String {
    let alphabet = cc_core::intake::access_code::ALPHABET;
    normalize_code(code)
        .unwrap()
        .bytes()
        .map(|b| {
            let i = alphabet.iter().position(|&a| a == b).unwrap();
            char::from(alphabet[(i + 1) % alphabet.len()])
        })
        .collect()
}

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

/// The staff tool against a real server on a random port.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_staff_tool_works_over_http() {
    use cc_server::staff_cli::{run, StaffArgs, StaffCommand};

    let app = test_app();
    let receipt = file_case(&app, "clave-herramienta").await;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let service =
        cc_server::app(app.state.clone()).into_make_service_with_connect_info::<SocketAddr>();
    let server = tokio::spawn(async move { axum::serve(listener, service).await });

    let cli = |token: &str, command: StaffCommand| {
        let args = StaffArgs {
            url: url.clone(),
            token: token.into(),
            command,
        };
        tokio::task::spawn_blocking(move || {
            let mut out = Vec::new();
            run(&args, &mut out).map(|()| String::from_utf8(out).unwrap())
        })
    };

    let listed = cli(
        TOKEN,
        StaffCommand::List {
            status: None,
            agency: None,
        },
    )
    .await
    .unwrap()
    .unwrap();
    assert!(listed.starts_with("RADICADO"), "{listed}");
    assert!(listed.contains(&receipt.ticket), "{listed}");
    assert!(
        listed.contains("Ana Pérez · ana.perez@example.com"),
        "{listed}"
    );

    let typed = receipt.ticket.to_lowercase().replace('-', " ");
    let done = cli(
        TOKEN,
        StaffCommand::RequestInfo {
            ticket: typed.clone(),
            message: "Indique el número del contrato.".into(),
        },
    )
    .await
    .unwrap()
    .unwrap();
    assert!(done.contains("waiting_for_citizen"), "{done}");
    assert!(done.contains("Indique el número del contrato."), "{done}");
    assert_eq!(
        view(&app, &receipt).await.status,
        CaseStatus::WaitingForCitizen
    );

    let shown = cli(TOKEN, StaffCommand::Show { ticket: typed })
        .await
        .unwrap()
        .unwrap();
    assert!(shown.contains("se pidió información"), "{shown}");
    assert!(shown.contains("Necesito una copia certificada"), "{shown}");

    let refused = cli(
        "token-equivocado",
        StaffCommand::List {
            status: None,
            agency: None,
        },
    )
    .await
    .unwrap()
    .unwrap_err();
    assert!(refused.to_string().starts_with("401"), "{refused}");

    let invalid = cli(
        TOKEN,
        StaffCommand::Extend {
            ticket: receipt.ticket.clone(),
            date: "2001-01-01".into(),
            reason: "x".into(),
        },
    )
    .await
    .unwrap()
    .unwrap_err();
    assert!(
        invalid.to_string().contains("new_due_date (not_later)"),
        "{invalid}"
    );
    server.abort();
}
