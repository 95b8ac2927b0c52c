//! Problems as one message; subcommands as staff actions.

use super::client::{problem_error, ticket_path};
use super::*;

#[test]
fn problems_read_as_one_message() {
    let body = r#"{"type":"/problems/validation","title":"Hay un problema","status":422,
        "errors":[{"field":"new_due_date","code":"too_long","message":"Demasiado"}]}"#;
    let text = problem_error(422, body).to_string();
    assert!(text.starts_with("422 Hay un problema"), "{text}");
    assert!(
        text.contains("new_due_date (too_long): Demasiado"),
        "{text}"
    );
    assert_eq!(
        problem_error(502, "<html>").to_string(),
        "the server answered 502"
    );
}

#[test]
fn subcommands_become_actions() {
    let command = StaffCommand::Extend {
        ticket: "mdt que 2026 1".into(),
        date: "2026-12-01".into(),
        reason: "Falta un informe".into(),
    };
    let (ticket, action) = action_of(&command).unwrap().unwrap();
    assert_eq!(ticket_path(ticket).unwrap(), "MDT-QUE-2026-00001");
    assert_eq!(
        action,
        StaffAction::Extend {
            reason: "Falta un informe".into(),
            new_due_date: "2026-12-01".into()
        }
    );
    let bad = StaffCommand::Status {
        ticket: "x".into(),
        status: "done".into(),
    };
    assert!(action_of(&bad).is_err());
    assert!(ticket_path("hola").is_err());
}
