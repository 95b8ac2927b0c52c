//! `cc-server conformance --url http://host/api/v1`: drives any backend through the
//! contract the way the app does (configuration, catalog and search, filing with an
//! `Idempotency-Key`, look-up, replies, rating) and validates every answer against the
//! OpenAPI document's schemas for its operation and status. Prints a pass/fail table;
//! any failure makes the exit code 1.
//!
//! What it leaves behind is marked: one case whose description starts with
//! [`MARK`], filed by "Prueba de conformidad". With a staff token (`--staff-token`, env
//! `CC_STAFF_TOKEN`) it also asks for information, answers and closes that case, so
//! the reply and rating paths are exercised and the case does not stay open.
//!
//! kit.rs holds the HTTP client and the check of each answer against the document,
//! schema.rs the JSON Schema validation, checks.rs the list of checks in the order the
//! app makes its requests, replies_and_rating.rs the checks of replies and rating, assisted.rs those of
//! filing for a person (with a staff token).

mod assisted;
mod checks;
mod kit;
mod replies_and_rating;
mod schema;
mod service_points;
mod transparency;

use std::path::PathBuf;
use std::time::Duration;

use anyhow::{anyhow, Context};
use serde_json::Value;

use checks::checks;
use kit::Kit;
pub use schema::validate;

/// Start of the description of the case the kit files.
pub const MARK: &str = "[PRUEBA DE CONFORMIDAD]";
const TIMEOUT: Duration = Duration::from_secs(30);

#[derive(Debug, Clone, clap::Args)]
pub struct ConformanceArgs {
    /// Base URL of the API, e.g. `http://127.0.0.1:8080/api/v1`.
    #[arg(long)]
    pub url: String,
    /// The OpenAPI document (JSON); by default `{url}/openapi.json`.
    #[arg(long)]
    pub openapi: Option<PathBuf>,
    /// A staff token: with it the kit also exercises replies and rating end to end
    /// (asks for information, answers, closes its own test case).
    #[arg(long, env = "CC_STAFF_TOKEN", hide_env_values = true)]
    pub staff_token: Option<String>,
}

/// Runs the kit; `Ok(true)` when every check passed. The table goes to `out`.
pub fn run(args: &ConformanceArgs, out: &mut impl std::io::Write) -> anyhow::Result<bool> {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(TIMEOUT))
        .build()
        .into();
    let base = args.url.trim_end_matches('/').to_owned();
    let doc_text = match &args.openapi {
        Some(path) => {
            std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?
        }
        None => agent
            .get(format!("{base}/openapi.json"))
            .call()
            .context("fetching the OpenAPI document")?
            .body_mut()
            .with_config()
            .limit(16 * 1024 * 1024)
            .read_to_string()?,
    };
    let doc: Value = serde_json::from_str(&doc_text).context("the OpenAPI document")?;
    let mut kit = Kit {
        agent,
        base,
        doc,
        staff_token: args.staff_token.clone().filter(|t| !t.trim().is_empty()),
        rows: Vec::new(),
    };
    checks(&mut kit);
    transparency::transparency(&mut kit);
    service_points::service_points(&mut kit);
    let width = kit.rows.iter().map(|(n, _)| n.len()).max().unwrap_or(10);
    let mut failed = 0;
    writeln!(out, "{:<3} {:<width$}  result  detail", "#", "check")?;
    for (i, (name, result)) in kit.rows.iter().enumerate() {
        let (mark, detail) = match result {
            Ok(d) => ("pass", d.as_str()),
            Err(d) => {
                failed += 1;
                ("FAIL", d.as_str())
            }
        };
        writeln!(out, "{:<3} {name:<width$}  {mark}    {detail}", i + 1)?;
    }
    writeln!(
        out,
        "{} checks, {} passed, {failed} failed",
        kit.rows.len(),
        kit.rows.len() - failed
    )?;
    Ok(failed == 0)
}

/// The exit code: 1 on any failure, or when the kit could not run at all.
pub fn exit_code(result: anyhow::Result<bool>) -> i32 {
    match result {
        Ok(true) => 0,
        Ok(false) => 1,
        Err(e) => {
            eprintln!("error: {:#}", anyhow!(e));
            1
        }
    }
}
