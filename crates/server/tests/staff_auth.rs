//! Staff credentials: per member, hashed, revocable; wrong tokens refused, throttled
//! and logged; every staff event records who acted.

use std::net::SocketAddr;

use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::{header, Request, StatusCode};
use cc_server::{cases, staff_members};
use serde_json::json;

mod common;
use common::cases::file_case;
use common::{send_to, test_app, Answer, TestApp, TOKEN};

async fn list_as(app: &TestApp, token: &str, peer: [u8; 4]) -> Answer {
    let mut request = Request::get("/api/v1/staff/cases")
        .header(header::AUTHORIZATION, format!("Bearer {token}"))
        .body(Body::empty())
        .unwrap();
    request
        .extensions_mut()
        .insert(ConnectInfo(SocketAddr::from((peer, 40_000))));
    send_to(&app.router, request).await
}

#[tokio::test]
async fn a_wrong_staff_token_is_refused() {
    let app = test_app();
    list_as(&app, TOKEN, [198, 51, 100, 1])
        .await
        .expect(StatusCode::OK);
    for wrong in [
        "x",
        "token-de-prueba",
        "token-de-prueba-01234567890",
        " ",
        "Bearer",
    ] {
        list_as(&app, wrong, [198, 51, 100, 2])
            .await
            .expect(StatusCode::UNAUTHORIZED);
    }
}

async fn assign_as(app: &TestApp, token: &str, ticket: &str) -> Answer {
    let mut request = Request::post(format!("/api/v1/staff/cases/{ticket}/events"))
        .header(header::AUTHORIZATION, format!("Bearer {token}"))
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(json!({"action": "assign"}).to_string()))
        .unwrap();
    request
        .extensions_mut()
        .insert(ConnectInfo(SocketAddr::from(([198, 51, 100, 1], 40_000))));
    send_to(&app.router, request).await
}

/// The staff member recorded with the case's latest event.
fn last_event_member(app: &TestApp, ticket: &str) -> Option<String> {
    let conn = app.state.db.lock().unwrap();
    let case = cases::find_case_by_ticket(&conn, ticket).unwrap().unwrap();
    let last = cases::case_events(&conn, case.id).unwrap().pop().unwrap();
    cases::staff_member_of(&conn, last.id).unwrap()
}

#[tokio::test]
async fn each_member_has_a_revocable_token_and_events_name_who_acted() {
    let app = test_app();
    let receipt = file_case(&app, "clave-personal-1").await;
    let token =
        staff_members::add_member(&app.state.db.lock().unwrap(), "Luisa Mamani", 0).unwrap();

    assign_as(&app, &token, &receipt.ticket)
        .await
        .expect(StatusCode::CREATED);
    assert_eq!(
        last_event_member(&app, &receipt.ticket).as_deref(),
        Some("Luisa Mamani")
    );
    {
        // The citizen's own events name nobody.
        let conn = app.state.db.lock().unwrap();
        let case = cases::find_case_by_ticket(&conn, &receipt.ticket)
            .unwrap()
            .unwrap();
        let filed = cases::case_events(&conn, case.id).unwrap()[0].id;
        assert_eq!(cases::staff_member_of(&conn, filed).unwrap(), None);
        assert!(staff_members::revoke_member(&conn, "Luisa Mamani", 1).unwrap());
    }

    assign_as(&app, &token, &receipt.ticket)
        .await
        .expect(StatusCode::UNAUTHORIZED);
    // The bootstrap token acts as `bootstrap`.
    assign_as(&app, TOKEN, &receipt.ticket)
        .await
        .expect(StatusCode::CREATED);
    assert_eq!(
        last_event_member(&app, &receipt.ticket).as_deref(),
        Some("bootstrap")
    );
}

#[tokio::test]
async fn wrong_tokens_are_throttled_per_client() {
    let app = test_app();
    for _ in 0..5 {
        list_as(&app, "ccstaff_adivinado", [203, 0, 113, 7])
            .await
            .expect(StatusCode::UNAUTHORIZED);
    }
    let throttled = list_as(&app, "ccstaff_otro", [203, 0, 113, 7]).await;
    throttled.expect(StatusCode::TOO_MANY_REQUESTS);
    assert!(throttled.headers.contains_key(header::RETRY_AFTER));
    // Staff elsewhere go on working.
    list_as(&app, TOKEN, [198, 51, 100, 1])
        .await
        .expect(StatusCode::OK);
}
