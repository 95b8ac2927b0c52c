//! A same-origin gateway to ONE Open311 GeoReport v2 server (`serve
//! --open311-gateway URL`). Many Open311 servers send no CORS headers, so the app
//! cannot call them from its own origin; through `/open311/v2/…` it can.
//!
//! It is no open proxy: the upstream base is fixed at start; the upstream path is
//! rebuilt from an allow-list of GeoReport v2 resources (names of 1–128 characters
//! of `[A-Za-z0-9._-]`), never copied from the request; anything else is a 404
//! without contacting the upstream. Only GET (and POST on `requests.json`, as a
//! form of at most 64 KiB) is forwarded, with the query string; no cookie,
//! authorization or other header of the client goes up, and only the status, the
//! content type (JSON or text) and the body (at most 1 MiB) come back. Redirects are
//! not followed. Requests are counted per client (see [`GatewayLimiter`]).

use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::body::Bytes;
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, Method, StatusCode, Uri};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use cc_core::api::{Problem, PROBLEM_JSON};

use crate::problem::ApiError;
use crate::routes::request::Client;
use crate::state::AppState;

/// Where the gateway answers (the route takes everything below it).
pub const PREFIX: &str = "/open311/v2/";
pub const ROUTE: &str = "/open311/v2/{*path}";
/// Largest form forwarded.
pub const BODY_LIMIT: usize = 64 * 1024;
/// Largest upstream answer passed back.
pub const ANSWER_LIMIT: u64 = 1024 * 1024;
/// Time the upstream has for a whole exchange.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(10);
mod limit;
pub use limit::{GatewayLimiter, RateLimits};

const FORM: &str = "application/x-www-form-urlencoded";
const NAME_MAX: usize = 128;

/// One GeoReport v2 resource the gateway forwards to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resource {
    Discovery,
    Services,
    Definition(String),
    Requests,
    Request(String),
    Token(String),
}

/// A service code, request id or token: 1–128 of `[A-Za-z0-9._-]`, and not only
/// dots (so it can never be a `.`/`..` path segment, even without the `.json`).
fn is_name(name: &str) -> bool {
    (1..=NAME_MAX).contains(&name.len())
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-'))
        && !name.bytes().all(|b| b == b'.')
}

impl Resource {
    /// The resource a raw request path names (still percent-encoded, so `%2e%2e` is
    /// refused like any `%`), or `None`.
    pub fn from_path(path: &str) -> Option<Resource> {
        let rest = path.strip_prefix(PREFIX)?;
        let named = |file: &str| {
            file.strip_suffix(".json")
                .filter(|name| is_name(name))
                .map(str::to_owned)
        };
        match rest.split('/').collect::<Vec<_>>().as_slice() {
            ["discovery.json"] => Some(Resource::Discovery),
            ["services.json"] => Some(Resource::Services),
            ["requests.json"] => Some(Resource::Requests),
            ["services", file] => named(file).map(Resource::Definition),
            ["requests", file] => named(file).map(Resource::Request),
            ["tokens", file] => named(file).map(Resource::Token),
            _ => None,
        }
    }

    /// The path below the upstream base, rebuilt from the checked parts.
    pub fn upstream_path(&self) -> String {
        match self {
            Resource::Discovery => "discovery.json".into(),
            Resource::Services => "services.json".into(),
            Resource::Requests => "requests.json".into(),
            Resource::Definition(code) => format!("services/{code}.json"),
            Resource::Request(id) => format!("requests/{id}.json"),
            Resource::Token(token) => format!("tokens/{token}.json"),
        }
    }

    fn allows(&self, method: &Method) -> bool {
        method == Method::GET || (method == Method::POST && *self == Resource::Requests)
    }

    fn allow_header(&self) -> &'static str {
        if *self == Resource::Requests {
            "GET, POST"
        } else {
            "GET"
        }
    }
}

