//! Find a procedure: the start page, the catalog search and the procedure page.

mod home;
mod procedure;
mod search;

pub use home::HomePage;
pub use procedure::ProcedurePage;
pub use search::SearchPage;

use cc_core::catalog::CatalogIndex;
use cc_core::search::SearchIndex;

/// The downloaded catalog with its search index, built once per visit.
pub struct CatalogEngine {
    pub index: CatalogIndex,
    pub search: SearchIndex,
}

impl CatalogEngine {
    pub fn new(index: CatalogIndex) -> Self {
        let search = SearchIndex::new(&index);
        CatalogEngine { index, search }
    }

    pub fn agency_name(&self, acronym: &str) -> String {
        self.index
            .agency(acronym)
            .map(|a| a.name.clone())
            .unwrap_or_else(|| acronym.to_string())
    }
}
