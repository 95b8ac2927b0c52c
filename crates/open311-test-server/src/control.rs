//! Test-only endpoints, outside the spec (`/_test/…`): what was filed, and moving a
//! request along as an agency would.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::Json;
use serde::Deserialize;
use serde_json::{json, Value};

use crate::store::timestamp_now;
use crate::{answer, errors, AppState};

/// `GET /_test/requests`: `{count, filed, requests}`, every stored request with
/// its private part (`filed` counts only those sent through `POST requests.json`).
pub async fn list(State(state): State<AppState>) -> Response {
    let store = state.store();
    let requests: Vec<Value> = store.all().iter().map(|r| r.control_view()).collect();
    answer(
        StatusCode::OK,
        &json!({
            "count": requests.len(),
            "filed": store.filed_count(),
            "requests": requests,
        }),
    )
}

/// What `POST /_test/requests/{id}` may change; absent fields stay as they are.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Update {
    pub status: Option<String>,
    pub status_notes: Option<String>,
    pub agency_responsible: Option<String>,
    /// Taken as written, so a test can also set a date without a zone.
    pub expected_datetime: Option<String>,
}

/// `POST /_test/requests/{id}`: applies the update, sets `updated_datetime`, and
/// answers the request as `GET requests/{id}.json` would.
pub async fn update(
    State(state): State<AppState>,
    Path(id): Path<String>,
    Json(update): Json<Update>,
) -> Response {
    if let Some(status) = &update.status {
        if !matches!(status.as_str(), "open" | "closed" | "in_progress") {
            return errors(
                StatusCode::BAD_REQUEST,
                ["status debe ser open, closed o in_progress"],
            );
        }
    }
    let mut store = state.store();
    let Some(request) = store.get_mut(&id) else {
        return errors(
            StatusCode::NOT_FOUND,
            [format!("No existe la solicitud {id:?}")],
        );
    };
    let fields = [
        ("status", update.status),
        ("status_notes", update.status_notes),
        ("agency_responsible", update.agency_responsible),
        ("expected_datetime", update.expected_datetime),
    ];
    for (name, value) in fields {
        if let Some(value) = value {
            request.public.insert(name.into(), json!(value));
        }
    }
    request
        .public
        .insert("updated_datetime".into(), json!(timestamp_now()));
    answer(StatusCode::OK, &json!([request.full_view()]))
}
