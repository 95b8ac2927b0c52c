//! A deployment's own everyday words reach the search: in the index the browser
//! downloads and in the server's search endpoint.

mod common;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use cc_core::catalog::CatalogIndex;
use cc_core::search::SearchPage;
use common::send_to;

fn app_with(synonyms: Vec<Vec<String>>) -> (axum::Router, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let mut deployment = cc_server::default_deployment();
    deployment.search_synonyms = synonyms;
    let state = cc_server::build_state(&dir.path().join("db.sqlite3"), deployment, None).unwrap();
    (cc_server::app(state), dir)
}

async fn first_hit(router: &axum::Router, q: &str) -> (String, bool) {
    let answer = send_to(
        router,
        Request::get(format!("/api/v1/catalog/search?q={q}"))
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    answer.expect(StatusCode::OK);
    let page: SearchPage = answer.json();
    let first = page
        .items
        .first()
        .map(|h| h.procedure.slug.clone())
        .unwrap_or_default();
    (first, page.partial)
}

#[tokio::test]
async fn a_deployment_synonym_finds_what_the_catalog_calls_otherwise() {
    // "Guagua" is what many Bolivians call a baby; the catalog says "nacimiento".
    let group = vec!["guagua".to_string(), "nacimiento".to_string()];
    let (with, _d1) = app_with(vec![group.clone()]);
    let (without, _d2) = app_with(Vec::new());

    let (slug, partial) = first_hit(&with, "inscribir%20a%20mi%20guagua").await;
    assert_eq!(slug, "inscripcion-de-nacimiento");
    assert!(!partial, "with the synonym every word matches");
    let (slug, _) = first_hit(&without, "guagua").await;
    assert_ne!(
        slug, "inscripcion-de-nacimiento",
        "without it, guagua is unknown"
    );

    // The browser's index carries the group, so searching there finds it too.
    let answer = send_to(
        &with,
        Request::get("/api/v1/catalog/index")
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    let index: CatalogIndex = answer.json();
    assert_eq!(index.synonyms, vec![group]);
}
