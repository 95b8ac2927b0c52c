//! Intake end to end through the router: attachments, filing a case, idempotency,
//! ticket numbering and how the access code is stored.

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use cc_core::intake::dates::BusinessCalendar;
use cc_core::intake::{AttachmentReceipt, CaseReceipt, Identity};
use cc_server::cases;
use serde_json::{json, Value};

mod common;
use common::{send_to, test_app, today, valid_complaint, Answer, TestApp};

async fn send(router: &axum::Router, request: Request<Body>) -> Answer {
    send_to(router, request).await
}

async fn post_case(app: &TestApp, key: Option<&str>, case: &Value) -> Answer {
    let mut request =
        Request::post("/api/v1/cases").header(header::CONTENT_TYPE, "application/json");
    if let Some(key) = key {
        request = request.header("Idempotency-Key", key);
    }
    send(
        &app.router,
        request.body(Body::from(case.to_string())).unwrap(),
    )
    .await
}

async fn upload(app: &TestApp, name: &str, content_type: &str, bytes: Vec<u8>) -> Answer {
    let request = Request::post(format!("/api/v1/attachments?name={name}"))
        .header(header::CONTENT_TYPE, content_type)
        .body(Body::from(bytes))
        .unwrap();
    send(&app.router, request).await
}

/// `^[A-Z]+-[A-Z]{3}-\d{4}-\d{5}$` without a regex engine.
fn is_ticket(ticket: &str) -> bool {
    let parts: Vec<&str> = ticket.split('-').collect();
    let upper = |s: &str, n: Option<usize>| {
        !s.is_empty() && s.bytes().all(|b| b.is_ascii_uppercase()) && n.is_none_or(|n| s.len() == n)
    };
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    parts.len() == 4
        && upper(parts[0], None)
        && upper(parts[1], Some(3))
        && digits(parts[2], 4)
        && digits(parts[3], 5)
}

fn case_count(app: &TestApp) -> usize {
    cases::count_cases(&app.state.db.lock().unwrap()).unwrap()
}

fn stored_case(app: &TestApp, ticket: &str) -> cases::StoredCase {
    cases::find_case_by_ticket(&app.state.db.lock().unwrap(), ticket)
        .unwrap()
        .expect("the case is stored")
}

/// A complete 1×1 PNG.
const PNG: &[u8] = &[
    0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52,
    0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4,
    0x89, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0x00, 0x01, 0x00, 0x00,
    0x05, 0x00, 0x01, 0x0D, 0x0A, 0x2D, 0xB4, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE,
    0x42, 0x60, 0x82,
];

#[tokio::test]
async fn a_valid_case_gets_a_ticket_an_access_code_and_a_due_date() {
    let app = test_app();
    let answer = post_case(&app, Some("clave-0001"), &valid_complaint()).await;
    assert_eq!(
        answer.status,
        StatusCode::CREATED,
        "{}",
        String::from_utf8_lossy(&answer.body)
    );
    assert_eq!(answer.headers[header::CONTENT_TYPE], "application/json");
    let receipt: CaseReceipt = answer.json();
    assert!(is_ticket(&receipt.ticket), "{}", receipt.ticket);
    let year = today().year;
    assert_eq!(receipt.ticket, format!("MDT-QUE-{year}-00001"));
    assert_eq!(
        answer.headers[header::LOCATION],
        format!("/api/v1/cases/{}", receipt.ticket).as_str()
    );

    let code = &receipt.access_code;
    assert_eq!(code.chars().count(), 14, "{code}");
    assert_eq!(code.matches('-').count(), 2, "{code}");
    assert_eq!(&code[4..5], "-");
    assert_eq!(&code[9..10], "-");

    let deployment = cc_server::default_deployment();
    let expected_due = BusinessCalendar::new(&deployment.holidays).add_business_days(today(), 15);
    assert_eq!(receipt.filed_on, today().to_string());
    assert_eq!(receipt.due_date, expected_due.to_string());
    assert_eq!(receipt.response_days, 15);
    assert_eq!(receipt.case_type, "queja");
    assert_eq!(receipt.agency.as_deref(), Some("MDT"));
    assert_eq!(
        receipt.agency_name.as_deref(),
        Some("Ministerio del Trabajo")
    );

    let stored = stored_case(&app, &receipt.ticket);
    assert_eq!(stored.status, "received");
    assert_eq!(stored.name.as_deref(), Some("Ana Pérez"));
    assert_eq!(stored.due_date, receipt.due_date);
    let events = cases::case_events(&app.state.db.lock().unwrap(), stored.id).unwrap();
    assert_eq!(events.len(), 1);
    assert_eq!(events[0].kind, "filed");
    assert_eq!(events[0].actor, "citizen");
}

