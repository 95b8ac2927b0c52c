//! Helpers shared by the backend's integration tests: the app on a temporary SQLite
//! file, sample cases, one answer type and one way to send a request through the router.
#![allow(dead_code)] // each test file uses a different subset

use std::sync::Arc;

use axum::body::Body;
use axum::http::{header, HeaderMap, Request, StatusCode};
use cc_core::api::Problem;
use cc_core::intake::dates::Date;
use cc_server::ratelimit::{LookupLimiter, ManualClock};
use http_body_util::BodyExt;
use serde_json::{json, Value};
use tower::ServiceExt;

pub mod cases;
pub mod open311;
pub mod transparency;

/// The bootstrap staff token of [`test_app`] (acts as member `bootstrap`).
pub const TOKEN: &str = "token-de-prueba-0123456789";

/// The whole application on a fresh database in a temporary folder (removed on drop).
pub struct TestApp {
    pub state: cc_server::AppState,
    pub router: axum::Router,
    /// The lockout's clock: only moves when a test says so.
    pub clock: ManualClock,
    pub dir: tempfile::TempDir,
}

/// The API only (no built app), with the staff token [`TOKEN`].
pub fn test_app() -> TestApp {
    build(None)
}

/// The API and a fake built app: an `index.html` with an inline loader and one
/// trunk-hashed asset.
pub fn test_app_with_dist() -> TestApp {
    let dir = tempfile::tempdir().unwrap();
    let dist = dir.path().join("dist");
    std::fs::create_dir_all(&dist).unwrap();
    std::fs::write(
        dist.join("index.html"),
        "<html><script type=\"module\">boot()</script></html>",
    )
    .unwrap();
    std::fs::write(dist.join("app-0123456789abcdef_bg.wasm"), b"\0asm").unwrap();
    build(Some((dir, dist)))
}

fn build(dist: Option<(tempfile::TempDir, std::path::PathBuf)>) -> TestApp {
    let (dir, dist) = match dist {
        Some((dir, dist)) => (dir, Some(dist)),
        None => (tempfile::tempdir().unwrap(), None),
    };
    let mut state = cc_server::build_state(
        &dir.path().join("db.sqlite3"),
        cc_server::default_deployment(),
        dist,
    )
    .unwrap();
    state.staff_bootstrap_hash = Some(cc_server::staff_members::token_hash(TOKEN).into());
    let clock = ManualClock::default();
    state.limiter = Arc::new(LookupLimiter::with_clock(clock.clock()));
    TestApp {
        router: cc_server::app(state.clone()),
        state,
        clock,
        dir,
    }
}

/// A complete, valid complaint (`queja`) with an event date and a place.
pub fn valid_complaint() -> Value {
    json!({
        "case_type": "queja",
        "agency": "MDT",
        "description": "La persona de ventanilla me gritó y no quiso recibir mis documentos.",
        "event_date": "2025-06-10",
        "place": "Oficina central, ventanilla 3",
        "identity": "identified",
        "name": "Ana Pérez",
        "email": "ana.perez@example.com",
        "phone": "+591 700 00000",
        "consent": true,
        "language": "es"
    })
}

/// A complete, valid petition (`peticion`).
pub fn valid_petition() -> Value {
    json!({
        "case_type": "peticion",
        "agency": "MDT",
        "description": "Necesito una copia certificada de mi contrato registrado en 2019.",
        "identity": "identified",
        "name": "Ana Pérez",
        "email": "ana.perez@example.com",
        "phone": "+591 700 00000",
        "consent": true,
        "language": "es"
    })
}

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
