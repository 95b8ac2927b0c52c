//! Filing a case through the router: ticket, access code and due date, numbering,
//! field errors, anonymity, and the OpenAPI document of intake.

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use cc_core::intake::dates::BusinessCalendar;
use cc_core::intake::{CaseReceipt, Identity};
use cc_server::cases;
use serde_json::{json, Value};

mod common;
use common::cases::*;
use common::*;

#[tokio::test]
async fn a_valid_case_gets_a_ticket_an_access_code_and_a_due_date() {
    let app = test_app();
    let answer = post_case(&app, Some("clave-0001"), &valid_complaint()).await;
    answer.expect(StatusCode::CREATED);
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
    answer.expect(StatusCode::CREATED);
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
async fn the_openapi_document_lists_intake() {
    let app = test_app();
    let answer = send(
        &app,
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