/// Checks the upstream base: `http(s)://host[:port][/path]`, no credentials, query
/// or fragment. Returns it without a trailing slash.
pub fn parse_base(url: &str) -> Result<String, String> {
    let bad = |why: &str| {
        format!("--open311-gateway {url:?}: {why}; expected e.g. https://city.example/open311/v2")
    };
    if url.contains(['#', '?', ' ', '\\']) {
        return Err(bad("no query, fragment, spaces or backslashes"));
    }
    let uri: Uri = url.parse().map_err(|_| bad("not a URL"))?;
    let scheme = uri.scheme_str().unwrap_or("");
    if scheme != "http" && scheme != "https" {
        return Err(bad("must start with http:// or https://"));
    }
    let authority = uri.authority().ok_or_else(|| bad("no host"))?.as_str();
    if authority.contains('@') || uri.host().is_none_or(str::is_empty) {
        return Err(bad("a host without user or password"));
    }
    let path = uri.path().trim_end_matches('/');
    if path.split('/').any(|s| s == "." || s == "..") {
        return Err(bad("no . or .. in the path"));
    }
    Ok(format!("{scheme}://{authority}{path}"))
}

/// The configured gateway: the upstream base and the HTTP agent that calls it.
pub struct Gateway {
    base: String,
    agent: ureq::Agent,
    pub limiter: GatewayLimiter,
}

impl Gateway {
    /// A gateway to `base` (checked with [`parse_base`]) whose upstream exchanges
    /// end after `timeout`.
    pub fn new(base: &str, timeout: Duration) -> Result<Self, String> {
        let base = parse_base(base)?;
        let agent = ureq::Agent::config_builder()
            // The upstream's errors (its `[{code, description}]`) are passed back.
            .http_status_as_error(false)
            .timeout_global(Some(timeout))
            // A redirect could lead anywhere; it is answered 502 instead.
            .max_redirects(0)
            .user_agent("cc-server open311-gateway")
            .build()
            .into();
        Ok(Gateway {
            base,
            agent,
            limiter: GatewayLimiter::new(RateLimits::default(), Arc::new(Instant::now)),
        })
    }

    pub fn base(&self) -> &str {
        &self.base
    }
}

/// A problem+json answer for the gateway's own failures.
fn problem(status: StatusCode, kind: &str, title: &str) -> Response {
    let problem = Problem {
        kind: format!("/problems/{kind}"),
        title: title.into(),
        status: status.as_u16(),
        detail: None,
        instance: None,
        errors: Vec::new(),
    };
    let mut response = (status, serde_json::to_vec(&problem).unwrap_or_default()).into_response();
    response
        .headers_mut()
        .insert(header::CONTENT_TYPE, HeaderValue::from_static(PROBLEM_JSON));
    response
}

fn upstream_failed() -> Response {
    problem(
        StatusCode::BAD_GATEWAY,
        "upstream-failed",
        "El servicio de reportes de la ciudad no respondió bien. Vuelva a intentarlo en unos minutos",
    )
}

/// What the upstream answered, once checked.
struct Upstream {
    status: StatusCode,
    content_type: Option<HeaderValue>,
    body: Vec<u8>,
}

/// Why an exchange with the upstream failed.
#[derive(Debug)]
enum Failure {
    Timeout,
    /// Unreachable, refused, broken, redirected, too large or of a refused type.
    Bad(String),
}

impl From<ureq::Error> for Failure {
    fn from(e: ureq::Error) -> Self {
        match e {
            ureq::Error::Timeout(_) => Failure::Timeout,
            ureq::Error::Io(e) if e.kind() == std::io::ErrorKind::TimedOut => Failure::Timeout,
            other => Failure::Bad(other.to_string()),
        }
    }
}

/// Only JSON and text come back: anything else (HTML is text, but the answer gets a
/// sandboxing CSP, see [`answer_headers`]) could be content served as ours.
fn allowed_type(content_type: &str) -> bool {
    let media = content_type
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    media == "application/json" || (media.starts_with("text/") && media.len() > 5)
}

