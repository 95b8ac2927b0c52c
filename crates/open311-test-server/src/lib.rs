//! An Open311 GeoReport v2 server for testing clients: JSON only, in memory, seeded
//! with Spanish municipal services, and with the odd corners real servers have (see
//! [`seed`]). Base path `/open311/v2`. Test-only control endpoints, outside the spec,
//! live under `/_test/`.
//!
//! Written from the published spec (wiki.open311.org/GeoReport_v2): field names,
//! the `[{code, description}]` error array, tokens for servers that cannot give an id
//! at once, `service_request_id` lists on `requests.json`.

pub mod control;
pub mod filing;
pub mod reading;
pub mod seed;
pub mod store;

use std::sync::{Arc, Mutex};

use axum::extract::{DefaultBodyLimit, Request};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use serde_json::{json, Value};

pub use seed::Service;
pub use store::Store;

/// The base path of the GeoReport v2 endpoints.
pub const BASE_PATH: &str = "/open311/v2";
/// Largest request body taken.
pub const BODY_LIMIT: usize = 64 * 1024;
/// The one content type of every answer.
pub const JSON: &str = "application/json; charset=utf-8";

/// What the server was started with.
#[derive(Debug, Clone, Default)]
pub struct Config {
    /// When set, `POST requests.json` needs `api_key` equal to it (403 otherwise).
    pub api_key: Option<String>,
    /// When set, a `jurisdiction_id` other than it is answered 404 on every endpoint.
    pub jurisdiction: Option<String>,
}

/// Shared by every handler.
#[derive(Clone)]
pub struct AppState {
    pub config: Arc<Config>,
    pub services: Arc<Vec<Service>>,
    pub store: Arc<Mutex<Store>>,
}

impl AppState {
    pub fn new(config: Config) -> Self {
        AppState {
            config: Arc::new(config),
            services: Arc::new(seed::services()),
            store: Arc::new(Mutex::new(Store::seeded())),
        }
    }

    /// The service whose code, as text, is `code` (`4` finds the numeric code 4).
    pub fn service(&self, code: &str) -> Option<&Service> {
        self.services.iter().find(|s| s.code_text() == code)
    }

    /// The store; a panic elsewhere only loses that one change, so a poisoned lock is
    /// still used.
    pub fn store(&self) -> std::sync::MutexGuard<'_, Store> {
        self.store
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// The answer refusing a `jurisdiction_id` that is not this server's, if it is
    /// not (absent is always fine, as most servers serve just one).
    pub fn jurisdiction_refusal(&self, given: Option<&str>) -> Option<Response> {
        match (&self.config.jurisdiction, given) {
            (Some(ours), Some(given)) if ours != given => Some(errors(
                StatusCode::NOT_FOUND,
                [format!(
                    "jurisdiction_id {given:?} no existe en este servidor"
                )],
            )),
            _ => None,
        }
    }
}

/// A JSON answer with the one content type this server uses.
pub fn answer(status: StatusCode, body: &Value) -> Response {
    let mut response = (status, body.to_string()).into_response();
    response
        .headers_mut()
        .insert(header::CONTENT_TYPE, HeaderValue::from_static(JSON));
    response
}

/// The spec's error answer: an array of `{code, description}`, one per problem, each
/// with the HTTP status as its code.
pub fn errors<I, S>(status: StatusCode, descriptions: I) -> Response
where
    I: IntoIterator<Item = S>,
    S: Into<String>,
{
    let list: Vec<Value> = descriptions
        .into_iter()
        .map(|d| json!({ "code": status.as_u16(), "description": d.into() }))
        .collect();
    answer(status, &Value::Array(list))
}

/// The value of `name` in a query string (first one wins).
pub fn query_value(query: Option<&str>, name: &str) -> Option<String> {
    form_urlencoded::parse(query.unwrap_or("").as_bytes())
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.into_owned())
}

/// `NAME.json` → `NAME`; anything else is no resource of this server.
pub fn strip_json(file: &str) -> Option<&str> {
    file.strip_suffix(".json").filter(|name| !name.is_empty())
}

async fn not_found() -> Response {
    errors(StatusCode::NOT_FOUND, ["No existe ese recurso"])
}

/// Turns axum's own plain-text answers (a 405, a 413 over the body limit, a bad
/// path) into the spec's error array, so that every answer is JSON.
async fn json_only(request: Request, next: Next) -> Response {
    let response = next.run(request).await;
    let is_json = response
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v == JSON);
    if is_json {
        return response;
    }
    let status = response.status();
    let (parts, body) = response.into_parts();
    let text = axum::body::to_bytes(body, 4096)
        .await
        .map(|b| String::from_utf8_lossy(&b).trim().to_owned())
        .unwrap_or_default();
    let text = if text.is_empty() {
        status.canonical_reason().unwrap_or("Error").to_owned()
    } else {
        text
    };
    let mut out = errors(status, [text]);
    if let Some(allow) = parts.headers.get(header::ALLOW) {
        out.headers_mut().insert(header::ALLOW, allow.clone());
    }
    out
}

/// The whole server.
pub fn app(config: Config) -> Router {
    router(AppState::new(config))
}

/// The server on a given state (tests keep a handle on the store).
pub fn router(state: AppState) -> Router {
    let v2 = Router::new()
        .route("/discovery.json", get(reading::discovery))
        .route("/services.json", get(reading::services))
        .route("/services/{file}", get(reading::definition))
        .route(
            "/requests.json",
            get(reading::request_list).post(filing::create),
        )
        .route("/requests/{file}", get(reading::request))
        .route("/tokens/{file}", get(reading::token));
    let control = Router::new()
        .route("/requests", get(control::list))
        .route("/requests/{id}", post(control::update));
    Router::new()
        .nest(BASE_PATH, v2)
        .nest("/_test", control)
        .fallback(not_found)
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .layer(axum::middleware::from_fn(json_only))
        .with_state(state)
}
