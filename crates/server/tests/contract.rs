//! The server answers as its OpenAPI document says: every constraint the document
//! states is the one the server applies (checked in full by `make contract`).

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use cc_core::intake::AttachmentReceipt;
use serde_json::{json, Value};

mod common;
use common::{send_to, test_app, valid_complaint, Answer, TestApp, TOKEN};

async fn get(app: &TestApp, path: &str) -> Answer {
    let request = Request::get(path).body(Body::empty()).unwrap();
    send_to(&app.router, request).await
}

async fn document(app: &TestApp) -> Value {
    get(app, "/api/v1/openapi.json")
        .await
        .expect(StatusCode::OK)
        .json()
}

fn file_request(key: &str) -> Request<Body> {
    Request::post("/api/v1/cases")
        .header(header::CONTENT_TYPE, "application/json")
        .header("Idempotency-Key", key)
        .body(Body::from(valid_complaint().to_string()))
        .unwrap()
}

#[tokio::test]
async fn paging_out_of_the_documented_range_is_refused() {
    let app = test_app();
    for path in ["/api/v1/procedures", "/api/v1/catalog/search"] {
        for query in ["per_page=100", "per_page=1&page=10000"] {
            get(&app, &format!("{path}?{query}"))
                .await
                .expect(StatusCode::OK);
        }
        for query in ["per_page=101", "per_page=0", "page=0", "page=10001"] {
            let answer = get(&app, &format!("{path}?{query}")).await;
            answer.expect(StatusCode::BAD_REQUEST);
            assert_eq!(answer.problem().kind, "/problems/bad-request", "{query}");
        }
    }
    let doc = document(&app).await;
    let params = doc["paths"]["/api/v1/procedures"]["get"]["parameters"]
        .as_array()
        .unwrap();
    let per_page = params.iter().find(|p| p["name"] == "per_page").unwrap();
    assert_eq!(per_page["schema"]["maximum"], 100);
}

#[tokio::test]
async fn idempotency_keys_are_visible_ascii_without_spaces() {
    let app = test_app();
    for bad in ["corta", "clave con espacios", &"k".repeat(201)] {
        send_to(&app.router, file_request(bad))
            .await
            .expect(StatusCode::BAD_REQUEST);
    }
    for good in ["12345678", "clave-de-envio~1", &"k".repeat(200)] {
        send_to(&app.router, file_request(good))
            .await
            .expect(StatusCode::CREATED);
    }
    let doc = document(&app).await;
    let params = doc["paths"]["/api/v1/cases"]["post"]["parameters"]
        .as_array()
        .unwrap();
    let key = params
        .iter()
        .find(|p| p["name"] == "Idempotency-Key")
        .unwrap();
    assert_eq!(key["required"], true);
    assert_eq!(key["schema"]["pattern"], "^[!-~]{8,200}$");
}

#[tokio::test]
async fn a_reply_without_its_key_is_a_bad_request_whatever_the_ticket() {
    let app = test_app();
    // Many attempts on an unknown ticket: never a 404 or 429 for a missing header.
    for _ in 0..30 {
        let request = Request::post("/api/v1/cases/XX-YY-2026-00001/replies")
            .header(header::CONTENT_TYPE, "application/json")
            .header("X-Access-Code", "ABCD-EFGH-JKLM")
            .body(Body::from(json!({"message": "Hola"}).to_string()))
            .unwrap();
        send_to(&app.router, request)
            .await
            .expect(StatusCode::BAD_REQUEST);
    }
}

#[tokio::test]
async fn an_upload_name_with_nothing_printable_gets_a_plain_name() {
    let app = test_app();
    let request = Request::post("/api/v1/attachments?name=%2F%20")
        .body(Body::from(PDF.to_vec()))
        .unwrap();
    let receipt: AttachmentReceipt = send_to(&app.router, request)
        .await
        .expect(StatusCode::CREATED)
        .json();
    assert_eq!(receipt.name, "archivo.pdf");
    // Without the parameter it is still a bad request.
    let request = Request::post("/api/v1/attachments")
        .body(Body::from(PDF.to_vec()))
        .unwrap();
    send_to(&app.router, request)
        .await
        .expect(StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn staff_status_filters_are_the_documented_statuses() {
    let app = test_app();
    let list = |query: &str| {
        Request::get(format!("/api/v1/staff/cases?{query}"))
            .header(header::AUTHORIZATION, format!("Bearer {TOKEN}"))
            .body(Body::empty())
            .unwrap()
    };
    for status in ["received", "waiting_for_citizen", "closed"] {
        send_to(&app.router, list(&format!("status={status}")))
            .await
            .expect(StatusCode::OK);
    }
    let answer = send_to(&app.router, list("status=Received")).await;
    answer.expect(StatusCode::BAD_REQUEST);
    assert_eq!(answer.problem().status, 400);
}

#[tokio::test]
async fn the_document_states_the_deployments_constraints() {
    let app = test_app();
    let doc = document(&app).await;
    let case = &doc["components"]["schemas"]["NewCase"]["properties"];
    let slugs: Vec<String> = cc_server::default_deployment()
        .case_types
        .iter()
        .map(|t| t.slug.clone())
        .collect();
    assert_eq!(case["case_type"]["enum"], json!(slugs));
    assert_eq!(case["consent"]["const"], true);
    let max = cc_server::default_deployment().intake.max_attachments;
    assert_eq!(case["attachments"]["maxItems"], max);
    let rating = &doc["components"]["schemas"]["Rating"]["properties"];
    assert_eq!(
        (&rating["score"]["minimum"], &rating["score"]["maximum"]),
        (&json!(1), &json!(5))
    );
}

/// The smallest PDF the type check takes.
const PDF: &[u8] = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n";
