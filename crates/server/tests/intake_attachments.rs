//! Uploads at filing: accepted by content and linked to the case; disguised, too
//! large or nameless files refused.

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use cc_core::intake::{AttachmentReceipt, CaseReceipt};
use cc_server::cases;
use serde_json::json;

mod common;
use common::cases::*;
use common::*;

#[tokio::test]
async fn a_png_is_accepted_by_its_content_and_linked_to_the_case() {
    let app = test_app();
    // The declared Content-Type is ignored: the bytes say PNG.
    let answer = upload(&app, "foto.png", "text/plain", PNG.to_vec()).await;
    answer.expect(StatusCode::CREATED);
    let attachment: AttachmentReceipt = answer.json();
    assert_eq!(attachment.media_type, "image/png");
    assert_eq!(attachment.size, PNG.len() as u64);
    assert_eq!(attachment.name, "foto.png");

    // Every upload is its own, even with the same name and bytes.
    let again: AttachmentReceipt = upload(&app, "foto.png", "image/png", PNG.to_vec())
        .await
        .json();
    assert_ne!(again.id, attachment.id);

    let mut case = valid_complaint();
    case["attachments"] = json!([attachment.id]);
    let answer = post_case(&app, Some("clave-adjunto-1"), &case).await;
    assert_eq!(answer.status, StatusCode::CREATED);
    let receipt: CaseReceipt = answer.json();
    let stored = stored_case(&app, &receipt.ticket);
    let linked = cases::case_attachments(&app.state.db.lock().unwrap(), stored.id).unwrap();
    assert_eq!(linked, std::slice::from_ref(&attachment));

    // Once linked it belongs to that case only; unknown ids are refused too.
    for id in [attachment.id.as_str(), "0123456789abcdef0123456789abcdef"] {
        let mut case = valid_complaint();
        case["attachments"] = json!([id]);
        let answer = post_case(&app, Some(&format!("clave-otro-{id}")), &case).await;
        assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(!answer.error_codes("attachments").is_empty());
    }
    assert_eq!(case_count(&app), 1);

    // The same bytes uploaded after linking are a new, unlinked upload.
    let fresh: AttachmentReceipt = upload(&app, "foto.png", "image/png", PNG.to_vec())
        .await
        .json();
    assert_ne!(fresh.id, attachment.id);
}

#[tokio::test]
async fn a_disguised_file_is_refused_as_wrong_type() {
    let app = test_app();
    let mut exe = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff".to_vec();
    exe.resize(512, 0);
    for bytes in [exe, b"hola, esto es texto y no una foto".to_vec()] {
        let answer = upload(&app, "foto.jpg", "image/jpeg", bytes).await;
        assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(answer.error_codes("attachments"), ["wrong_type"]);
        let message = &answer.problem().errors[0].message;
        assert!(!message.is_empty());
    }
}

#[tokio::test]
async fn a_file_over_the_limit_is_refused() {
    let app = test_app();
    let max = app.state.deployment.intake.max_attachment_bytes as usize;
    let mut big = PNG.to_vec();
    big.resize(max + 1, 0);
    let answer = upload(&app, "enorme.png", "image/png", big).await;
    assert_eq!(answer.status, StatusCode::PAYLOAD_TOO_LARGE);
    let codes = answer.error_codes("attachments");
    assert_eq!(codes.len(), 1, "{codes:?}");
    let streamed_code = codes[0].clone();

    // Announced by Content-Length: refused before reading the body.
    let request = Request::post("/api/v1/attachments?name=enorme.png")
        .header(header::CONTENT_LENGTH, (max + 1).to_string())
        .body(Body::empty())
        .unwrap();
    let answer = send(&app, request).await;
    assert_eq!(answer.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(answer.error_codes("attachments"), [streamed_code]);

    // Exactly the limit is fine.
    let mut fits = PNG.to_vec();
    fits.resize(max, 0);
    let answer = upload(&app, "justo.png", "image/png", fits).await;
    assert_eq!(answer.status, StatusCode::CREATED);
}

#[tokio::test]
async fn an_upload_needs_a_name() {
    let app = test_app();
    let request = Request::post("/api/v1/attachments")
        .body(Body::from(PNG.to_vec()))
        .unwrap();
    let answer = send(&app, request).await;
    assert_eq!(answer.status, StatusCode::BAD_REQUEST);
    assert_eq!(answer.problem().status, 400);
}
