//! Cases through the router, shared by the intake and tracking tests: filing, uploads,
//! the citizen's look-up, replies, ratings, downloads and staff actions, and what the
//! database holds.

use std::net::SocketAddr;

use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::{header, Method, Request, StatusCode};
use cc_core::intake::access_code::normalize_code;
use cc_core::intake::dates::BusinessCalendar;
use cc_core::intake::{AttachmentReceipt, CaseReceipt};
use cc_core::tracking::CaseView;
use cc_server::cases;
use serde_json::{json, Value};

use super::{send_to, valid_petition, Answer, TestApp, TOKEN};

pub async fn send(app: &TestApp, request: Request<Body>) -> Answer {
    send_to(&app.router, request).await
}

pub fn json_request(method: Method, uri: &str) -> axum::http::request::Builder {
    Request::builder()
        .method(method)
        .uri(uri)
        .header(header::CONTENT_TYPE, "application/json")
}

pub async fn file_case(app: &TestApp, key: &str) -> CaseReceipt {
    let request = json_request(Method::POST, "/api/v1/cases")
        .header("Idempotency-Key", key)
        .body(Body::from(valid_petition().to_string()))
        .unwrap();
    send(app, request).await.expect(StatusCode::CREATED).json()
}

pub fn lookup_request(ticket: &str, code: &str, client: Option<[u8; 4]>) -> Request<Body> {
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

pub async fn lookup(app: &TestApp, ticket: &str, code: &str) -> Answer {
    send(app, lookup_request(ticket, code, None)).await
}

pub async fn view(app: &TestApp, receipt: &CaseReceipt) -> CaseView {
    lookup(app, &receipt.ticket, &receipt.access_code)
        .await
        .expect(StatusCode::OK)
        .json()
}

pub async fn staff(
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

pub async fn act(app: &TestApp, ticket: &str, action: Value) -> Answer {
    staff(
        app,
        Method::POST,
        &format!("/cases/{ticket}/events"),
        Some(TOKEN),
        Some(action),
    )
    .await
}

pub async fn reply(app: &TestApp, receipt: &CaseReceipt, key: &str, body: &Value) -> Answer {
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

pub async fn rate(app: &TestApp, receipt: &CaseReceipt, body: &Value) -> Answer {
    let request = json_request(
        Method::POST,
        &format!("/api/v1/cases/{}/rating", receipt.ticket),
    )
    .header("X-Access-Code", &receipt.access_code)
    .body(Body::from(body.to_string()))
    .unwrap();
    send(app, request).await
}

pub async fn download(app: &TestApp, ticket: &str, id: &str, code: Option<&str>) -> Answer {
    let mut request = Request::get(format!("/api/v1/cases/{ticket}/attachments/{id}"));
    if let Some(code) = code {
        request = request.header("X-Access-Code", code);
    }
    send(app, request.body(Body::empty()).unwrap()).await
}

pub async fn upload_png(app: &TestApp, name: &str) -> AttachmentReceipt {
    let request = Request::post(format!("/api/v1/attachments?name={name}"))
        .body(Body::from(PNG.to_vec()))
        .unwrap();
    send(app, request).await.expect(StatusCode::CREATED).json()
}

pub fn calendar() -> BusinessCalendar {
    BusinessCalendar::new(&cc_server::default_deployment().holidays)
}

/// A complete 1×1 PNG.
pub const PNG: &[u8] = &[
    0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52,
    0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4,
    0x89, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0x00, 0x01, 0x00, 0x00,
    0x05, 0x00, 0x01, 0x0D, 0x0A, 0x2D, 0xB4, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE,
    0x42, 0x60, 0x82,
];

/// A code that is well formed but not `code` (each symbol moved one place on).
pub fn wrong_code(code: &str) -> String {
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

pub async fn post_case(app: &TestApp, key: Option<&str>, case: &Value) -> Answer {
    let mut request =
        Request::post("/api/v1/cases").header(header::CONTENT_TYPE, "application/json");
    if let Some(key) = key {
        request = request.header("Idempotency-Key", key);
    }
    send(app, request.body(Body::from(case.to_string())).unwrap()).await
}

pub async fn upload(app: &TestApp, name: &str, content_type: &str, bytes: Vec<u8>) -> Answer {
    let request = Request::post(format!("/api/v1/attachments?name={name}"))
        .header(header::CONTENT_TYPE, content_type)
        .body(Body::from(bytes))
        .unwrap();
    send(app, request).await
}

/// `^[A-Z]+-[A-Z]{3}-\d{4}-\d{5}$` without a regex engine.
pub fn is_ticket(ticket: &str) -> bool {
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

pub fn case_count(app: &TestApp) -> usize {
    cases::count_cases(&app.state.db.lock().unwrap()).unwrap()
}

pub fn stored_case(app: &TestApp, ticket: &str) -> cases::StoredCase {
    cases::find_case_by_ticket(&app.state.db.lock().unwrap(), ticket)
        .unwrap()
        .expect("the case is stored")
}