#[tokio::test]
async fn sequences_count_per_agency_type_and_year() {
    let app = test_app();
    let year = today().year;
    let mut tickets = Vec::new();
    for (i, (case_type, agency)) in [
        ("queja", Some("MDT")),
        ("queja", Some("MDT")),
        ("reclamo", Some("MDT")),
        ("queja", Some("REG")),
        ("queja", None),
    ]
    .into_iter()
    .enumerate()
    {
        let mut case = valid_complaint();
        case["case_type"] = json!(case_type);
        case["agency"] = json!(agency);
        let answer = post_case(&app, Some(&format!("secuencia-{i}")), &case).await;
        assert_eq!(answer.status, StatusCode::CREATED);
        tickets.push(answer.json::<CaseReceipt>().ticket);
    }
    assert_eq!(
        tickets,
        [
            format!("MDT-QUE-{year}-00001"),
            format!("MDT-QUE-{year}-00002"),
            format!("MDT-REC-{year}-00001"),
            format!("REG-QUE-{year}-00001"),
            format!("GEN-QUE-{year}-00001"),
        ]
    );
    assert_eq!(case_count(&app), 5);
}

#[tokio::test]
async fn the_idempotency_key_is_required_and_bounded() {
    let app = test_app();
    for key in [None, Some("corta"), Some(&*"x".repeat(201))] {
        let answer = post_case(&app, key, &valid_complaint()).await;
        assert_eq!(answer.status, StatusCode::BAD_REQUEST, "{key:?}");
        let problem = answer.problem();
        assert_eq!(problem.kind, "/problems/bad-request");
        assert!(problem.detail.unwrap().contains("Idempotency-Key"));
    }
    assert_eq!(case_count(&app), 0);
    let answer = post_case(&app, Some(&"x".repeat(200)), &valid_complaint()).await;
    assert_eq!(answer.status, StatusCode::CREATED);
}

#[tokio::test]
async fn a_body_that_is_not_a_case_is_a_400_problem() {
    let app = test_app();
    let answer = post_case(&app, Some("clave-rota"), &json!({"hola": 1})).await;
    assert_eq!(answer.status, StatusCode::BAD_REQUEST);
    assert_eq!(answer.problem().status, 400);
}

#[tokio::test]
async fn an_invalid_case_is_a_422_with_field_errors_and_files_nothing() {
    let app = test_app();
    let mut case = valid_complaint();
    case["description"] = json!("");
    case["email"] = json!("esto-no-es-un-correo");
    case["consent"] = json!(false);
    let answer = post_case(&app, Some("clave-invalida"), &case).await;
    assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY);
    let problem = answer.problem();
    assert_eq!(problem.kind, "/problems/validation");
    for field in ["description", "email", "consent"] {
        assert!(
            problem.errors.iter().any(|e| e.field == field),
            "no error on {field}: {:?}",
            problem.errors
        );
    }
    assert!(problem.errors.iter().all(|e| !e.message.is_empty()));
    assert_eq!(case_count(&app), 0);

    // Failures are not remembered: the corrected form goes through with the same key.
    let answer = post_case(&app, Some("clave-invalida"), &valid_complaint()).await;
    assert_eq!(answer.status, StatusCode::CREATED);
}

#[tokio::test]
async fn unknown_agency_and_procedure_are_field_errors() {
    let app = test_app();
    let mut case = valid_complaint();
    case["agency"] = json!("NOEXISTE");
    case["procedure"] = json!("tramite-inventado");
    let answer = post_case(&app, Some("clave-entidad"), &case).await;
    assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(answer.error_codes("agency"), ["unknown"]);
    assert_eq!(answer.error_codes("procedure"), ["unknown"]);
    assert_eq!(case_count(&app), 0);
}

#[tokio::test]
async fn a_denuncia_may_be_anonymous_a_queja_may_not() {
    let app = test_app();
    let denuncia = json!({
        "case_type": "denuncia",
        "agency": "MIN",
        "description": "En la oficina de licencias piden dinero extra para entregar el trámite.",
        "identity": "anonymous",
        "consent": true
    });
    let answer = post_case(&app, Some("clave-denuncia"), &denuncia).await;
    assert_eq!(
        answer.status,
        StatusCode::CREATED,
        "{}",
        String::from_utf8_lossy(&answer.body)
    );
    let receipt: CaseReceipt = answer.json();
    assert!(receipt.ticket.starts_with("MIN-DEN-"));
    let stored = stored_case(&app, &receipt.ticket);
    assert_eq!(stored.identity, Identity::Anonymous);
    assert_eq!(
        (stored.name, stored.email, stored.phone),
        (None, None, None)
    );

    let mut queja = valid_complaint();
    queja["identity"] = json!("anonymous");
    queja["name"] = Value::Null;
    queja["email"] = Value::Null;
    queja["phone"] = Value::Null;
    let answer = post_case(&app, Some("clave-queja-anonima"), &queja).await;
    assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(!answer.problem().errors.is_empty());
    assert_eq!(case_count(&app), 1);
}

