//! Catalog endpoints: the browser's search index, server-side search, procedures.

use axum::extract::{Path, Query, State};
use axum::Json;
use cc_core::api::{FacetCounts, ProcedureHit, ProcedurePage, ProcedureQuery};
use cc_core::catalog::{Agency, CatalogIndex, Category, ModalityKind, Procedure};
use cc_core::search::Filters;

use crate::problem::{ApiError, ApiResult};
use crate::state::AppState;

const DEFAULT_PER_PAGE: u32 = 20;

/// The whole catalog in compact form, for instant search in the browser.
#[utoipa::path(get, path = "/api/v1/catalog/index", tag = "catalog",
    responses((status = 200, body = CatalogIndex)))]
pub async fn catalog_index(State(state): State<AppState>) -> Json<CatalogIndex> {
    Json(state.catalog.index.clone())
}

/// The catalog's agencies, categories and synonyms without its procedures: what the
/// app needs when the catalog is searched by the backend (too large to download).
#[utoipa::path(get, path = "/api/v1/catalog/directory", tag = "catalog",
    responses((status = 200, body = CatalogIndex)))]
pub async fn catalog_directory(State(state): State<AppState>) -> Json<CatalogIndex> {
    let index = &state.catalog.index;
    Json(CatalogIndex {
        synonyms: index.synonyms.clone(),
        agencies: index.agencies.clone(),
        categories: index.categories.clone(),
        procedures: Vec::new(),
    })
}

/// Searches procedures with filters and paging (same engine as the browser).
#[utoipa::path(get, path = "/api/v1/procedures", tag = "catalog", params(ProcedureQuery),
    responses((status = 200, body = ProcedurePage),
              (status = 400, body = cc_core::api::Problem, content_type = "application/problem+json")))]
pub async fn search_procedures(
    State(state): State<AppState>,
    Query(query): Query<ProcedureQuery>,
) -> ApiResult<Json<ProcedurePage>> {
    query.check_paging().map_err(ApiError::BadRequest)?;
    let modality = match query.modalidad.as_deref() {
        None | Some("") => None,
        Some("presencial") => Some(ModalityKind::InPerson),
        Some("en-linea") => Some(ModalityKind::Online),
        Some(other) => {
            return Err(ApiError::BadRequest(format!(
                "modalidad debe ser 'presencial' o 'en-linea', no '{other}'"
            )))
        }
    };
    let filters = Filters {
        agency: query.entidad.filter(|s| !s.is_empty()),
        category: query.categoria.filter(|s| !s.is_empty()),
        modality,
        free_only: query.gratis.unwrap_or(false),
    };
    let per_page = query.per_page.unwrap_or(DEFAULT_PER_PAGE);
    let page = query.page.unwrap_or(1);
    let outcome = state
        .catalog
        .search
        .search(query.q.as_deref().unwrap_or(""), &filters);
    let total = outcome.hits.len();
    let items = outcome
        .hits
        .into_iter()
        .skip((page as usize - 1).saturating_mul(per_page as usize))
        .take(per_page as usize)
        .map(|hit| ProcedureHit {
            procedure: state.catalog.index.procedures[hit.doc].clone(),
            score: hit.score,
            highlights: hit.highlights,
        })
        .collect();
    let facets: FacetCounts = outcome.facets;
    Ok(Json(ProcedurePage {
        total,
        page,
        per_page,
        items,
        facets,
    }))
}

/// One procedure with every detail.
#[utoipa::path(get, path = "/api/v1/procedures/{slug}", tag = "catalog",
    params(("slug" = String, Path, description = "Procedure slug")),
    responses((status = 200, body = Procedure),
              (status = 404, body = cc_core::api::Problem, content_type = "application/problem+json")))]
pub async fn procedure(
    State(state): State<AppState>,
    Path(slug): Path<String>,
) -> ApiResult<Json<Procedure>> {
    state
        .catalog
        .by_slug(&slug)
        .cloned()
        .map(Json)
        .ok_or(ApiError::NotFound)
}

#[utoipa::path(get, path = "/api/v1/agencies", tag = "catalog", responses((status = 200, body = Vec<Agency>)))]
pub async fn agencies(State(state): State<AppState>) -> Json<Vec<Agency>> {
    Json(state.catalog.index.agencies.clone())
}

#[utoipa::path(get, path = "/api/v1/categories", tag = "catalog", responses((status = 200, body = Vec<Category>)))]
pub async fn categories(State(state): State<AppState>) -> Json<Vec<Category>> {
    Json(state.catalog.index.categories.clone())
}
