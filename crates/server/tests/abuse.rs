//! Requests meant to stall or wear down the service: over-long lists, guessing access
//! codes, upload floods. Each is refused cheaply and without harming other citizens.

use std::net::{IpAddr, SocketAddr};
use std::sync::{mpsc, Arc};
use std::time::Duration;

use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::{header, Request, StatusCode};
use cc_core::intake::{AttachmentReceipt, CaseReceipt};
use cc_server::maintenance::{spawn_purges, Purges};
use cc_server::quota::{Quotas, UploadQuota};
use serde_json::{json, Value};

mod common;
use common::{send_to, test_app, valid_complaint, Answer, TestApp};

/// Runs `f` while another thread holds the database lock, and releases it after.
async fn with_database_busy<F: std::future::Future<Output = Answer>>(
    app: &TestApp,
    f: F,
) -> Option<Answer> {
    let (held, wait_held) = mpsc::channel();
    let (release, wait_release) = mpsc::channel::<()>();
    let db = app.state.db.clone();
    let holder = std::thread::spawn(move || {
        let _guard = db.lock().unwrap();
        held.send(()).unwrap();
        let _ = wait_release.recv();
    });
    wait_held.recv().unwrap();
    // Generous: a refusal that needs no database answers in milliseconds; one that
    // waits for the lock never answers while it is held.
    let answer = tokio::time::timeout(Duration::from_secs(10), f).await.ok();
    release.send(()).unwrap();
    holder.join().unwrap();
    answer
}

fn post(uri: &str, key: &str, body: &Value) -> Request<Body> {
    Request::post(uri)
        .header(header::CONTENT_TYPE, "application/json")
        .header("Idempotency-Key", key)
        .body(Body::from(body.to_string()))
        .unwrap()
}

fn many_ids(n: usize) -> Value {
    json!((0..n).map(|i| format!("id{i:08}")).collect::<Vec<_>>())
}

/// The owner, from an address that never failed, opens the case with the right code.
async fn owner_is_served(app: &common::TestApp, receipt: &CaseReceipt) {
    let owner = lookup_from(
        ip("198.51.100.20"),
        &[],
        &receipt.ticket,
        &receipt.access_code,
    );
    send_to(&app.router, owner).await.expect(StatusCode::OK);
}