#[tokio::test]
async fn same_key_and_body_replays_the_same_answer() {
    let app = test_app();
    let first = post_case(&app, Some("clave-repetida"), &valid_complaint()).await;
    assert_eq!(first.status, StatusCode::CREATED);
    let second = post_case(&app, Some("clave-repetida"), &valid_complaint()).await;
    assert_eq!(second.status, StatusCode::CREATED);
    assert_eq!(first.body, second.body, "byte-identical");
    assert_eq!(
        first.headers[header::LOCATION],
        second.headers[header::LOCATION]
    );

    // The same request written differently (key order, explicit nulls) is the same.
    let mut reordered = serde_json::Map::new();
    let case = valid_complaint();
    let object = case.as_object().unwrap();
    for key in object.keys().rev() {
        reordered.insert(key.clone(), object[key].clone());
    }
    reordered.insert("procedure".into(), Value::Null);
    let third = post_case(&app, Some("clave-repetida"), &Value::Object(reordered)).await;
    assert_eq!(third.status, StatusCode::CREATED);
    assert_eq!(first.body, third.body);
    assert_eq!(case_count(&app), 1);
}

#[tokio::test]
async fn same_key_with_a_different_body_is_refused() {
    let app = test_app();
    let first = post_case(&app, Some("clave-reusada"), &valid_complaint()).await;
    assert_eq!(first.status, StatusCode::CREATED);
    let mut other = valid_complaint();
    other["description"] = json!("Otra historia distinta, también con bastantes palabras.");
    let answer = post_case(&app, Some("clave-reusada"), &other).await;
    assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(answer.problem().kind, "/problems/idempotency-key-reused");
    assert_eq!(case_count(&app), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn ten_parallel_identical_requests_file_one_case() {
    let app = test_app();
    let body = valid_complaint().to_string();
    let mut set = tokio::task::JoinSet::new();
    for _ in 0..10 {
        let router = app.router.clone();
        let body = body.clone();
        set.spawn(async move {
            let request = Request::post("/api/v1/cases")
                .header(header::CONTENT_TYPE, "application/json")
                .header("Idempotency-Key", "clave-paralela-0001")
                .body(Body::from(body))
                .unwrap();
            send(&router, request).await
        });
    }
    let answers = set.join_all().await;
    assert_eq!(answers.len(), 10);
    for answer in &answers {
        assert_eq!(answer.status, StatusCode::CREATED);
        assert_eq!(answer.body, answers[0].body);
    }
    assert_eq!(case_count(&app), 1);
    let receipt: CaseReceipt = answers[0].json();
    assert!(receipt.ticket.ends_with("-00001"));
}

#[tokio::test]
async fn a_png_is_accepted_by_its_content_and_linked_to_the_case() {
    let app = test_app();
    // The declared Content-Type is ignored: the bytes say PNG.
    let answer = upload(&app, "foto.png", "text/plain", PNG.to_vec()).await;
    assert_eq!(
        answer.status,
        StatusCode::CREATED,
        "{}",
        String::from_utf8_lossy(&answer.body)
    );
    let attachment: AttachmentReceipt = answer.json();
    assert_eq!(attachment.media_type, "image/png");
    assert_eq!(attachment.size, PNG.len() as u64);
    assert_eq!(attachment.name, "foto.png");

    // Every upload is its own, even with the same name and bytes.
    let again: AttachmentReceipt = upload(&app, "foto.png", "image/png", PNG.to_vec())
        .await
        .json();
    assert_ne!(again.id, attachment.id);

    let mut case = valid_complaint();
    case["attachments"] = json!([attachment.id]);
    let answer = post_case(&app, Some("clave-adjunto-1"), &case).await;
    assert_eq!(answer.status, StatusCode::CREATED);
    let receipt: CaseReceipt = answer.json();
    let stored = stored_case(&app, &receipt.ticket);
    let linked = cases::case_attachments(&app.state.db.lock().unwrap(), stored.id).unwrap();
    assert_eq!(linked, std::slice::from_ref(&attachment));

    // Once linked it belongs to that case only; unknown ids are refused too.
    for id in [attachment.id.as_str(), "0123456789abcdef0123456789abcdef"] {
        let mut case = valid_complaint();
        case["attachments"] = json!([id]);
        let answer = post_case(&app, Some(&format!("clave-otro-{id}")), &case).await;
        assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(!answer.error_codes("attachments").is_empty());
    }
    assert_eq!(case_count(&app), 1);

    // The same bytes uploaded after linking are a new, unlinked upload.
    let fresh: AttachmentReceipt = upload(&app, "foto.png", "image/png", PNG.to_vec())
        .await
        .json();
    assert_ne!(fresh.id, attachment.id);
}

#[tokio::test]
async fn a_disguised_file_is_refused_as_wrong_type() {
    let app = test_app();
    let mut exe = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff".to_vec();
    exe.resize(512, 0);
    for bytes in [exe, b"hola, esto es texto y no una foto".to_vec()] {
        let answer = upload(&app, "foto.jpg", "image/jpeg", bytes).await;
        assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(answer.error_codes("attachments"), ["wrong_type"]);
        let message = &answer.problem().errors[0].message;
        assert!(!message.is_empty());
    }
}

#[tokio::test]
async fn a_file_over_the_limit_is_refused() {
    let app = test_app();
    let max = app.state.deployment.intake.max_attachment_bytes as usize;
    let mut big = PNG.to_vec();
    big.resize(max + 1, 0);
    let answer = upload(&app, "enorme.png", "image/png", big).await;
    assert_eq!(answer.status, StatusCode::PAYLOAD_TOO_LARGE);
    let codes = answer.error_codes("attachments");
    assert_eq!(codes.len(), 1, "{codes:?}");
    let streamed_code = codes[0].clone();

    // Announced by Content-Length: refused before reading the body.
    let request = Request::post("/api/v1/attachments?name=enorme.png")
        .header(header::CONTENT_LENGTH, (max + 1).to_string())
        .body(Body::empty())
        .unwrap();
    let answer = send(&app.router, request).await;
    assert_eq!(answer.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(answer.error_codes("attachments"), [streamed_code]);

    // Exactly the limit is fine.
    let mut fits = PNG.to_vec();
    fits.resize(max, 0);
    let answer = upload(&app, "justo.png", "image/png", fits).await;
    assert_eq!(answer.status, StatusCode::CREATED);
}

#[tokio::test]
async fn an_upload_needs_a_name() {
    let app = test_app();
    let request = Request::post("/api/v1/attachments")
        .body(Body::from(PNG.to_vec()))
        .unwrap();
    let answer = send(&app.router, request).await;
    assert_eq!(answer.status, StatusCode::BAD_REQUEST);
    assert_eq!(answer.problem().status, 400);
}

#[tokio::test]
async fn the_access_code_is_stored_only_as_a_salted_hash() {
    let app = test_app();
    let receipt: CaseReceipt = post_case(&app, Some("clave-codigo"), &valid_complaint())
        .await
        .json();
    let plain = receipt.access_code.replace('-', "");
    let stored = stored_case(&app, &receipt.ticket);
    assert_eq!(stored.access_code_salt.len(), 32, "16 bytes in hex");
    assert_eq!(
        stored.access_code_hash,
        cases::access_code_hash(&hex_decode(&stored.access_code_salt), &plain)
    );

    // Nowhere in the database, in any form the person could type it, and neither is
    // the Idempotency-Key that seals the stored answer.
    let conn = app.state.db.lock().unwrap();
    for needle in [receipt.access_code.as_str(), plain.as_str(), "clave-codigo"] {
        assert_eq!(occurrences(&conn, needle), 0, "{needle} is stored");
    }
    // The check itself works: the ticket is found.
    assert!(occurrences(&conn, &receipt.ticket) > 0);
}

/// How many (table, column, row) cells anywhere in the database contain `needle`.
fn occurrences(conn: &rusqlite::Connection, needle: &str) -> i64 {
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table'")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let mut total = 0;
    for table in tables {
        let columns: Vec<String> = conn
            .prepare(&format!("SELECT name FROM pragma_table_info('{table}')"))
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        for column in columns {
            let sql = format!(
                "SELECT COUNT(*) FROM \"{table}\" WHERE instr(CAST(\"{column}\" AS BLOB), CAST(?1 AS BLOB)) > 0"
            );
            total += conn
                .query_row(&sql, [needle], |r| r.get::<_, i64>(0))
                .unwrap();
        }
    }
    total
}

fn hex_decode(s: &str) -> Vec<u8> {
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap())
        .collect()
}

#[tokio::test]
async fn the_openapi_document_lists_intake() {
    let app = test_app();
    let answer = send(
        &app.router,
        Request::get("/api/v1/openapi.json")
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    let doc: Value = answer.json();
    for path in ["/api/v1/cases", "/api/v1/attachments"] {
        assert!(doc["paths"][path].get("post").is_some(), "missing {path}");
    }
    for schema in ["NewCase", "CaseReceipt", "AttachmentReceipt", "IntakeRules"] {
        assert!(
            doc["components"]["schemas"].get(schema).is_some(),
            "missing {schema}"
        );
    }
}
