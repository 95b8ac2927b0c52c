//! `readability [ROOT]`: prints the markdown table of the repository at ROOT (by
//! default the one this crate sits in).

use std::path::PathBuf;
use std::process::ExitCode;

use readability::report;

fn main() -> ExitCode {
    let root = std::env::args_os()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../..")));
    let rows = report::Sources::read(&root)
        .map_err(|e| e.to_string())
        .and_then(|sources| report::rows(&sources));
    match rows {
        Ok(rows) => {
            print!("{}", report::markdown(&rows));
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("readability: {e}");
            ExitCode::FAILURE
        }
    }
}
