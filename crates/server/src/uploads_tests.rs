use super::*;

/// A minimal JPEG: SOI, JFIF APP0, EXIF APP1 (with "GPS"), a comment, DQT, SOS, EOI.
pub(crate) fn jpeg_with_exif() -> Vec<u8> {
    let mut b = vec![0xFF, 0xD8];
    b.extend_from_slice(&[0xFF, 0xE0, 0x00, 0x10]);
    b.extend_from_slice(b"JFIF\0\x01\x01\0\0\x01\0\x01\0\0");
    let exif = b"Exif\0\0GPS -16.5000,-68.1500 Canon EOS";
    b.extend_from_slice(&[0xFF, 0xE1, 0x00, (exif.len() + 2) as u8]);
    b.extend_from_slice(exif);
    let comment = b"tomada en casa de Ana";
    b.extend_from_slice(&[0xFF, 0xFE, 0x00, (comment.len() + 2) as u8]);
    b.extend_from_slice(comment);
    b.extend_from_slice(&[0xFF, 0xDB, 0x00, 0x04, 0x00, 0x01]);
    b.extend_from_slice(&[0xFF, 0xDA, 0x00, 0x02, 0x12, 0x34, 0xFF, 0xD9]);
    b
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

#[test]
fn jpeg_metadata_is_removed_and_the_image_kept() {
    let original = jpeg_with_exif();
    let stripped = without_metadata(AttachmentKind::Jpeg, &original).unwrap();
    assert!(!contains(&stripped, b"Exif"));
    assert!(!contains(&stripped, b"GPS"));
    assert!(!contains(&stripped, b"casa de Ana"));
    assert!(contains(&stripped, b"JFIF"));
    assert!(stripped.ends_with(&[
        0xFF, 0xDB, 0x00, 0x04, 0x00, 0x01, 0xFF, 0xDA, 0x00, 0x02, 0x12, 0x34, 0xFF, 0xD9
    ]));
}

#[test]
fn broken_jpegs_are_refused() {
    let original = jpeg_with_exif();
    assert_eq!(
        without_metadata(AttachmentKind::Jpeg, &original[..10]),
        None
    );
    let mut bad_length = original.clone();
    bad_length[5] = 0x01; // APP0 length 1: less than its own two bytes
    assert_eq!(without_metadata(AttachmentKind::Jpeg, &bad_length), None);
    assert_eq!(
        without_metadata(AttachmentKind::Jpeg, &[0xFF, 0xD8, 0xFF]),
        None
    );
}

#[test]
fn png_text_chunks_are_removed() {
    let chunk = |kind: &[u8], data: &[u8]| {
        let mut c = (data.len() as u32).to_be_bytes().to_vec();
        c.extend_from_slice(kind);
        c.extend_from_slice(data);
        c.extend_from_slice(&[0, 0, 0, 0]); // CRC: copied, not checked
        c
    };
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    png.extend(chunk(b"IHDR", &[0; 13]));
    png.extend(chunk(b"tEXt", b"Author\0Ana Perez"));
    png.extend(chunk(b"eXIf", b"MM\0*GPS"));
    png.extend(chunk(b"IDAT", b"pixels"));
    png.extend(chunk(b"IEND", b""));
    png.extend_from_slice(b"<script>appended</script>");
    let stripped = without_metadata(AttachmentKind::Png, &png).unwrap();
    assert!(!contains(&stripped, b"Ana Perez"));
    assert!(!contains(&stripped, b"GPS"));
    assert!(!contains(&stripped, b"script"));
    assert!(contains(&stripped, b"IHDR") && contains(&stripped, b"IDAT"));
    assert!(stripped.ends_with(b"IEND\0\0\0\0"));
}

#[test]
fn the_stored_extension_is_the_sniffed_type() {
    assert_eq!(stored_name("poly.html", AttachmentKind::Gif), "poly.gif");
    assert_eq!(
        stored_name("factura.hta", AttachmentKind::Pdf),
        "factura.pdf"
    );
    assert_eq!(stored_name("foto.JPEG", AttachmentKind::Jpeg), "foto.JPEG");
    assert_eq!(stored_name("foto.jpg", AttachmentKind::Jpeg), "foto.jpg");
    assert_eq!(stored_name("escaneo", AttachmentKind::Pdf), "escaneo.pdf");
    assert_eq!(
        stored_name(".htaccess", AttachmentKind::Png),
        ".htaccess.png"
    );
    assert_eq!(stored_name("a.pdf.exe", AttachmentKind::Pdf), "a.pdf.pdf");
}

#[test]
fn webp_exif_and_xmp_chunks_are_removed() {
    let chunk = |kind: &[u8], data: &[u8]| {
        let mut c = kind.to_vec();
        c.extend_from_slice(&(data.len() as u32).to_le_bytes());
        c.extend_from_slice(data);
        if data.len() % 2 == 1 {
            c.push(0);
        }
        c
    };
    let mut body = b"WEBP".to_vec();
    body.extend(chunk(b"VP8X", &[0x0C, 0, 0, 0, 0, 0, 0, 0, 0, 0]));
    body.extend(chunk(b"VP8 ", b"image-data"));
    body.extend(chunk(b"EXIF", b"MM\0*GPS -16.5"));
    body.extend(chunk(b"XMP ", b"<x:xmpmeta>Canon</x:xmpmeta>"));
    let mut webp = b"RIFF".to_vec();
    webp.extend_from_slice(&(body.len() as u32).to_le_bytes());
    webp.extend(body);
    let stripped = without_metadata(AttachmentKind::Webp, &webp).unwrap();
    assert!(!contains(&stripped, b"GPS") && !contains(&stripped, b"Canon"));
    assert!(contains(&stripped, b"image-data"));
    let size = u32::from_le_bytes([stripped[4], stripped[5], stripped[6], stripped[7]]);
    assert_eq!(size as usize, stripped.len() - 8);
    assert_eq!(stripped[20], 0, "EXIF and XMP flags cleared in VP8X");
    assert_eq!(
        without_metadata(AttachmentKind::Webp, b"RIFF\0\0\0\0WAVE"),
        None
    );
}
