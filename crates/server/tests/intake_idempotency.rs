//! The Idempotency-Key of filing: required and bounded, replays, conflicts, and
//! parallel identical requests.

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use cc_core::intake::CaseReceipt;
use serde_json::{json, Value};

mod common;
use common::cases::*;
use common::*;

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
            send_to(&router, request).await
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
