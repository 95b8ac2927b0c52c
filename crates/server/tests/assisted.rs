//! Assisted filing: a staff member checks their token, files a case for a person with
//! the channel it came in by, and sends the receipt through the notifier; the channel
//! shows in the tracking and staff views and in the transparency figures.

use std::sync::{Arc, Mutex};

use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use cc_core::channel::{Channel, Consent, ReceiptTo, StaffMember};
use cc_core::intake::CaseReceipt;
use cc_core::tracking::StaffCaseView;
use cc_core::transparency::{Figure, Transparency};
use cc_server::notify::{Notifier, NotifyError, ReceiptMessage};
use cc_server::{cases, staff_members};
use serde_json::{json, Value};

mod common;
use common::cases::{case_count, file_case, send, staff, stored_case, view};
use common::{test_app, valid_petition, Answer, TestApp, TOKEN};

/// A verbal petition for a person without e-mail (only a phone).
fn verbal_petition() -> Value {
    let mut case = valid_petition();
    case["email"] = Value::Null;
    case["phone"] = json!("+57 300 123 4567");
    case["channel"] = json!("verbal");
    case
}

async fn file_assisted(app: &TestApp, token: Option<&str>, key: &str, body: &Value) -> Answer {
    let mut request = Request::post("/api/v1/staff/cases")
        .header(header::CONTENT_TYPE, "application/json")
        .header("Idempotency-Key", key);
    if let Some(token) = token {
        request = request.header(header::AUTHORIZATION, format!("Bearer {token}"));
    }
    send(app, request.body(Body::from(body.to_string())).unwrap()).await
}

fn add_member(app: &TestApp, name: &str) -> String {
    staff_members::add_member(&app.state.db.lock().unwrap(), name, 0).unwrap()
}

