//! Backend handlers end to end through the router, on a temporary SQLite file.

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use cc_core::api::{Problem, ProcedurePage};
use cc_core::catalog::{CatalogIndex, Procedure};
use tower::ServiceExt;

mod common;
use common::{send_to, test_app_with_dist, TestApp};

async fn get(app: &TestApp, uri: &str) -> (StatusCode, axum::http::HeaderMap, Vec<u8>) {
    let answer = send_to(&app.router, Request::get(uri).body(Body::empty()).unwrap()).await;
    (answer.status, answer.headers, answer.body)
}

#[tokio::test]
async fn first_start_seeds_the_demo_catalog() {
    let app = test_app_with_dist();
    let (status, _, body) = get(&app, "/api/v1/catalog/index").await;
    assert_eq!(status, StatusCode::OK);
    let index: CatalogIndex = serde_json::from_slice(&body).unwrap();
    assert!(
        index.procedures.len() >= 60,
        "{} procedures",
        index.procedures.len()
    );
    assert!(index.agencies.len() >= 8);
    assert!(!index.categories.is_empty());
}

#[tokio::test]
async fn search_is_typo_tolerant_filters_and_pages() {
    let app = test_app_with_dist();
    let (status, _, body) = get(&app, "/api/v1/procedures?q=pasaprte").await;
    assert_eq!(status, StatusCode::OK);
    let page: ProcedurePage = serde_json::from_slice(&body).unwrap();
    assert_eq!(page.items[0].procedure.slug, "pasaporte-ordinario");

    let (_, _, body) = get(&app, "/api/v1/procedures?entidad=REG&per_page=3&page=2").await;
    let page: ProcedurePage = serde_json::from_slice(&body).unwrap();
    assert!(page.total > 3);
    assert_eq!(page.items.len(), 3);
    assert_eq!(page.page, 2);
    assert!(page.items.iter().all(|h| h.procedure.agency == "REG"));
    // Disjunctive facets: other agencies still counted while REG is selected.
    assert!(page.facets.agencies.len() > 1);

    let (_, _, body) = get(&app, "/api/v1/procedures?gratis=true&modalidad=en-linea").await;
    let page: ProcedurePage = serde_json::from_slice(&body).unwrap();
    assert!(page
        .items
        .iter()
        .all(|h| h.procedure.free && h.procedure.online));
}

#[tokio::test]
async fn bad_filter_is_a_problem_json_400() {
    let app = test_app_with_dist();
    let (status, headers, body) = get(&app, "/api/v1/procedures?modalidad=volando").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(headers[header::CONTENT_TYPE], "application/problem+json");
    let problem: Problem = serde_json::from_slice(&body).unwrap();
    assert_eq!(problem.status, 400);
    assert!(problem.detail.unwrap().contains("volando"));
}

#[tokio::test]
async fn procedure_by_slug_and_unknown_slug() {
    let app = test_app_with_dist();
    let (status, _, body) = get(&app, "/api/v1/procedures/pasaporte-ordinario").await;
    assert_eq!(status, StatusCode::OK);
    let p: Procedure = serde_json::from_slice(&body).unwrap();
    assert_eq!(p.name, "Pasaporte ordinario");
    assert!(!p.modalities.is_empty());

    let (status, headers, body) = get(&app, "/api/v1/procedures/no-existe").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(headers[header::CONTENT_TYPE], "application/problem+json");
    let problem: Problem = serde_json::from_slice(&body).unwrap();
    assert_eq!(problem.kind, "/problems/not-found");

    let (status, headers, _) = get(&app, "/api/v1/no-such-endpoint").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(headers[header::CONTENT_TYPE], "application/problem+json");
}

#[tokio::test]
async fn openapi_document_is_3_1_and_lists_the_endpoints() {
    let app = test_app_with_dist();
    let (status, _, body) = get(&app, "/api/v1/openapi.json").await;
    assert_eq!(status, StatusCode::OK);
    let doc: serde_json::Value = serde_json::from_slice(&body).unwrap();
    assert!(doc["openapi"].as_str().unwrap().starts_with("3.1"));
    for path in [
        "/api/v1/procedures",
        "/api/v1/procedures/{slug}",
        "/api/v1/catalog/index",
        "/api/v1/config",
    ] {
        assert!(doc["paths"].get(path).is_some(), "missing {path}");
    }
    assert!(doc["components"]["schemas"].get("Procedure").is_some());
}

