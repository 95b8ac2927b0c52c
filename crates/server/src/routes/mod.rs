//! The `/api/v1` router and its OpenAPI document (generated from the same types).

use axum::extract::State;
use axum::routing::{get, post};
use axum::{Json, Router};
use cc_core::config::Deployment;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};

use crate::problem::ApiError;
use crate::state::AppState;

pub mod assisted;
pub mod cases;
pub mod catalog;
pub mod request;
pub mod search;
pub mod service_points;
pub mod staff;
pub mod tracking;
pub mod transparency;

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
        catalog::catalog_directory,
        search::search,
        catalog::search_procedures,
        catalog::procedure,
        catalog::agencies,
        catalog::categories,
        cases::upload_attachment,
        cases::create_case,
        tracking::lookup,
        tracking::download_attachment,
        tracking::add_reply,
        tracking::rate,
        staff::list_cases,
        staff::show_case,
        staff::add_event,
        assisted::me,
        assisted::file_case,
        assisted::send_receipt,
        transparency::transparency,
        transparency::self_service,
        service_points::service_points,
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
        cc_core::tracking::CaseStatus,
        cc_core::tracking::Actor,
        cc_core::tracking::EventKind,
        cc_core::tracking::CaseEvent,
        cc_core::tracking::Rating,
        cc_core::tracking::CaseView,
        cc_core::tracking::LookupRequest,
        cc_core::tracking::NewReply,
        cc_core::tracking::StaffAction,
        cc_core::tracking::StaffCaseSummary,
        cc_core::tracking::StaffCaseView,
        cc_core::channel::Channel,
        cc_core::channel::Consent,
        cc_core::channel::AssistedCase,
        cc_core::channel::StaffMember,
        cc_core::channel::ReceiptRequest,
        cc_core::channel::ReceiptMedium,
        cc_core::channel::ReceiptSent,
        cc_core::transparency::Transparency,
        cc_core::transparency::Figure,
        cc_core::transparency::Decimal,
        cc_core::transparency::AgencyName,
        cc_core::transparency::Cell,
        cc_core::transparency::Share,
        cc_core::transparency::Durations,
        cc_core::transparency::StarCount,
        cc_core::transparency::Satisfaction,
        cc_core::transparency::SelfService,
        cc_core::transparency::MonthFigures,
        cc_core::transparency::AgencyCases,
        cc_core::transparency::SelfServiceAnswer,
        cc_core::transparency::SelfServiceOutcome,
        cc_core::service_points::ServicePoints,
        cc_core::service_points::ServicePoint,
        cc_core::service_points::ServedProcedure,
    )),
    modifiers(&BearerScheme)
)]
pub struct ApiDoc;

/// Declares the `bearer` security scheme the staff paths require.
struct BearerScheme;

impl Modify for BearerScheme {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .description(Some(
                        "A staff member's token (`cc-server staff-member add NAME`), or the bootstrap token (`serve --staff-token`, env `CC_STAFF_TOKEN`). Wrong tokens are throttled per client (`429` with `Retry-After`)",
                    ))
                    .build(),
            ),
        );
    }
}

/// Deployment settings the app needs at start-up.
#[utoipa::path(get, path = "/api/v1/config", tag = "deployment", responses((status = 200, body = Deployment)))]
pub async fn deployment(State(state): State<AppState>) -> Json<Deployment> {
    let mut deployment = (*state.deployment).clone();
    // So the app can choose, before downloading anything, how to search.
    deployment.catalog_size = Some(state.catalog.index.procedures.len());
    Json(deployment)
}

async fn openapi(State(state): State<AppState>) -> Json<serde_json::Value> {
    Json(document(&state.deployment))
}

/// The OpenAPI document as this deployment serves it: the contract of the types, plus
/// the constraints the deployment sets (its case types, how many attachments), so that
/// a request the document allows is one the server can take.
pub fn document(deployment: &Deployment) -> serde_json::Value {
    use serde_json::{json, Value};
    let mut doc = serde_json::to_value(ApiDoc::openapi()).unwrap_or(Value::Null);
    let schemas = &mut doc["components"]["schemas"];
    let slugs: Vec<&str> = deployment
        .case_types
        .iter()
        .map(|t| t.slug.as_str())
        .collect();
    let case = &mut schemas["NewCase"]["properties"];
    case["case_type"]["enum"] = json!(slugs);
    case["consent"]["const"] = json!(true);
    let max_attachments = json!(deployment.intake.max_attachments);
    case["attachments"]["maxItems"] = max_attachments.clone();
    schemas["NewReply"]["properties"]["attachments"]["maxItems"] = max_attachments.clone();
    if let Some(actions) = schemas["StaffAction"]["oneOf"].as_array_mut() {
        for action in actions {
            if let Some(attachments) = action.pointer_mut("/properties/attachments") {
                attachments["maxItems"] = max_attachments.clone();
            }
        }
    }
    doc
}

async fn api_not_found() -> ApiError {
    ApiError::NotFound
}

pub fn api_router() -> Router<AppState> {
    Router::new()
        .route("/config", get(deployment))
        .route("/openapi.json", get(openapi))
        .route("/catalog/index", get(catalog::catalog_index))
        .route("/catalog/directory", get(catalog::catalog_directory))
        .route("/catalog/search", get(search::search))
        .route("/procedures", get(catalog::search_procedures))
        .route("/procedures/{slug}", get(catalog::procedure))
        .route("/agencies", get(catalog::agencies))
        .route("/categories", get(catalog::categories))
        // The upload reads its body itself, up to `intake.max_attachment_bytes`.
        .route("/attachments", post(cases::upload_attachment))
        .route("/cases", post(cases::create_case))
        .route("/cases/lookup", post(tracking::lookup))
        .route(
            "/cases/{ticket}/attachments/{id}",
            get(tracking::download_attachment),
        )
        .route("/cases/{ticket}/replies", post(tracking::add_reply))
        .route("/cases/{ticket}/rating", post(tracking::rate))
        .route(
            "/staff/cases",
            get(staff::list_cases).post(assisted::file_case),
        )
        .route("/staff/me", get(assisted::me))
        .route(
            "/staff/cases/{ticket}/receipt",
            post(assisted::send_receipt),
        )
        .route("/staff/cases/{ticket}", get(staff::show_case))
        .route("/staff/cases/{ticket}/events", post(staff::add_event))
        .route("/transparency", get(transparency::transparency))
        .route("/self-service", post(transparency::self_service))
        .route("/service-points", get(service_points::service_points))
        .fallback(api_not_found)
}
