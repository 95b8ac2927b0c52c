//! What the browser downloads to search the whole catalog.

use serde::{Deserialize, Serialize};

use super::{Agency, Category};

/// What search needs of a procedure: small enough to ship the whole catalog to a phone.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProcedureSummary {
    pub slug: String,
    pub name: String,
    #[serde(default)]
    pub acronym: Option<String>,
    pub summary: String,
    /// Agency acronym; names come from [`CatalogIndex::agencies`].
    pub agency: String,
    /// Category slugs; names come from [`CatalogIndex::categories`].
    pub categories: Vec<String>,
    #[serde(default)]
    pub keywords: Vec<String>,
    pub online: bool,
    pub in_person: bool,
    pub free: bool,
}

/// The whole catalog as the browser searches it (`GET /api/v1/catalog/index`).
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CatalogIndex {
    /// Everyday words of this deployment that mean the same thing (e.g. `["micro",
    /// "minibús"]`), on top of the engine's own list; from the deployment settings.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub synonyms: Vec<Vec<String>>,
    pub agencies: Vec<Agency>,
    pub categories: Vec<Category>,
    pub procedures: Vec<ProcedureSummary>,
}

impl CatalogIndex {
    pub fn agency(&self, acronym: &str) -> Option<&Agency> {
        self.agencies.iter().find(|a| a.acronym == acronym)
    }
    pub fn category(&self, slug: &str) -> Option<&Category> {
        self.categories.iter().find(|c| c.slug == slug)
    }
}
