//! Discovery, the service list and service definitions, with their odd corners; the
//! jurisdiction check on reads; every answer is JSON.

use axum::body::Body;
use axum::http::{Method, Request, StatusCode};
use open311_test_server::Config;
use serde_json::Value;

mod common;
use common::{get, plain, send, server};

#[tokio::test]
async fn discovery_names_the_v2_json_endpoint() {
    let router = plain();
    let request = Request::get("/open311/v2/discovery.json")
        .header("host", "city.example:8311")
        .body(Body::empty())
        .unwrap();
    let body = send(&router, request).await.expect(StatusCode::OK).clone();
    for field in ["changeset", "contact", "key_service"] {
        assert!(body[field].is_string(), "{field}: {body}");
    }
    let endpoint = &body["endpoints"][0];
    assert_eq!(
        endpoint["specification"],
        "http://wiki.open311.org/GeoReport_v2"
    );
    assert_eq!(endpoint["url"], "http://city.example:8311/open311/v2");
    assert_eq!(endpoint["type"], "production");
    assert_eq!(endpoint["formats"], serde_json::json!(["application/json"]));
    assert!(endpoint["changeset"].is_string());
}

#[tokio::test]
async fn services_list_has_the_spec_fields_and_the_odd_corners() {
    let answer = get(&plain(), "/open311/v2/services.json").await;
    let list = answer.expect(StatusCode::OK).as_array().unwrap().clone();
    assert!(list.len() >= 6);
    for service in &list {
        assert!(service["service_name"].is_string(), "{service}");
        assert_eq!(service["type"], "realtime");
        assert!(service["metadata"].is_boolean());
        if let Some(keywords) = service.get("keywords") {
            // The spec's keywords are one comma-separated string, not an array.
            assert!(keywords.as_str().unwrap().contains(','), "{keywords}");
        }
    }
    let numeric = list
        .iter()
        .filter(|s| s["service_code"].is_number())
        .count();
    assert_eq!(numeric, 1, "one service code is a JSON number");
    assert!(list.iter().any(|s| s["metadata"] == false));
    let bare = list
        .iter()
        .find(|s| s["service_code"] == "arbol_caido")
        .unwrap();
    for missing in ["description", "keywords", "group"] {
        assert!(bare.get(missing).is_none(), "{missing} in {bare}");
    }
    let names: Vec<&str> = list
        .iter()
        .map(|s| s["service_name"].as_str().unwrap())
        .collect();
    assert!(names.contains(&"Baches y huecos en la vía"), "{names:?}");
}

#[tokio::test]
async fn definitions_cover_every_datatype_and_a_display_text() {
    let router = plain();
    let list = get(&router, "/open311/v2/services.json").await.body;
    let mut datatypes = std::collections::BTreeSet::new();
    let mut display_texts = 0;
    for service in list.as_array().unwrap() {
        let code = match &service["service_code"] {
            Value::String(s) => s.clone(),
            other => other.to_string(),
        };
        let answer = get(&router, &format!("/open311/v2/services/{code}.json")).await;
        let definition = answer.expect(StatusCode::OK);
        // The code comes back with the type it has in the list (number or string).
        assert_eq!(definition["service_code"], service["service_code"]);
        for attribute in definition["attributes"].as_array().unwrap() {
            for field in ["code", "datatype", "description"] {
                assert!(attribute[field].is_string(), "{field}: {attribute}");
            }
            assert!(attribute["required"].is_boolean());
            assert!(attribute["order"].is_u64());
            assert!(attribute.get("datatype_description").is_some());
            let datatype = attribute["datatype"].as_str().unwrap().to_owned();
            if datatype.ends_with("valuelist") {
                for value in attribute["values"].as_array().unwrap() {
                    assert!(value["key"].is_string() && value["name"].is_string());
                }
            }
            if attribute["variable"] == false {
                display_texts += 1;
            } else {
                datatypes.insert(datatype);
            }
        }
    }
    let all = [
        "datetime",
        "multivaluelist",
        "number",
        "singlevaluelist",
        "string",
        "text",
    ];
    assert_eq!(datatypes.into_iter().collect::<Vec<_>>(), all);
    assert_eq!(display_texts, 1);
}

#[tokio::test]
async fn an_unknown_service_is_a_404_error_array() {
    let router = plain();
    for uri in [
        "/open311/v2/services/no-existe.json",
        "/open311/v2/services/bache.xml",
        "/open311/v2/services/bache",
    ] {
        let errors = get(&router, uri)
            .await
            .error_descriptions(StatusCode::NOT_FOUND);
        assert_eq!(errors.len(), 1, "{uri}");
    }
}

#[tokio::test]
async fn a_jurisdiction_is_taken_everywhere_and_others_are_404() {
    let (open, _) = server(Config::default());
    let (one, _) = server(Config {
        jurisdiction: Some("municipio.example".into()),
        ..Default::default()
    });
    for path in [
        "discovery.json",
        "services.json",
        "services/bache.json",
        "requests.json",
        "requests/SR-2026-0101.json",
    ] {
        let ours = format!("/open311/v2/{path}?jurisdiction_id=municipio.example");
        let other = format!("/open311/v2/{path}?jurisdiction_id=otra.example");
        get(&open, &other).await.expect(StatusCode::OK);
        get(&one, &ours).await.expect(StatusCode::OK);
        get(&one, &format!("/open311/v2/{path}"))
            .await
            .expect(StatusCode::OK);
        let errors = get(&one, &other)
            .await
            .error_descriptions(StatusCode::NOT_FOUND);
        assert!(errors[0].contains("otra.example"), "{errors:?}");
    }
}

#[tokio::test]
async fn every_answer_is_json_even_the_frameworks_own() {
    let router = plain();
    // `send` checks the content type of each.
    get(&router, "/no/such/path")
        .await
        .error_descriptions(StatusCode::NOT_FOUND);
    let request = Request::builder()
        .method(Method::DELETE)
        .uri("/open311/v2/services.json")
        .body(Body::empty())
        .unwrap();
    let answer = send(&router, request).await;
    answer.error_descriptions(StatusCode::METHOD_NOT_ALLOWED);
    assert!(answer.headers.contains_key("allow"));
}
