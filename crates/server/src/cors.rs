//! Cross-origin requests (CORS) for an app hosted apart from the backend: only the
//! deployment's exact origins (`cors_origins`, `serve --cors-origin`), never `*`, and
//! no credentials (the app sends none: codes and tokens travel in headers it sets).
//! Without origins there is no CORS at all: the app and the API share an origin.

use std::time::Duration;

use axum::http::{header, HeaderName, HeaderValue, Method};
use tower_http::cors::{AllowOrigin, CorsLayer};

/// The request headers the app (and the staff tool) set on API calls.
const ALLOWED_HEADERS: [HeaderName; 4] = [
    header::CONTENT_TYPE,
    header::AUTHORIZATION,
    HeaderName::from_static("idempotency-key"),
    HeaderName::from_static("x-access-code"),
];

/// The answer headers a cross-origin app may read besides the always-readable ones.
const EXPOSED_HEADERS: [HeaderName; 3] = [
    header::RETRY_AFTER,
    header::LOCATION,
    header::CONTENT_DISPOSITION,
];

/// How long a browser may keep a preflight's answer.
const PREFLIGHT_MAX_AGE: Duration = Duration::from_secs(600);

/// Checks one origin: `scheme://host[:port]`, http or https, nothing after the host
/// (no path, no trailing slash), no wildcard. Returns it as a header value.
pub fn parse_origin(origin: &str) -> Result<HeaderValue, String> {
    let bad = || {
        format!("CORS origin {origin:?} must be exactly scheme://host[:port], e.g. https://contacto.gob.example")
    };
    let rest = origin
        .strip_prefix("https://")
        .or_else(|| origin.strip_prefix("http://"))
        .ok_or_else(bad)?;
    let host_ok = !rest.is_empty()
        && rest
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']'));
    if !host_ok {
        return Err(bad());
    }
    HeaderValue::from_str(origin).map_err(|_| bad())
}

/// The CORS layer of the API for `origins`; `None` when there are none.
pub fn layer(origins: &[String]) -> Result<Option<CorsLayer>, String> {
    if origins.is_empty() {
        return Ok(None);
    }
    let origins = origins
        .iter()
        .map(|o| parse_origin(o.trim()))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Some(
        CorsLayer::new()
            .allow_origin(AllowOrigin::list(origins))
            .allow_methods([Method::GET, Method::POST])
            .allow_headers(ALLOWED_HEADERS)
            .expose_headers(EXPOSED_HEADERS)
            .max_age(PREFLIGHT_MAX_AGE),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn origins_are_exact() {
        for good in [
            "https://contacto.gob.example",
            "http://127.0.0.1:8081",
            "http://[::1]:8080",
        ] {
            assert!(parse_origin(good).is_ok(), "{good}");
        }
        for bad in [
            "*",
            "https://*.gob.example",
            "https://contacto.gob.example/",
            "https://contacto.gob.example/app",
            "contacto.gob.example",
            "ftp://contacto.gob.example",
            "https://",
            "null",
        ] {
            assert!(parse_origin(bad).is_err(), "{bad}");
        }
        assert!(layer(&[]).unwrap().is_none());
        assert!(layer(&["*".into()]).is_err());
    }
}
