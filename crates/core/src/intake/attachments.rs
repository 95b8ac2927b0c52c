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
#[path = "attachments_tests.rs"]
mod tests;
