//! `GET /api/v1/catalog/search`: one page of results from the same engine the browser
//! runs, for catalogs too large to download whole (see `cc_core::search::search_mode`).

use axum::extract::{Query, State};
use axum::Json;
use cc_core::api::ProcedureQuery;
use cc_core::search::{search_page, SearchPage};

use crate::problem::{ApiError, ApiResult};
use crate::state::AppState;

/// Searches the catalog: top results (10 per page), facets, whether the results match
/// only part of the query, a corrected query for unknown words, and the catalog size.
#[utoipa::path(get, path = "/api/v1/catalog/search", tag = "catalog", params(ProcedureQuery),
    responses((status = 200, body = SearchPage),
              (status = 400, body = cc_core::api::Problem, content_type = "application/problem+json")))]
pub async fn search(
    State(state): State<AppState>,
    Query(query): Query<ProcedureQuery>,
) -> ApiResult<Json<SearchPage>> {
    search_page(&state.catalog.search, &state.catalog.index, &query)
        .map(Json)
        .map_err(ApiError::BadRequest)
}
