//! `GET /transparency` (the public aggregates) and `POST /self-service` (the anonymous
//! count of the wizard's first level).

use std::sync::Arc;

use axum::extract::rejection::{JsonRejection, QueryRejection};
use axum::extract::{Query, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use cc_core::api::FieldError;
use cc_core::intake::dates::Date;
use cc_core::transparency::{months_between, parse_month, SelfServiceAnswer, Transparency};
use serde::Deserialize;
use time::format_description::well_known::Rfc3339;
use utoipa::IntoParams;

use super::request::{unix_now, Client};
use crate::problem::{ApiError, ApiResult};
use crate::state::AppState;
use crate::transparency::cache::{Computed, TTL};

/// The longest period one answer covers, in months.
pub const MAX_MONTHS: usize = 36;
/// Months in the default period (ending with the current month).
pub const DEFAULT_MONTHS: u8 = 12;
/// The path whose answers HTTP caches may keep (see [`public_cache`]).
pub const PATH: &str = "/api/v1/transparency";

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PeriodQuery {
    /// First month, `YYYY-MM`. Default: 11 months before `to` (a year).
    #[param(pattern = r"^[0-9]{4}-(0[1-9]|1[0-2])$", example = "2026-01")]
    pub from: Option<String>,
    /// Last month, `YYYY-MM`, included. Default: the current month (UTC).
    #[param(pattern = r"^[0-9]{4}-(0[1-9]|1[0-2])$", example = "2026-12")]
    pub to: Option<String>,
    /// An agency's `slug` (as in `GET /api/v1/agencies`); the whole deployment when absent.
    pub agency: Option<String>,
}

fn invalid(field: &str, code: &str, message: &str) -> FieldError {
    FieldError::new(field, code, message)
}

/// The checked period: first and last month and every month between them.
fn period(query: &PeriodQuery, today: Date) -> ApiResult<(String, String, Vec<String>)> {
    let mut errors = Vec::new();
    let mut month = |field: &str, value: Option<&str>| match value {
        None => None,
        Some(v) => {
            let parsed = parse_month(v);
            if parsed.is_none() {
                errors.push(invalid(
                    field,
                    "invalid",
                    "Escriba el mes como AAAA-MM, por ejemplo 2026-03.",
                ));
            }
            parsed
        }
    };
    let to = month("to", query.to.as_deref());
    let from = month("from", query.from.as_deref());
    if !errors.is_empty() {
        return Err(ApiError::InvalidQuery(errors));
    }
    let to = to.unwrap_or((today.year, today.month));
    let from = from.unwrap_or_else(|| {
        let index = i64::from(to.0) * 12 + i64::from(to.1) - 1 - i64::from(DEFAULT_MONTHS - 1);
        (
            index.div_euclid(12) as i32,
            (index.rem_euclid(12) + 1) as u8,
        )
    });
    let months = months_between(from, to);
    if months.is_empty() {
        return Err(ApiError::InvalidQuery(vec![invalid(
            "from",
            "after_to",
            "El primer mes no puede ser posterior al último.",
        )]));
    }
    if months.len() > MAX_MONTHS {
        return Err(ApiError::InvalidQuery(vec![invalid(
            "from",
            "too_long",
            "El periodo puede abarcar hasta 36 meses.",
        )]));
    }
    let (first, last) = (months[0].clone(), months[months.len() - 1].clone());
    Ok((first, last, months))
}

/// How the state is answering: counts, durations and shares of the cases filed in a
/// period of months, for the whole deployment or one agency.
///
/// No personal data. Every count of 1 to 4 cases is suppressed (`{"suppressed":
/// true}`, shown as "menos de 5"), and so is any count that would let a suppressed one
/// be worked out by subtraction from a published total (by type, status, channel,
/// month, stars, and across agencies). Computed in SQL and cached for 5 minutes
/// (`generated_at` says when); HTTP caches may keep it as long.
#[utoipa::path(get, path = "/api/v1/transparency", tag = "transparency", params(PeriodQuery),
    responses((status = 200, body = Transparency,
                  headers(("Cache-Control" = String, description = "`public, max-age=300`"))),
              (status = 400, description = "A month not written `YYYY-MM`, `from` after `to`, or more than 36 months (`/problems/invalid-query`, `errors` name the field and the code: `invalid`, `after_to`, `too_long`)",
                  body = cc_core::api::Problem, content_type = "application/problem+json"),
              (status = 404, description = "No agency with that slug",
                  body = cc_core::api::Problem, content_type = "application/problem+json")))]
