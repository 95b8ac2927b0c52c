//! The Open311 gateway forwards the GeoReport v2 resources to its one upstream (here
//! the Open311 test server on a loopback port) and passes the answers back as they
//! are, with this server's security headers and nothing of the client's cookies or
//! credentials.

use std::time::Duration;

use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use open311_test_server::Config;
use serde_json::{json, Value};

mod common;
use common::open311::{app_with_gateway, open311};
use common::{send_to, test_app, Answer};

const TIMEOUT: Duration = Duration::from_secs(5);
const JSON: &str = "application/json; charset=utf-8";

async fn get(router: &axum::Router, uri: &str) -> Answer {
    send_to(router, Request::get(uri).body(Body::empty()).unwrap()).await
}

fn form_post(uri: &str, body: &str) -> Request<Body> {
    Request::builder()
        .method(Method::POST)
        .uri(uri)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from(body.to_owned()))
        .unwrap()
}

#[track_caller]
fn check_headers(answer: &Answer) {
    let h = &answer.headers;
    assert_eq!(h[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
    assert_eq!(h[header::REFERRER_POLICY], "no-referrer");
    assert_eq!(h[header::CACHE_CONTROL], "no-store");
    let policies: Vec<_> = h
        .get_all(header::CONTENT_SECURITY_POLICY)
        .iter()
        .map(|v| v.to_str().unwrap())
        .collect();
    assert!(
        policies.iter().any(|p| p.contains("frame-ancestors")),
        "{policies:?}"
    );
    assert!(
        policies.iter().any(|p| p.starts_with("sandbox")),
        "{policies:?}"
    );
    assert!(h.get(header::SET_COOKIE).is_none());
}

#[tokio::test]
async fn every_allowed_resource_is_forwarded_as_the_upstream_answers_it() {
    let (upstream, state) = open311(Config::default()).await;
    let app = app_with_gateway(&upstream.base("/open311/v2/"), TIMEOUT);
    let direct = open311_test_server::router(state);
    let paths = [
        "services.json",
        "services/bache.json",
        "services/4.json",
        "requests.json?service_request_id=SR-2026-0101,SR-2026-0103",
        "requests/SR-2026-0101.json",
        "requests/desconocido.json",
        "services/no-existe.json",
    ];
    for path in paths {
        let uri = format!("/open311/v2/{path}");
        let answer = get(&app.router, &uri).await;
        let expected =
            common::send_to(&direct, Request::get(&uri).body(Body::empty()).unwrap()).await;
        assert_eq!(answer.status, expected.status, "{path}");
        assert_eq!(answer.json::<Value>(), expected.json::<Value>(), "{path}");
        assert_eq!(answer.headers[header::CONTENT_TYPE], JSON, "{path}");
        check_headers(&answer);
    }
    let seen: Vec<String> = upstream.seen().into_iter().map(|s| s.uri).collect();
    let expected: Vec<String> = paths.iter().map(|p| format!("/open311/v2/{p}")).collect();
    assert_eq!(seen, expected);

    // Discovery names the upstream as the gateway reached it.
    let discovery = get(&app.router, "/open311/v2/discovery.json").await;
    let body: Value = discovery.expect(StatusCode::OK).json();
    assert_eq!(body["endpoints"][0]["url"], upstream.base("/open311/v2"));
}

#[tokio::test]
async fn a_filing_goes_up_as_a_form_with_the_query_api_key_and_no_credentials() {
    let (upstream, state) = open311(Config {
        api_key: Some("clave".into()),
        ..Default::default()
    })
    .await;
    let app = app_with_gateway(&upstream.base("/open311/v2"), TIMEOUT);
    let form =
        "service_code=bache&lat=-16.5&long=-68.1&attribute%5Btamano%5D=grande&description=Hueco";
    let mut request = form_post("/open311/v2/requests.json?api_key=clave", form);
    let headers = request.headers_mut();
    headers.insert(header::COOKIE, "session=abc".parse().unwrap());
    headers.insert(header::AUTHORIZATION, "Bearer xyz".parse().unwrap());
    headers.insert("x-access-code", "ABCD-1234".parse().unwrap());
    let answer = send_to(&app.router, request).await;
    let receipt: Value = answer.expect(StatusCode::OK).json();
    let id = receipt[0]["service_request_id"].as_str().unwrap();
    assert_eq!(state.store().filed_count(), 1);
    assert_eq!(
        state.store().get(id).unwrap().public["description"],
        "Hueco"
    );
    check_headers(&answer);

    let up = upstream.seen().pop().unwrap();
    assert_eq!(up.method, "POST");
    assert_eq!(up.uri, "/open311/v2/requests.json?api_key=clave");
    assert_eq!(
        up.headers[header::CONTENT_TYPE],
        "application/x-www-form-urlencoded"
    );
    for name in ["cookie", "authorization", "x-access-code"] {
        assert!(up.headers.get(name).is_none(), "{name} went upstream");
    }

    // The upstream's refusal comes back as it is.
    let answer = send_to(&app.router, form_post("/open311/v2/requests.json", form)).await;
    let errors: Value = answer.expect(StatusCode::FORBIDDEN).json();
    assert_eq!(errors[0]["code"], 403);
    assert_eq!(answer.headers[header::CONTENT_TYPE], JSON);
    assert_eq!(state.store().filed_count(), 1);
}

#[tokio::test]
async fn a_token_and_a_jurisdiction_pass_through() {
    let (upstream, _) = open311(Config {
        jurisdiction: Some("municipio.example".into()),
        ..Default::default()
    })
    .await;
    let app = app_with_gateway(&upstream.base("/open311/v2"), TIMEOUT);
    let uri = "/open311/v2/requests.json?jurisdiction_id=municipio.example";
    let answer = send_to(
        &app.router,
        form_post(uri, "service_code=grafiti&address_string=Muro"),
    )
    .await;
    let receipt: Value = answer.expect(StatusCode::OK).json();
    let token = receipt[0]["token"].as_str().unwrap().to_owned();
    let token_uri = format!("/open311/v2/tokens/{token}.json?jurisdiction_id=municipio.example");
    let first: Value = get(&app.router, &token_uri).await.json();
    assert_eq!(first, json!([{ "token": token }]));
    let second: Value = get(&app.router, &token_uri).await.json();
    assert!(second[0]["service_request_id"].is_string(), "{second}");

    let other = get(
        &app.router,
        "/open311/v2/services.json?jurisdiction_id=otra",
    )
    .await;
    let errors: Value = other.expect(StatusCode::NOT_FOUND).json();
    assert_eq!(errors[0]["code"], 404);
}

#[tokio::test]
async fn without_the_option_there_is_no_gateway() {
    let app = test_app();
    let answer = get(&app.router, "/open311/v2/services.json").await;
    assert_eq!(answer.status, StatusCode::NOT_FOUND);
}
