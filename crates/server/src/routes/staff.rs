//! The staff API (`/api/v1/staff`): the case list, a case with its contact data, and
//! the actions that move a case along. Every handler takes [`StaffAuth`], so none can
//! be reached without the bearer token.

use axum::extract::rejection::{JsonRejection, QueryRejection};
use axum::extract::{FromRequestParts, Path, Query, State};
use axum::http::request::Parts;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use cc_core::intake::dates::Date;
use cc_core::tracking::{CaseStatus, StaffAction, StaffCaseSummary, StaffCaseView};
use serde::Deserialize;
use subtle::ConstantTimeEq;
use utoipa::IntoParams;

use super::request::{client_ip, unix_now};
use crate::cases::{self, CaseFilter, IntakeContext};
use crate::problem::{ApiError, ApiResult};
use crate::ratelimit::client_key;
use crate::staff_members::{self, token_hash, BOOTSTRAP_MEMBER};
use crate::state::AppState;

/// Proof that the request carried an active staff member's token (`Authorization:
/// Bearer <token>`), and which member it was.
pub struct StaffAuth {
    /// The member's name, recorded with every event they cause.
    pub member: String,
}

/// The limiter's key for staff authentication (per client, like a ticket's).
const STAFF_LIMIT_KEY: &str = "\0staff-api";

/// Whether `hash` is the bootstrap token's, compared in constant time.
fn is_bootstrap(state: &AppState, hash: &str) -> bool {
    state
        .staff_bootstrap_hash
        .as_deref()
        .is_some_and(|expected| bool::from(expected.as_bytes().ct_eq(hash.as_bytes())))
}

/// The token of an `Authorization: Bearer <token>` header (scheme in any case).
fn bearer_token(parts: &Parts) -> Option<&str> {
    let value = parts.headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.split_once(' ')?;
    scheme
        .eq_ignore_ascii_case("bearer")
        .then_some(token.trim())
        .filter(|token| !token.is_empty())
}

impl FromRequestParts<AppState> for StaffAuth {
    type Rejection = ApiError;

    /// Wrong tokens count against the client like wrong access codes (progressive
    /// delay, then `429`) and are logged as security events; tokens never are.
    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        // No token at all is not a guess: refused without counting.
        let Some(hash) = bearer_token(parts).map(token_hash) else {
            return Err(ApiError::Unauthorized);
        };
        let client = client_key(client_ip(parts, state.trusted_proxy));
        if let Err(retry_after_secs) = state.limiter.begin(&client, STAFF_LIMIT_KEY) {
            crate::security::event("staff_auth_throttled", &client, "");
            return Err(ApiError::TooManyAttempts { retry_after_secs });
        }
        let member = if is_bootstrap(state, &hash) {
            Some(BOOTSTRAP_MEMBER.to_owned())
        } else {
            state
                .with_db(move |conn| Ok(staff_members::member_for_hash(conn, &hash)?))
                .await?
        };
        match member {
            Some(member) => {
                state.limiter.succeeded(&client, STAFF_LIMIT_KEY);
                Ok(StaffAuth { member })
            }
            None => {
                crate::security::event("staff_auth_failed", &client, "");
                Err(ApiError::Unauthorized)
            }
        }
    }
}

fn today() -> Date {
    Date::from_unix_seconds(unix_now())
}

/// Query of `GET /api/v1/staff/cases`.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct StaffCaseQuery {
    /// Only cases with this status.
    pub status: Option<CaseStatus>,
    /// Only cases of this agency (acronym; `GEN` for cases filed without one).
    pub agency: Option<String>,
}

impl StaffCaseQuery {
    fn filter(self) -> ApiResult<CaseFilter> {
        let present = |v: Option<String>| v.map(|s| s.trim().to_owned()).filter(|s| !s.is_empty());
        Ok(CaseFilter {
            status: self.status,
            agency: present(self.agency),
        })
    }
}

/// Cases, the most urgent (earliest due date) first, with the citizens' contact data
/// (none for anonymous cases).
#[utoipa::path(get, path = "/api/v1/staff/cases", tag = "staff",
    security(("bearer" = [])),
    params(StaffCaseQuery),
    responses((status = 200, body = Vec<StaffCaseSummary>),
              (status = 400, description = "Unknown status",
                  body = cc_core::api::Problem, content_type = "application/problem+json"),
              (status = 401, description = "Missing, wrong or revoked token",
                  body = cc_core::api::Problem, content_type = "application/problem+json"),
              (status = 429, description = "Too many wrong tokens from this client; see `Retry-After`",
                  body = cc_core::api::Problem, content_type = "application/problem+json")))]
