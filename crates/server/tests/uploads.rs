//! What happens to an uploaded file: stored under the extension of its real type,
//! without photo metadata, and never shared between citizens.

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use cc_core::intake::{AttachmentReceipt, CaseReceipt};
use serde_json::json;

mod common;
use common::{send_to, test_app, valid_complaint, Answer, TestApp};

async fn upload(app: &TestApp, name: &str, bytes: &[u8]) -> AttachmentReceipt {
    let request = Request::post(format!("/api/v1/attachments?name={name}"))
        .body(Body::from(bytes.to_vec()))
        .unwrap();
    send_to(&app.router, request)
        .await
        .expect(StatusCode::CREATED)
        .json()
}

async fn file_with(app: &TestApp, key: &str, ids: &[&str]) -> Answer {
    let mut case = valid_complaint();
    case["attachments"] = json!(ids);
    let request = Request::post("/api/v1/cases")
        .header(header::CONTENT_TYPE, "application/json")
        .header("Idempotency-Key", key)
        .body(Body::from(case.to_string()))
        .unwrap();
    send_to(&app.router, request).await
}

async fn download(app: &TestApp, receipt: &CaseReceipt, id: &str) -> Answer {
    let request = Request::get(format!("/api/v1/cases/{}/attachments/{id}", receipt.ticket))
        .header("X-Access-Code", &receipt.access_code)
        .body(Body::empty())
        .unwrap();
    let answer = send_to(&app.router, request).await;
    answer.expect(StatusCode::OK);
    answer
}

/// Files one upload and downloads it back.
async fn round_trip(app: &TestApp, name: &str, bytes: &[u8]) -> (AttachmentReceipt, Answer) {
    let uploaded = upload(app, name, bytes).await;
    let receipt: CaseReceipt = file_with(app, &format!("clave-{name}"), &[&uploaded.id])
        .await
        .expect(StatusCode::CREATED)
        .json();
    let file = download(app, &receipt, &uploaded.id).await;
    (uploaded, file)
}

fn disposition(answer: &Answer) -> String {
    answer.headers[header::CONTENT_DISPOSITION]
        .to_str()
        .unwrap()
        .to_owned()
}

#[tokio::test]
async fn a_gif_html_polyglot_keeps_no_executable_extension() {
    let app = test_app();
    let polyglot = b"GIF89a/*<html><script>alert(document.domain)</script></html>*/";
    let (uploaded, file) = round_trip(&app, "poly.html", polyglot).await;
    assert_eq!(uploaded.name, "poly.gif");
    assert_eq!(file.headers[header::CONTENT_TYPE], "image/gif");
    assert!(
        disposition(&file).contains("filename=\"poly.gif\""),
        "{}",
        disposition(&file)
    );
    assert!(!disposition(&file).contains(".html"));
}

#[tokio::test]
async fn a_pdf_named_hta_is_stored_as_pdf() {
    let app = test_app();
    let pdf = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n";
    let (uploaded, file) = round_trip(&app, "factura.hta", pdf).await;
    assert_eq!(uploaded.name, "factura.pdf");
    assert!(disposition(&file).contains("filename=\"factura.pdf\""));
}

#[tokio::test]
async fn exif_is_gone_from_a_downloaded_jpeg() {
    let app = test_app();
    let mut jpeg = vec![0xFF, 0xD8, 0xFF, 0xE1, 0x00, 0x20];
    jpeg.extend_from_slice(b"Exif\0\0GPS -16.5,-68.15 Canon E");
    jpeg.extend_from_slice(&[0xFF, 0xDB, 0x00, 0x04, 0x00, 0x01]);
    jpeg.extend_from_slice(&[0xFF, 0xDA, 0x00, 0x02, 0x12, 0x34, 0xFF, 0xD9]);
    let (uploaded, file) = round_trip(&app, "foto.jpg", &jpeg).await;
    assert_eq!(uploaded.name, "foto.jpg");
    assert_eq!(uploaded.size, file.body.len() as u64);
    let has = |needle: &[u8]| file.body.windows(needle.len()).any(|w| w == needle);
    assert!(!has(b"Exif") && !has(b"GPS") && !has(b"Canon"));
    assert!(file.body.starts_with(&[0xFF, 0xD8]) && file.body.ends_with(&[0xFF, 0xD9]));
}

#[tokio::test]
async fn two_citizens_sending_the_same_file_can_both_file() {
    let app = test_app();
    let pdf = b"%PDF-1.4\n% the same bytes\n%%EOF\n";
    let first = upload(&app, "carta.pdf", pdf).await;
    let second = upload(&app, "carta.pdf", pdf).await;
    assert_ne!(first.id, second.id);
    file_with(&app, "clave-ciudadana-1", &[&first.id])
        .await
        .expect(StatusCode::CREATED);
    file_with(&app, "clave-ciudadana-2", &[&second.id])
        .await
        .expect(StatusCode::CREATED);
}
