//! The `/api/v1` router and its OpenAPI document (generated from the same types).

use axum::extract::State;
use axum::routing::{get, post};
use axum::{Json, Router};
use cc_core::config::Deployment;
use utoipa::OpenApi;

use crate::problem::ApiError;
use crate::state::AppState;

pub mod cases;
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
        cases::upload_attachment,
        cases::create_case,
    ),
    components(schemas(
        cc_core::api::Problem,
        cc_core::api::FieldError,
        cc_core::intake::NewCase,
        cc_core::intake::CaseReceipt,
        cc_core::intake::AttachmentReceipt,
        cc_core::intake::Identity,
        cc_core::intake::CaseType,
        cc_core::intake::CaseTypeText,
        cc_core::intake::IntakeRules,
        cases::AttachmentBytes,
    ))
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
        // The upload reads its body itself, up to `intake.max_attachment_bytes`.
        .route("/attachments", post(cases::upload_attachment))
        .route("/cases", post(cases::create_case))
        .fallback(api_not_found)
}
