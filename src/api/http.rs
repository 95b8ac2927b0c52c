//! The browser's HTTP transport shared by every backend adapter: a timeout on every
//! request, and a lost connection or an abort turned into an [`ApiError`]. What an
//! answer *means* (a problem+json, an Open311 error list) is each adapter's business.

use gloo_net::http::{Request, RequestBuilder};

use super::ApiError;

/// How long a request may take before we give up and tell the person.
/// Slow 3G round trips can reach seconds, so this is generous.
const TIMEOUT_MS: u32 = 20_000;

/// What a request carries.
pub enum Body {
    Empty,
    Json(String),
    /// `application/x-www-form-urlencoded` (Open311's `POST requests.json`).
    Form(String),
    Bytes(Vec<u8>),
}

/// Any answer the server gave, whatever its status.
pub struct Answer {
    pub status: u16,
    pub text: String,
    pub content_type: String,
    /// `Retry-After` in seconds, when given.
    pub retry_after: Option<u32>,
}

impl Answer {
    pub fn is_success(&self) -> bool {
        (200..300).contains(&self.status)
    }
}

pub fn get(url: &str) -> RequestBuilder {
    Request::get(url)
}

pub fn post(url: &str) -> RequestBuilder {
    Request::post(url)
}

/// Sends a request with a timeout and returns the server's answer, whatever its
/// status. Not generic over the answer type, so the whole request state machine exists
/// once in the wasm instead of once per decoded type.
pub async fn exchange(builder: RequestBuilder, body: Body) -> Result<Answer, ApiError> {
    let controller = web_sys::AbortController::new().ok();
    let signal = controller.as_ref().map(|c| c.signal());
    let timer = controller
        .clone()
        .map(|c| gloo_timers::callback::Timeout::new(TIMEOUT_MS, move || c.abort()));
    let builder = builder
        .abort_signal(signal.as_ref())
        .header("Accept", "application/json");
    let request = match body {
        Body::Empty => builder.build(),
        Body::Json(json) => builder
            .header("Content-Type", "application/json")
            .body(json),
        Body::Form(form) => builder
            .header("Content-Type", "application/x-www-form-urlencoded")
            .body(form),
        Body::Bytes(bytes) => builder
            .header("Content-Type", "application/octet-stream")
            .body(js_sys::Uint8Array::from(bytes.as_slice())),
    }
    .map_err(|_| ApiError::Malformed)?;
    let result = request.send().await;
    let response = match result {
        Ok(r) => r,
        Err(_) if signal.as_ref().is_some_and(|s| s.aborted()) => return Err(ApiError::Timeout),
        Err(_) => return Err(ApiError::Network),
    };
    let header = |name: &str| response.headers().get(name);
    let content_type = header("content-type").unwrap_or_default();
    let retry_after = header("retry-after").and_then(|v| v.trim().parse().ok());
    let status = response.status();
    // The body may still be arriving: the timeout covers it too.
    let text = response.text().await;
    drop(timer);
    let text = match text {
        Ok(text) => text,
        Err(_) if signal.as_ref().is_some_and(|s| s.aborted()) => return Err(ApiError::Timeout),
        Err(_) => return Err(ApiError::Network),
    };
    Ok(Answer {
        status,
        text,
        content_type,
        retry_after,
    })
}

/// Downloads bytes (attachments behind the access code).
pub async fn bytes(builder: RequestBuilder) -> Result<Vec<u8>, ApiError> {
    let response = builder.send().await.map_err(|_| ApiError::Network)?;
    if !response.ok() {
        return Err(ApiError::Http(response.status()));
    }
    response.binary().await.map_err(|_| ApiError::Network)
}

/// Percent-encodes a query or path component.
pub fn encode(value: &str) -> String {
    js_sys::encode_uri_component(value)
        .as_string()
        .unwrap_or_default()
}
