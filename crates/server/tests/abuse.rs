//! Requests meant to stall or wear down the service: over-long lists, guessing access
//! codes, upload floods. Each is refused cheaply and without harming other citizens.

use std::sync::mpsc;
use std::time::Duration;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use serde_json::{json, Value};

mod common;
use common::{send_to, test_app, valid_complaint, Answer, TestApp};

/// Runs `f` while another thread holds the database lock, and releases it after.
async fn with_database_busy<F: std::future::Future<Output = Answer>>(
    app: &TestApp,
    f: F,
) -> Option<Answer> {
    let (held, wait_held) = mpsc::channel();
    let (release, wait_release) = mpsc::channel::<()>();
    let db = app.state.db.clone();
    let holder = std::thread::spawn(move || {
        let _guard = db.lock().unwrap();
        held.send(()).unwrap();
        let _ = wait_release.recv();
    });
    wait_held.recv().unwrap();
    // Generous: a refusal that needs no database answers in milliseconds; one that
    // waits for the lock never answers while it is held.
    let answer = tokio::time::timeout(Duration::from_secs(10), f).await.ok();
    release.send(()).unwrap();
    holder.join().unwrap();
    answer
}

fn post(uri: &str, key: &str, body: &Value) -> Request<Body> {
    Request::post(uri)
        .header(header::CONTENT_TYPE, "application/json")
        .header("Idempotency-Key", key)
        .body(Body::from(body.to_string()))
        .unwrap()
}

fn many_ids(n: usize) -> Value {
    json!((0..n).map(|i| format!("id{i:08}")).collect::<Vec<_>>())
}

#[tokio::test]
async fn an_overlong_attachment_list_is_refused_without_touching_the_database() {
    let app = test_app();
    let mut case = valid_complaint();
    case["attachments"] = many_ids(100_000);
    let request = post("/api/v1/cases", "clave-lista-larga", &case);
    let answer = with_database_busy(&app, send_to(&app.router, request))
        .await
        .expect("refused without waiting for the database");
    answer.expect(StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(answer.error_codes("attachments"), ["too_many"]);
}

#[tokio::test]
async fn an_overlong_reply_list_is_refused_without_touching_the_database() {
    let app = test_app();
    let reply = json!({ "message": "Aquí está el documento.", "attachments": many_ids(100_000) });
    let request = Request::post("/api/v1/cases/MDT-QUE-2026-00001/replies")
        .header(header::CONTENT_TYPE, "application/json")
        .header("Idempotency-Key", "clave-respuesta-larga")
        .header("X-Access-Code", "ABCD-EFGH-JKLM")
        .body(Body::from(reply.to_string()))
        .unwrap();
    let answer = with_database_busy(&app, send_to(&app.router, request))
        .await
        .expect("refused without waiting for the database");
    answer.expect(StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(answer.error_codes("attachments"), ["too_many"]);
}
