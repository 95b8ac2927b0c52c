//! `POST requests.json`: successful filings, token-only filings, and the checks a
//! real server makes, several errors at once.

use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use open311_test_server::Config;

mod common;
use common::{form_body, get, plain, post_form, pothole, send, server, REQUESTS};

#[tokio::test]
async fn a_valid_filing_gets_an_id_and_is_stored_with_its_private_part() {
    let (router, state) = server(Config::default());
    let answer = post_form(&router, REQUESTS, &pothole()).await;
    let receipt = &answer.expect(StatusCode::OK)[0];
    let id = receipt["service_request_id"].as_str().unwrap();
    assert!(receipt["service_notice"].is_string());
    assert!(receipt["account_id"].is_null());
    assert!(receipt.get("token").is_none());

    let stored = state.store().get(id).unwrap().clone();
    assert!(stored.filed);
    assert_eq!(stored.private["email"], "ana@example.com");
    assert_eq!(stored.private["attributes"]["tamano"][0], "grande");
    let shown = get(&router, &format!("/open311/v2/requests/{id}.json")).await;
    let shown = &shown.expect(StatusCode::OK)[0];
    assert_eq!(shown["status"], "open");
    assert_eq!(shown["service_code"], "bache");
    assert_eq!(shown["lat"], -16.5);
    // Contact details are never shown back.
    assert!(shown.get("email").is_none());
    let requested = shown["requested_datetime"].as_str().unwrap();
    assert!(
        requested.ends_with("-05:00") && requested.len() == 25,
        "{requested}"
    );
}

#[tokio::test]
async fn an_address_alone_is_a_location_and_a_numeric_code_is_filed_by_its_text() {
    let router = plain();
    let answer = post_form(
        &router,
        REQUESTS,
        &[
            ("service_code", "4"),
            ("address_string", "Calle 5 y Av. Busch"),
            ("attribute[ultima_recoleccion]", "2026-11-20T08:00:00-05:00"),
            ("attribute[tipo_residuo][]", "organico"),
            ("attribute[tipo_residuo][]", "voluminoso"),
        ],
    )
    .await;
    let id = answer.expect(StatusCode::OK)[0]["service_request_id"]
        .as_str()
        .unwrap()
        .to_owned();
    let shown = get(&router, &format!("/open311/v2/requests/{id}.json")).await;
    assert_eq!(shown.body[0]["service_code"], 4);
    assert_eq!(shown.body[0]["address"], "Calle 5 y Av. Busch");
}

#[tokio::test]
async fn several_problems_are_answered_together() {
    let router = plain();
    let long = "x".repeat(4001);
    let answer = post_form(
        &router,
        REQUESTS,
        &[
            ("service_code", "bache"),
            ("description", &long),
            ("attribute[profundidad_cm]", "hondo"),
        ],
    )
    .await;
    let errors = answer.error_descriptions(StatusCode::BAD_REQUEST);
    assert_eq!(errors.len(), 4, "{errors:?}");
    let all = errors.join("\n");
    for part in ["ubicación", "4001", "tamano", "profundidad_cm"] {
        assert!(all.contains(part), "{part} in {all}");
    }
}

#[tokio::test]
async fn an_unknown_service_and_a_missing_location_are_both_reported() {
    let router = plain();
    let answer = post_form(&router, REQUESTS, &[("service_code", "no-existe")]).await;
    let errors = answer.error_descriptions(StatusCode::BAD_REQUEST);
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert!(errors[0].contains("no-existe"));
    let errors = post_form(&router, REQUESTS, &[("lat", "1"), ("long", "2")])
        .await
        .error_descriptions(StatusCode::BAD_REQUEST);
    assert_eq!(errors, ["Falta service_code"]);
}

