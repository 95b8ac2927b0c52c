//! Intake endpoints: uploading attachments and filing a case.

use std::future::poll_fn;
use std::pin::Pin;

use axum::body::{Body, Bytes, HttpBody};
use axum::extract::rejection::{BytesRejection, QueryRejection};
use axum::extract::{Query, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use cc_core::intake::attachments::{check_attachment, display_name, AttachmentProblem};
use cc_core::intake::validation::validate_new_case;
use cc_core::intake::{AttachmentReceipt, CaseReceipt, NewCase};
use serde::Deserialize;
use utoipa::{IntoParams, ToSchema};

use super::request::{idempotency_key, unix_now, Client};
use crate::cases::{self, IntakeContext, StoredResponse};
use crate::problem::{ApiError, ApiResult};
use crate::state::AppState;
use crate::uploads;

/// The name of an upload whose `name` has nothing printable (`/`, spaces).
const UNNAMED_UPLOAD: &str = "archivo";

/// How much of an upload the type check looks at (magic numbers sit at the start).
const SNIFF_HEAD_BYTES: usize = 4096;

/// The raw bytes of an uploaded file (documented as a binary string).
#[derive(ToSchema)]
#[schema(value_type = String, format = Binary)]
pub struct AttachmentBytes(pub Vec<u8>);

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct UploadQuery {
    /// The file's name as the person chose it, e.g. `foto.jpg` (shown back to them;
    /// the type is decided by the content, never by the name). Folders and control
    /// characters are dropped and long names shortened; a name with nothing printable
    /// becomes `archivo`.
    #[param(required = true)]
    pub name: Option<String>,
}

/// Uploads one attachment before the case is filed; its id goes in `NewCase.attachments`.
///
/// The body is the file itself (any `Content-Type`, which is ignored): the type is
/// recognised from the content, and the stored name takes that type's extension
/// (`poly.html` holding a GIF is stored as `poly.gif`). JPEG and PNG metadata (EXIF
/// with GPS position and camera, text chunks) is removed. Every upload gets its own
/// id, even with the same name and bytes.
#[utoipa::path(post, path = "/api/v1/attachments", tag = "intake", params(UploadQuery),
    request_body(content = AttachmentBytes, content_type = "application/octet-stream",
        description = "The file's bytes"),
    responses((status = 201, body = AttachmentReceipt),
              (status = 400, body = cc_core::api::Problem, content_type = "application/problem+json"),
              (status = 413, description = "Larger than `intake.max_attachment_bytes`; `errors` names the field `attachments`",
                  body = cc_core::api::Problem, content_type = "application/problem+json"),
              (status = 422, description = "A type that is not accepted; `errors` names the field `attachments`",
                  body = cc_core::api::Problem, content_type = "application/problem+json"),
              (status = 429, description = "Upload quota used up (`/problems/upload-quota`): this client's, or everyone's, bytes in the last hour; see `Retry-After`",
                  headers(("Retry-After" = u64, description = "Seconds to wait")),
                  body = cc_core::api::Problem, content_type = "application/problem+json")))]
pub async fn upload_attachment(
    State(state): State<AppState>,
    Client(client): Client,
    query: Result<Query<UploadQuery>, QueryRejection>,
    headers: HeaderMap,
    body: Body,
) -> ApiResult<Response> {
    let Query(query) = query.map_err(|e| ApiError::BadRequest(e.body_text()))?;
    let Some(name) = query.name else {
        return Err(ApiError::BadRequest(
            "Indique el nombre del archivo en el parámetro `name`".into(),
        ));
    };
    // No folders (`C:\fakepath\foto.jpg`), no control characters, not overly long; a
    // name with nothing left to show gets a plain one (the type adds the extension).
    let name = Some(display_name(&name))
        .filter(|n| !n.is_empty())
        .unwrap_or_else(|| UNNAMED_UPLOAD.to_owned());
    let rules = &state.deployment.intake;
    let max = rules.max_attachment_bytes;
    // The count of attachments is checked when the case is filed.
    let problem = |len: u64, head: &[u8]| {
        check_attachment(&name, len, head, rules, 0).map_err(|p| {
            let errors = vec![p.to_field_error(&name)];
            if len > max {
                ApiError::TooLarge(errors)
            } else {
                ApiError::Validation(errors)
            }
        })
    };

    // A client over its quota is refused before its body is read.
    charge_upload(&state, &client, 0)?;

    // Refuse an announced oversize body before reading any of it.
    let announced = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if let Some(len) = announced.filter(|&len| len > max) {
        problem(len, &[])?;
    }

    // Read at most `max + 1` bytes: enough to know the file is too big.
    let mut body = body;
    let mut bytes = Vec::new();
    while let Some(frame) = poll_fn(|cx| Pin::new(&mut body).poll_frame(cx)).await {
        let frame = frame.map_err(|e| ApiError::BadRequest(format!("cuerpo ilegible: {e}")))?;
        if let Ok(data) = frame.into_data() {
            if (bytes.len() + data.len()) as u64 > max {
                problem(max + 1, &bytes[..bytes.len().min(SNIFF_HEAD_BYTES)])?;
                // The check must refuse an oversize file; refuse it here if it did not.
                return Err(ApiError::TooLarge(Vec::new()));
            }
            bytes.extend_from_slice(&data);
        }
    }
    let kind = problem(
        bytes.len() as u64,
        &bytes[..bytes.len().min(SNIFF_HEAD_BYTES)],
    )?;
    charge_upload(&state, &client, bytes.len() as u64)?;
    let media_type = kind.media_type().to_string();
    // Stored and downloaded under the extension of what it is, without metadata.
    let refused = || ApiError::Validation(vec![AttachmentProblem::WrongType.to_field_error(&name)]);
    let bytes = uploads::without_metadata(kind, &bytes).ok_or_else(refused)?;
    let name = uploads::stored_name(&name, kind);
    let receipt = state
        .with_db(move |conn| {
            Ok(cases::store_attachment(
                conn,
                &name,
                &media_type,
                &bytes,
                unix_now(),
            )?)
        })
        .await?;
    Ok((StatusCode::CREATED, Json(receipt)).into_response())
}