#[tokio::test]
async fn an_overlong_attachment_list_is_refused_without_touching_the_database() {
    let app = test_app();
    let mut case = valid_complaint();
    case["attachments"] = many_ids(100_000);
    let request = post("/api/v1/cases", "clave-lista-larga", &case);
    let answer = with_database_busy(&app, send_to(&app.router, request))
        .await
        .expect("refused without waiting for the database");
    answer.expect(StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(answer.error_codes("attachments"), ["too_many"]);
}

#[tokio::test]
async fn an_overlong_reply_list_is_refused_without_touching_the_database() {
    let app = test_app();
    let reply = json!({ "message": "Aquí está el documento.", "attachments": many_ids(100_000) });
    let request = Request::post("/api/v1/cases/MDT-QUE-2026-00001/replies")
        .header(header::CONTENT_TYPE, "application/json")
        .header("Idempotency-Key", "clave-respuesta-larga")
        .header("X-Access-Code", "ABCD-EFGH-JKLM")
        .body(Body::from(reply.to_string()))
        .unwrap();
    let answer = with_database_busy(&app, send_to(&app.router, request))
        .await
        .expect("refused without waiting for the database");
    answer.expect(StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(answer.error_codes("attachments"), ["too_many"]);
}

async fn file_case(app: &TestApp, key: &str) -> CaseReceipt {
    send_to(&app.router, post("/api/v1/cases", key, &valid_complaint()))
        .await
        .expect(StatusCode::CREATED)
        .json()
}

/// A look-up as if it came over a connection from `peer`, with extra headers.
fn lookup_from(peer: IpAddr, headers: &[(&str, &str)], ticket: &str, code: &str) -> Request<Body> {
    let body = json!({ "ticket": ticket, "access_code": code });
    let mut request =
        Request::post("/api/v1/cases/lookup").header(header::CONTENT_TYPE, "application/json");
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    let mut request = request.body(Body::from(body.to_string())).unwrap();
    request
        .extensions_mut()
        .insert(ConnectInfo(SocketAddr::new(peer, 40_000)));
    request
}

const WRONG: &str = "2222-2222-2222";

fn ip(text: &str) -> IpAddr {
    text.parse().unwrap()
}

/// Sends `n` wrong look-ups of `ticket` from `peer`, each answered 404.
async fn fail(app: &TestApp, peer: &str, headers: &[(&str, &str)], ticket: &str, n: usize) {
    for _ in 0..n {
        send_to(&app.router, lookup_from(ip(peer), headers, ticket, WRONG))
            .await
            .expect(StatusCode::NOT_FOUND);
    }
}

#[tokio::test]
async fn the_owner_is_served_after_another_clients_failures() {
    let app = test_app();
    let receipt = file_case(&app, "clave-duena-1").await;
    fail(&app, "203.0.113.7", &[], &receipt.ticket, 5).await;
    let refused = send_to(
        &app.router,
        lookup_from(ip("203.0.113.7"), &[], &receipt.ticket, WRONG),
    )
    .await;
    refused.expect(StatusCode::TOO_MANY_REQUESTS);
    owner_is_served(&app, &receipt).await;
}

#[tokio::test]
async fn a_ticket_not_yet_issued_cannot_be_locked_in_advance() {
    let app = test_app();
    // Failures on the number the next case will get, from many addresses.
    let next = format!("MDT-QUE-{}-00001", common::today().year);
    for i in 1..=10 {
        fail(&app, &format!("203.0.113.{i}"), &[], &next, 5).await;
    }
    let receipt = file_case(&app, "clave-futuro-1").await;
    assert_eq!(receipt.ticket, next);
    owner_is_served(&app, &receipt).await;
}

#[tokio::test]
async fn ipv6_clients_are_limited_by_their_64_prefix() {
    let app = test_app();
    let receipt = file_case(&app, "clave-ipv6-1").await;
    for i in 1..=5 {
        fail(&app, &format!("2001:db8:5:6::{i}"), &[], &receipt.ticket, 1).await;
    }
    let same_64 = lookup_from(ip("2001:db8:5:6:ffff::9"), &[], &receipt.ticket, WRONG);
    send_to(&app.router, same_64)
        .await
        .expect(StatusCode::TOO_MANY_REQUESTS);
    let other_64 = lookup_from(
        ip("2001:db8:5:7::1"),
        &[],
        &receipt.ticket,
        &receipt.access_code,
    );
    send_to(&app.router, other_64).await.expect(StatusCode::OK);
}

#[tokio::test]
async fn x_forwarded_for_counts_only_from_the_trusted_proxy() {
    let mut app = test_app();
    app.state.trusted_proxy = Some(ip("10.0.0.1"));
    app.router = cc_server::app(app.state.clone());
    let receipt = file_case(&app, "clave-proxy-1").await;
    // From anyone else the header is ignored: rotating it buys no fresh attempts.
    for i in 0..5 {
        let forged = format!("192.0.2.{i}");
        fail(
            &app,
            "203.0.113.7",
            &[("x-forwarded-for", &forged)],
            &receipt.ticket,
            1,
        )
        .await;
    }
    let again = lookup_from(
        ip("203.0.113.7"),
        &[("x-forwarded-for", "192.0.2.99")],
        &receipt.ticket,
        WRONG,
    );
    send_to(&app.router, again)
        .await
        .expect(StatusCode::TOO_MANY_REQUESTS);
    // Behind the proxy each client is its own (the last entry is what the proxy saw),
    // and the proxy's other clients are not slowed by one of them.
    let via = [("x-forwarded-for", "192.0.2.50, 198.51.100.1")];
    fail(&app, "10.0.0.1", &via, &receipt.ticket, 5).await;
    let slowed = lookup_from(ip("10.0.0.1"), &via, &receipt.ticket, WRONG);
    send_to(&app.router, slowed)
        .await
        .expect(StatusCode::TOO_MANY_REQUESTS);
    let owner = lookup_from(
        ip("10.0.0.1"),
        &[("x-forwarded-for", "198.51.100.2")],
        &receipt.ticket,
        &receipt.access_code,
    );
    send_to(&app.router, owner).await.expect(StatusCode::OK);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn parallel_guesses_from_one_client_cannot_pass_the_limit() {
    let app = test_app();
    let receipt = file_case(&app, "clave-paralelo-1").await;
    let mut set = tokio::task::JoinSet::new();
    for _ in 0..200 {
        let router = app.router.clone();
        let request = lookup_from(ip("203.0.113.7"), &[], &receipt.ticket, WRONG);
        set.spawn(async move { send_to(&router, request).await.status });
    }
    let statuses = set.join_all().await;
    let checked = statuses
        .iter()
        .filter(|s| **s == StatusCode::NOT_FOUND)
        .count();
    let refused = statuses
        .iter()
        .filter(|s| **s == StatusCode::TOO_MANY_REQUESTS)
        .count();
    assert_eq!(checked, cc_server::ratelimit::PAIR_FREE_FAILURES);
    assert_eq!(checked + refused, 200);
}

fn upload_from(peer: &str, name: &str, bytes: Vec<u8>) -> Request<Body> {
    let mut request = Request::post(format!("/api/v1/attachments?name={name}"))
        .body(Body::from(bytes))
        .unwrap();
    request
        .extensions_mut()
        .insert(ConnectInfo(SocketAddr::new(ip(peer), 40_000)));
    request
}

/// A PDF of exactly `size` bytes.
fn pdf(size: usize) -> Vec<u8> {
    let mut bytes = b"%PDF-1.4\n".to_vec();
    bytes.resize(size, b' ');
    bytes
}

#[tokio::test]
async fn uploads_past_the_client_quota_are_refused_with_retry_after() {
    let mut app = test_app();
    let quotas = Quotas {
        per_client_bytes: 3 * 1024 * 1024,
        total_bytes: 5 * 1024 * 1024,
        window: Duration::from_secs(3600),
    };
    app.state.uploads = Arc::new(UploadQuota::with_clock(quotas, app.clock.clock()));
    app.router = cc_server::app(app.state.clone());
    let mib = 1024 * 1024;
    for i in 0..3 {
        let request = upload_from("203.0.113.7", &format!("f{i}.pdf"), pdf(mib));
        send_to(&app.router, request)
            .await
            .expect(StatusCode::CREATED);
    }
    let refused = send_to(&app.router, upload_from("203.0.113.7", "f3.pdf", pdf(mib))).await;
    refused.expect(StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(refused.problem().kind, "/problems/upload-quota");
    assert_eq!(refused.headers[header::RETRY_AFTER], "3600");
    // Others may still upload, until the total quota is used up too.
    for i in 0..2 {
        let request = upload_from(&format!("198.51.100.{i}"), "g.pdf", pdf(mib));
        send_to(&app.router, request)
            .await
            .expect(StatusCode::CREATED);
    }
    let request = upload_from("198.51.100.9", "h.pdf", pdf(mib));
    send_to(&app.router, request)
        .await
        .expect(StatusCode::TOO_MANY_REQUESTS);
    // An hour later the first client may upload again.
    app.clock.advance(Duration::from_secs(3600));
    let request = upload_from("203.0.113.7", "f4.pdf", pdf(mib));
    send_to(&app.router, request)
        .await
        .expect(StatusCode::CREATED);
}

#[tokio::test]
async fn the_purge_timer_removes_abandoned_uploads_and_old_idempotency_records() {
    let app = test_app();
    let kept = file_case(&app, "clave-purga-1").await;
    let abandoned: AttachmentReceipt =
        send_to(&app.router, upload_from("203.0.113.7", "a.pdf", pdf(100)))
            .await
            .expect(StatusCode::CREATED)
            .json();
    // Everything older than zero seconds goes: the timer's first round runs at once.
    let purges = Purges {
        every: Duration::from_millis(50),
        unlinked_uploads_after: Duration::ZERO,
        idempotency_records_after: Duration::ZERO,
    };
    // Rows made this second are not "older than now": wait for the next second.
    tokio::time::sleep(Duration::from_millis(1100)).await;
    let timer = spawn_purges(app.state.clone(), purges);
    let count = |sql: &str| -> i64 {
        app.state
            .db
            .lock()
            .unwrap()
            .query_row(sql, [], |r| r.get(0))
            .unwrap()
    };
    let mut waited = 0;
    while count("SELECT COUNT(*) FROM attachments") + count("SELECT COUNT(*) FROM idempotency_keys")
        > 0
    {
        assert!(waited < 100, "the purge did not run");
        tokio::time::sleep(Duration::from_millis(50)).await;
        waited += 1;
    }
    timer.abort();
    let gone = count(&format!(
        "SELECT COUNT(*) FROM attachments WHERE id = '{}'",
        abandoned.id
    ));
    assert_eq!(gone, 0);
    // The case itself stays.
    let found = cc_server::cases::find_case_by_ticket(&app.state.db.lock().unwrap(), &kept.ticket);
    assert!(found.unwrap().is_some());
}
