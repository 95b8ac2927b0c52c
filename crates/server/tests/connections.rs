//! The real server loop on loopback with raw TCP clients: slow or idle clients are cut
//! off within their deadline while others are served, and shutdown has a deadline.

use std::time::{Duration, Instant};

use cc_server::serve::{serve, Limits};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::oneshot;

mod common;
use common::test_app;

const SHORT: Duration = Duration::from_millis(500);

struct Running {
    addr: std::net::SocketAddr,
    stop: Option<oneshot::Sender<()>>,
    task: tokio::task::JoinHandle<std::io::Result<()>>,
    _app: common::TestApp,
}

async fn start(limits: Limits) -> Running {
    let app = test_app();
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let (stop, stopped) = oneshot::channel::<()>();
    let router = app.router.clone();
    let task = tokio::spawn(serve(listener, router, limits, async {
        let _ = stopped.await;
    }));
    Running {
        addr,
        stop: Some(stop),
        task,
        _app: app,
    }
}

fn short_limits() -> Limits {
    Limits {
        header_read_timeout: SHORT,
        request_timeout: Duration::from_secs(5),
        max_connections: 16,
        shutdown_deadline: SHORT,
    }
}

/// A whole `GET /api/v1/config`: the status line of the answer (fails after 10 s).
async fn get_config(addr: std::net::SocketAddr) -> String {
    tokio::time::timeout(Duration::from_secs(10), get_config_now(addr))
        .await
        .expect("served within 10 s")
}

async fn get_config_now(addr: std::net::SocketAddr) -> String {
    let mut stream = TcpStream::connect(addr).await.unwrap();
    stream
        .write_all(b"GET /api/v1/config HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        .await
        .unwrap();
    let mut answer = Vec::new();
    stream.read_to_end(&mut answer).await.unwrap();
    String::from_utf8_lossy(&answer)
        .lines()
        .next()
        .unwrap_or("")
        .to_owned()
}

/// Reads until the server closes the stream; how long that took.
async fn time_to_close(stream: &mut TcpStream) -> Duration {
    let started = Instant::now();
    let mut buf = [0u8; 1024];
    let read = tokio::time::timeout(Duration::from_secs(10), async {
        loop {
            match stream.read(&mut buf).await {
                Ok(0) | Err(_) => break,
                Ok(_) => continue,
            }
        }
    })
    .await;
    assert!(read.is_ok(), "the server never closed the connection");
    started.elapsed()
}

#[tokio::test]
async fn a_slow_header_client_is_cut_off_while_others_are_served() {
    let server = start(short_limits()).await;
    let mut slow = TcpStream::connect(server.addr).await.unwrap();
    slow.write_all(b"GET /api/v1/config HTTP/1.1\r\nHost: x\r\n")
        .await
        .unwrap();
    // Another client meanwhile gets its answer.
    assert_eq!(get_config(server.addr).await, "HTTP/1.1 200 OK");
    // One more header byte now and then does not keep the slow one alive.
    let _ = slow.write_all(b"X").await;
    let took = time_to_close(&mut slow).await;
    assert!(took < Duration::from_secs(3), "closed after {took:?}");
}

#[tokio::test]
async fn an_idle_keep_alive_connection_is_closed() {
    let server = start(short_limits()).await;
    let mut idle = TcpStream::connect(server.addr).await.unwrap();
    idle.write_all(b"GET /api/v1/config HTTP/1.1\r\nHost: x\r\n\r\n")
        .await
        .unwrap();
    let mut buf = vec![0u8; 64 * 1024];
    let n = idle.read(&mut buf).await.unwrap();
    assert!(buf[..n].starts_with(b"HTTP/1.1 200 OK"));
    let took = time_to_close(&mut idle).await;
    assert!(took < Duration::from_secs(3), "closed after {took:?}");
}

#[tokio::test]
async fn connections_over_the_limit_wait_until_one_frees() {
    let limits = Limits {
        max_connections: 2,
        ..short_limits()
    };
    let server = start(limits).await;
    let _a = TcpStream::connect(server.addr).await.unwrap();
    let _b = TcpStream::connect(server.addr).await.unwrap();
    // Both slots are taken by silent clients; the third waits for their deadline
    // instead of being served at once — but it is served, not refused.
    let started = Instant::now();
    assert_eq!(get_config(server.addr).await, "HTTP/1.1 200 OK");
    assert!(started.elapsed() >= SHORT / 2);
}

#[tokio::test]
async fn shutdown_does_not_wait_for_slow_clients_past_its_deadline() {
    let limits = Limits {
        header_read_timeout: Duration::from_secs(60),
        ..short_limits()
    };
    let mut server = start(limits).await;
    let mut slow = TcpStream::connect(server.addr).await.unwrap();
    slow.write_all(b"GET /api/v1/config HTTP/1.1\r\n")
        .await
        .unwrap();
    tokio::time::sleep(Duration::from_millis(100)).await;
    let started = Instant::now();
    server.stop.take().unwrap().send(()).unwrap();
    tokio::time::timeout(Duration::from_secs(5), &mut server.task)
        .await
        .expect("serve returned within the deadline")
        .unwrap()
        .unwrap();
    assert!(started.elapsed() < Duration::from_secs(3));
}

#[tokio::test]
async fn a_request_with_a_slow_body_gets_a_408_problem_within_the_deadline() {
    let limits = Limits {
        header_read_timeout: Duration::from_secs(5),
        request_timeout: SHORT,
        ..short_limits()
    };
    let server = start(limits).await;
    let mut slow = TcpStream::connect(server.addr).await.unwrap();
    slow.write_all(
        b"POST /api/v1/attachments?name=a.pdf HTTP/1.1\r\nHost: x\r\nContent-Length: 100000\r\n\r\n%PDF",
    )
    .await
    .unwrap();
    let started = Instant::now();
    let mut answer = vec![0u8; 4096];
    let n = tokio::time::timeout(Duration::from_secs(5), slow.read(&mut answer))
        .await
        .expect("answered within the deadline")
        .unwrap();
    let answer = String::from_utf8_lossy(&answer[..n]);
    assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
    assert!(answer.contains("application/problem+json"), "{answer}");
    assert!(started.elapsed() < Duration::from_secs(3));
}
