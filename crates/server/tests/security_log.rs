//! Security events reach the log, aggregated, with the client and never the secret.

use std::io::Write;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};

use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::{header, Request, StatusCode};
use serde_json::json;

mod common;
use common::{send_to, test_app};

/// A log writer the test can read back.
#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[tokio::test]
async fn a_guessing_flood_is_logged_in_a_few_lines_without_codes_or_tokens() {
    let captured = Captured::default();
    let writer = captured.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_writer(move || writer.clone())
        .with_ansi(false)
        .finish();
    // This test's thread only (the runtime is single-threaded).
    let _guard = tracing::subscriber::set_default(subscriber);

    let app = test_app();
    for i in 0..300 {
        let body = json!({ "ticket": format!("MDT-QUE-2026-{:05}", i + 1), "access_code": "SECR-ETOC-ODE9" });
        let mut request = Request::post("/api/v1/cases/lookup")
            .header(header::CONTENT_TYPE, "application/json")
            .body(Body::from(body.to_string()))
            .unwrap();
        request
            .extensions_mut()
            .insert(ConnectInfo(SocketAddr::from(([203, 0, 113, 66], 40_000))));
        send_to(&app.router, request).await;
    }
    for _ in 0..50 {
        let request = Request::get("/api/v1/staff/cases")
            .header(header::AUTHORIZATION, "Bearer ccstaff_adivinado")
            .body(Body::empty())
            .unwrap();
        let answer = send_to(&app.router, request).await;
        assert_ne!(answer.status, StatusCode::OK);
    }

    let log = String::from_utf8(captured.0.lock().unwrap().clone()).unwrap();
    let lines: Vec<&str> = log.lines().filter(|l| l.contains("security")).collect();
    assert!(
        lines
            .iter()
            .any(|l| l.contains("lookup_failed") && l.contains("203.0.113.66")),
        "{log}"
    );
    assert!(lines.iter().any(|l| l.contains("lookup_refused")), "{log}");
    assert!(
        lines.iter().any(|l| l.contains("staff_auth_failed")),
        "{log}"
    );
    assert!(
        lines.len() < 40,
        "{} lines for 350 events:\n{log}",
        lines.len()
    );
    assert!(
        !log.contains("SECR") && !log.contains("ccstaff_adivinado"),
        "{log}"
    );
}
