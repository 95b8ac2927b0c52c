//! Importer for the gob.bo open-data procedure catalog (Bolivia, CC0): one JSON object
//! per line → catalog [`Procedure`]s.
//!
//! The source is hand-filled and messy (nulls, HTML, units like "Horas(s)"), so the
//! importer cleans what it can and skips a line only when it cannot make a procedure of
//! it at all, always saying why. Nothing from the source reaches the app as markup:
//! descriptions and steps become [`cc_core::catalog::RichText`], everything else plain
//! text, and only `http(s)`, `mailto` and `tel` links survive.
//!
//! ```ignore
//! let report = import::import_jsonl(std::io::BufReader::new(std::fs::File::open(path)?));
//! for (line, reason) in &report.skipped {
//!     tracing::warn!(line, %reason, "gob.bo line skipped");
//! }
//! ```
//!
//! Layout: [`source`] is the raw record, [`map`] the mapping, [`html`] the HTML
//! conversion, [`text`] and [`units`] the small parsers they share.

pub mod html;
mod map;
mod source;
mod text;
mod units;

use std::collections::HashSet;
use std::io::BufRead;

use cc_core::catalog::Procedure;
use serde::Deserialize;
use serde_json::Value;

pub use self::html::html_to_rich_text;

/// Why one line of the export was not imported.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// Not JSON at all (or truncated).
    #[error("invalid JSON: {0}")]
    BadJson(#[source] serde_json::Error),
    /// Valid JSON that is not an object (an array, a string…).
    #[error("not a gob.bo procedure object but {0}")]
    NotAnObject(&'static str),
    /// A field without which there is no procedure page (`nombre`, `slug`, `entidad`…).
    #[error("missing required field `{0}`")]
    MissingField(&'static str),
    /// `estado` is not `PUBLICADO`: drafts and withdrawn procedures stay out.
    #[error("not published (estado: {})", .0.as_deref().unwrap_or("missing"))]
    NotPublished(Option<String>),
    /// Another line already used this slug; the first one wins.
    #[error("duplicate slug `{0}` (the first line with it was kept)")]
    DuplicateSlug(String),
    /// The line is not UTF-8 text.
    #[error("line is not valid UTF-8")]
    InvalidUtf8,
    /// Reading failed; the import stops at this line.
    #[error("read error: {0}")]
    Io(#[from] std::io::Error),
}

/// Outcome of importing a whole export.
#[derive(Debug, Default)]
pub struct ImportReport {
    /// Imported procedures, in file order.
    pub procedures: Vec<Procedure>,
    /// 1-based line number and reason of every non-blank line that was not imported.
    pub skipped: Vec<(usize, ImportError)>,
}

/// Parses one line of the gob.bo export into a [`Procedure`].
pub fn parse_gobbo_line(line: &str) -> Result<Procedure, ImportError> {
    // Exports saved on Windows start with a byte-order mark.
    let line = line.trim_start_matches('\u{feff}').trim();
    let value: Value = serde_json::from_str(line).map_err(ImportError::BadJson)?;
    // Checked first because serde would also read a struct from an array, by position.
    if !value.is_object() {
        return Err(ImportError::NotAnObject(json_kind(&value)));
    }
    let raw = source::RawProcedure::deserialize(value).map_err(ImportError::BadJson)?;
    map::procedure(raw)
}

/// "an array", "a string"…: what was found where an object was expected.
fn json_kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// Imports a JSON-lines export. Blank lines are ignored; every other line ends up either
/// in [`ImportReport::procedures`] or in [`ImportReport::skipped`] with its reason.
pub fn import_jsonl(mut reader: impl BufRead) -> ImportReport {
    let mut report = ImportReport::default();
    let mut slugs = HashSet::new();
    let mut bytes = Vec::new();
    for number in 1.. {
        bytes.clear();
        match reader.read_until(b'\n', &mut bytes) {
            Ok(0) => break,
            Ok(_) => {}
            Err(error) => {
                report.skipped.push((number, error.into()));
                break;
            }
        }
        match import_line(&bytes, &mut slugs) {
            Ok(Some(procedure)) => report.procedures.push(procedure),
            Ok(None) => {}
            Err(error) => report.skipped.push((number, error)),
        }
    }
    report
}

/// One raw line: `None` when blank, otherwise the procedure or why not. A line is read
/// as bytes so that one badly encoded line is reported instead of ending the import.
fn import_line(
    bytes: &[u8],
    slugs: &mut HashSet<String>,
) -> Result<Option<Procedure>, ImportError> {
    let line = std::str::from_utf8(bytes).map_err(|_| ImportError::InvalidUtf8)?;
    if line.trim_start_matches('\u{feff}').trim().is_empty() {
        return Ok(None);
    }
    let procedure = parse_gobbo_line(line)?;
    if !slugs.insert(procedure.slug.clone()) {
        return Err(ImportError::DuplicateSlug(procedure.slug));
    }
    Ok(Some(procedure))
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;
    use std::io::{BufReader, Read};

    use super::*;

    const ERRORS_FIXTURE: &str = include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/gobbo-errors.jsonl"
    ));

    /// The real export, when the shared datasets are checked out next to the repository.
    const DATASET: &str = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/datasets/tramites-bo.jsonl"
    );

    #[test]
    fn every_non_blank_line_is_imported_or_skipped_with_a_reason() {
        let report = import_jsonl(ERRORS_FIXTURE.as_bytes());
        let slugs: Vec<_> = report.procedures.iter().map(|p| p.slug.as_str()).collect();
        assert_eq!(slugs, vec!["valido", "otro-valido"]);
        let reasons: Vec<_> = report
            .skipped
            .iter()
            .map(|(line, e)| (*line, e.to_string()))
            .collect();
        let expected = [
            (3, "invalid JSON"),
            (4, "not a gob.bo procedure object but an array"),
            (5, "not published (estado: BORRADOR)"),
            (6, "not published (estado: missing)"),
            (7, "missing required field `nombre`"),
            (8, "missing required field `slug`"),
            (9, "missing required field `entidad`"),
            (10, "missing required field `entidad.nombre`"),
            (11, "duplicate slug `valido`"),
            (13, "invalid JSON"),
        ];
        assert_eq!(reasons.len(), expected.len(), "{reasons:#?}");
        for ((line, reason), (want_line, want)) in reasons.iter().zip(expected) {
            assert_eq!(*line, want_line);
            assert!(reason.starts_with(want), "line {line}: {reason}");
        }
    }

    #[test]
    fn error_kinds() {
        assert!(matches!(
            parse_gobbo_line("{"),
            Err(ImportError::BadJson(_))
        ));
        assert!(matches!(
            parse_gobbo_line("\"texto\""),
            Err(ImportError::NotAnObject("a string"))
        ));
        assert!(matches!(
            parse_gobbo_line("{}"),
            Err(ImportError::NotPublished(None))
        ));
    }

    #[test]
    fn bad_encoding_skips_one_line_only() {
        let good = ERRORS_FIXTURE.lines().nth(13).expect("line 14 is valid");
        let input = [b"\xff\xfe{}\n".as_slice(), good.as_bytes()].concat();
        let report = import_jsonl(input.as_slice());
        assert!(matches!(
            report.skipped.as_slice(),
            [(1, ImportError::InvalidUtf8)]
        ));
        assert_eq!(report.procedures.len(), 1);
    }

    #[test]
    fn read_errors_stop_the_import() {
        struct Failing;
        impl Read for Failing {
            fn read(&mut self, _: &mut [u8]) -> std::io::Result<usize> {
                Err(std::io::Error::other("disk gone"))
            }
        }
        let report = import_jsonl(BufReader::new(Failing));
        assert!(matches!(
            report.skipped.as_slice(),
            [(1, ImportError::Io(_))]
        ));
    }

    /// Every string anywhere in a procedure, for the "no markup survives" check.
    fn strings(value: &Value, out: &mut Vec<String>) {
        match value {
            Value::String(s) => out.push(s.clone()),
            Value::Array(items) => items.iter().for_each(|v| strings(v, out)),
            Value::Object(map) => map.values().for_each(|v| strings(v, out)),
            _ => {}
        }
    }

    #[test]
    fn real_gobbo_dataset_imports_cleanly() {
        let Ok(data) = std::fs::read_to_string(DATASET) else {
            eprintln!("skipped: {DATASET} not found (shared datasets not checked out)");
            return;
        };
        let report = import_jsonl(data.as_bytes());
        let non_blank = data.lines().filter(|l| !l.trim().is_empty()).count();
        assert_eq!(report.procedures.len() + report.skipped.len(), non_blank);
        // A published line may only be skipped for a reason other than its status.
        let skipped: BTreeMap<usize, &ImportError> =
            report.skipped.iter().map(|(line, e)| (*line, e)).collect();
        let published: Vec<usize> = data
            .lines()
            .enumerate()
            .filter(|(_, l)| {
                serde_json::from_str::<Value>(l).is_ok_and(|v| v["estado"] == "PUBLICADO")
            })
            .map(|(i, _)| i + 1)
            .collect();
        for line in &published {
            if let Some(reason) = skipped.get(line) {
                assert!(
                    !matches!(reason, ImportError::NotPublished(_)),
                    "line {line}: {reason}"
                );
            }
        }
        let published_skipped = published.iter().filter(|l| skipped.contains_key(l)).count();
        assert_eq!(report.procedures.len(), published.len() - published_skipped);

        let agencies: BTreeMap<&str, usize> =
            report
                .procedures
                .iter()
                .fold(BTreeMap::new(), |mut counts, p| {
                    *counts.entry(p.agency.acronym.as_str()).or_default() += 1;
                    counts
                });
        for procedure in &report.procedures {
            let mut texts = Vec::new();
            strings(
                &serde_json::to_value(procedure).expect("serialisable"),
                &mut texts,
            );
            let tagged = texts.iter().find(|t| html::looks_like_html(t));
            assert!(
                tagged.is_none(),
                "{}: markup survived: {tagged:?}",
                procedure.slug
            );
            assert!(!procedure.summary.is_empty());
            assert!(procedure.summary.chars().count() <= map::SUMMARY_MAX_CHARS);
        }
        print_summary(&report, &agencies);
        assert!(
            report.procedures.len() >= 70,
            "only {} imported",
            report.procedures.len()
        );
        assert!(agencies.len() >= 14, "only {} agencies", agencies.len());
    }

    /// What the import made of the dataset, for `cargo test -- --nocapture`.
    fn print_summary(report: &ImportReport, agencies: &BTreeMap<&str, usize>) {
        let procedures = &report.procedures;
        let modalities = procedures.iter().flat_map(|p| &p.modalities);
        let count = |f: &dyn Fn(&Procedure) -> bool| procedures.iter().filter(|p| f(p)).count();
        println!(
            "gob.bo import: {} procedures, {} skipped",
            procedures.len(),
            report.skipped.len()
        );
        for (line, reason) in &report.skipped {
            println!("  skipped line {line}: {reason}");
        }
        println!("  agencies ({}): {agencies:?}", agencies.len());
        println!(
            "  modalities: {}, with duration: {}, with costs: {}, with steps: {}, with hours: {}",
            modalities.clone().count(),
            modalities.clone().filter(|m| m.duration.is_some()).count(),
            modalities.clone().filter(|m| !m.costs.is_empty()).count(),
            modalities.clone().filter(|m| !m.steps.is_empty()).count(),
            modalities.filter(|m| !m.hours.is_empty()).count(),
        );
        println!(
            "  with offices: {}, legal basis: {}, links: {}, keywords: {}, updated: {}, truncated summaries: {}",
            count(&|p| !p.offices.is_empty()),
            count(&|p| !p.legal_basis.is_empty()),
            count(&|p| !p.links.is_empty()),
            count(&|p| !p.keywords.is_empty()),
            count(&|p| p.updated.is_some()),
            count(&|p| p.summary.ends_with('…')),
        );
    }
}
