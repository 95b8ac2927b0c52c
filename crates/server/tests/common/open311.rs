//! The Open311 gateway's test set-up: upstream servers on loopback ports (the real
//! test server, one with odd answers, one that never answers) and the app with the
//! gateway pointed at one of them.

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::extract::Request;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::IntoResponse;
use axum::routing::get;
use cc_server::gateway::Gateway;

use super::TestApp;

/// A request the upstream received.
#[derive(Debug, Clone)]
pub struct Seen {
    pub method: String,
    pub uri: String,
    pub headers: HeaderMap,
}

/// What an upstream received, in order.
pub type SeenLog = Arc<Mutex<Vec<Seen>>>;

/// An upstream server running on a loopback port.
pub struct Upstream {
    pub addr: SocketAddr,
    pub seen: SeenLog,
}

impl Upstream {
    pub fn base(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    pub fn seen(&self) -> Vec<Seen> {
        self.seen.lock().unwrap().clone()
    }
}

/// Serves `router` on a free loopback port, recording every request and adding a
/// `Set-Cookie` to every answer (which the gateway must not pass on).
pub async fn serve(router: axum::Router) -> Upstream {
    let seen: SeenLog = Arc::default();
    let log = seen.clone();
    let router = router.layer(axum::middleware::from_fn(
        move |request: Request, next: Next| {
            let log = log.clone();
            async move {
                log.lock().unwrap().push(Seen {
                    method: request.method().to_string(),
                    uri: request.uri().to_string(),
                    headers: request.headers().clone(),
                });
                let mut response = next.run(request).await;
                response.headers_mut().insert(
                    header::SET_COOKIE,
                    HeaderValue::from_static("upstream=secret"),
                );
                response
            }
        },
    ));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, router).await });
    Upstream { addr, seen }
}

/// The Open311 test server with `config`, and its state.
pub async fn open311(
    config: open311_test_server::Config,
) -> (Upstream, open311_test_server::AppState) {
    let state = open311_test_server::AppState::new(config);
    let upstream = serve(open311_test_server::router(state.clone())).await;
    (upstream, state)
}

/// An upstream with the answers real servers should not give, under `/odd`.
pub async fn odd() -> Upstream {
    let big = || async {
        let body = vec![b' '; 1024 * 1024 + 1];
        ([(header::CONTENT_TYPE, "application/json")], body).into_response()
    };
    let router = axum::Router::new()
        .route("/odd/services.json", get(big))
        .route(
            "/odd/discovery.json",
            get(|| async { ([(header::CONTENT_TYPE, "application/octet-stream")], "x") }),
        )
        .route(
            "/odd/requests/maintenance.json",
            get(|| async {
                (
                    StatusCode::SERVICE_UNAVAILABLE,
                    [(header::CONTENT_TYPE, "text/plain")],
                    "En mantenimiento",
                )
            }),
        )
        .route(
            "/odd/requests/moved.json",
            get(|| async {
                (
                    StatusCode::FOUND,
                    [(header::LOCATION, "http://elsewhere.example/")],
                )
            }),
        )
        .route(
            "/odd/requests/bare.json",
            get(|| async { StatusCode::NOT_FOUND.into_response() }),
        );
    serve(router).await
}

/// A port that takes connections (the kernel's backlog does) and never answers.
pub fn silent() -> (std::net::TcpListener, SocketAddr) {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    (listener, addr)
}

/// A loopback port nobody listens on.
pub fn closed_port() -> SocketAddr {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    listener.local_addr().unwrap()
}

/// The app with the gateway to `base`, ending exchanges after `timeout`.
pub fn app_with_gateway(base: &str, timeout: Duration) -> TestApp {
    app_with(Gateway::new(base, timeout).unwrap())
}

/// The app with `gateway`.
pub fn app_with(gateway: Gateway) -> TestApp {
    let mut app = super::test_app();
    app.state.open311_gateway = Some(Arc::new(gateway));
    app.router = cc_server::app(app.state.clone());
    app
}
