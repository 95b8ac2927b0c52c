//! MiniSearch, FlexSearch and Fuse.js on the same catalogs and queries, run by Node
//! (`js/run.mjs`): this writes their input, runs it and reads their figures back.

use std::path::Path;
use std::process::Command;

use cc_core::catalog::CatalogIndex;
use serde::{Deserialize, Serialize};
use serde_json::json;

use crate::judged::Judged;

/// One catalog with its queries, as the Node runner reads it.
pub struct Set<'a> {
    pub name: String,
    pub catalog: &'a CatalogIndex,
    pub queries: &'a [Judged],
    /// Timing runs over all queries, stopped early past `budget_ms`.
    pub runs: usize,
    pub budget_ms: u64,
    /// The engines to run (all when `None`).
    pub engines: Option<&'static [&'static str]>,
}

#[derive(Debug, Deserialize, Serialize)]
pub struct EngineRun {
    pub set: String,
    pub engine: String,
    pub build_ms: f64,
    pub index_bytes: usize,
    pub results: Vec<Vec<String>>,
    pub p50_us: f64,
    pub p95_us: f64,
}

/// The fields every JS engine indexes: name, description (the summary), keywords and
/// agency (acronym and name); the slug is the id.
fn docs(catalog: &CatalogIndex) -> Vec<serde_json::Value> {
    catalog
        .procedures
        .iter()
        .map(|p| {
            let agency = catalog.agency(&p.agency).map_or("", |a| a.name.as_str());
            json!({
                "id": p.slug,
                "name": p.name,
                "description": p.summary,
                "keywords": p.keywords.join(", "),
                "agency": format!("{} {}", p.agency, agency),
            })
        })
        .collect()
}

/// Runs the JS engines; `None` (with a note on stderr) when Node or the packages are
/// missing, so the Rust figures still print.
pub fn run(sets: &[Set], work_dir: &Path) -> Option<Vec<EngineRun>> {
    let input = json!({
        "sets": sets.iter().map(|s| json!({
            "name": s.name,
            "docs": docs(s.catalog),
            "queries": s.queries.iter().map(|j| j.query.as_str()).collect::<Vec<_>>(),
            "runs": s.runs,
            "budget_ms": s.budget_ms,
            "engines": s.engines,
        })).collect::<Vec<_>>(),
    });
    std::fs::create_dir_all(work_dir).ok()?;
    let path = work_dir.join("js-input.json");
    std::fs::write(&path, serde_json::to_vec(&input).ok()?).ok()?;
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/js/run.mjs");
    let output = Command::new("node")
        .arg("--max-old-space-size=4096")
        .arg(script)
        .arg(&path)
        .output();
    match output {
        Ok(out) if out.status.success() => serde_json::from_slice(&out.stdout).ok(),
        Ok(out) => {
            eprintln!(
                "JS engines failed (run `npm ci` in bench/js): {}",
                String::from_utf8_lossy(&out.stderr)
            );
            None
        }
        Err(e) => {
            eprintln!("JS engines skipped: cannot run node: {e}");
            None
        }
    }
}
