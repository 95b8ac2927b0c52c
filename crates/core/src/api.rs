//! Wire types of the `/api/v1` JSON contract shared by the app and the backend.

use serde::{Deserialize, Serialize};

/// Media type of every error answer (RFC 9457).
pub const PROBLEM_JSON: &str = "application/problem+json";

/// RFC 9457 problem details, with the `errors` extension for form errors.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Problem {
    /// A URI reference naming the problem type, e.g. `/problems/validation`.
    #[serde(rename = "type", default = "about_blank")]
    pub kind: String,
    pub title: String,
    pub status: u16,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instance: Option<String>,
    /// Field errors; the app shows each by its field and in the error summary.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<FieldError>,
}

fn about_blank() -> String {
    "about:blank".into()
}

/// One failed field: `code` is stable and translatable, `message` is Spanish fallback.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    pub field: String,
    pub code: String,
    pub message: String,
}

impl FieldError {
    pub fn new(
        field: impl Into<String>,
        code: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        FieldError {
            field: field.into(),
            code: code.into(),
            message: message.into(),
        }
    }
}

/// Most results per page a client may ask for (`per_page`).
pub const MAX_PER_PAGE: u32 = 100;
/// Highest page a client may ask for (`page`): far past the end of any catalog.
pub const MAX_PAGE: u32 = 10_000;

/// Query of `GET /api/v1/procedures` and `GET /api/v1/catalog/search`.
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams, utoipa::ToSchema))]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ProcedureQuery {
    /// Free text; typo and accent tolerant.
    #[serde(default)]
    pub q: Option<String>,
    /// Agency acronym.
    #[serde(default)]
    pub entidad: Option<String>,
    /// Category slug.
    #[serde(default)]
    pub categoria: Option<String>,
    /// `presencial` or `en-linea` (empty: any).
    #[serde(default)]
    #[cfg_attr(
        feature = "openapi",
        param(pattern = "^(|presencial|en-linea)$"),
        schema(pattern = "^(|presencial|en-linea)$")
    )]
    pub modalidad: Option<String>,
    /// `true` to keep only free procedures.
    #[serde(default)]
    pub gratis: Option<bool>,
    /// 1-based page (at most 10,000).
    #[serde(default)]
    #[cfg_attr(
        feature = "openapi",
        param(minimum = 1, maximum = 10_000),
        schema(minimum = 1, maximum = 10_000)
    )]
    pub page: Option<u32>,
    /// Results per page, 1 to 100 (`/catalog/search` answers at most 50 and says so in
    /// its `per_page`).
    #[serde(default)]
    #[cfg_attr(
        feature = "openapi",
        param(minimum = 1, maximum = 100),
        schema(minimum = 1, maximum = 100)
    )]
    pub per_page: Option<u32>,
}

impl ProcedureQuery {
    /// Refuses a `page` or `per_page` out of range (the message names which), rather
    /// than answering something else than was asked.
    pub fn check_paging(&self) -> Result<(), String> {
        if self.page.is_some_and(|p| !(1..=MAX_PAGE).contains(&p)) {
            return Err(format!("page debe estar entre 1 y {MAX_PAGE}"));
        }
        if self
            .per_page
            .is_some_and(|p| !(1..=MAX_PER_PAGE).contains(&p))
        {
            return Err(format!("per_page debe estar entre 1 y {MAX_PER_PAGE}"));
        }
        Ok(())
    }
}

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FacetCount {
    pub value: String,
    pub count: usize,
}

/// Facet counts: each facet counts with every *other* active filter applied.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct FacetCounts {
    pub agencies: Vec<FacetCount>,
    pub categories: Vec<FacetCount>,
    pub online: usize,
    pub in_person: usize,
    pub free: usize,
}

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProcedureHit {
    pub procedure: crate::catalog::ProcedureSummary,
    pub score: f32,
    /// Byte ranges of `procedure.name` that matched the query.
    pub highlights: Vec<[usize; 2]>,
}

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProcedurePage {
    pub total: usize,
    pub page: u32,
    pub per_page: u32,
    pub items: Vec<ProcedureHit>,
    pub facets: FacetCounts,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paging_is_refused_out_of_range() {
        let q = |page, per_page| ProcedureQuery {
            page,
            per_page,
            ..Default::default()
        };
        assert!(q(None, None).check_paging().is_ok());
        assert!(q(Some(1), Some(1)).check_paging().is_ok());
        assert!(q(Some(MAX_PAGE), Some(MAX_PER_PAGE)).check_paging().is_ok());
        assert!(q(Some(0), None).check_paging().is_err());
        assert!(q(Some(MAX_PAGE + 1), None).check_paging().is_err());
        assert!(q(None, Some(0)).check_paging().is_err());
        assert!(q(None, Some(MAX_PER_PAGE + 1)).check_paging().is_err());
    }
}
