//! What the Open311 gateway refuses without contacting its upstream (other paths,
//! methods, bodies, too many requests), and how upstream failures are answered:
//! 504 on a timeout, 502 when unreachable or when the answer is too large, of
//! another type, or a redirect.

use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use cc_server::gateway::{Gateway, GatewayLimiter, RateLimits};
use open311_test_server::Config;

mod common;
use common::open311::{app_with, app_with_gateway, closed_port, odd, open311, silent};
use common::{send_to, Answer};

const TIMEOUT: Duration = Duration::from_secs(5);

fn request(method: Method, uri: &str, content_type: &str, body: Vec<u8>) -> Request<Body> {
    Request::builder()
        .method(method)
        .uri(uri)
        .header(header::CONTENT_TYPE, content_type)
        .body(Body::from(body))
        .unwrap()
}

async fn get(router: &axum::Router, uri: &str) -> Answer {
    send_to(router, Request::get(uri).body(Body::empty()).unwrap()).await
}

#[track_caller]
fn problem_status(answer: &Answer, status: StatusCode) {
    answer.expect(status);
    assert_eq!(answer.problem().status, status.as_u16());
}

#[tokio::test]
async fn other_paths_and_methods_never_reach_the_upstream() {
    let (upstream, _) = open311(Config::default()).await;
    let app = app_with_gateway(&upstream.base("/open311/v2"), TIMEOUT);
    for uri in [
        "/open311/v2/../api/v1/config",
        "/open311/v2/%2e%2e/%2e%2e/etc/passwd",
        "/open311/v2/services/%2e%2e.json",
        "/open311/v2/http://evil.example/services.json",
        "/open311/v2/https:%2F%2Fevil.example/services.json",
        "/open311/v2//evil.example/services.json",
        "/open311/v2/secret.json",
        "/open311/v2/services.xml",
        "/open311/v2/services/a/b.json",
        "/open311/v2/_test/requests",
        "/open311/v2/requests/a%20b.json",
    ] {
        problem_status(&get(&app.router, uri).await, StatusCode::NOT_FOUND);
    }
    let form = "application/x-www-form-urlencoded";
    let refused = [
        (Method::POST, "/open311/v2/services.json", "GET"),
        (Method::DELETE, "/open311/v2/requests.json", "GET, POST"),
        (Method::PUT, "/open311/v2/requests/SR-2026-0101.json", "GET"),
    ];
    for (method, uri, allow) in refused {
        let answer = send_to(&app.router, request(method, uri, form, Vec::new())).await;
        problem_status(&answer, StatusCode::METHOD_NOT_ALLOWED);
        assert_eq!(answer.headers[header::ALLOW], allow);
    }
    assert!(upstream.seen().is_empty(), "{:?}", upstream.seen());
}

#[tokio::test]
async fn only_forms_up_to_64_kib_go_up() {
    let (upstream, _) = open311(Config::default()).await;
    let app = app_with_gateway(&upstream.base("/open311/v2"), TIMEOUT);
    let uri = "/open311/v2/requests.json";
    let form = "application/x-www-form-urlencoded";
    let mut big = b"description=".to_vec();
    big.resize(64 * 1024 + 1, b'x');
    let answer = send_to(&app.router, request(Method::POST, uri, form, big)).await;
    problem_status(&answer, StatusCode::PAYLOAD_TOO_LARGE);
    let json = br#"{"service_code":"bache"}"#.to_vec();
    let answer = send_to(
        &app.router,
        request(Method::POST, uri, "application/json", json),
    )
    .await;
    problem_status(&answer, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    assert!(upstream.seen().is_empty());

    // Exactly the limit is fine (the upstream then answers for itself).
    let mut full = b"service_code=bache&description=".to_vec();
    full.resize(64 * 1024, b'x');
    let answer = send_to(&app.router, request(Method::POST, uri, form, full)).await;
    assert_eq!(answer.status, StatusCode::BAD_REQUEST);
    assert_eq!(upstream.seen().len(), 1);
}

#[tokio::test]
async fn an_upstream_that_never_answers_is_a_504() {
    let (_listener, addr) = silent();
    let timeout = Duration::from_millis(300);
    let app = app_with_gateway(&format!("http://{addr}/open311/v2"), timeout);
    let started = Instant::now();
    let answer = get(&app.router, "/open311/v2/services.json").await;
    problem_status(&answer, StatusCode::GATEWAY_TIMEOUT);
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "{:?}",
        started.elapsed()
    );
}

#[tokio::test]
async fn an_unreachable_upstream_is_a_502() {
    let addr = closed_port();
    let app = app_with_gateway(&format!("http://{addr}/open311/v2"), TIMEOUT);
    let answer = get(&app.router, "/open311/v2/services.json").await;
    problem_status(&answer, StatusCode::BAD_GATEWAY);
}

#[tokio::test]
async fn large_untyped_or_redirected_answers_are_502_and_text_passes() {
    let upstream = odd().await;
    let app = app_with_gateway(&upstream.base("/odd"), TIMEOUT);
    for path in ["services.json", "discovery.json", "requests/moved.json"] {
        let answer = get(&app.router, &format!("/open311/v2/{path}")).await;
        problem_status(&answer, StatusCode::BAD_GATEWAY);
    }
    let answer = get(&app.router, "/open311/v2/requests/maintenance.json").await;
    answer.expect(StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(answer.headers[header::CONTENT_TYPE], "text/plain");
    assert_eq!(answer.body, b"En mantenimiento");
    let answer = get(&app.router, "/open311/v2/requests/bare.json").await;
    answer.expect(StatusCode::NOT_FOUND);
    assert!(answer.body.is_empty());
    // One request per path: the redirect was not followed.
    assert_eq!(upstream.seen().len(), 5);
}

#[tokio::test]
async fn too_many_requests_from_one_client_are_a_429() {
    let (upstream, _) = open311(Config::default()).await;
    let mut gateway = Gateway::new(&upstream.base("/open311/v2"), TIMEOUT).unwrap();
    let limits = RateLimits {
        per_minute: 2,
        posts_per_ten_minutes: 1,
    };
    gateway.limiter = GatewayLimiter::new(limits, Arc::new(Instant::now));
    let app = app_with(gateway);
    for _ in 0..2 {
        get(&app.router, "/open311/v2/services.json")
            .await
            .expect(StatusCode::OK);
    }
    let answer = get(&app.router, "/open311/v2/services.json").await;
    problem_status(&answer, StatusCode::TOO_MANY_REQUESTS);
    assert!(answer.headers.contains_key(header::RETRY_AFTER));
    assert_eq!(upstream.seen().len(), 2);
}
