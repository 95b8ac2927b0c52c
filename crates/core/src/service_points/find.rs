//! Finding service points: by text with the catalog's own search engine (typos,
//! accents, plurals, synonyms), by place and by procedure.

use crate::catalog::{Agency, CatalogIndex, ProcedureSummary};
use crate::search::{fold, Filters, SearchIndex};

use super::ServicePoint;

/// What the person asked for; an empty field means "any".
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PointFilter<'a> {
    /// Free text: the point's name, address, place, agencies or procedures.
    pub text: &'a str,
    /// A place as listed by [`PointSearch::places`] (compared without case or accents).
    pub place: &'a str,
    /// A procedure's slug.
    pub procedure: &'a str,
}

/// The points found, as indices into [`PointSearch::points`].
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PointsFound {
    /// Best first for a text; in the list's order (place, name) without one.
    pub points: Vec<usize>,
    /// No point matches the whole text: these match part of it.
    pub partial: bool,
    /// The text with each word that matches nothing replaced by the closest word.
    pub suggestion: Option<String>,
}

/// Service points prepared for searching: each point is indexed as the search engine
/// indexes a procedure (its name as the name, its agencies as the agency, its place
/// and procedures as keywords, its address as the summary), so a point is found the
/// way a procedure is.
#[derive(Debug, Clone)]
pub struct PointSearch {
    points: Vec<ServicePoint>,
    index: SearchIndex,
}

impl PointSearch {
    /// `synonyms`: the deployment's own groups, as for the catalog.
    pub fn new(points: Vec<ServicePoint>, synonyms: &[Vec<String>]) -> PointSearch {
        let mut agencies: Vec<Agency> = Vec::new();
        let mut docs = Vec::with_capacity(points.len());
        for (i, point) in points.iter().enumerate() {
            let agency = point.agencies.first().cloned().unwrap_or_default();
            let acronym = format!("a{i}");
            agencies.push(Agency {
                acronym: acronym.clone(),
                slug: acronym.clone(),
                name: agency,
                description: None,
                website: None,
                phone: None,
                email: None,
            });
            let mut keywords: Vec<String> = point.city.iter().cloned().collect();
            keywords.extend(point.agencies.iter().skip(1).cloned());
            keywords.extend(point.procedures.iter().map(|p| p.name.clone()));
            docs.push(ProcedureSummary {
                slug: point.id.clone(),
                name: point.name.clone(),
                acronym: None,
                summary: point.address.clone(),
                agency: acronym,
                categories: Vec::new(),
                keywords,
                online: false,
                in_person: true,
                free: false,
            });
        }
        let catalog = CatalogIndex {
            synonyms: synonyms.to_vec(),
            agencies,
            categories: Vec::new(),
            procedures: docs,
        };
        let index = SearchIndex::with_synonyms(&catalog, synonyms);
        PointSearch { points, index }
    }

    pub fn points(&self) -> &[ServicePoint] {
        &self.points
    }

    /// The places of the points, each once, in the list's order (sorted by place).
    pub fn places(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for city in self.points.iter().filter_map(|p| p.city.as_ref()) {
            if !out.iter().any(|c| fold(c) == fold(city)) {
                out.push(city.clone());
            }
        }
        out
    }

    /// Every procedure done at some point, each once, sorted by name: `(slug, name)`.
    pub fn procedures(&self) -> Vec<(String, String)> {
        let mut out: Vec<(String, String)> = self
            .points
            .iter()
            .flat_map(|p| p.procedures.iter())
            .map(|p| (p.slug.clone(), p.name.clone()))
            .collect();
        out.sort_by_cached_key(|(slug, name)| (fold(name), slug.clone()));
        out.dedup_by(|a, b| a.0 == b.0);
        out
    }

    /// The points passing the place and procedure filters and matching the text.
    pub fn find(&self, filter: &PointFilter) -> PointsFound {
        let place = fold(filter.place.trim());
        let procedure = filter.procedure.trim();
        let passes = |point: &ServicePoint| {
            (place.is_empty() || point.city.as_deref().map(fold) == Some(place.clone()))
                && (procedure.is_empty() || point.procedures.iter().any(|p| p.slug == procedure))
        };
        if filter.text.trim().is_empty() {
            return PointsFound {
                points: (0..self.points.len())
                    .filter(|&i| passes(&self.points[i]))
                    .collect(),
                partial: false,
                suggestion: None,
            };
        }
        let outcome = self.index.search(filter.text, &Filters::default());
        PointsFound {
            points: outcome
                .hits
                .iter()
                .map(|hit| hit.doc)
                .filter(|&i| passes(&self.points[i]))
                .collect(),
            partial: outcome.partial,
            suggestion: outcome.suggestion,
        }
    }
}
