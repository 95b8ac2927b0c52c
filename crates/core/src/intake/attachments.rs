//! Attachments: which files a case accepts, decided by their content (magic numbers),
//! never by the name's extension, and the plain-Spanish explanation when one is refused.

use crate::api::FieldError;
use crate::intake::IntakeRules;

/// Bytes from the start of a file that [`sniff`] needs to recognise every kind.
pub const SNIFF_LEN: usize = 16;

/// Field name of attachment errors in forms and problem+json.
pub const FIELD: &str = "attachments";

/// The file kinds a case accepts: photos and PDF documents.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AttachmentKind {
    Jpeg,
    Png,
    Webp,
    Gif,
    Pdf,
    /// HEIF/HEIC, what iPhones take photos in.
    Heic,
}

impl AttachmentKind {
    /// Every accepted kind.
    pub const ALL: [AttachmentKind; 6] = [
        AttachmentKind::Jpeg,
        AttachmentKind::Png,
        AttachmentKind::Webp,
        AttachmentKind::Gif,
        AttachmentKind::Pdf,
        AttachmentKind::Heic,
    ];

    /// IANA media type, for `Content-Type`.
    pub fn media_type(self) -> &'static str {
        match self {
            AttachmentKind::Jpeg => "image/jpeg",
            AttachmentKind::Png => "image/png",
            AttachmentKind::Webp => "image/webp",
            AttachmentKind::Gif => "image/gif",
            AttachmentKind::Pdf => "application/pdf",
            AttachmentKind::Heic => "image/heic",
        }
    }

    /// Usual file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            AttachmentKind::Jpeg => "jpg",
            AttachmentKind::Png => "png",
            AttachmentKind::Webp => "webp",
            AttachmentKind::Gif => "gif",
            AttachmentKind::Pdf => "pdf",
            AttachmentKind::Heic => "heic",
        }
    }

    /// Whether it is a photo (everything but PDF).
    pub fn is_image(self) -> bool {
        self != AttachmentKind::Pdf
    }

    /// The kind of a media type (parameters such as `; charset` ignored), for the
    /// `accept` attribute round trip.
    pub fn from_media_type(media_type: &str) -> Option<AttachmentKind> {
        let essence = media_type.split(';').next().unwrap_or("").trim();
        AttachmentKind::ALL
            .into_iter()
            .find(|k| k.media_type().eq_ignore_ascii_case(essence))
    }
}

/// Comma-separated media types for an `<input type="file" accept>` attribute.
pub fn accept_attribute() -> String {
    AttachmentKind::ALL
        .iter()
        .map(|k| k.media_type())
        .collect::<Vec<_>>()
        .join(",")
}

/// The kind of a file from its first bytes (pass at least [`SNIFF_LEN`]); `None` when it
/// is none of the accepted kinds.
pub fn sniff(bytes: &[u8]) -> Option<AttachmentKind> {
    if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some(AttachmentKind::Jpeg)
    } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some(AttachmentKind::Png)
    } else if bytes.starts_with(b"GIF87a") || bytes.starts_with(b"GIF89a") {
        Some(AttachmentKind::Gif)
    } else if bytes.starts_with(b"%PDF-") {
        Some(AttachmentKind::Pdf)
    } else if bytes.len() >= 12 && bytes.starts_with(b"RIFF") && &bytes[8..12] == b"WEBP" {
        Some(AttachmentKind::Webp)
    } else if bytes.len() >= 12
        && &bytes[4..8] == b"ftyp"
        && matches!(&bytes[8..12], b"heic" | b"heix" | b"mif1")
    {
        Some(AttachmentKind::Heic)
    } else {
        None
    }
}

/// Why a file cannot be attached.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AttachmentProblem {
    /// Zero bytes.
    Empty,
    /// Over the deployment's size limit, in whole megabytes.
    TooBig { max_mb: u64 },
    /// Not a photo nor a PDF (by content).
    WrongType,
    /// The case already has the most attachments allowed.
    TooMany { max: usize },
}

/// Longest file name quoted in a message, in characters.
const NAME_MAX: usize = 60;

/// The name as a message should quote it: no folders (`C:\fakepath\foto.jpg`), no
/// control characters, shortened in the middle when very long. Empty when nothing is left.
pub fn display_name(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or("");
    let clean: Vec<char> = base
        .chars()
        .filter(|c| !c.is_control())
        .collect::<String>()
        .trim()
        .chars()
        .collect();
    if clean.len() <= NAME_MAX {
        return clean.into_iter().collect();
    }
    // Keep the end, where the extension the person recognises is.
    let keep_end = 15;
    let keep_start = NAME_MAX - keep_end - 1;
    let mut out: String = clean[..keep_start].iter().collect();
    out.push('…');
    out.extend(&clean[clean.len() - keep_end..]);
    out
}

impl AttachmentProblem {
    /// Stable code for problem+json and translations.
    pub fn code(&self) -> &'static str {
        match self {
            AttachmentProblem::Empty => "empty",
            AttachmentProblem::TooBig { .. } => "too_big",
            AttachmentProblem::WrongType => "wrong_type",
            AttachmentProblem::TooMany { .. } => "too_many",
        }
    }

    /// What is wrong and what to do, in plain Spanish, naming the file.
    pub fn message_es(&self, name: &str) -> String {
        let name = display_name(name);
        let file = if name.is_empty() {
            "El archivo".to_string()
        } else {
            format!("El archivo {name}")
        };
        match self {
            AttachmentProblem::Empty => format!(
                "{file} está vacío. Revise que sea el archivo correcto y adjúntelo otra vez."
            ),
            AttachmentProblem::TooBig { max_mb } => {
                format!("{file} pesa más de {max_mb} MB. Adjunte un archivo más pequeño.")
            }
            AttachmentProblem::WrongType => {
                format!("{file} no es una foto ni un PDF. Adjunte un archivo JPG, PNG o PDF.")
            }
            AttachmentProblem::TooMany { max } => {
                let files = if *max == 1 { "archivo" } else { "archivos" };
                let target = if name.is_empty() {
                    "otro".to_string()
                } else {
                    name
                };
                format!("Puede adjuntar hasta {max} {files}. Quite uno para adjuntar {target}.")
            }
        }
    }

    /// The problem as a form error on the `attachments` field.
    pub fn to_field_error(&self, name: &str) -> FieldError {
        FieldError::new(FIELD, self.code(), self.message_es(name))
    }
}

const MEBIBYTE: u64 = 1024 * 1024;

/// The size limit in whole megabytes for messages (rounded, at least 1).
pub fn max_megabytes(rules: &IntakeRules) -> u64 {
    ((rules.max_attachment_bytes + MEBIBYTE / 2) / MEBIBYTE).max(1)
}

/// Whether a file may be attached: the count, then the size, then the content (`head`
/// is the file's first bytes, at least [`SNIFF_LEN`] of them). The name is only used in
/// messages; its extension is not trusted.
pub fn check_attachment(
    name: &str,
    bytes_len: u64,
    head: &[u8],
    rules: &IntakeRules,
    already_attached: usize,
) -> Result<AttachmentKind, AttachmentProblem> {
    let _ = name;
    if already_attached >= rules.max_attachments {
        return Err(AttachmentProblem::TooMany {
            max: rules.max_attachments,
        });
    }
    if bytes_len == 0 {
        return Err(AttachmentProblem::Empty);
    }
    if bytes_len > rules.max_attachment_bytes {
        return Err(AttachmentProblem::TooBig {
            max_mb: max_megabytes(rules),
        });
    }
    sniff(head).ok_or(AttachmentProblem::WrongType)
}

#[cfg(test)]
mod tests {
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
}
