//! Attachments: sniffing by content, each refusal and its message, names in messages.

use super::*;

// Real file headers.
const JPEG_JFIF: &[u8] = b"\xFF\xD8\xFF\xE0\x00\x10JFIF\x00\x01\x01\x00\x00\x01";
const JPEG_EXIF: &[u8] = b"\xFF\xD8\xFF\xE1\x2F\xFEExif\x00\x00MM\x00\x2A";
const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\x00\x00\x00\x0DIHDR";
const GIF: &[u8] = b"GIF89a\x01\x00\x01\x00\x80\x00\x00\xFF\xFF\xFF";
const WEBP: &[u8] = b"RIFF\x24\x08\x00\x00WEBPVP8 ";
const PDF: &[u8] = b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0";
const HEIC: &[u8] = b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic";
const HEIF_MIF1: &[u8] = b"\x00\x00\x00\x1cftypmif1\x00\x00\x00\x00mif1heic";
const HEIX: &[u8] = b"\x00\x00\x00\x1cftypheix\x00\x00\x00\x00mif1heix";
const EXE: &[u8] = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xFF\xFF\x00\x00";
const ZIP_DOCX: &[u8] = b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00";
const MP4: &[u8] = b"\x00\x00\x00\x20ftypisom\x00\x00\x02\x00isom";
const WAV: &[u8] = b"RIFF\x24\x08\x00\x00WAVEfmt ";
const HTML: &[u8] = b"<!DOCTYPE html><html>";
const SVG: &[u8] = b"<svg xmlns=\"http://www.w3.org/2000/svg\">";

fn rules() -> IntakeRules {
    IntakeRules::default()
}

#[test]
fn sniffs_accepted_kinds() {
    assert_eq!(sniff(JPEG_JFIF), Some(AttachmentKind::Jpeg));
    assert_eq!(sniff(JPEG_EXIF), Some(AttachmentKind::Jpeg));
    assert_eq!(sniff(&[0xFF, 0xD8, 0xFF]), Some(AttachmentKind::Jpeg));
    assert_eq!(sniff(PNG), Some(AttachmentKind::Png));
    assert_eq!(sniff(GIF), Some(AttachmentKind::Gif));
    assert_eq!(sniff(b"GIF87a"), Some(AttachmentKind::Gif));
    assert_eq!(sniff(WEBP), Some(AttachmentKind::Webp));
    assert_eq!(sniff(PDF), Some(AttachmentKind::Pdf));
    assert_eq!(sniff(HEIC), Some(AttachmentKind::Heic));
    assert_eq!(sniff(HEIF_MIF1), Some(AttachmentKind::Heic));
    assert_eq!(sniff(HEIX), Some(AttachmentKind::Heic));
}

#[test]
fn refuses_other_content() {
    for head in [
        EXE,
        ZIP_DOCX,
        MP4,
        WAV,
        HTML,
        SVG,
        b"",
        b"\xFF\xD8",
        b"RIFF",
        b"%PD",
    ] {
        assert_eq!(sniff(head), None, "{head:?}");
    }
    // Truncated headers never panic.
    for n in 0..HEIC.len() {
        let _ = sniff(&HEIC[..n]);
        let _ = sniff(&WEBP[..n.min(WEBP.len())]);
    }
}

#[test]
fn media_types_and_extensions() {
    assert_eq!(AttachmentKind::Jpeg.media_type(), "image/jpeg");
    assert_eq!(AttachmentKind::Pdf.media_type(), "application/pdf");
    assert_eq!(AttachmentKind::Heic.media_type(), "image/heic");
    assert_eq!(AttachmentKind::Jpeg.extension(), "jpg");
    assert_eq!(AttachmentKind::Webp.extension(), "webp");
    for k in AttachmentKind::ALL {
        assert_eq!(AttachmentKind::from_media_type(k.media_type()), Some(k));
    }
    assert_eq!(
        AttachmentKind::from_media_type("IMAGE/PNG; q=1"),
        Some(AttachmentKind::Png)
    );
    assert_eq!(AttachmentKind::from_media_type("text/html"), None);
    assert!(!AttachmentKind::Pdf.is_image());
    assert!(AttachmentKind::Heic.is_image());
    assert_eq!(
        accept_attribute(),
        "image/jpeg,image/png,image/webp,image/gif,application/pdf,image/heic"
    );
}

#[test]
fn content_decides_not_the_name() {
    let r = rules();
    assert_eq!(
        check_attachment("foto.exe", 2_000, JPEG_JFIF, &r, 0),
        Ok(AttachmentKind::Jpeg)
    );
    assert_eq!(
        check_attachment("informe.pdf", 2_000, EXE, &r, 0),
        Err(AttachmentProblem::WrongType)
    );
    assert_eq!(
        check_attachment("IMG_0001.HEIC", 2_000_000, HEIC, &r, 2),
        Ok(AttachmentKind::Heic)
    );
}