#[tokio::test]
async fn list_values_must_be_among_the_definitions_keys() {
    let router = plain();
    let mut form = pothole();
    form.retain(|(k, _)| *k != "attribute[tamano]");
    form.push(("attribute[tamano]", "enorme"));
    let errors = post_form(&router, REQUESTS, &form)
        .await
        .error_descriptions(StatusCode::BAD_REQUEST);
    assert!(errors[0].contains("pequeno, mediano, grande"), "{errors:?}");

    let errors = post_form(
        &router,
        REQUESTS,
        &[
            ("service_code", "alumbrado"),
            ("address_string", "Av. Arce"),
            ("attribute[numero_poste]", "AP-1"),
            ("attribute[horario][]", "noche"),
            ("attribute[horario][]", "siempre"),
        ],
    )
    .await
    .error_descriptions(StatusCode::BAD_REQUEST);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(errors[0].contains("siempre"));
}

#[tokio::test]
async fn bad_coordinates_and_a_half_point_are_refused() {
    let router = plain();
    for (lat, long) in [("91", "0"), ("0", "abc"), ("1", "")] {
        let errors = post_form(
            &router,
            REQUESTS,
            &[
                ("service_code", "grafiti"),
                ("lat", lat),
                ("long", long),
                ("address_string", "Plaza"),
            ],
        )
        .await
        .error_descriptions(StatusCode::BAD_REQUEST);
        assert_eq!(errors.len(), 1, "{lat},{long}: {errors:?}");
    }
}

#[tokio::test]
async fn a_token_only_service_answers_a_token_without_an_id() {
    let (router, state) = server(Config::default());
    let answer = post_form(
        &router,
        REQUESTS,
        &[
            ("service_code", "grafiti"),
            ("address_string", "Muro del parque"),
        ],
    )
    .await;
    let receipt = answer.expect(StatusCode::OK).as_array().unwrap().clone();
    assert_eq!(receipt.len(), 1);
    assert!(receipt[0]["token"].is_string());
    assert!(receipt[0].get("service_request_id").is_none());
    assert_eq!(state.store().filed_count(), 1);
}

#[tokio::test]
async fn the_api_key_is_checked_in_the_form_or_the_query() {
    let (router, state) = server(Config {
        api_key: Some("clave-secreta".into()),
        ..Default::default()
    });
    let errors = post_form(&router, REQUESTS, &pothole())
        .await
        .error_descriptions(StatusCode::FORBIDDEN);
    assert_eq!(errors.len(), 1);
    let mut wrong = pothole();
    wrong.push(("api_key", "otra"));
    post_form(&router, REQUESTS, &wrong)
        .await
        .error_descriptions(StatusCode::FORBIDDEN);
    let mut right = pothole();
    right.push(("api_key", "clave-secreta"));
    post_form(&router, REQUESTS, &right)
        .await
        .expect(StatusCode::OK);
    let uri = format!("{REQUESTS}?api_key=clave-secreta");
    post_form(&router, &uri, &pothole())
        .await
        .expect(StatusCode::OK);
    assert_eq!(state.store().filed_count(), 2);
    // Reading needs no key.
    get(&router, "/open311/v2/services.json")
        .await
        .expect(StatusCode::OK);
}

#[tokio::test]
async fn the_jurisdiction_is_checked_on_filings() {
    let (router, _) = server(Config {
        jurisdiction: Some("municipio.example".into()),
        ..Default::default()
    });
    let mut other = pothole();
    other.push(("jurisdiction_id", "otra.example"));
    post_form(&router, REQUESTS, &other)
        .await
        .error_descriptions(StatusCode::NOT_FOUND);
    let mut ours = pothole();
    ours.push(("jurisdiction_id", "municipio.example"));
    post_form(&router, REQUESTS, &ours)
        .await
        .expect(StatusCode::OK);
}

#[tokio::test]
async fn only_form_bodies_up_to_64_kb_are_taken() {
    let router = plain();
    let request = Request::builder()
        .method(Method::POST)
        .uri(REQUESTS)
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from("{\"service_code\":\"bache\"}"))
        .unwrap();
    send(&router, request)
        .await
        .error_descriptions(StatusCode::UNSUPPORTED_MEDIA_TYPE);

    let big = "x".repeat(70 * 1024);
    let request = Request::builder()
        .method(Method::POST)
        .uri(REQUESTS)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from(form_body(&[("description", &big)])))
        .unwrap();
    send(&router, request)
        .await
        .error_descriptions(StatusCode::PAYLOAD_TOO_LARGE);
}
