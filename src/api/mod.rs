//! The one HTTP client of the app. Every failure becomes an [`ApiError`] with a
//! translated, human message: never a panic, never a blank screen.

use cc_core::api::{Problem, PROBLEM_JSON};
use gloo_net::http::{Request, RequestBuilder, Response};
use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::i18n::{plural, Lang, Texts};

mod retry;
pub use retry::{with_retries, RetryPolicy, SAFE_SEND};

/// How long a request may take before we give up and tell the person.
/// Slow 3G round trips can reach seconds, so this is generous.
const TIMEOUT_MS: u32 = 20_000;

/// Base of the API; a deployment may point the app at another backend with
/// `<meta name="cc-api-base" content="https://…/api/v1">` in `index.html`.
pub fn api_base() -> String {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector("meta[name=cc-api-base]").ok().flatten())
        .and_then(|m| m.get_attribute("content"))
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "/api/v1".to_string())
}

#[derive(Debug, Clone, PartialEq)]
pub enum ApiError {
    /// No answer at all: offline, DNS, refused.
    Network,
    Timeout,
    /// The backend explained the failure (RFC 9457).
    Problem(Problem),
    /// A status without a readable problem body.
    Http(u16),
    /// 429: the server said how long to wait, and (in its problem body) why.
    RateLimited {
        retry_after_secs: u32,
        /// The problem type, e.g. `/problems/upload-quota`; empty when not given.
        kind: String,
    },
    /// 2xx with a body that does not match the contract.
    Malformed,
}

impl ApiError {
    pub fn status(&self) -> Option<u16> {
        match self {
            ApiError::Problem(p) => Some(p.status),
            ApiError::Http(s) => Some(*s),
            ApiError::RateLimited { .. } => Some(429),
            _ => None,
        }
    }

    pub fn retry_after_secs(&self) -> Option<u32> {
        match self {
            ApiError::RateLimited {
                retry_after_secs, ..
            } => Some(*retry_after_secs),
            _ => None,
        }
    }

    /// Worth trying again automatically (the request may not have been processed).
    pub fn is_transient(&self) -> bool {
        match self {
            ApiError::Network | ApiError::Timeout | ApiError::Malformed => true,
            _ => matches!(self.status(), Some(s) if s >= 500 || s == 429 || s == 408),
        }
    }

    /// What to tell the person, in their language.
    pub fn message(&self, t: &Texts) -> String {
        match self {
            ApiError::Network => t.error_network.into(),
            ApiError::Timeout => t.error_timeout.into(),
            ApiError::Malformed => t.error_malformed.into(),
            ApiError::RateLimited {
                retry_after_secs,
                kind,
            } => {
                let wait = wait_text(t, *retry_after_secs);
                if kind.ends_with("/upload-quota") {
                    t.error_upload_quota(&wait)
                } else {
                    t.error_rate_limited_wait(&wait)
                }
            }
            _ => match self.status() {
                Some(404) => t.error_not_found.into(),
                Some(s) if s >= 500 => t.error_server.into(),
                // The backend's own title is Spanish; only trust it in Spanish.
                _ => match self {
                    ApiError::Problem(p) if t.lang == Lang::Es => p.title.clone(),
                    _ => t.error_server.into(),
                },
            },
        }
    }
}

/// "40 segundos", "2 minutos": how long to wait, in words, rounded up to minutes
/// past one minute.
fn wait_text(t: &Texts, secs: u32) -> String {
    let unit = |n: u32, one: &str, many: &str| {
        plural(n.into(), &format!("1 {one}"), &format!("{{n}} {many}"))
    };
    if secs < 60 {
        unit(secs.max(1), t.units_second, t.units_seconds)
    } else {
        unit(secs.div_ceil(60), t.units_minute, t.units_minutes)
    }
}

/// Sends a request with a timeout and returns the body of a 2xx answer.
/// Not generic over the answer type, so the whole request state machine exists once
/// in the wasm instead of once per decoded type (only the final parse is generic).
async fn send(builder: RequestBuilder, body: Option<String>) -> Result<String, ApiError> {
    let controller = web_sys::AbortController::new().ok();
    let signal = controller.as_ref().map(|c| c.signal());
    let timer = controller
        .clone()
        .map(|c| gloo_timers::callback::Timeout::new(TIMEOUT_MS, move || c.abort()));
    let builder = builder
        .abort_signal(signal.as_ref())
        .header("Accept", "application/json");
    let request = match body {
        Some(json) => builder
            .header("Content-Type", "application/json")
            .body(json),
        None => builder.build(),
    }
    .map_err(|_| ApiError::Malformed)?;
    let result = request.send().await;
    drop(timer);
    let response = match result {
        Ok(r) => r,
        Err(_) if signal.as_ref().is_some_and(|s| s.aborted()) => return Err(ApiError::Timeout),
        Err(_) => return Err(ApiError::Network),
    };
    decode(response).await
}