#[tokio::test]
async fn spa_fallback_security_and_cache_headers() {
    let app = test_app_with_dist();
    let (status, headers, body) = get(&app, "/tramites/pasaporte-ordinario").await;
    assert_eq!(
        status,
        StatusCode::OK,
        "client routes fall back to index.html"
    );
    assert!(String::from_utf8(body).unwrap().contains("boot()"));
    let csp = headers[header::CONTENT_SECURITY_POLICY].to_str().unwrap();
    assert!(csp.contains("default-src 'self'"));
    assert!(csp.contains("'sha256-"), "{csp}");
    assert!(!csp.contains("unsafe-inline"));
    assert_eq!(headers[header::CACHE_CONTROL], "no-cache");

    let (_, headers, _) = get(&app, "/app-0123456789abcdef_bg.wasm").await;
    assert_eq!(
        headers[header::CACHE_CONTROL],
        "public, max-age=31536000, immutable"
    );
    let (_, headers, _) = get(&app, "/api/v1/config").await;
    assert_eq!(headers[header::CACHE_CONTROL], "no-store");
}

#[tokio::test]
async fn responses_are_compressed_when_asked() {
    let app = test_app_with_dist();
    let request = Request::get("/api/v1/catalog/index")
        .header(header::ACCEPT_ENCODING, "br, gzip")
        .body(Body::empty())
        .unwrap();
    let response = app.router.clone().oneshot(request).await.unwrap();
    assert_eq!(response.headers()[header::CONTENT_ENCODING], "br");
}

#[tokio::test]
async fn only_real_hashed_files_are_cached_as_immutable() {
    let app = test_app_with_dist();
    let (status, headers, _) = get(&app, "/app-0123456789abcdef_bg.wasm").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        headers[header::CACHE_CONTROL],
        "public, max-age=31536000, immutable"
    );
    // An app page whose last segment looks like a hash is index.html: revalidated; a
    // missing file that looks like a hashed one is a 404, revalidated too.
    for (page, expected) in [
        ("/tramites/foo-0123456789abcdef", StatusCode::OK),
        ("/x/app-0123456789abcdef_bg.wasm", StatusCode::NOT_FOUND),
    ] {
        let (status, headers, _) = get(&app, page).await;
        assert_eq!(status, expected, "{page}");
        assert_eq!(headers[header::CACHE_CONTROL], "no-cache", "{page}");
    }
}

#[tokio::test]
async fn every_api_client_error_is_problem_json() {
    let app = test_app_with_dist();
    // A path segment that is not UTF-8: axum's Path rejection is plain text.
    let (status, headers, body) = get(&app, "/api/v1/procedures/%FF%FE").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(headers[header::CONTENT_TYPE], "application/problem+json");
    let problem: Problem = serde_json::from_slice(&body).unwrap();
    assert_eq!(problem.status, 400);
    // A method the route does not have.
    let response = app
        .router
        .clone()
        .oneshot(
            Request::delete("/api/v1/cases")
                .body(Body::empty())
                .unwrap(),
        )
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(
        response.headers()[header::CONTENT_TYPE],
        "application/problem+json"
    );
    assert!(response.headers().contains_key(header::ALLOW));
}

#[tokio::test]
async fn the_built_in_deployment_lets_no_other_site_frame_the_app() {
    let app = test_app_with_dist();
    let (_, headers, _) = get(&app, "/").await;
    let csp = headers[header::CONTENT_SECURITY_POLICY].to_str().unwrap();
    assert!(csp.ends_with("frame-ancestors 'self'"), "{csp}");
    assert!(cc_server::default_deployment().embed_origins.is_empty());
    assert!(cc_server::demo_deployment()
        .embed_origins
        .contains(&"http://127.0.0.1:8081".to_string()));
}
