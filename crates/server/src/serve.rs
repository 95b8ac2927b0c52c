//! The HTTP server loop: accepts connections under a limit, gives each one deadlines
//! (headers, whole request, idle keep-alive), and stops within a deadline.
//!
//! `axum::serve` has none of these: a client that sends its headers one byte a minute
//! held a socket (and a file descriptor) forever, a thousand of them exhausted the
//! process, and shutdown waited for them. Here hyper's HTTP/1 connection does the
//! header deadline, tower-http the request deadline, and this loop the rest.

use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::extract::{ConnectInfo, Request};
use axum::Router;
use hyper::body::Incoming;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use tokio::net::TcpListener;
use tokio::sync::Semaphore;
use tower::ServiceExt;
use tower_http::timeout::TimeoutLayer;

/// Deadlines and limits of the server; `serve` takes them from its flags.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Time a client has to send a request's line and headers (also the time an idle
    /// keep-alive connection is kept waiting for the next request).
    pub header_read_timeout: Duration,
    /// Time a whole request may take, body and handler included (`408` after it).
    pub request_timeout: Duration,
    /// Connections served at once; more wait in the kernel's accept queue, costing
    /// this process nothing.
    pub max_connections: usize,
    /// After SIGTERM or Ctrl-C: time in-flight requests get before the process exits.
    pub shutdown_deadline: Duration,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            header_read_timeout: Duration::from_secs(10),
            request_timeout: Duration::from_secs(60),
            max_connections: 512,
            shutdown_deadline: Duration::from_secs(10),
        }
    }
}

/// Serves `router` on `listener` until `shutdown` resolves, then lets in-flight
/// requests finish for at most `limits.shutdown_deadline` (idle connections are
/// closed at once) and returns.
pub async fn serve(
    listener: TcpListener,
    router: Router,
    limits: Limits,
    shutdown: impl Future<Output = ()>,
) -> std::io::Result<()> {
    let router = router
        .layer(TimeoutLayer::with_status_code(
            axum::http::StatusCode::REQUEST_TIMEOUT,
            limits.request_timeout,
        ))
        // The API's 408 is problem+json like every other failure.
        .layer(axum::middleware::from_fn(
            crate::problem::plain_errors_as_problems,
        ));
    let permits = Arc::new(Semaphore::new(limits.max_connections.max(1)));
    let graceful = GracefulShutdown::new();
    let mut builder = hyper::server::conn::http1::Builder::new();
    builder
        .timer(TokioTimer::new())
        .header_read_timeout(limits.header_read_timeout)
        .keep_alive(true);
    tokio::pin!(shutdown);
    loop {
        // Wait for a free slot before accepting, so an over-limit client waits in the
        // kernel's queue instead of holding one of our file descriptors.
        let permit = tokio::select! {
            permit = permits.clone().acquire_owned() => match permit {
                Ok(permit) => permit,
                Err(_) => break,
            },
            () = &mut shutdown => break,
        };
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(e) => {
                    // Out of descriptors and the like: wait a little rather than spin.
                    tracing::warn!(error = %e, "accept failed");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let router = router.clone();
        let service = hyper::service::service_fn(move |mut request: Request<Incoming>| {
            // The client's address, for the per-client limits.
            request
                .extensions_mut()
                .insert(ConnectInfo::<SocketAddr>(peer));
            router.clone().oneshot(request)
        });
        let connection = builder.serve_connection(TokioIo::new(stream), service);
        let connection = graceful.watch(connection);
        tokio::spawn(async move {
            // Errors here are clients going away or timing out: not ours to report.
            if let Err(e) = connection.await {
                tracing::debug!(%peer, error = %e, "connection ended");
            }
            drop(permit);
        });
    }
    drop(listener);
    tracing::info!("shutting down: no new connections");
    if tokio::time::timeout(limits.shutdown_deadline, graceful.shutdown())
        .await
        .is_err()
    {
        tracing::warn!(
            deadline_secs = limits.shutdown_deadline.as_secs(),
            "shutdown deadline reached; dropping the remaining connections"
        );
    }
    Ok(())
}
