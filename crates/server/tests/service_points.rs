//! `GET /api/v1/service-points`: the demo catalog's offices as points, and the same
//! from gob.bo's open data once imported.

use std::sync::Arc;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use cc_core::service_points::ServicePoints;

mod common;
use common::{send_to, test_app};

#[tokio::test]
async fn the_demo_catalog_offices_are_served_as_points() {
    let app = test_app();
    let answer = send_to(
        &app.router,
        Request::get("/api/v1/service-points")
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(answer.status, StatusCode::OK);
    let points: ServicePoints = serde_json::from_slice(&answer.body).unwrap();
    assert!(points.points.len() >= 5, "{}", points.points.len());
    let passports = points
        .points
        .iter()
        .find(|p| p.name == "Oficina de Pasaportes de Santa Lucía")
        .expect("the passport office");
    assert_eq!(passports.city.as_deref(), Some("Santa Lucía"));
    assert!(passports.latitude.is_some() && passports.phone.is_some());
    assert!(!passports.hours.is_empty());
    let slugs: Vec<&str> = passports
        .procedures
        .iter()
        .map(|p| p.slug.as_str())
        .collect();
    assert!(slugs.contains(&"pasaporte-ordinario"), "{slugs:?}");
    // An office listed by many procedures is one point.
    let mut names: Vec<(&str, &str)> = points
        .points
        .iter()
        .map(|p| (p.name.as_str(), p.address.as_str()))
        .collect();
    names.sort();
    let before = names.len();
    names.dedup();
    assert_eq!(before, names.len());
}

#[tokio::test]
async fn points_are_computed_once_per_catalog() {
    let app = test_app();
    let first = cc_server::routes::service_points::points_of(&app.state.catalog);
    let again = cc_server::routes::service_points::points_of(&app.state.catalog);
    assert!(
        Arc::ptr_eq(&first, &again),
        "the same catalog is not gathered twice"
    );
    // Another catalog (another server in the same process) gets its own points.
    let other = Arc::new(cc_server::state::Catalog::new(Vec::new(), &[]));
    assert!(cc_server::routes::service_points::points_of(&other)
        .points
        .is_empty());
    let back = cc_server::routes::service_points::points_of(&app.state.catalog);
    assert_eq!(back.points.len(), first.points.len());
}

#[test]
fn gob_bo_offices_become_points_with_the_modality_hours() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/datasets/tramites-bo.jsonl"
    );
    let Ok(file) = std::fs::File::open(path) else {
        eprintln!("skipped: {path} is not here");
        return;
    };
    let report = cc_server::import::import_jsonl(std::io::BufReader::new(file));
    let points = cc_core::service_points::gather(&report.procedures);
    assert!(!points.is_empty());
    assert!(points.iter().all(|p| !p.procedures.is_empty()));
    assert!(
        points.iter().any(|p| !p.hours.is_empty()),
        "some imported office shows hours"
    );
}