#[test]
fn limits() {
    let r = rules();
    assert_eq!(
        check_attachment("vacio.pdf", 0, b"", &r, 0),
        Err(AttachmentProblem::Empty)
    );
    assert_eq!(
        check_attachment("informe.pdf", 10 * 1024 * 1024, PDF, &r, 0),
        Ok(AttachmentKind::Pdf)
    );
    assert_eq!(
        check_attachment("informe.pdf", 10 * 1024 * 1024 + 1, PDF, &r, 0),
        Err(AttachmentProblem::TooBig { max_mb: 10 })
    );
    assert_eq!(
        check_attachment("foto.jpg", 100, JPEG_JFIF, &r, 4),
        Ok(AttachmentKind::Jpeg)
    );
    assert_eq!(
        check_attachment("foto.jpg", 100, JPEG_JFIF, &r, 5),
        Err(AttachmentProblem::TooMany { max: 5 })
    );
    // The count is checked before the size and the content.
    assert_eq!(
        check_attachment("x", 0, b"", &r, 5),
        Err(AttachmentProblem::TooMany { max: 5 })
    );
    // The size before the content: the app checks it before reading the file.
    assert_eq!(
        check_attachment("video.mp4", 200 * 1024 * 1024, MP4, &r, 0),
        Err(AttachmentProblem::TooBig { max_mb: 10 })
    );
    let small = IntakeRules {
        max_attachment_bytes: 300 * 1024,
        ..rules()
    };
    assert_eq!(max_megabytes(&small), 1);
}

#[test]
fn codes_and_messages() {
    assert_eq!(AttachmentProblem::Empty.code(), "empty");
    assert_eq!(AttachmentProblem::TooBig { max_mb: 10 }.code(), "too_big");
    assert_eq!(AttachmentProblem::WrongType.code(), "wrong_type");
    assert_eq!(AttachmentProblem::TooMany { max: 5 }.code(), "too_many");
    assert_eq!(
        AttachmentProblem::WrongType.message_es("foto.exe"),
        "El archivo foto.exe no es una foto ni un PDF. Adjunte un archivo JPG, PNG o PDF."
    );
    assert_eq!(
        AttachmentProblem::TooBig { max_mb: 10 }.message_es("informe.pdf"),
        "El archivo informe.pdf pesa más de 10 MB. Adjunte un archivo más pequeño."
    );
    assert_eq!(
        AttachmentProblem::Empty.message_es("nota.pdf"),
        "El archivo nota.pdf está vacío. Revise que sea el archivo correcto y adjúntelo otra vez."
    );
    assert_eq!(
        AttachmentProblem::TooMany { max: 5 }.message_es("foto.jpg"),
        "Puede adjuntar hasta 5 archivos. Quite uno para adjuntar foto.jpg."
    );
    assert_eq!(
        AttachmentProblem::TooMany { max: 1 }.message_es(""),
        "Puede adjuntar hasta 1 archivo. Quite uno para adjuntar otro."
    );
    assert_eq!(
        AttachmentProblem::WrongType.message_es("  "),
        "El archivo no es una foto ni un PDF. Adjunte un archivo JPG, PNG o PDF."
    );
    let e = AttachmentProblem::WrongType.to_field_error("a.exe");
    assert_eq!(
        (e.field.as_str(), e.code.as_str()),
        ("attachments", "wrong_type")
    );
    for p in [
        AttachmentProblem::Empty,
        AttachmentProblem::TooBig { max_mb: 10 },
        AttachmentProblem::WrongType,
        AttachmentProblem::TooMany { max: 5 },
    ] {
        let m = p.message_es("x.pdf").to_lowercase();
        for banned in ["inválid", "por favor", "lo sentimos", "prohibid", "ilegal"] {
            assert!(!m.contains(banned), "{m}");
        }
    }
}

#[test]
fn display_names() {
    assert_eq!(display_name("C:\\fakepath\\foto.jpg"), "foto.jpg");
    assert_eq!(display_name("/home/ana/informe.pdf"), "informe.pdf");
    assert_eq!(display_name("foto\u{0}\n.jpg "), "foto.jpg");
    let long = format!("{}.pdf", "a".repeat(200));
    let shown = display_name(&long);
    assert_eq!(shown.chars().count(), NAME_MAX);
    assert!(shown.ends_with("aaaa.pdf") && shown.contains('…'));
    assert_eq!(display_name(""), "");
}
