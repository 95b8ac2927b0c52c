//! Helpers shared by the test server's tests: one way to send a request through the
//! router and read the whole answer.
#![allow(dead_code)] // each test file uses a different subset

use axum::body::Body;
use axum::http::{header, HeaderMap, Method, Request, StatusCode};
use http_body_util::BodyExt;
use open311_test_server::{AppState, Config, JSON};
use serde_json::Value;
use tower::ServiceExt;

/// A response, read whole.
pub struct Answer {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Value,
}

impl Answer {
    #[track_caller]
    pub fn expect(&self, status: StatusCode) -> &Value {
        assert_eq!(self.status, status, "{}", self.body);
        &self.body
    }

    /// The descriptions of a spec error array, checking each entry's code.
    #[track_caller]
    pub fn error_descriptions(&self, status: StatusCode) -> Vec<String> {
        let list = self.expect(status).as_array().expect("an error array");
        list.iter()
            .map(|e| {
                assert_eq!(e["code"], status.as_u16(), "{e}");
                e["description"].as_str().expect("a description").to_owned()
            })
            .collect()
    }
}

/// The server with `config`, and its state (to look into the store).
pub fn server(config: Config) -> (axum::Router, AppState) {
    let state = AppState::new(config);
    (open311_test_server::router(state.clone()), state)
}

/// The server as started without flags.
pub fn plain() -> axum::Router {
    server(Config::default()).0
}

/// Sends `request` and reads the answer, checking it is JSON as the server promises.
pub async fn send(router: &axum::Router, request: Request<Body>) -> Answer {
    let response = router.clone().oneshot(request).await.unwrap();
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    assert_eq!(headers[header::CONTENT_TYPE], JSON, "{status}");
    let body = serde_json::from_slice(&bytes)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&bytes)));
    Answer {
        status,
        headers,
        body,
    }
}

pub async fn get(router: &axum::Router, uri: &str) -> Answer {
    send(router, Request::get(uri).body(Body::empty()).unwrap()).await
}

/// `POST` of a form body built from `pairs` (keys may repeat).
pub async fn post_form(router: &axum::Router, uri: &str, pairs: &[(&str, &str)]) -> Answer {
    let body = form_body(pairs);
    let request = Request::builder()
        .method(Method::POST)
        .uri(uri)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from(body))
        .unwrap();
    send(router, request).await
}

pub fn form_body(pairs: &[(&str, &str)]) -> String {
    let mut body = form_urlencoded::Serializer::new(String::new());
    for (k, v) in pairs {
        body.append_pair(k, v);
    }
    body.finish()
}

/// `POST` of a JSON body (the test control endpoint).
pub async fn post_json(router: &axum::Router, uri: &str, body: &Value) -> Answer {
    let request = Request::builder()
        .method(Method::POST)
        .uri(uri)
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(body.to_string()))
        .unwrap();
    send(router, request).await
}

pub const REQUESTS: &str = "/open311/v2/requests.json";

/// A valid pothole filing (`bache`) at a point.
pub fn pothole() -> Vec<(&'static str, &'static str)> {
    vec![
        ("service_code", "bache"),
        ("description", "Hueco profundo en la esquina"),
        ("lat", "-16.5"),
        ("long", "-68.15"),
        ("attribute[tamano]", "grande"),
        ("email", "ana@example.com"),
        ("first_name", "Ana"),
    ]
}
