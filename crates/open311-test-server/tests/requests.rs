//! Reading requests (one, or a list), tokens, and the test-only control endpoints.

use axum::http::StatusCode;
use open311_test_server::Config;
use serde_json::json;

mod common;
use common::{get, plain, post_form, post_json, server, REQUESTS};

#[tokio::test]
async fn a_request_has_every_spec_field_and_an_unknown_id_is_an_empty_list() {
    let router = plain();
    let answer = get(&router, "/open311/v2/requests/SR-2026-0101.json").await;
    let list = answer.expect(StatusCode::OK).as_array().unwrap().clone();
    assert_eq!(list.len(), 1);
    let fields = [
        "service_request_id",
        "status",
        "status_notes",
        "service_name",
        "service_code",
        "description",
        "agency_responsible",
        "service_notice",
        "requested_datetime",
        "updated_datetime",
        "expected_datetime",
        "address",
        "lat",
        "long",
        "media_url",
    ];
    for field in fields {
        assert!(list[0].get(field).is_some(), "{field}");
    }
    assert_eq!(list[0]["requested_datetime"], "2026-11-26T10:00:00-05:00");
    let unknown = get(&router, "/open311/v2/requests/SR-0000.json").await;
    assert_eq!(unknown.expect(StatusCode::OK), &json!([]));
}

#[tokio::test]
async fn the_seed_has_an_in_progress_request_with_a_date_without_zone() {
    let answer = get(&plain(), "/open311/v2/requests/SR-2026-0103.json").await;
    let request = &answer.expect(StatusCode::OK)[0];
    assert_eq!(request["status"], "in_progress");
    assert_eq!(request["expected_datetime"], "2026-11-26T17:00:00");
}

#[tokio::test]
async fn the_list_takes_ids_and_leaves_missing_fields_out() {
    let router = plain();
    let uri = format!("{REQUESTS}?service_request_id=SR-2026-0102,nada,SR-2026-0101&status=open");
    let list = get(&router, &uri).await.body;
    let ids: Vec<_> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["service_request_id"].as_str().unwrap())
        .collect();
    // The ids override the other filters (a closed one is listed).
    assert_eq!(ids, ["SR-2026-0102", "SR-2026-0101"]);
    assert_eq!(list[0]["status"], "closed");
    assert!(list[0].get("media_url").is_none());
    assert!(list[0].get("lat").is_none());

    let open = get(&router, &format!("{REQUESTS}?status=open,in_progress")).await;
    assert_eq!(open.body.as_array().unwrap().len(), 2);
    let by_code = get(&router, &format!("{REQUESTS}?service_code=fuga_agua")).await;
    assert_eq!(by_code.body[0]["service_request_id"], "SR-2026-0103");
    assert_eq!(
        get(&router, REQUESTS).await.body.as_array().unwrap().len(),
        3
    );
}

#[tokio::test]
async fn a_token_gives_its_id_from_the_second_time_on() {
    let router = plain();
    let receipt = post_form(
        &router,
        REQUESTS,
        &[
            ("service_code", "grafiti"),
            ("lat", "-16.5"),
            ("long", "-68.1"),
        ],
    )
    .await
    .body;
    let token = receipt[0]["token"].as_str().unwrap().to_owned();
    let uri = format!("/open311/v2/tokens/{token}.json");
    let first = get(&router, &uri).await;
    assert_eq!(first.expect(StatusCode::OK), &json!([{ "token": token }]));
    let second = get(&router, &uri).await.body;
    assert_eq!(second[0]["token"], token.as_str());
    let id = second[0]["service_request_id"].as_str().unwrap();
    let request = get(&router, &format!("/open311/v2/requests/{id}.json")).await;
    assert_eq!(request.body[0]["service_code"], "grafiti");

    get(&router, "/open311/v2/tokens/tok-999999.json")
        .await
        .error_descriptions(StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn the_control_list_counts_filings_apart_from_the_seed() {
    let router = plain();
    let before = get(&router, "/_test/requests").await.body;
    assert_eq!(before["count"], 3);
    assert_eq!(before["filed"], 0);
    post_form(&router, REQUESTS, &common::pothole())
        .await
        .expect(StatusCode::OK);
    let after = get(&router, "/_test/requests").await.body;
    assert_eq!(after["count"], 4);
    assert_eq!(after["filed"], 1);
    let filed = &after["requests"][3];
    assert_eq!(filed["filed"], true);
    assert_eq!(filed["private"]["first_name"], "Ana");
}

#[tokio::test]
async fn the_control_endpoint_moves_a_request_along() {
    let (router, _) = server(Config::default());
    let moved = post_json(
        &router,
        "/_test/requests/SR-2026-0101",
        &json!({
            "status": "closed",
            "status_notes": "Bache reparado",
            "agency_responsible": "Cuadrilla 3",
            "expected_datetime": "2026-12-01T12:00:00",
        }),
    )
    .await;
    assert_eq!(moved.expect(StatusCode::OK)[0]["status"], "closed");
    let shown = get(&router, "/open311/v2/requests/SR-2026-0101.json")
        .await
        .body;
    assert_eq!(shown[0]["status_notes"], "Bache reparado");
    assert_eq!(shown[0]["agency_responsible"], "Cuadrilla 3");
    assert_eq!(shown[0]["expected_datetime"], "2026-12-01T12:00:00");
    assert_ne!(shown[0]["updated_datetime"], "2026-11-26T10:00:00-05:00");

    post_json(
        &router,
        "/_test/requests/SR-2026-0101",
        &json!({ "status": "lost" }),
    )
    .await
    .error_descriptions(StatusCode::BAD_REQUEST);
    post_json(
        &router,
        "/_test/requests/nada",
        &json!({ "status": "open" }),
    )
    .await
    .error_descriptions(StatusCode::NOT_FOUND);
    // A misspelt field is refused rather than silently ignored.
    post_json(
        &router,
        "/_test/requests/SR-2026-0101",
        &json!({ "estado": "open" }),
    )
    .await
    .error_descriptions(StatusCode::UNPROCESSABLE_ENTITY);
}
