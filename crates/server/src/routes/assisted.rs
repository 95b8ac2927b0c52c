//! Assisted filing (`/api/v1/staff/…`): a staff member at a service point or on the
//! phone line checks their token, files a case for a person through the same filing
//! code as the web, and sends the person the receipt. Every handler takes
//! [`StaffAuth`].

use axum::body::Bytes;
use axum::extract::rejection::{BytesRejection, JsonRejection};
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use cc_core::channel::{
    receipt_destination, AssistedCase, ReceiptRequest, ReceiptSent, StaffMember,
};

use super::cases::{case_body, refuse_long_attachment_lists, stored_response};
use super::request::{idempotency_key, unix_now};
use super::staff::StaffAuth;
use crate::cases::{self, IntakeContext};
use crate::notify::ReceiptMessage;
use crate::problem::{ApiError, ApiResult};
use crate::state::AppState;

/// Whose token this is: the assisted mode of the app checks a token with it when a
/// member signs in, and shows the name in its banner.
#[utoipa::path(get, path = "/api/v1/staff/me", tag = "staff",
    security(("bearer" = [])),
    responses((status = 200, body = StaffMember),
              (status = 401, description = "Missing, wrong or revoked token",
                  body = cc_core::api::Problem, content_type = "application/problem+json"),
              (status = 429, description = "Too many wrong tokens from this client; see `Retry-After`",
                  body = cc_core::api::Problem, content_type = "application/problem+json")))]
pub async fn me(auth: StaffAuth) -> Json<StaffMember> {
    Json(StaffMember { name: auth.member })
}

/// Files a case for a person who came by phone, in person, by mail or verbally.
///
/// The body is the citizen's `NewCase` plus `channel`; the checks, the due date and the
/// legal terms are the web's. The case records the channel, the member who took it
/// (`taken_by`) and the consent as given verbally. Same idempotency as
/// `POST /api/v1/cases`: one case per `Idempotency-Key`, the first answer replayed.
#[utoipa::path(post, path = "/api/v1/staff/cases", tag = "staff",
    security(("bearer" = [])),
    params(("Idempotency-Key" = String, Header, pattern = "^[!-~]{8,200}$",
               description = "Unique per submission: 8 to 200 visible ASCII characters, no spaces (a UUID will do); resend the same key when retrying")),
    request_body = AssistedCase,
    responses((status = 201, body = cc_core::intake::CaseReceipt,
                  headers(("Location" = String, description = "`/api/v1/cases/{ticket}`"))),
              (status = 400, description = "Missing or malformed `Idempotency-Key`, or a body that is not a case",
                  body = cc_core::api::Problem, content_type = "application/problem+json"),
              (status = 401, description = "Missing, wrong or revoked token",
                  body = cc_core::api::Problem, content_type = "application/problem+json"),
              (status = 422, description = "Field errors in `errors` (also `channel`: `not_assisted`), or the key was used with another body",
                  body = cc_core::api::Problem, content_type = "application/problem+json"),
              (status = 429, description = "Too many wrong tokens from this client; see `Retry-After`",
                  body = cc_core::api::Problem, content_type = "application/problem+json")))]
pub async fn file_case(
    auth: StaffAuth,
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> ApiResult<Response> {
    let key = idempotency_key(&headers)?;
    let assisted: AssistedCase = case_body(body)?;
    let now = unix_now();
    refuse_long_attachment_lists(&state, &assisted.case, now)?;
    let shared = state.clone();
    let stored = state
        .with_db(move |conn| {
            let ctx = IntakeContext {
                deployment: &shared.deployment,
                catalog: &shared.catalog,
            };
            cases::file_assisted_case(conn, &ctx, &key, &assisted, &auth.member, now)
        })
        .await?;
    stored_response(stored)
}

/// Sends the case's receipt (ticket, access code, dates, where to follow it) to the
/// person's e-mail or phone, through the deployment's sender. The reference backend's
/// sender is a stub that logs what it would send (never the code).
#[utoipa::path(post, path = "/api/v1/staff/cases/{ticket}/receipt", tag = "staff",
    security(("bearer" = [])),
    params(("ticket" = String, Path, description = "The ticket, as typed")),
    request_body = ReceiptRequest,
    responses((status = 202, body = ReceiptSent, description = "Handed to the sender"),
              (status = 400, description = "A body that is not a receipt request",
                  body = cc_core::api::Problem, content_type = "application/problem+json"),
              (status = 401, description = "Missing, wrong or revoked token",
                  body = cc_core::api::Problem, content_type = "application/problem+json"),
              (status = 404, body = cc_core::api::Problem, content_type = "application/problem+json"),
              (status = 422, description = "Field errors: `to` (`required`, `one_only`), `email` or `phone` (`format`), `access_code` (`wrong`)",
                  body = cc_core::api::Problem, content_type = "application/problem+json"),
              (status = 429, description = "Too many wrong tokens from this client; see `Retry-After`",
                  body = cc_core::api::Problem, content_type = "application/problem+json")))]
pub async fn send_receipt(
    _auth: StaffAuth,
    State(state): State<AppState>,
    Path(ticket): Path<String>,
    body: Result<Json<ReceiptRequest>, JsonRejection>,
) -> ApiResult<Response> {
    let Json(request) = body.map_err(|e| ApiError::BadRequest(e.body_text()))?;
    let to = receipt_destination(request.email.as_deref(), request.phone.as_deref())
        .map_err(|e| ApiError::Validation(vec![e]))?;
    let shared = state.clone();
    let message = state
        .with_db(move |conn| {
            let case =
                cases::find_case_by_typed_ticket(conn, &ticket)?.ok_or(ApiError::NotFound)?;
            // The code is checked, so what is sent is what opens the case.
            if !cases::code_opens(Some(&case), Some(&request.access_code)) {
                return Err(ApiError::Validation(vec![cc_core::api::FieldError::new(
                    "access_code",
                    "wrong",
                    "El código de acceso no es el de este caso.",
                )]));
            }
            let case_type = shared
                .deployment
                .case_type_name(&case.case_type, &case.language)
                .unwrap_or(&case.case_type)
                .to_owned();
            Ok(ReceiptMessage {
                ticket: case.ticket,
                access_code: request.access_code.trim().to_owned(),
                case_type,
                filed_on: case.filed_on,
                due_date: case.due_date,
                language: case.language,
                follow_at: "/seguimiento".into(),
            })
        })
        .await?;
    let notifier = state.notifier.clone();
    let sent_to = to.clone();
    tokio::task::spawn_blocking(move || notifier.send_receipt(&sent_to, &message))
        .await
        .map_err(|e| ApiError::Internal(e.to_string()))?
        .map_err(|e| ApiError::Internal(e.to_string()))?;
    let sent = ReceiptSent {
        medium: to.medium(),
        to: to.masked(),
    };
    Ok((StatusCode::ACCEPTED, Json(sent)).into_response())
}