async fn decode(response: Response) -> Result<String, ApiError> {
    let status = response.status();
    let text = response.text().await.map_err(|_| ApiError::Network)?;
    if (200..300).contains(&status) {
        return Ok(text);
    }
    if status == 429 {
        let retry_after_secs = response
            .headers()
            .get("retry-after")
            .and_then(|v| v.trim().parse().ok())
            .unwrap_or(30);
        let kind = serde_json::from_str::<Problem>(&text)
            .map(|p| p.kind)
            .unwrap_or_default();
        return Err(ApiError::RateLimited {
            retry_after_secs,
            kind,
        });
    }
    let is_problem = response
        .headers()
        .get("content-type")
        .is_some_and(|ct| ct.starts_with(PROBLEM_JSON) || ct.starts_with("application/json"));
    match is_problem
        .then(|| serde_json::from_str::<Problem>(&text).ok())
        .flatten()
    {
        Some(problem) => Err(ApiError::Problem(problem)),
        None => Err(ApiError::Http(status)),
    }
}

pub async fn get<T: DeserializeOwned>(path: &str) -> Result<T, ApiError> {
    let text = send(Request::get(&format!("{}{path}", api_base())), None).await?;
    serde_json::from_str(&text).map_err(|_| ApiError::Malformed)
}

/// POSTs JSON with extra headers (e.g. `X-Access-Code`).
pub async fn post_with<B: Serialize, T: DeserializeOwned>(
    path: &str,
    body: &B,
    headers: &[(&str, &str)],
) -> Result<T, ApiError> {
    let json = serde_json::to_string(body).map_err(|_| ApiError::Malformed)?;
    let mut builder = Request::post(&format!("{}{path}", api_base()));
    for (name, value) in headers {
        builder = builder.header(name, value);
    }
    let text = send(builder, Some(json)).await?;
    serde_json::from_str(&text).map_err(|_| ApiError::Malformed)
}

/// Downloads bytes with extra headers (attachments behind the access code).
pub async fn get_bytes(path: &str, headers: &[(&str, &str)]) -> Result<Vec<u8>, ApiError> {
    let mut builder = Request::get(&format!("{}{path}", api_base()));
    for (name, value) in headers {
        builder = builder.header(name, value);
    }
    let response = builder.send().await.map_err(|_| ApiError::Network)?;
    if !response.ok() {
        return Err(ApiError::Http(response.status()));
    }
    response.binary().await.map_err(|_| ApiError::Network)
}

/// POSTs JSON; `idempotency_key` makes retries safe (the backend answers a repeat
/// with the first result instead of creating twice).
pub async fn post<B: Serialize, T: DeserializeOwned>(
    path: &str,
    body: &B,
    idempotency_key: Option<&str>,
) -> Result<T, ApiError> {
    match idempotency_key {
        Some(key) => post_with(path, body, &[("Idempotency-Key", key)]).await,
        None => post_with(path, body, &[]).await,
    }
}

/// Uploads raw bytes (attachments); the backend decides the type by content.
pub async fn post_bytes<T: DeserializeOwned>(path: &str, bytes: Vec<u8>) -> Result<T, ApiError> {
    let array = js_sys::Uint8Array::from(bytes.as_slice());
    let request = Request::post(&format!("{}{path}", api_base()))
        .header("Content-Type", "application/octet-stream")
        .header("Accept", "application/json")
        .body(array)
        .map_err(|_| ApiError::Malformed)?;
    let text = match request.send().await {
        Ok(response) => decode(response).await?,
        Err(_) => return Err(ApiError::Network),
    };
    serde_json::from_str(&text).map_err(|_| ApiError::Malformed)
}

/// Percent-encodes a query or path component.
pub fn encode(value: &str) -> String {
    js_sys::encode_uri_component(value)
        .as_string()
        .unwrap_or_default()
}

/// A random UUID from the browser's CSPRNG (idempotency keys, draft ids).
pub fn random_uuid() -> String {
    web_sys::window()
        .and_then(|w| w.crypto().ok())
        .map(|c| c.random_uuid())
        .unwrap_or_else(|| format!("{:x}", (js_sys::Math::random() * 1e16) as u64))
}
