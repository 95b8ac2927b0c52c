//! The citizen's case endpoints: look-up, attachment download, replies and rating.
//!
//! Every one needs the ticket and the access code; the code travels in the body or in
//! the `X-Access-Code` header, never in a URL (URLs end up in logs and histories).
//! Unknown ticket, missing, malformed or wrong code, another case's code: all get the
//! same `404`, and all count toward the lockout (see [`crate::ratelimit`]).

use axum::extract::rejection::JsonRejection;
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use cc_core::intake::dates::Date;
use cc_core::intake::ticket::normalize_ticket;
use cc_core::tracking::{CaseView, LookupRequest, NewReply, Rating};

use super::request::{idempotency_key, unix_now, Client};
use crate::cases::{self, StoredCase, StoredFile, StoredResponse};
use crate::problem::{ApiError, ApiResult};
use crate::state::AppState;

/// Header that carries the access code on the case's endpoints.
pub const ACCESS_CODE: &str = "x-access-code";

/// Longest typed ticket kept as a lockout key (longer input is not a ticket anyway;
/// the cap keeps junk from filling memory).
const LOCKOUT_KEY_MAX_CHARS: usize = 80;

/// The ticket's lockout key: its canonical form, so typing it differently does not
/// buy more attempts.
fn lockout_key(typed_ticket: &str) -> String {
    normalize_ticket(typed_ticket).unwrap_or_else(|| {
        typed_ticket
            .trim()
            .chars()
            .take(LOCKOUT_KEY_MAX_CHARS)
            .collect()
    })
}

fn access_code(headers: &HeaderMap) -> Option<String> {
    headers
        .get(ACCESS_CODE)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned)
}
fn today() -> Date {
    Date::from_unix_seconds(unix_now())
}

/// The case the ticket and code open, after the lockout check; counts the attempt.
async fn open_case(
    state: &AppState,
    client: &str,
    typed_ticket: &str,
    typed_code: Option<String>,
) -> ApiResult<StoredCase> {
    let key = lockout_key(typed_ticket);
    // Checked and counted in one step: parallel guesses cannot slip past the limit.
    state
        .limiter
        .begin(client, &key)
        .map_err(|retry_after_secs| ApiError::TooManyAttempts { retry_after_secs })?;
    let typed = typed_ticket.to_owned();
    let (case, opens) = state
        .with_db(move |conn| {
            let case = cases::find_case_by_typed_ticket(conn, &typed)?;
            let opens = cases::code_opens(case.as_ref(), typed_code.as_deref());
            Ok((case, opens))
        })
        .await?;
    match case.filter(|_| opens) {
        Some(case) => {
            state.limiter.succeeded(client, &key);
            Ok(case)
        }
        None => {
            // Counted in `begin`. Logged aggregated, with the client, never the code.
            crate::security::event("lookup_failed", client, "");
            Err(ApiError::NotFound)
        }
    }
}

fn json_body<T>(body: Result<Json<T>, JsonRejection>) -> ApiResult<T> {
    body.map(|Json(v)| v)
        .map_err(|e| ApiError::BadRequest(e.body_text()))
}

/// The citizen's view of an opened case, as of today.
async fn view_of(state: &AppState, case: StoredCase) -> ApiResult<CaseView> {
    let shared = state.clone();
    state
        .with_db(move |conn| cases::case_view(conn, &case, &shared.deployment, today()))
        .await
}

/// A case's status, timeline and what the citizen may do now.
///
/// The ticket and the code are accepted as people type them (any case, spaces,
/// dashes). Every failure is the same `404`. Guessing is slowed per client (an IPv6
/// client is its /64): after 5 failures on one ticket, or 20 on any, within 15 minutes,
/// each further attempt from that client must wait 1 s, 2 s, 4 s, … (at most 15
/// minutes) after the last one, else the answer is `429` with `Retry-After`. Other
/// clients, the case's owner among them, are not affected.
#[utoipa::path(post, path = "/api/v1/cases/lookup", tag = "tracking",
    request_body = LookupRequest,
    responses((status = 200, body = CaseView),
              (status = 400, description = "A body that is not a look-up",
                  body = cc_core::api::Problem, content_type = "application/problem+json"),
              (status = 404, description = "Unknown ticket or wrong code (the same answer for both)",
                  body = cc_core::api::Problem, content_type = "application/problem+json"),
              (status = 429, description = "Too many failed attempts; see `Retry-After`",
                  headers(("Retry-After" = u64, description = "Seconds to wait")),
                  body = cc_core::api::Problem, content_type = "application/problem+json")))]
