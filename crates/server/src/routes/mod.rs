//! The `/api/v1` router and its OpenAPI document (generated from the same types).

use axum::extract::State;
use axum::routing::get;
use axum::{Json, Router};
use cc_core::config::Deployment;
use utoipa::OpenApi;

use crate::problem::ApiError;
use crate::state::AppState;

pub mod catalog;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Contacto Ciudadano API",
        version = "1.0.0",
        description = "Typed JSON contract between the Contacto Ciudadano app and any backend. Errors are RFC 9457 problem+json."
    ),
    paths(
        deployment,
        catalog::catalog_index,
        catalog::search_procedures,
        catalog::procedure,
        catalog::agencies,
        catalog::categories,
    ),
    components(schemas(cc_core::api::Problem, cc_core::api::FieldError))
)]
pub struct ApiDoc;

/// Deployment settings the app needs at start-up.
#[utoipa::path(get, path = "/api/v1/config", tag = "deployment", responses((status = 200, body = Deployment)))]
pub async fn deployment(State(state): State<AppState>) -> Json<Deployment> {
    Json((*state.deployment).clone())
}

async fn openapi() -> Json<utoipa::openapi::OpenApi> {
    Json(ApiDoc::openapi())
}

async fn api_not_found() -> ApiError {
    ApiError::NotFound
}

pub fn api_router() -> Router<AppState> {
    Router::new()
        .route("/config", get(deployment))
        .route("/openapi.json", get(openapi))
        .route("/catalog/index", get(catalog::catalog_index))
        .route("/procedures", get(catalog::search_procedures))
        .route("/procedures/{slug}", get(catalog::procedure))
        .route("/agencies", get(catalog::agencies))
        .route("/categories", get(catalog::categories))
        .fallback(api_not_found)
}
