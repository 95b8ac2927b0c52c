//! Searching on the server for catalogs too large to download (`GET
//! /api/v1/catalog/search`): the same engine answers one page of results with the
//! facets, the partial flag and the suggestion, and [`search_mode`] tells the app
//! which way to search.

use serde::{Deserialize, Serialize};

use crate::api::{FacetCounts, ProcedureHit, ProcedureQuery};
use crate::catalog::{CatalogIndex, ModalityKind};

use super::{Filters, SearchIndex};

/// Largest catalog searched in the browser. Its index costs about 112 bytes per
/// procedure as served (brotli), so 1,500 procedures are about 170 KB: about one
/// second on slow 4G (1.6 Mbit/s), once, and then every keystroke is instant and works
/// offline. Past that, the first results would wait seconds (5.6 MB at 50,000), while
/// a server answer takes about one round trip.
pub const LOCAL_SEARCH_MAX_PROCEDURES: usize = 1_500;

/// Results per page of the search endpoint.
pub const SEARCH_PAGE_SIZE: u32 = 10;
const MAX_PAGE_SIZE: u32 = 50;

/// Where the app searches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SearchMode {
    /// Download `GET /api/v1/catalog/index` once and search in the browser.
    Local,
    /// Ask `GET /api/v1/catalog/search` for each query.
    Server,
}

/// The search mode for a catalog of `procedures` procedures (the `catalog_size` of
/// any [`SearchPage`], e.g. the answer to an empty query).
pub fn search_mode(procedures: usize) -> SearchMode {
    if procedures <= LOCAL_SEARCH_MAX_PROCEDURES {
        SearchMode::Local
    } else {
        SearchMode::Server
    }
}

/// One page of search results, shaped like what the app renders from a local search.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SearchPage {
    /// Number of matching procedures (all pages).
    pub total: usize,
    pub page: u32,
    pub per_page: u32,
    pub items: Vec<ProcedureHit>,
    pub facets: FacetCounts,
    /// No procedure matches the whole query: these match part of it.
    #[serde(default)]
    pub partial: bool,
    /// "Quizás quiso decir": the query with unknown words corrected.
    #[serde(default)]
    pub suggestion: Option<String>,
    /// Procedures in the whole catalog, for [`search_mode`].
    pub catalog_size: usize,
}

/// The filters of a query string; an unknown `modalidad` is an error message.
pub fn filters_of(query: &ProcedureQuery) -> Result<Filters, String> {
    let modality = match query.modalidad.as_deref() {
        None | Some("") => None,
        Some("presencial") => Some(ModalityKind::InPerson),
        Some("en-linea") => Some(ModalityKind::Online),
        Some(other) => {
            return Err(format!(
                "modalidad debe ser 'presencial' o 'en-linea', no '{other}'"
            ))
        }
    };
    Ok(Filters {
        agency: query.entidad.clone().filter(|s| !s.is_empty()),
        category: query.categoria.clone().filter(|s| !s.is_empty()),
        modality,
        free_only: query.gratis.unwrap_or(false),
    })
}

/// Answers a search request: one page (10 results unless `per_page` says otherwise,
/// at most 50) of `index`, built from `catalog`.
pub fn search_page(
    index: &SearchIndex,
    catalog: &CatalogIndex,
    query: &ProcedureQuery,
) -> Result<SearchPage, String> {
    query.check_paging()?;
    let filters = filters_of(query)?;
    let per_page = query
        .per_page
        .unwrap_or(SEARCH_PAGE_SIZE)
        .clamp(1, MAX_PAGE_SIZE);
    let page = query.page.unwrap_or(1).max(1);
    let outcome = index.search(query.q.as_deref().unwrap_or(""), &filters);
    let skip = (page as usize - 1).saturating_mul(per_page as usize);
    let items = outcome
        .hits
        .iter()
        .skip(skip)
        .take(per_page as usize)
        .map(|hit| ProcedureHit {
            procedure: catalog.procedures[hit.doc].clone(),
            score: hit.score,
            highlights: hit.highlights.clone(),
        })
        .collect();
    Ok(SearchPage {
        total: outcome.hits.len(),
        page,
        per_page,
        items,
        facets: outcome.facets,
        partial: outcome.partial,
        suggestion: outcome.suggestion,
        catalog_size: catalog.procedures.len(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::{Agency, ProcedureSummary};

    fn catalog(n: usize) -> CatalogIndex {
        CatalogIndex {
            synonyms: Vec::new(),
            agencies: vec![Agency {
                acronym: "DGM".into(),
                slug: "dgm".into(),
                name: "Migración".into(),
                description: None,
                website: None,
                phone: None,
                email: None,
            }],
            categories: Vec::new(),
            procedures: (0..n)
                .map(|i| ProcedureSummary {
                    slug: format!("p{i}"),
                    name: if i == 0 {
                        "Pasaporte".into()
                    } else {
                        format!("Visa {i}")
                    },
                    acronym: None,
                    summary: String::new(),
                    agency: "DGM".into(),
                    categories: Vec::new(),
                    keywords: Vec::new(),
                    online: i % 2 == 0,
                    in_person: true,
                    free: false,
                })
                .collect(),
        }
    }

    fn query(q: &str) -> ProcedureQuery {
        serde_json::from_value(serde_json::json!({ "q": q })).expect("query")
    }

    #[test]
    fn small_catalogs_search_locally() {
        assert_eq!(search_mode(78), SearchMode::Local);
        assert_eq!(search_mode(LOCAL_SEARCH_MAX_PROCEDURES), SearchMode::Local);
        assert_eq!(search_mode(2_000), SearchMode::Server);
    }

    #[test]
    fn pages_carry_partial_flag_suggestion_and_size() {
        let cat = catalog(30);
        let index = SearchIndex::new(&cat);
        let page = search_page(&index, &cat, &query("visa")).expect("page");
        assert_eq!((page.total, page.items.len(), page.per_page), (29, 10, 10));
        assert_eq!(page.catalog_size, 30);
        let mut q = query("visa");
        q.page = Some(3);
        assert_eq!(search_page(&index, &cat, &q).expect("page").items.len(), 9);
        let page = search_page(&index, &cat, &query("pasaporte zzzz")).expect("page");
        assert!(page.partial);
        assert_eq!(page.items[0].procedure.slug, "p0");
        let page = search_page(&index, &cat, &query("viza")).expect("page");
        assert_eq!(page.suggestion.as_deref(), Some("visa"));
    }

    #[test]
    fn unknown_modality_is_an_error() {
        let mut q = query("visa");
        q.modalidad = Some("a-caballo".into());
        let cat = catalog(3);
        assert!(search_page(&SearchIndex::new(&cat), &cat, &q).is_err());
        q.modalidad = Some("en-linea".into());
        let page = search_page(&SearchIndex::new(&cat), &cat, &q).expect("page");
        assert_eq!(page.facets.online, 1);
    }
}