pub async fn lookup(
    State(state): State<AppState>,
    Client(client): Client,
    body: Result<Json<LookupRequest>, JsonRejection>,
) -> ApiResult<Json<CaseView>> {
    let request = json_body(body)?;
    let case = open_case(&state, &client, &request.ticket, Some(request.access_code)).await?;
    Ok(Json(view_of(&state, case).await?))
}

/// `attachment; filename="ascii"; filename*=UTF-8''percent-encoded` (RFC 6266): the
/// plain form for old clients, the encoded one for names with accents.
fn content_disposition(name: &str) -> HeaderValue {
    let ascii: String = name
        .chars()
        .map(|c| {
            let plain = (c.is_ascii_graphic() && c != '"' && c != '\\') || c == ' ';
            if plain {
                c
            } else {
                '_'
            }
        })
        .collect();
    let encoded: String = name
        .bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"!#$&+-.^_`|~".contains(&b) {
                char::from(b).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect();
    HeaderValue::from_str(&format!(
        "attachment; filename=\"{ascii}\"; filename*=UTF-8''{encoded}"
    ))
    .unwrap_or_else(|_| HeaderValue::from_static("attachment"))
}

fn file_response(file: StoredFile) -> Response {
    let media_type = HeaderValue::from_str(&file.media_type)
        .unwrap_or_else(|_| HeaderValue::from_static("application/octet-stream"));
    let disposition = content_disposition(&file.name);
    let mut response = file.bytes.into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, media_type);
    headers.insert(header::CONTENT_DISPOSITION, disposition);
    // Never rendered as the browser guesses, never kept in shared caches.
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, no-store"),
    );
    response
}

/// Downloads one attachment of the case (the citizen's own or the agency's).
#[utoipa::path(get, path = "/api/v1/cases/{ticket}/attachments/{id}", tag = "tracking",
    params(("ticket" = String, Path, description = "The ticket, as typed"),
           ("id" = String, Path, description = "Attachment id from the case's timeline"),
           ("X-Access-Code" = Option<String>, Header, description = "The case's access code. Without it the answer is the same `404` as for a wrong code (and counts as a failed attempt)")),
    responses((status = 200, description = "The file, with its stored media type, as an attachment",
                  content_type = "application/octet-stream", body = super::cases::AttachmentBytes),
              (status = 404, description = "Unknown ticket or file, or wrong code",
                  body = cc_core::api::Problem, content_type = "application/problem+json"),
              (status = 429, description = "Too many failed attempts; see `Retry-After`",
                  body = cc_core::api::Problem, content_type = "application/problem+json")))]
pub async fn download_attachment(
    State(state): State<AppState>,
    Client(client): Client,
    Path((ticket, id)): Path<(String, String)>,
    headers: HeaderMap,
) -> ApiResult<Response> {
    let case = open_case(&state, &client, &ticket, access_code(&headers)).await?;
    let file = state
        .with_db(move |conn| Ok(cases::case_file(conn, case.id, &id)?))
        .await?
        .ok_or(ApiError::NotFound)?;
    Ok(file_response(file))
}

/// The stored answer of a reply as an HTTP response (the same bytes on every replay).
fn stored_json(stored: StoredResponse) -> Response {
    let status = StatusCode::from_u16(stored.status).unwrap_or(StatusCode::CREATED);
    let mut response = (status, stored.body).into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    response
}