/// One exchange with the upstream, blocking (run off the async runtime).
fn exchange(agent: &ureq::Agent, url: &str, form: Option<Bytes>) -> Result<Upstream, Failure> {
    let answer = match form {
        None => agent.get(url).header("accept", "application/json").call(),
        Some(form) => agent
            .post(url)
            .header("accept", "application/json")
            .header("content-type", FORM)
            .send(&form[..]),
    };
    let mut response = answer?;
    let status = response.status();
    if status.is_redirection() {
        return Err(Failure::Bad(format!("redirect ({status})")));
    }
    let content_type = response.headers().get(header::CONTENT_TYPE).cloned();
    let body = response
        .body_mut()
        .with_config()
        .limit(ANSWER_LIMIT)
        .read_to_vec()?;
    let type_ok = match content_type.as_ref().map(|v| v.to_str()) {
        Some(Ok(t)) => allowed_type(t),
        Some(Err(_)) => false,
        // An empty answer needs no type (e.g. a bare 404).
        None => body.is_empty(),
    };
    if !type_ok {
        return Err(Failure::Bad(format!("content type {content_type:?}")));
    }
    let status = StatusCode::from_u16(status.as_u16()).map_err(|e| Failure::Bad(e.to_string()))?;
    Ok(Upstream {
        status,
        content_type,
        body,
    })
}

/// Whether the request's body is declared a form.
fn is_form(request: &Request) -> bool {
    request
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .is_some_and(|t| t.trim().eq_ignore_ascii_case(FORM))
}

/// `/open311/v2/{path}`: checks, then forwards to the upstream.
pub async fn forward(
    State(state): State<AppState>,
    Client(client): Client,
    request: Request,
) -> Response {
    let Some(gateway) = state.open311_gateway.clone() else {
        return ApiError::NotFound.into_response();
    };
    let Some(resource) = Resource::from_path(request.uri().path()) else {
        return ApiError::NotFound.into_response();
    };
    let method = request.method().clone();
    if !resource.allows(&method) {
        let mut response = problem(
            StatusCode::METHOD_NOT_ALLOWED,
            "http-405",
            "Este recurso no admite ese método",
        );
        response.headers_mut().insert(
            header::ALLOW,
            HeaderValue::from_static(resource.allow_header()),
        );
        return response;
    }
    let post = method == Method::POST;
    if let Err(retry_after_secs) = gateway.limiter.check(&client, post) {
        return ApiError::TooManyAttempts { retry_after_secs }.into_response();
    }
    let mut url = format!("{}/{}", gateway.base, resource.upstream_path());
    if let Some(query) = request.uri().query() {
        url.push('?');
        url.push_str(query);
    }
    let form = if post {
        if !is_form(&request) {
            return problem(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "unsupported-media-type",
                "El envío debe ser un formulario (application/x-www-form-urlencoded)",
            );
        }
        match axum::body::to_bytes(request.into_body(), BODY_LIMIT).await {
            Ok(body) => Some(body),
            Err(_) => return ApiError::TooLarge(Vec::new()).into_response(),
        }
    } else {
        None
    };
    let agent = gateway.agent.clone();
    let outcome = tokio::task::spawn_blocking(move || exchange(&agent, &url, form)).await;
    // The path is logged, never the query string (it may carry an api_key).
    let path = resource.upstream_path();
    match outcome {
        Ok(Ok(upstream)) => {
            let mut response = (upstream.status, upstream.body).into_response();
            if let Some(content_type) = upstream.content_type {
                response
                    .headers_mut()
                    .insert(header::CONTENT_TYPE, content_type);
            }
            response
        }
        Ok(Err(Failure::Timeout)) => {
            tracing::warn!(%path, "Open311 gateway: upstream timed out");
            problem(
                StatusCode::GATEWAY_TIMEOUT,
                "upstream-timeout",
                "El servicio de reportes de la ciudad tardó demasiado en responder. Vuelva a intentarlo en unos minutos",
            )
        }
        Ok(Err(Failure::Bad(why))) => {
            tracing::warn!(%path, error = %why, "Open311 gateway: upstream failed");
            upstream_failed()
        }
        Err(e) => {
            tracing::error!(%path, error = %e, "Open311 gateway: exchange panicked");
            upstream_failed()
        }
    }
}

/// Headers of the gateway's answers, set after the server's own security headers
/// (outside them): never stored by caches (they carry people's reports), and a
/// sandboxing policy on top of the site's CSP, so that whatever text the upstream
/// sends can never run as this origin's page.
pub async fn answer_headers(request: Request, next: Next) -> Response {
    let ours = request.uri().path().starts_with(PREFIX);
    let mut response = next.run(request).await;
    if ours {
        let headers = response.headers_mut();
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
        headers.append(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static("sandbox; default-src 'none'"),
        );
    }
    response
}

#[cfg(test)]
#[path = "gateway_tests.rs"]
mod tests;
