//! RFC 9457 problem+json errors for every API failure.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use cc_core::api::{FieldError, Problem, PROBLEM_JSON};

/// Every way an API request can fail. Internal causes are logged, never sent.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    #[error("not found")]
    NotFound,
    #[error("invalid request: {0}")]
    BadRequest(String),
    #[error("validation failed")]
    Validation(Vec<FieldError>),
    /// Query parameters that do not say what to fetch (e.g. a month not written
    /// `YYYY-MM`); `errors` name each parameter and a code the app can translate.
    #[error("invalid query")]
    InvalidQuery(Vec<FieldError>),
    /// The body is larger than allowed (e.g. an attachment over the limit).
    #[error("payload too large")]
    TooLarge(Vec<FieldError>),
    #[error("idempotency key reused with a different request")]
    IdempotencyMismatch,
    #[error("too many attempts")]
    TooManyAttempts { retry_after_secs: u64 },
    /// The client (or everyone together) uploaded as much as allowed for now.
    #[error("upload quota exceeded")]
    UploadQuota { retry_after_secs: u64 },
    #[error("unauthorized")]
    Unauthorized,
    /// The request is valid but the case's state does not allow it now (e.g. a reply
    /// when none was asked for, a second rating). `kind` names the problem type.
    #[error("conflict: {kind}")]
    Conflict { kind: &'static str, detail: String },
    #[error(transparent)]
    Db(#[from] crate::db::DbError),
    #[error("internal: {0}")]
    Internal(String),
}

impl From<rusqlite::Error> for ApiError {
    fn from(e: rusqlite::Error) -> Self {
        ApiError::Db(e.into())
    }
}

impl ApiError {
    fn problem(&self) -> Problem {
        let (status, kind, title, detail) = match self {
            ApiError::NotFound => (404, "not-found", "No encontramos lo que busca", None),
            ApiError::BadRequest(d) => (
                400,
                "bad-request",
                "La solicitud no es correcta",
                Some(d.clone()),
            ),
            ApiError::Validation(_) => (
                422,
                "validation",
                "Hay un problema con los datos enviados",
                None,
            ),
            ApiError::InvalidQuery(_) => (
                400,
                "invalid-query",
                "Revise lo que pidió: hay un dato que no es correcto",
                None,
            ),
            ApiError::TooLarge(_) => (413, "too-large", "Lo que envió es demasiado grande", None),
            ApiError::IdempotencyMismatch => (
                422,
                "idempotency-key-reused",
                "Esta clave de envío ya se usó con otros datos",
                None,
            ),
            ApiError::TooManyAttempts { .. } => (
                429,
                "too-many-attempts",
                "Demasiados intentos. Espere unos minutos y vuelva a intentarlo",
                None,
            ),
            ApiError::UploadQuota { .. } => (
                429,
                "upload-quota",
                "Se subieron demasiados archivos en poco tiempo. Espere un rato y vuelva a intentarlo",
                None,
            ),
            ApiError::Unauthorized => (401, "unauthorized", "Necesita una credencial válida", None),
            ApiError::Conflict { kind, detail } => (
                409,
                *kind,
                "Esto no se puede hacer en el estado actual del caso",
                Some(detail.clone()),
            ),
            ApiError::Db(_) | ApiError::Internal(_) => (
                500,
                "internal",
                "El servicio tuvo un fallo. Vuelva a intentarlo en unos minutos",
                None,
            ),
        };
        Problem {
            kind: format!("/problems/{kind}"),
            title: title.into(),
            status,
            detail,
            instance: None,
            errors: match self {
                ApiError::Validation(errors)
                | ApiError::TooLarge(errors)
                | ApiError::InvalidQuery(errors) => errors.clone(),
                _ => Vec::new(),
            },
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let problem = self.problem();
        if problem.status >= 500 {
            tracing::error!(error = %self, "request failed");
        }
        let status =
            StatusCode::from_u16(problem.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let body = serde_json::to_vec(&problem).unwrap_or_default();
        let mut response = (status, body).into_response();
        let headers = response.headers_mut();
        headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(PROBLEM_JSON));
        if let ApiError::TooManyAttempts { retry_after_secs }
        | ApiError::UploadQuota { retry_after_secs } = self
        {
            headers.insert(header::RETRY_AFTER, HeaderValue::from(retry_after_secs));
        }
        if let ApiError::Unauthorized = self {
            headers.insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        }
        response
    }
}

pub type ApiResult<T> = Result<T, ApiError>;

/// Turns the API's client errors that are not problem+json yet (the plain-text
/// rejections of axum's extractors, e.g. a path that is not UTF-8; an empty `405`)
/// into problem+json with the same status, so every API failure has one shape.
pub async fn plain_errors_as_problems(
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response {
    let is_api = request.uri().path().starts_with("/api/");
    let response = next.run(request).await;
    let status = response.status();
    let is_problem = response
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(PROBLEM_JSON.as_bytes()));
    if !is_api || is_problem || !status.is_client_error() {
        return response;
    }
    let (parts, body) = response.into_parts();
    // The rejection's text is short and safe (it is what axum would have sent).
    let detail = axum::body::to_bytes(body, 4096)
        .await
        .ok()
        .map(|b| String::from_utf8_lossy(&b).trim().to_owned())
        .filter(|d| !d.is_empty());
    let problem = Problem {
        kind: format!("/problems/http-{}", status.as_u16()),
        title: status
            .canonical_reason()
            .unwrap_or("La solicitud no es correcta")
            .into(),
        status: status.as_u16(),
        detail,
        instance: None,
        errors: Vec::new(),
    };
    let problem = match status {
        StatusCode::BAD_REQUEST => {
            ApiError::BadRequest(problem.detail.unwrap_or_default()).problem()
        }
        _ => problem,
    };
    let mut out = (status, serde_json::to_vec(&problem).unwrap_or_default()).into_response();
    // Keep headers such as `Allow` (405); the body and its type are new.
    for (name, value) in parts.headers.iter() {
        if name != header::CONTENT_TYPE && name != header::CONTENT_LENGTH {
            out.headers_mut().insert(name.clone(), value.clone());
        }
    }
    out.headers_mut()
        .insert(header::CONTENT_TYPE, HeaderValue::from_static(PROBLEM_JSON));
    out
}
