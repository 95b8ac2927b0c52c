//! The catalogs the bench runs on: the demo catalog shipped with the backend, the real
//! gob.bo procedures of `../shared/datasets/tramites-bo.jsonl` through the backend's
//! own importer, and both padded with synthetic procedures to 10,000 and 50,000.

use std::io::BufReader;
use std::path::PathBuf;

use cc_core::catalog::{CatalogIndex, Procedure};
use cc_server::Catalog;

#[allow(dead_code)]
#[path = "../../crates/core/benches/common/synthetic.rs"]
mod synthetic;
pub use synthetic::expand;

/// The shared dataset, next to the repository (as CI has it), or where
/// `CC_SHARED_DIR` says.
fn dataset_path() -> PathBuf {
    let shared = std::env::var_os("CC_SHARED_DIR").map_or_else(
        || PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared")),
        PathBuf::from,
    );
    shared.join("datasets/tramites-bo.jsonl")
}

/// The catalog index exactly as the backend serves it for these procedures.
fn index_of(procedures: Vec<Procedure>) -> CatalogIndex {
    Catalog::new(procedures, &[]).index
}

pub fn demo() -> CatalogIndex {
    index_of(cc_server::seed_procedures())
}

pub fn gobbo() -> CatalogIndex {
    let path = dataset_path();
    let file = std::fs::File::open(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (set CC_SHARED_DIR)", path.display()));
    let report = cc_server::import::import_jsonl(BufReader::new(file));
    index_of(report.procedures)
}

/// Both real catalogs in one (slugs do not collide: gob.bo slugs are its own).
pub fn both() -> CatalogIndex {
    let (mut a, b) = (demo(), gobbo());
    for agency in b.agencies {
        if a.agency(&agency.acronym).is_none() {
            a.agencies.push(agency);
        }
    }
    for category in b.categories {
        if a.category(&category.slug).is_none() {
            a.categories.push(category);
        }
    }
    a.procedures.extend(b.procedures);
    a
}
