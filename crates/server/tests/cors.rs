//! CORS for an app hosted apart: the deployment's exact origins get the preflight and
//! the readable headers; other origins, and deployments without origins, get nothing.

use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};

mod common;
use common::{send_to, Answer};

const APP: &str = "https://contacto.gob.example";

fn app_with_origins(origins: &[&str]) -> (axum::Router, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let mut deployment = cc_server::default_deployment();
    deployment.cors_origins = origins.iter().map(|o| o.to_string()).collect();
    let state = cc_server::build_state(&dir.path().join("db.sqlite3"), deployment, None).unwrap();
    (cc_server::app(state), dir)
}

async fn preflight(router: &axum::Router, origin: &str) -> Answer {
    let request = Request::builder()
        .method(Method::OPTIONS)
        .uri("/api/v1/cases")
        .header(header::ORIGIN, origin)
        .header(header::ACCESS_CONTROL_REQUEST_METHOD, "POST")
        .header(
            header::ACCESS_CONTROL_REQUEST_HEADERS,
            "content-type,idempotency-key,x-access-code,authorization",
        )
        .body(Body::empty())
        .unwrap();
    send_to(router, request).await
}

fn header_list(answer: &Answer, name: header::HeaderName) -> String {
    answer
        .headers
        .get_all(name)
        .iter()
        .map(|v| v.to_str().unwrap().to_ascii_lowercase())
        .collect::<Vec<_>>()
        .join(",")
}

#[tokio::test]
async fn the_apps_origin_gets_the_preflight_for_the_headers_it_sends() {
    let (router, _dir) = app_with_origins(&[APP, "http://127.0.0.1:8081"]);
    let answer = preflight(&router, APP).await;
    assert!(answer.status.is_success(), "{}", answer.status);
    assert_eq!(answer.headers[header::ACCESS_CONTROL_ALLOW_ORIGIN], APP);
    let allowed = header_list(&answer, header::ACCESS_CONTROL_ALLOW_HEADERS);
    for name in [
        "content-type",
        "idempotency-key",
        "x-access-code",
        "authorization",
    ] {
        assert!(allowed.contains(name), "{name} in {allowed}");
    }
    assert!(header_list(&answer, header::ACCESS_CONTROL_ALLOW_METHODS).contains("post"));
    assert!(answer
        .headers
        .get(header::ACCESS_CONTROL_ALLOW_CREDENTIALS)
        .is_none());

    // A real request (here an error) can be read, Retry-After included.
    let request = Request::get("/api/v1/procedures/no-existe")
        .header(header::ORIGIN, APP)
        .body(Body::empty())
        .unwrap();
    let answer = send_to(&router, request).await;
    answer.expect(StatusCode::NOT_FOUND);
    assert_eq!(answer.headers[header::ACCESS_CONTROL_ALLOW_ORIGIN], APP);
    assert!(header_list(&answer, header::ACCESS_CONTROL_EXPOSE_HEADERS).contains("retry-after"));
    assert!(header_list(&answer, header::VARY).contains("origin"));
}

#[tokio::test]
async fn another_origin_gets_no_cors_headers() {
    let (router, _dir) = app_with_origins(&[APP]);
    for origin in [
        "https://otro.example",
        "https://contacto.gob.example.evil",
        "null",
    ] {
        let answer = preflight(&router, origin).await;
        assert!(
            answer
                .headers
                .get(header::ACCESS_CONTROL_ALLOW_ORIGIN)
                .is_none(),
            "{origin}"
        );
    }
}

#[tokio::test]
async fn without_origins_there_is_no_cors() {
    let (router, _dir) = app_with_origins(&[]);
    let answer = preflight(&router, APP).await;
    assert!(answer
        .headers
        .get(header::ACCESS_CONTROL_ALLOW_ORIGIN)
        .is_none());
    let request = Request::get("/api/v1/config")
        .header(header::ORIGIN, APP)
        .body(Body::empty())
        .unwrap();
    let answer = send_to(&router, request).await;
    answer.expect(StatusCode::OK);
    assert!(answer
        .headers
        .get(header::ACCESS_CONTROL_ALLOW_ORIGIN)
        .is_none());
}
