//! Helpers shared by the backend's integration tests: one answer type and one way to
//! send a request through the router.
#![allow(dead_code)] // each test file uses a different subset

use axum::body::Body;
use axum::http::{header, HeaderMap, Request, StatusCode};
use cc_core::api::Problem;
use cc_core::intake::dates::Date;
use http_body_util::BodyExt;
use tower::ServiceExt;

/// A response, read whole.
pub struct Answer {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Vec<u8>,
}

impl Answer {
    pub fn json<T: serde::de::DeserializeOwned>(&self) -> T {
        serde_json::from_slice(&self.body).unwrap_or_else(|e| {
            panic!("{e}: {}", String::from_utf8_lossy(&self.body));
        })
    }

    /// The body as RFC 9457 problem details, checking the media type.
    pub fn problem(&self) -> Problem {
        assert_eq!(
            self.headers[header::CONTENT_TYPE],
            "application/problem+json"
        );
        self.json()
    }

    /// The codes of the field errors on `field`.
    pub fn error_codes(&self, field: &str) -> Vec<String> {
        self.problem()
            .errors
            .into_iter()
            .filter(|e| e.field == field)
            .map(|e| e.code)
            .collect()
    }

    #[track_caller]
    pub fn expect(&self, status: StatusCode) -> &Self {
        assert_eq!(
            self.status,
            status,
            "{}",
            String::from_utf8_lossy(&self.body)
        );
        self
    }
}

/// Sends `request` through `router` and reads the whole answer.
pub async fn send_to(router: &axum::Router, request: Request<Body>) -> Answer {
    let response = router.clone().oneshot(request).await.unwrap();
    let status = response.status();
    let headers = response.headers().clone();
    let body = response
        .into_body()
        .collect()
        .await
        .unwrap()
        .to_bytes()
        .to_vec();
    Answer {
        status,
        headers,
        body,
    }
}

/// Today in UTC, as the backend dates cases.
pub fn today() -> Date {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64;
    Date::from_unix_seconds(now)
}