pub async fn transparency(
    State(state): State<AppState>,
    query: Result<Query<PeriodQuery>, QueryRejection>,
) -> ApiResult<Response> {
    let Query(query) = query.map_err(|e| ApiError::BadRequest(e.body_text()))?;
    let now = unix_now();
    let today = Date::from_unix_seconds(now);
    let (from, to, months) = period(&query, today)?;
    let acronym = match query.agency.as_deref() {
        None => None,
        Some(slug) => Some(
            state
                .catalog
                .index
                .agencies
                .iter()
                .find(|a| a.slug == slug)
                .ok_or(ApiError::NotFound)?
                .acronym
                .clone(),
        ),
    };
    let key = (from.clone(), to.clone());
    let computed = match state.transparency.get(&key) {
        Some(computed) => computed,
        None => {
            let shared = state.clone();
            let aggregates = state
                .with_db(move |conn| {
                    Ok(crate::transparency::aggregates(
                        conn,
                        &shared.deployment,
                        &shared.catalog,
                        months,
                        today,
                    )?)
                })
                .await?;
            let generated_at = time::OffsetDateTime::from_unix_timestamp(now)
                .ok()
                .and_then(|t| t.format(&Rfc3339).ok())
                .unwrap_or_default();
            let computed = Arc::new(Computed {
                aggregates,
                generated_at,
            });
            state.transparency.put(key, computed.clone());
            computed
        }
    };
    let answer = computed
        .aggregates
        .answer(acronym.as_deref(), &from, &to, &computed.generated_at)
        .ok_or(ApiError::NotFound)?;
    Ok(Json(answer).into_response())
}

/// The `Cache-Control` of the aggregates: public for [`TTL`]. Set outside the
/// security-headers layer, which marks every other API answer `no-store`.
pub async fn public_cache(
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response {
    let cacheable = request.method() == axum::http::Method::GET && request.uri().path() == PATH;
    let mut response = next.run(request).await;
    if cacheable && response.status() == StatusCode::OK {
        let value = format!("public, max-age={}", TTL.as_secs());
        if let Ok(value) = HeaderValue::from_str(&value) {
            response.headers_mut().insert(header::CACHE_CONTROL, value);
        }
    }
    response
}

/// Counts what a person answered to the procedures the wizard suggested: "Esto
/// resuelve mi consulta" (`resolved`, no case filed) or "No, quiero seguir"
/// (`continued`).
///
/// Stored as a count per day, procedure and outcome: nothing about the person (no
/// address, no time of day). Limited to 100 answers per client and hour (`429` with
/// `Retry-After`).
#[utoipa::path(post, path = "/api/v1/self-service", tag = "transparency",
    request_body = SelfServiceAnswer,
    responses((status = 204, description = "Counted"),
              (status = 400, description = "A body that is not a self-service answer",
                  body = cc_core::api::Problem, content_type = "application/problem+json"),
              (status = 404, description = "No procedure with that slug",
                  body = cc_core::api::Problem, content_type = "application/problem+json"),
              (status = 429, description = "Too many answers from this client; see `Retry-After`",
                  headers(("Retry-After" = u64, description = "Seconds to wait")),
                  body = cc_core::api::Problem, content_type = "application/problem+json")))]
pub async fn self_service(
    State(state): State<AppState>,
    Client(client): Client,
    body: Result<Json<SelfServiceAnswer>, JsonRejection>,
) -> ApiResult<StatusCode> {
    let Json(answer) = body.map_err(|e| ApiError::BadRequest(e.body_text()))?;
    let slug = answer.procedure.trim().to_owned();
    if state.catalog.by_slug(&slug).is_none() {
        return Err(ApiError::NotFound);
    }
    state
        .transparency
        .self_service
        .charge(&client, 1)
        .map_err(|over| {
            crate::security::event("self_service_limit", &client, "");
            ApiError::TooManyAttempts {
                retry_after_secs: over.retry_after_secs,
            }
        })?;
    let day = Date::from_unix_seconds(unix_now());
    state
        .with_db(move |conn| {
            Ok(crate::transparency::record_self_service(
                conn,
                day,
                &slug,
                answer.outcome,
            )?)
        })
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn query(from: Option<&str>, to: Option<&str>) -> PeriodQuery {
        PeriodQuery {
            from: from.map(str::to_owned),
            to: to.map(str::to_owned),
            agency: None,
        }
    }

    fn codes(result: ApiResult<(String, String, Vec<String>)>) -> Vec<String> {
        match result {
            Err(ApiError::InvalidQuery(errors)) => errors
                .into_iter()
                .map(|e| format!("{}:{}", e.field, e.code))
                .collect(),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn the_default_period_is_the_last_twelve_months() {
        let today = Date::new(2026, 3, 15).unwrap();
        let (from, to, months) = period(&query(None, None), today).unwrap();
        assert_eq!((from.as_str(), to.as_str()), ("2025-04", "2026-03"));
        assert_eq!(months.len(), 12);
        let (from, _, _) = period(&query(None, Some("2026-12")), today).unwrap();
        assert_eq!(from, "2026-01");
    }

    #[test]
    fn bad_periods_name_the_field_and_the_problem() {
        let today = Date::new(2026, 3, 15).unwrap();
        assert_eq!(
            codes(period(&query(Some("2026-13"), Some("marzo")), today)),
            ["to:invalid", "from:invalid"]
        );
        assert_eq!(
            codes(period(&query(Some("2026-04"), Some("2026-03")), today)),
            ["from:after_to"]
        );
        assert_eq!(
            codes(period(&query(Some("2023-03"), Some("2026-03")), today)),
            ["from:too_long"]
        );
        // 36 months is the limit, included.
        let (_, _, months) = period(&query(Some("2023-04"), Some("2026-03")), today).unwrap();
        assert_eq!(months.len(), MAX_MONTHS);
    }
}
