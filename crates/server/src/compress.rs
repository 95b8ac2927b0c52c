//! `cc-server compress --dist DIR`: writes `NAME.br` (brotli quality 11) and `NAME.gz`
//! (gzip level 9) beside every compressible file of the built app, once, at build time.
//! [`crate::web::static_files`] serves them to browsers that accept them, so the wasm
//! and the scripts go out at the best ratio without compressing on every request.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Extensions worth compressing (text and wasm); images and fonts already are.
const COMPRESSIBLE: &[&str] = &[
    "html", "js", "mjs", "wasm", "css", "svg", "json", "txt", "map", "xml",
];

/// The compressed siblings this module writes.
const SUFFIXES: &[&str] = &["br", "gz"];

/// Files below this size are left alone: the headers would outweigh any saving.
const MIN_BYTES: u64 = 256;

/// What one run did, for the log line.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Report {
    /// Files compressed.
    pub files: usize,
    /// Their bytes, raw.
    pub raw_bytes: u64,
    /// Their brotli bytes.
    pub br_bytes: u64,
    /// Their gzip bytes.
    pub gz_bytes: u64,
    /// Stale `.br`/`.gz` files removed (their original is gone or not worth it).
    pub removed: usize,
}

/// Whether `path` is a file this module compresses (by extension).
pub fn is_compressible(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| COMPRESSIBLE.iter().any(|c| c.eq_ignore_ascii_case(e)))
}

/// Brotli quality 11, the slowest and smallest: fine once per build.
pub fn brotli(data: &[u8]) -> io::Result<Vec<u8>> {
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        lgwin: 22,
        size_hint: data.len(),
        ..Default::default()
    };
    let mut out = Vec::with_capacity(data.len() / 3);
    brotli::BrotliCompress(&mut &data[..], &mut out, &params)?;
    Ok(out)
}

/// Gzip level 9.
pub fn gzip(data: &[u8]) -> io::Result<Vec<u8>> {
    let mut encoder = flate2::write::GzEncoder::new(
        Vec::with_capacity(data.len() / 3),
        flate2::Compression::best(),
    );
    encoder.write_all(data)?;
    encoder.finish()
}

/// Compresses every compressible file under `dist` (recursively) and removes `.br` and
/// `.gz` files left from an earlier build whose original is gone. A compressed file
/// that would not be smaller than its original is not written: the original is served.
pub fn compress_dir(dist: &Path) -> io::Result<Report> {
    let mut files = Vec::new();
    walk(dist, &mut files)?;
    let mut report = Report::default();
    for path in &files {
        if let Some(original) = compressed_original(path) {
            if !original.is_file() || !worth_compressing(&original)? {
                std::fs::remove_file(path)?;
                report.removed += 1;
            }
            continue;
        }
        if !worth_compressing(path)? {
            continue;
        }
        let data = std::fs::read(path)?;
        let br = brotli(&data)?;
        let gz = gzip(&data)?;
        for (suffix, bytes) in [("br", &br), ("gz", &gz)] {
            let target = with_suffix(path, suffix);
            if bytes.len() < data.len() {
                write_atomically(&target, bytes)?;
            } else if target.exists() {
                std::fs::remove_file(&target)?;
            }
        }
        report.files += 1;
        report.raw_bytes += data.len() as u64;
        report.br_bytes += br.len().min(data.len()) as u64;
        report.gz_bytes += gz.len().min(data.len()) as u64;
    }
    Ok(report)
}

/// The runtime configuration is edited per deployment after the build: a compressed
/// copy would go stale and be served instead of the edited file.
const EDITED_AFTER_BUILD: &str = "app-config.json";

fn worth_compressing(path: &Path) -> io::Result<bool> {
    let edited = path.file_name().is_some_and(|n| n == EDITED_AFTER_BUILD);
    Ok(!edited && is_compressible(path) && std::fs::metadata(path)?.len() >= MIN_BYTES)
}

/// For `x.js.br`, `x.js` (when `x.js` is a compressible name); otherwise `None`.
fn compressed_original(path: &Path) -> Option<PathBuf> {
    let ext = path.extension()?.to_str()?;
    if !SUFFIXES.contains(&ext) {
        return None;
    }
    let original = path.with_extension("");
    is_compressible(&original).then_some(original)
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".");
    name.push(suffix);
    PathBuf::from(name)
}

/// A server reading `dist` meanwhile never sees half a file.
fn write_atomically(target: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut tmp = target.as_os_str().to_owned();
    tmp.push(".tmp");
    let tmp = PathBuf::from(tmp);
    std::fs::write(&tmp, bytes)?;
    std::fs::rename(&tmp, target)
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let kind = entry.file_type()?;
        // Hidden folders (trunk's `.stage` while it builds) are no part of the app.
        let hidden = entry.file_name().to_string_lossy().starts_with('.');
        if kind.is_dir() && !hidden {
            walk(&entry.path(), out)?;
        } else if kind.is_file() {
            out.push(entry.path());
        }
    }
    out.sort();
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    #[test]
    fn writes_br_and_gz_beside_compressible_files_only() {
        let dir = tempfile::tempdir().unwrap();
        let text = "<p>Contacto Ciudadano</p>\n".repeat(100);
        std::fs::write(dir.path().join("index.html"), &text).unwrap();
        std::fs::create_dir(dir.path().join("sub")).unwrap();
        std::fs::write(dir.path().join("sub/app.wasm"), vec![7u8; 5000]).unwrap();
        std::fs::write(dir.path().join("photo.png"), vec![1u8; 5000]).unwrap();
        std::fs::write(dir.path().join("tiny.js"), "x()").unwrap();
        // Edited per deployment after the build: never a stale compressed copy.
        let config = format!("{{\"backend\":\"native\",\"x\":\"{}\"}}", "y".repeat(400));
        std::fs::write(dir.path().join("app-config.json"), config).unwrap();

        let report = compress_dir(dir.path()).unwrap();
        assert_eq!(report.files, 2);
        assert!(!dir.path().join("app-config.json.br").exists());

        let br = std::fs::read(dir.path().join("index.html.br")).unwrap();
        let mut plain = String::new();
        brotli::Decompressor::new(&br[..], 4096)
            .read_to_string(&mut plain)
            .unwrap();
        assert_eq!(plain, text);
        let gz = std::fs::read(dir.path().join("index.html.gz")).unwrap();
        let mut plain = String::new();
        flate2::read::GzDecoder::new(&gz[..])
            .read_to_string(&mut plain)
            .unwrap();
        assert_eq!(plain, text);
        assert!(dir.path().join("sub/app.wasm.br").is_file());
        assert!(dir.path().join("sub/app.wasm.gz").is_file());
        assert!(!dir.path().join("photo.png.br").exists());
        assert!(!dir.path().join("tiny.js.br").exists());
    }

    #[test]
    fn a_second_run_rewrites_and_drops_stale_siblings() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.css"), "a{color:red}\n".repeat(50)).unwrap();
        compress_dir(dir.path()).unwrap();
        std::fs::remove_file(dir.path().join("a.css")).unwrap();
        std::fs::write(dir.path().join("b.css"), "b{color:red}\n".repeat(50)).unwrap();
        let report = compress_dir(dir.path()).unwrap();
        assert_eq!(report.files, 1);
        assert_eq!(report.removed, 2);
        assert!(!dir.path().join("a.css.br").exists());
        assert!(dir.path().join("b.css.br").is_file());
        assert!(dir.path().join("b.css.gz").is_file());
    }
}