#[tokio::test]
async fn me_names_the_member_of_a_valid_token_only() {
    let app = test_app();
    let token = add_member(&app, "Luisa Mamani");
    let me: StaffMember = staff(&app, Method::GET, "/me", Some(&token), None)
        .await
        .expect(StatusCode::OK)
        .json();
    assert_eq!(me.name, "Luisa Mamani");
    // The bootstrap token is the member `bootstrap`.
    let me: StaffMember = staff(&app, Method::GET, "/me", Some(TOKEN), None)
        .await
        .expect(StatusCode::OK)
        .json();
    assert_eq!(me.name, staff_members::BOOTSTRAP_MEMBER);
    // Missing, wrong and revoked tokens: 401 problem+json.
    for token in [None, Some("ccstaff_inventado")] {
        let answer = staff(&app, Method::GET, "/me", token, None).await;
        answer.expect(StatusCode::UNAUTHORIZED);
        assert_eq!(answer.problem().status, 401);
    }
    assert!(
        staff_members::revoke_member(&app.state.db.lock().unwrap(), "Luisa Mamani", 1).unwrap()
    );
    staff(&app, Method::GET, "/me", Some(&token), None)
        .await
        .expect(StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn filing_for_a_person_needs_a_valid_token() {
    let app = test_app();
    let token = add_member(&app, "Luisa Mamani");
    for token in [None, Some("ccstaff_inventado")] {
        let answer = file_assisted(&app, token, "asistido-sin-token", &verbal_petition()).await;
        answer.expect(StatusCode::UNAUTHORIZED);
        assert_eq!(answer.problem().status, 401);
    }
    staff_members::revoke_member(&app.state.db.lock().unwrap(), "Luisa Mamani", 1).unwrap();
    file_assisted(&app, Some(&token), "asistido-revocado", &verbal_petition())
        .await
        .expect(StatusCode::UNAUTHORIZED);
    assert_eq!(case_count(&app), 0);
}

#[tokio::test]
async fn an_assisted_case_records_its_channel_member_and_verbal_consent() {
    let app = test_app();
    let token = add_member(&app, "Luisa Mamani");
    let receipt: CaseReceipt =
        file_assisted(&app, Some(&token), "asistido-verbal-1", &verbal_petition())
            .await
            .expect(StatusCode::CREATED)
            .json();
    let web = file_case(&app, "caso-web-1").await;

    // The same due date and legal terms as the web's petition filed the same day.
    assert_eq!(receipt.due_date, web.due_date);
    assert_eq!(receipt.response_days, web.response_days);

    let stored = stored_case(&app, &receipt.ticket);
    assert_eq!(stored.channel, Channel::Verbal);
    assert_eq!(stored.taken_by.as_deref(), Some("Luisa Mamani"));
    assert_eq!(stored.consent, Consent::Verbal);
    assert_eq!(stored.email, None);
    let stored_web = stored_case(&app, &web.ticket);
    assert_eq!(
        (stored_web.channel, stored_web.taken_by, stored_web.consent),
        (Channel::Web, None, Consent::Online)
    );

    // The person tracks it with ticket and code and sees the channel.
    assert_eq!(view(&app, &receipt).await.channel, Channel::Verbal);
    assert_eq!(view(&app, &web).await.channel, Channel::Web);
    // Staff see the channel, who took it and how consent was given.
    let path = format!("/cases/{}", receipt.ticket);
    let seen: StaffCaseView = staff(&app, Method::GET, &path, Some(TOKEN), None)
        .await
        .expect(StatusCode::OK)
        .json();
    assert_eq!(seen.case.channel, Channel::Verbal);
    assert_eq!(seen.taken_by.as_deref(), Some("Luisa Mamani"));
    assert_eq!(seen.consent, Consent::Verbal);
    // The filing event names the member, like every staff event.
    let conn = app.state.db.lock().unwrap();
    let filed = cases::case_events(&conn, stored.id).unwrap()[0].id;
    assert_eq!(
        cases::staff_member_of(&conn, filed).unwrap().as_deref(),
        Some("Luisa Mamani")
    );
}

#[tokio::test]
async fn assisted_filing_is_validated_like_the_web_and_never_as_web() {
    let app = test_app();
    let mut web = verbal_petition();
    web["channel"] = json!("web");
    let answer = file_assisted(&app, Some(TOKEN), "asistido-web-1", &web).await;
    answer.expect(StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(answer.error_codes("channel"), ["not_assisted"]);

    let mut short = verbal_petition();
    short["description"] = json!("corto");
    short["consent"] = json!(false);
    let answer = file_assisted(&app, Some(TOKEN), "asistido-corto-1", &short).await;
    answer.expect(StatusCode::UNPROCESSABLE_ENTITY);
    assert!(!answer.error_codes("description").is_empty());
    assert_eq!(answer.error_codes("consent"), ["required"]);

    let mut fax = verbal_petition();
    fax["channel"] = json!("fax");
    file_assisted(&app, Some(TOKEN), "asistido-fax-1", &fax)
        .await
        .expect(StatusCode::BAD_REQUEST);
    let mut none = verbal_petition();
    none.as_object_mut().unwrap().remove("channel");
    file_assisted(&app, Some(TOKEN), "asistido-sin-canal", &none)
        .await
        .expect(StatusCode::BAD_REQUEST);
    assert_eq!(case_count(&app), 0);
}

#[tokio::test]
async fn one_case_per_key_like_citizen_filing() {
    let app = test_app();
    let first = file_assisted(&app, Some(TOKEN), "asistido-una-vez", &verbal_petition()).await;
    first.expect(StatusCode::CREATED);
    // The answer was lost: the retry gets the same bytes, and there is one case.
    let again = file_assisted(&app, Some(TOKEN), "asistido-una-vez", &verbal_petition()).await;
    again.expect(StatusCode::CREATED);
    assert_eq!(first.body, again.body);
    assert_eq!(case_count(&app), 1);
    // The same key with another body, or on the citizen's endpoint: refused.
    let mut other = verbal_petition();
    other["channel"] = json!("phone");
    let answer = file_assisted(&app, Some(TOKEN), "asistido-una-vez", &other).await;
    answer.expect(StatusCode::UNPROCESSABLE_ENTITY);
    assert!(answer.problem().kind.ends_with("idempotency-key-reused"));
    let answer = common::cases::post_case(&app, Some("asistido-una-vez"), &valid_petition()).await;
    answer.expect(StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(case_count(&app), 1);
    // Without a key: 400, nothing filed.
    let request = Request::post("/api/v1/staff/cases")
        .header(header::CONTENT_TYPE, "application/json")
        .header(header::AUTHORIZATION, format!("Bearer {TOKEN}"))
        .body(Body::from(verbal_petition().to_string()))
        .unwrap();
    send(&app, request).await.expect(StatusCode::BAD_REQUEST);
    assert_eq!(case_count(&app), 1);
}

/// A notifier that keeps what it was asked to send (the test holds another handle).
#[derive(Clone, Default)]
struct Recording(Arc<Mutex<Vec<(ReceiptTo, ReceiptMessage)>>>);

impl Notifier for Recording {
    fn send_receipt(&self, to: &ReceiptTo, receipt: &ReceiptMessage) -> Result<(), NotifyError> {
        self.0.lock().unwrap().push((to.clone(), receipt.clone()));
        Ok(())
    }
}

async fn send_receipt(app: &TestApp, ticket: &str, body: Value) -> Answer {
    let path = format!("/cases/{ticket}/receipt");
    staff(app, Method::POST, &path, Some(TOKEN), Some(body)).await
}

#[tokio::test]
async fn the_receipt_goes_to_the_notifier_with_the_case_and_its_code() {
    let mut app = test_app();
    let recording = Recording::default();
    app.state.notifier = Arc::new(recording.clone());
    app.router = cc_server::app(app.state.clone());
    let mut case = verbal_petition();
    case["language"] = json!("pt");
    let receipt: CaseReceipt = file_assisted(&app, Some(TOKEN), "asistido-recibo-1", &case)
        .await
        .expect(StatusCode::CREATED)
        .json();

    let code = receipt.access_code.clone();
    let answer = send_receipt(
        &app,
        &receipt.ticket,
        json!({"access_code": code, "phone": "300 123 4567"}),
    )
    .await;
    answer.expect(StatusCode::ACCEPTED);
    let sent: Value = answer.json();
    assert_eq!(sent, json!({"medium": "sms", "to": "••••••4567"}));
    {
        let seen = recording.0.lock().unwrap();
        let [(to, message)] = seen.as_slice() else {
            panic!("one receipt expected: {seen:?}");
        };
        assert_eq!(to, &ReceiptTo::Phone("3001234567".into()));
        assert_eq!(message.ticket, receipt.ticket);
        assert_eq!(message.access_code, receipt.access_code);
        assert_eq!(message.due_date, receipt.due_date);
        assert_eq!(message.filed_on, receipt.filed_on);
        assert_eq!(message.language, "pt");
        assert_eq!(message.case_type, "Petição");
    }

    // Refused, and nothing sent: a wrong code, no destination, both, a bad address,
    // an unknown ticket, no token.
    let wrong = common::cases::wrong_code(&code);
    let refusals = [
        (
            json!({"access_code": wrong, "email": "ana@correo.bo"}),
            "access_code",
            "wrong",
        ),
        (json!({"access_code": code}), "to", "required"),
        (
            json!({"access_code": code, "email": "ana@correo.bo", "phone": "3001234567"}),
            "to",
            "one_only",
        ),
        (
            json!({"access_code": code, "email": "ana@"}),
            "email",
            "format",
        ),
    ];
    for (body, field, code) in refusals {
        let answer = send_receipt(&app, &receipt.ticket, body).await;
        answer.expect(StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(answer.error_codes(field), [code]);
    }
    send_receipt(
        &app,
        "MDT-PET-2020-99999",
        json!({"access_code": code, "email": "ana@correo.bo"}),
    )
    .await
    .expect(StatusCode::NOT_FOUND);
    let path = format!("/cases/{}/receipt", receipt.ticket);
    let body = json!({"access_code": code, "email": "ana@correo.bo"});
    staff(&app, Method::POST, &path, None, Some(body))
        .await
        .expect(StatusCode::UNAUTHORIZED);
    assert_eq!(recording.0.lock().unwrap().len(), 1);
}

#[tokio::test]
async fn transparency_counts_each_case_under_its_channel() {
    let app = test_app();
    for i in 0..5 {
        file_case(&app, &format!("canal-web-{i:04}")).await;
        let mut phone = verbal_petition();
        phone["channel"] = json!("phone");
        file_assisted(&app, Some(TOKEN), &format!("canal-tel-{i:04}"), &phone)
            .await
            .expect(StatusCode::CREATED);
    }
    let request = Request::get("/api/v1/transparency")
        .body(Body::empty())
        .unwrap();
    let figures: Transparency = send(&app, request).await.expect(StatusCode::OK).json();
    let count = |key: &str| {
        figures
            .by_channel
            .iter()
            .find(|c| c.key == key)
            .map(|c| c.count)
    };
    assert_eq!(figures.cases, Figure::Published { value: 10 });
    assert_eq!(count("web"), Some(Figure::Published { value: 5 }));
    assert_eq!(count("phone"), Some(Figure::Published { value: 5 }));
}
