//! The GET endpoints of GeoReport v2: discovery, services, service definitions,
//! requests (one, or a list) and tokens.

use axum::extract::{Path, RawQuery, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::Response;
use serde_json::{json, Value};

use crate::{answer, errors, query_value, strip_json, AppState, BASE_PATH};

/// The refusal of the query's `jurisdiction_id`, if it is not this server's.
fn jurisdiction(state: &AppState, query: &Option<String>) -> Option<Response> {
    state.jurisdiction_refusal(query_value(query.as_deref(), "jurisdiction_id").as_deref())
}

/// `GET discovery.json`: where the endpoint is and what it speaks.
pub async fn discovery(
    State(state): State<AppState>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
) -> Response {
    if let Some(e) = jurisdiction(&state, &query) {
        return e;
    }
    // The endpoint as the client reached it (a test server has no fixed name).
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or("127.0.0.1");
    let changeset = "2026-11-01T00:00:00-05:00";
    let body = json!({
        "changeset": changeset,
        "contact": "Municipio de Ejemplo, Mesa de ayuda 311: open311@municipio.example",
        "key_service": "https://municipio.example/open311/clave",
        "endpoints": [{
            "specification": "http://wiki.open311.org/GeoReport_v2",
            "url": format!("http://{host}{BASE_PATH}"),
            "changeset": changeset,
            "type": "production",
            "formats": ["application/json"],
        }],
    });
    answer(StatusCode::OK, &body)
}

/// `GET services.json`.
pub async fn services(State(state): State<AppState>, RawQuery(query): RawQuery) -> Response {
    if let Some(e) = jurisdiction(&state, &query) {
        return e;
    }
    let list: Vec<Value> = state.services.iter().map(|s| s.list_entry()).collect();
    answer(StatusCode::OK, &Value::Array(list))
}

/// `GET services/{code}.json`.
pub async fn definition(
    State(state): State<AppState>,
    Path(file): Path<String>,
    RawQuery(query): RawQuery,
) -> Response {
    if let Some(e) = jurisdiction(&state, &query) {
        return e;
    }
    match strip_json(&file).and_then(|code| state.service(code)) {
        Some(service) => answer(StatusCode::OK, &service.definition()),
        None => errors(
            StatusCode::NOT_FOUND,
            [format!("No existe el servicio {file:?}")],
        ),
    }
}

/// `GET requests/{id}.json`: an array of one. An unknown id is `200 []`, as some
/// real servers answer (others say 404: clients must take both).
pub async fn request(
    State(state): State<AppState>,
    Path(file): Path<String>,
    RawQuery(query): RawQuery,
) -> Response {
    if let Some(e) = jurisdiction(&state, &query) {
        return e;
    }
    let Some(id) = strip_json(&file) else {
        return errors(StatusCode::NOT_FOUND, ["No existe ese recurso"]);
    };
    let found: Vec<Value> = state
        .store()
        .get(id)
        .map(|r| r.full_view())
        .into_iter()
        .collect();
    answer(StatusCode::OK, &Value::Array(found))
}

/// `GET requests.json`: with `service_request_id=a,b` exactly those (unknown ones
/// skipped; the parameter overrides the others, as the spec says), otherwise every
/// request, filtered by `service_code` and `status` lists when given. Null fields
/// are left out here.
pub async fn request_list(State(state): State<AppState>, RawQuery(query): RawQuery) -> Response {
    if let Some(e) = jurisdiction(&state, &query) {
        return e;
    }
    let list_of = |name| {
        query_value(query.as_deref(), name).map(|v| {
            v.split(',')
                .map(|s| s.trim().to_owned())
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
        })
    };
    let store = state.store();
    let list: Vec<Value> = if let Some(ids) = list_of("service_request_id") {
        ids.iter()
            .filter_map(|id| store.get(id))
            .map(|r| r.list_view())
            .collect()
    } else {
        let codes = list_of("service_code");
        let statuses = list_of("status");
        let text = |v: &Value| crate::seed::code_text(v);
        store
            .all()
            .iter()
            .filter(|r| {
                codes
                    .as_ref()
                    .is_none_or(|c| c.contains(&text(&r.public["service_code"])))
            })
            .filter(|r| {
                statuses
                    .as_ref()
                    .is_none_or(|s| s.iter().any(|s| r.public["status"] == s.as_str()))
            })
            .map(|r| r.list_view())
            .collect()
    };
    answer(StatusCode::OK, &Value::Array(list))
}

/// `GET tokens/{token}.json`: the first time without the id ("still processing"),
/// afterwards with it. An unknown token is 404.
pub async fn token(
    State(state): State<AppState>,
    Path(file): Path<String>,
    RawQuery(query): RawQuery,
) -> Response {
    if let Some(e) = jurisdiction(&state, &query) {
        return e;
    }
    let token = strip_json(&file).unwrap_or("");
    match state.store().redeem(token) {
        Some(None) => answer(StatusCode::OK, &json!([{ "token": token }])),
        Some(Some(id)) => answer(
            StatusCode::OK,
            &json!([{ "token": token, "service_request_id": id }]),
        ),
        None => errors(
            StatusCode::NOT_FOUND,
            [format!("No existe el token {token:?}")],
        ),
    }
}
