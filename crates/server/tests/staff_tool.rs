//! The staff command-line tool against a real server over HTTP.

use std::net::SocketAddr;

use cc_core::tracking::CaseStatus;

mod common;
use common::cases::*;
use common::*;

/// The staff tool against a real server on a random port.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_staff_tool_works_over_http() {
    use cc_server::staff_cli::{run, StaffArgs, StaffCommand};

    let app = test_app();
    let receipt = file_case(&app, "clave-herramienta").await;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let service =
        cc_server::app(app.state.clone()).into_make_service_with_connect_info::<SocketAddr>();
    let server = tokio::spawn(async move { axum::serve(listener, service).await });

    let cli = |token: &str, command: StaffCommand| {
        let args = StaffArgs {
            url: url.clone(),
            token: token.into(),
            command,
        };
        tokio::task::spawn_blocking(move || {
            let mut out = Vec::new();
            run(&args, &mut out).map(|()| String::from_utf8(out).unwrap())
        })
    };

    let listed = cli(
        TOKEN,
        StaffCommand::List {
            status: None,
            agency: None,
        },
    )
    .await
    .unwrap()
    .unwrap();
    assert!(listed.starts_with("RADICADO"), "{listed}");
    assert!(listed.contains(&receipt.ticket), "{listed}");
    assert!(
        listed.contains("Ana Pérez · ana.perez@example.com"),
        "{listed}"
    );

    let typed = receipt.ticket.to_lowercase().replace('-', " ");
    let done = cli(
        TOKEN,
        StaffCommand::RequestInfo {
            ticket: typed.clone(),
            message: "Indique el número del contrato.".into(),
        },
    )
    .await
    .unwrap()
    .unwrap();
    assert!(done.contains("waiting_for_citizen"), "{done}");
    assert!(done.contains("Indique el número del contrato."), "{done}");
    assert_eq!(
        view(&app, &receipt).await.status,
        CaseStatus::WaitingForCitizen
    );

    let shown = cli(TOKEN, StaffCommand::Show { ticket: typed })
        .await
        .unwrap()
        .unwrap();
    assert!(shown.contains("se pidió información"), "{shown}");
    assert!(shown.contains("Necesito una copia certificada"), "{shown}");

    let refused = cli(
        "token-equivocado",
        StaffCommand::List {
            status: None,
            agency: None,
        },
    )
    .await
    .unwrap()
    .unwrap_err();
    assert!(refused.to_string().starts_with("401"), "{refused}");

    let invalid = cli(
        TOKEN,
        StaffCommand::Extend {
            ticket: receipt.ticket.clone(),
            date: "2001-01-01".into(),
            reason: "x".into(),
        },
    )
    .await
    .unwrap()
    .unwrap_err();
    assert!(
        invalid.to_string().contains("new_due_date (not_later)"),
        "{invalid}"
    );
    server.abort();
}
