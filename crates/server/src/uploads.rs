//! What an uploaded file becomes before it is stored: a name whose extension is the
//! one of its sniffed type, and images without the metadata that identifies people.
//!
//! The type is decided by content (`cc_core::intake::attachments::sniff`); the name
//! the person chose is only shown back. Keeping its extension let a GIF/HTML polyglot
//! named `poly.html` be downloaded as `poly.html` (and a PDF as `factura.hta`), and
//! photos kept their EXIF GPS position, even on anonymous denuncias.

use cc_core::intake::attachments::AttachmentKind;

/// `name` with the extension of `kind`: the last extension is replaced unless it
/// already names that type (`foto.jpeg` stays, `poly.html` becomes `poly.gif`).
pub fn stored_name(name: &str, kind: AttachmentKind) -> String {
    let (stem, ext) = match name.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() => (stem, Some(ext)),
        _ => (name, None),
    };
    let same_type = ext.is_some_and(|ext| {
        let ext = ext.to_ascii_lowercase();
        ext == kind.extension() || (kind == AttachmentKind::Jpeg && ext == "jpeg")
    });
    match ext {
        Some(ext) if same_type => format!("{stem}.{ext}"),
        _ => format!("{stem}.{}", kind.extension()),
    }
}

/// The bytes to store: metadata removed from JPEG and PNG; other types as they are.
/// `None` when an image's structure is broken (refused rather than stored unchecked).
pub fn without_metadata(kind: AttachmentKind, bytes: &[u8]) -> Option<Vec<u8>> {
    match kind {
        AttachmentKind::Jpeg => strip_jpeg(bytes),
        AttachmentKind::Png => strip_png(bytes),
        AttachmentKind::Webp => strip_webp(bytes),
        // GIF has no standard place for camera data or position; PDF metadata is the
        // sender's document, not their device; HEIC would need a full ISO-BMFF
        // rewrite (not done: see the notes of the change).
        _ => Some(bytes.to_vec()),
    }
}

/// JPEG segments before the image data: APP1 (EXIF, with GPS and camera; XMP),
/// APP3–APP13 and APP15 (vendor data, IPTC in APP13) and COM (comments) are dropped.
/// Kept: APP0 (JFIF), APP2 (ICC colour profile) and APP14 (Adobe: needed to decode
/// CMYK colours), and every non-APP marker. From SOS on, bytes are copied unchanged.
/// No re-encoding, so the picture is untouched — but the EXIF orientation goes too, so
/// a photo taken sideways may show sideways (the price of not re-encoding).
fn strip_jpeg(bytes: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(bytes.len());
    out.extend_from_slice(bytes.get(..2).filter(|soi| *soi == [0xFF, 0xD8])?);
    let mut at = 2;
    loop {
        // Markers may be padded with extra 0xFF bytes.
        while bytes.get(at) == Some(&0xFF) && bytes.get(at + 1) == Some(&0xFF) {
            at += 1;
        }
        let marker = *bytes.get(at + 1).filter(|_| bytes.get(at) == Some(&0xFF))?;
        match marker {
            // Start of scan or end of image: the rest is image data.
            0xDA | 0xD9 => {
                out.extend_from_slice(&bytes[at..]);
                return Some(out);
            }
            // Markers without a length.
            0x01 | 0xD0..=0xD7 => {
                out.extend_from_slice(&bytes[at..at + 2]);
                at += 2;
            }
            _ => {
                let len_bytes = bytes.get(at + 2..at + 4)?;
                let len = usize::from(u16::from_be_bytes([len_bytes[0], len_bytes[1]]));
                let end = at
                    .checked_add(2 + len)
                    .filter(|&e| len >= 2 && e <= bytes.len())?;
                let drop = matches!(marker, 0xE1 | 0xE3..=0xED | 0xEF | 0xFE);
                if !drop {
                    out.extend_from_slice(&bytes[at..end]);
                }
                at = end;
            }
        }
    }
}

/// PNG chunks of text (`tEXt`, `zTXt`, `iTXt`), EXIF (`eXIf`) and time (`tIME`) are
/// dropped; the others (the image, colour and transparency) are copied with their CRC,
/// and nothing after `IEND`. Where the chunk structure breaks, the rest is copied as
/// it is: PNG decoders stop at a broken chunk, so nothing there is ever read as
/// metadata (and slightly damaged files people send still go through).
fn strip_png(bytes: &[u8]) -> Option<Vec<u8>> {
    const SIGNATURE: &[u8] = b"\x89PNG\r\n\x1a\n";
    let mut out = Vec::with_capacity(bytes.len());
    out.extend_from_slice(bytes.get(..8).filter(|s| *s == SIGNATURE)?);
    let mut at = 8;
    while at < bytes.len() {
        let Some(end) = png_chunk_end(bytes, at) else {
            out.extend_from_slice(&bytes[at..]);
            break;
        };
        let kind = &bytes[at + 4..at + 8];
        if !matches!(kind, b"tEXt" | b"zTXt" | b"iTXt" | b"eXIf" | b"tIME") {
            out.extend_from_slice(&bytes[at..end]);
        }
        at = end;
        if kind == b"IEND" {
            break;
        }
    }
    Some(out)
}

/// Where the chunk starting at `at` ends (length, type, data, CRC), if it fits.
fn png_chunk_end(bytes: &[u8], at: usize) -> Option<usize> {
    let header = bytes.get(at..at.checked_add(8)?)?;
    let len = usize::try_from(u32::from_be_bytes([
        header[0], header[1], header[2], header[3],
    ]))
    .ok()?;
    at.checked_add(12)?
        .checked_add(len)
        .filter(|&end| end <= bytes.len())
}

/// WebP `EXIF` and `XMP ` chunks are dropped, their flags cleared in `VP8X` and the
/// RIFF size fixed; other chunks (the image, alpha, animation, colour profile) stay.
/// `None` when the RIFF structure is broken.
fn strip_webp(bytes: &[u8]) -> Option<Vec<u8>> {
    const EXIF_FLAG: u8 = 0x08;
    const XMP_FLAG: u8 = 0x04;
    if bytes.get(..4)? != b"RIFF" || bytes.get(8..12)? != b"WEBP" {
        return None;
    }
    let mut out = b"RIFF\0\0\0\0WEBP".to_vec();
    let mut at = 12;
    while at < bytes.len() {
        let header = bytes.get(at..at.checked_add(8)?)?;
        let len = usize::try_from(u32::from_le_bytes([
            header[4], header[5], header[6], header[7],
        ]))
        .ok()?;
        // Chunks are padded to an even length.
        let end = at
            .checked_add(8)?
            .checked_add(len + len % 2)?
            .min(bytes.len());
        let kind = &header[..4];
        if kind != b"EXIF" && kind != b"XMP " {
            let start = out.len();
            out.extend_from_slice(&bytes[at..end]);
            if kind == b"VP8X" {
                if let Some(flags) = out.get_mut(start + 8) {
                    *flags &= !(EXIF_FLAG | XMP_FLAG);
                }
            }
        }
        at = end;
    }
    let riff_size = u32::try_from(out.len() - 8).ok()?;
    out[4..8].copy_from_slice(&riff_size.to_le_bytes());
    Some(out)
}

#[cfg(test)]
#[path = "uploads_tests.rs"]
mod tests;