/// Counts an upload's bytes against the client's and the total quota, or refuses it
/// with `429` and `Retry-After` (logged as a security event).
fn charge_upload(state: &AppState, client: &str, bytes: u64) -> ApiResult<()> {
    state.uploads.charge(client, bytes).map_err(|over| {
        let which = if over.total { "total" } else { "client" };
        crate::security::event("upload_quota", client, which);
        ApiError::UploadQuota {
            retry_after_secs: over.retry_after_secs,
        }
    })
}

/// A filing's JSON body (a case, or an assisted case): `413` over the body limit,
/// `400` when it is not one.
pub(super) fn case_body<T: serde::de::DeserializeOwned>(
    body: Result<Bytes, BytesRejection>,
) -> ApiResult<T> {
    let body = body.map_err(|e| {
        if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
            ApiError::TooLarge(Vec::new())
        } else {
            ApiError::BadRequest(e.body_text())
        }
    })?;
    serde_json::from_slice(&body)
        .map_err(|e| ApiError::BadRequest(format!("El cuerpo no es un caso válido: {e}")))
}

/// An over-long attachments list is refused on its length alone, before the request
/// queues for the database (it would hold up every other filing).
pub(super) fn refuse_long_attachment_lists(
    state: &AppState,
    case: &NewCase,
    now: i64,
) -> ApiResult<()> {
    let rules = &state.deployment.intake;
    if cases::checked_ids(&case.attachments, rules).is_err() {
        let today = cc_core::intake::dates::Date::from_unix_seconds(now);
        let errors = validate_new_case(case, &state.deployment.case_types, rules, today);
        return Err(ApiError::Validation(errors));
    }
    Ok(())
}

/// The stored answer as an HTTP response (the same bytes on every replay).
pub(super) fn stored_response(stored: StoredResponse) -> ApiResult<Response> {
    let receipt: CaseReceipt = serde_json::from_str(&stored.body)
        .map_err(|e| ApiError::Internal(format!("stored receipt: {e}")))?;
    let location = HeaderValue::from_str(&format!("/api/v1/cases/{}", receipt.ticket))
        .map_err(|e| ApiError::Internal(e.to_string()))?;
    let status = StatusCode::from_u16(stored.status).unwrap_or(StatusCode::CREATED);
    let mut response = (status, stored.body).into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    headers.insert(header::LOCATION, location);
    Ok(response)
}

/// Files a case and answers with its ticket, access code and due date.
///
/// Safe to retry: the same `Idempotency-Key` with the same body answers the first
/// answer again (byte for byte) without filing twice; with a different body it is
/// refused with `422` (`/problems/idempotency-key-reused`).
#[utoipa::path(post, path = "/api/v1/cases", tag = "intake",
    params(("Idempotency-Key" = String, Header, pattern = "^[!-~]{8,200}$",
               description = "Unique per submission: 8 to 200 visible ASCII characters, no spaces (a UUID will do); resend the same key when retrying")),
    request_body = NewCase,
    responses((status = 201, body = CaseReceipt,
                  headers(("Location" = String, description = "`/api/v1/cases/{ticket}`"))),
              (status = 400, description = "Missing or malformed `Idempotency-Key`, or a body that is not a case",
                  body = cc_core::api::Problem, content_type = "application/problem+json"),
              (status = 422, description = "Field errors in `errors`, or the key was used with another body",
                  body = cc_core::api::Problem, content_type = "application/problem+json")))]
pub async fn create_case(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> ApiResult<Response> {
    let key = idempotency_key(&headers)?;
    let case: NewCase = case_body(body)?;
    let now = unix_now();
    refuse_long_attachment_lists(&state, &case, now)?;
    let shared = state.clone();
    let stored = state
        .with_db(move |conn| {
            let ctx = IntakeContext {
                deployment: &shared.deployment,
                catalog: &shared.catalog,
            };
            cases::file_case(conn, &ctx, &key, &case, now)
        })
        .await?;
    stored_response(stored)
}