/// The citizen replies on the case (e.g. with the information the agency asked for).
///
/// Allowed while the case waits for the citizen (or always, when the deployment says
/// so; never once closed). A reply to a request for information puts the case back
/// `in_progress`: the term resumes (Ley 1755 art. 17). Safe to retry with the same
/// `Idempotency-Key`, like `POST /api/v1/cases`.
#[utoipa::path(post, path = "/api/v1/cases/{ticket}/replies", tag = "tracking",
    params(("ticket" = String, Path, description = "The ticket, as typed"),
           ("X-Access-Code" = Option<String>, Header, description = "The case's access code. Without it the answer is the same `404` as for a wrong code (and counts as a failed attempt)"),
           ("Idempotency-Key" = String, Header, pattern = "^[!-~]{8,200}$",
               description = "Unique per reply: 8 to 200 visible ASCII characters, no spaces (a UUID will do); resend the same key when retrying")),
    request_body = NewReply,
    responses((status = 201, body = CaseView, description = "The case with the reply"),
              (status = 400, description = "Missing `Idempotency-Key` or a body that is not a reply",
                  body = cc_core::api::Problem, content_type = "application/problem+json"),
              (status = 404, description = "Unknown ticket or wrong code",
                  body = cc_core::api::Problem, content_type = "application/problem+json"),
              (status = 409, description = "The case does not take replies now (`/problems/reply-not-allowed`)",
                  body = cc_core::api::Problem, content_type = "application/problem+json"),
              (status = 422, description = "Field errors (`message`, `attachments`), or the key was used with another body",
                  body = cc_core::api::Problem, content_type = "application/problem+json"),
              (status = 429, description = "Too many failed attempts; see `Retry-After`",
                  body = cc_core::api::Problem, content_type = "application/problem+json")))]
pub async fn add_reply(
    State(state): State<AppState>,
    Client(client): Client,
    Path(ticket): Path<String>,
    headers: HeaderMap,
    body: Result<Json<NewReply>, JsonRejection>,
) -> ApiResult<Response> {
    // An over-long attachments list is refused on its length alone, before any
    // database work (the look-up included); it says nothing about the case.
    if let Ok(Json(reply)) = &body {
        if let Err(too_many) = cases::checked_ids(&reply.attachments, &state.deployment.intake) {
            return Err(ApiError::Validation(vec![too_many]));
        }
    }
    // A missing or malformed key is refused before the look-up: it is not a guess,
    // and the answer says nothing about the case.
    let key = idempotency_key(&headers)?;
    let case = open_case(&state, &client, &ticket, access_code(&headers)).await?;
    let reply = json_body(body)?;
    let shared = state.clone();
    let stored = state
        .with_db(move |conn| {
            cases::add_reply(
                conn,
                &shared.deployment,
                &case.ticket,
                &key,
                &reply,
                unix_now(),
            )
        })
        .await?;
    Ok(stored_json(stored))
}

/// The citizen rates the answer, once.
#[utoipa::path(post, path = "/api/v1/cases/{ticket}/rating", tag = "tracking",
    params(("ticket" = String, Path, description = "The ticket, as typed"),
           ("X-Access-Code" = Option<String>, Header, description = "The case's access code. Without it the answer is the same `404` as for a wrong code (and counts as a failed attempt)")),
    request_body = Rating,
    responses((status = 201, body = CaseView, description = "The case with the rating"),
              (status = 404, description = "Unknown ticket or wrong code",
                  body = cc_core::api::Problem, content_type = "application/problem+json"),
              (status = 409, description = "Not answered yet, or already rated (`/problems/rating-not-allowed`)",
                  body = cc_core::api::Problem, content_type = "application/problem+json"),
              (status = 422, description = "Field errors (`score`, `comment`)",
                  body = cc_core::api::Problem, content_type = "application/problem+json"),
              (status = 429, description = "Too many failed attempts; see `Retry-After`",
                  body = cc_core::api::Problem, content_type = "application/problem+json")))]
pub async fn rate(
    State(state): State<AppState>,
    Client(client): Client,
    Path(ticket): Path<String>,
    headers: HeaderMap,
    body: Result<Json<Rating>, JsonRejection>,
) -> ApiResult<Response> {
    let case = open_case(&state, &client, &ticket, access_code(&headers)).await?;
    let rating = json_body(body)?;
    let shared = state.clone();
    let view = state
        .with_db(move |conn| {
            cases::add_rating(conn, &shared.deployment, &case.ticket, &rating, unix_now())
        })
        .await?;
    Ok((StatusCode::CREATED, Json(view)).into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lockout_keys_are_canonical_tickets() {
        assert_eq!(lockout_key("mdt que 2026 42"), "MDT-QUE-2026-00042");
        assert_eq!(lockout_key(" no es ticket "), "no es ticket");
        assert_eq!(lockout_key(&"x".repeat(500)).len(), LOCKOUT_KEY_MAX_CHARS);
    }

    #[test]
    fn downloads_name_the_file_safely() {
        assert_eq!(
            content_disposition("acta de reunión \"final\".pdf"),
            "attachment; filename=\"acta de reuni_n _final_.pdf\"; \
             filename*=UTF-8''acta%20de%20reuni%C3%B3n%20%22final%22.pdf"
        );
    }
}