pub async fn list_cases(
    _auth: StaffAuth,
    State(state): State<AppState>,
    query: Result<Query<StaffCaseQuery>, QueryRejection>,
) -> ApiResult<Json<Vec<StaffCaseSummary>>> {
    let Query(query) = query.map_err(|e| ApiError::BadRequest(e.body_text()))?;
    let filter = query.filter()?;
    let shared = state.clone();
    let list = state
        .with_db(move |conn| cases::list_cases(conn, &filter, &shared.deployment, today()))
        .await?;
    Ok(Json(list))
}

/// One case: the citizen's view plus contact data and intake details.
#[utoipa::path(get, path = "/api/v1/staff/cases/{ticket}", tag = "staff",
    security(("bearer" = [])),
    params(("ticket" = String, Path, description = "The ticket, as typed")),
    responses((status = 200, body = StaffCaseView),
              (status = 401, description = "Missing, wrong or revoked token",
                  body = cc_core::api::Problem, content_type = "application/problem+json"),
              (status = 429, description = "Too many wrong tokens from this client; see `Retry-After`",
                  body = cc_core::api::Problem, content_type = "application/problem+json"),
              (status = 404, body = cc_core::api::Problem, content_type = "application/problem+json")))]
pub async fn show_case(
    _auth: StaffAuth,
    State(state): State<AppState>,
    Path(ticket): Path<String>,
) -> ApiResult<Json<StaffCaseView>> {
    let shared = state.clone();
    let view = state
        .with_db(move |conn| {
            let case =
                cases::find_case_by_typed_ticket(conn, &ticket)?.ok_or(ApiError::NotFound)?;
            cases::staff_case_view(conn, &case, &shared.deployment, today())
        })
        .await?;
    Ok(Json(view))
}

/// Does one thing on a case (assign, change status, message, request information,
/// extend, transfer, answer, close); each is recorded in the timeline.
///
/// Rules: `request_info` gives the citizen one month to reply (Ley 1755 art. 17);
/// `extend` only before the due date passes (`expired`) and to at most twice the term
/// (`too_long`), with a reason (art. 14 par.); `transfer` only to an agency of the
/// catalog (art. 21); a closed case takes only a `status` change. Staff files are
/// uploaded with `POST /api/v1/attachments` and linked here by id.
#[utoipa::path(post, path = "/api/v1/staff/cases/{ticket}/events", tag = "staff",
    security(("bearer" = [])),
    params(("ticket" = String, Path, description = "The ticket, as typed")),
    request_body = StaffAction,
    responses((status = 201, body = StaffCaseView, description = "The case after the action"),
              (status = 400, description = "A body that is not an action",
                  body = cc_core::api::Problem, content_type = "application/problem+json"),
              (status = 401, description = "Missing, wrong or revoked token",
                  body = cc_core::api::Problem, content_type = "application/problem+json"),
              (status = 429, description = "Too many wrong tokens from this client; see `Retry-After`",
                  body = cc_core::api::Problem, content_type = "application/problem+json"),
              (status = 404, body = cc_core::api::Problem, content_type = "application/problem+json"),
              (status = 409, description = "Not possible in the case's status (`case-closed`, `term-not-running`)",
                  body = cc_core::api::Problem, content_type = "application/problem+json"),
              (status = 422, description = "Field errors (e.g. `new_due_date`: `expired`, `too_long`)",
                  body = cc_core::api::Problem, content_type = "application/problem+json")))]
pub async fn add_event(
    auth: StaffAuth,
    State(state): State<AppState>,
    Path(ticket): Path<String>,
    body: Result<Json<StaffAction>, JsonRejection>,
) -> ApiResult<Response> {
    let Json(action) = body.map_err(|e| ApiError::BadRequest(e.body_text()))?;
    // Refused on its length alone, before queueing for the database.
    if let StaffAction::Message { attachments, .. } | StaffAction::Answer { attachments, .. } =
        &action
    {
        if let Err(too_many) = cases::checked_ids(attachments, &state.deployment.intake) {
            return Err(ApiError::Validation(vec![too_many]));
        }
    }
    let shared = state.clone();
    let view = state
        .with_db(move |conn| {
            let ctx = IntakeContext {
                deployment: &shared.deployment,
                catalog: &shared.catalog,
            };
            let case =
                cases::find_case_by_typed_ticket(conn, &ticket)?.ok_or(ApiError::NotFound)?;
            cases::apply_staff_action(conn, &ctx, &case.ticket, &action, &auth.member, unix_now())
        })
        .await?;
    Ok((StatusCode::CREATED, Json(view)).into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_scheme_is_case_insensitive() {
        let request = axum::http::Request::get("/")
            .header(header::AUTHORIZATION, "bearer abc")
            .body(())
            .unwrap();
        let (parts, ()) = request.into_parts();
        assert_eq!(bearer_token(&parts), Some("abc"));
    }
}
