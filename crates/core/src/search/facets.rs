//! Filters and disjunctive facet counts.
//!
//! Each facet counts with every *other* active filter applied, so picking an agency
//! still shows how many results the other agencies would give.

use crate::api::{FacetCount, FacetCounts};
use crate::catalog::ModalityKind;

use super::index::{Doc, Index, Values};
use super::sort::sort_by;
use super::Filters;

/// Which of the four filters a document passes.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Passes {
    agency: bool,
    category: bool,
    modality: bool,
    free: bool,
}

impl Passes {
    pub fn all(self) -> bool {
        self.agency && self.category && self.modality && self.free
    }
}

/// [`Filters`] resolved to facet ids once per search.
pub(crate) struct Filter {
    /// `Some(None)`: a value the catalog does not have, which nothing passes.
    agency: Option<Option<u32>>,
    category: Option<Option<u32>>,
    modality: Option<ModalityKind>,
    free_only: bool,
}

impl Filter {
    pub fn new(index: &Index, filters: &Filters) -> Filter {
        Filter {
            agency: selected(&filters.agency).map(|a| index.agencies.id(a)),
            category: selected(&filters.category).map(|c| index.categories.id(c)),
            modality: filters.modality,
            free_only: filters.free_only,
        }
    }

    pub fn passes(&self, doc: &Doc) -> Passes {
        Passes {
            agency: self.agency.is_none_or(|a| a == Some(doc.agency)),
            category: self
                .category
                .is_none_or(|c| c.is_some_and(|c| doc.has_category(c))),
            modality: match self.modality {
                None => true,
                Some(ModalityKind::Online) => doc.online,
                Some(ModalityKind::InPerson) => doc.in_person,
            },
            free: !self.free_only || doc.free,
        }
    }
}

/// The value a filter selects; an empty one (`?entidad=`) selects nothing.
fn selected(value: &Option<String>) -> Option<&str> {
    value.as_deref().filter(|v| !v.is_empty())
}

/// Accumulates facet counts over the documents that match the query.
pub(crate) struct FacetCounter {
    agencies: Vec<usize>,
    categories: Vec<usize>,
    online: usize,
    in_person: usize,
    free: usize,
}

impl FacetCounter {
    pub fn new(index: &Index) -> FacetCounter {
        FacetCounter {
            agencies: vec![0; index.agencies.names.len()],
            categories: vec![0; index.categories.names.len()],
            online: 0,
            in_person: 0,
            free: 0,
        }
    }

    /// Counts a document that matches the query, given the filters it passes.
    pub fn add(&mut self, doc: &Doc, p: Passes) {
        if p.category && p.modality && p.free {
            self.agencies[doc.agency as usize] += 1;
        }
        if p.agency && p.modality && p.free {
            for c in doc.categories() {
                self.categories[c as usize] += 1;
            }
        }
        if p.agency && p.category && p.free {
            self.online += usize::from(doc.online);
            self.in_person += usize::from(doc.in_person);
        }
        if p.agency && p.category && p.modality {
            self.free += usize::from(doc.free);
        }
    }

    pub fn finish(self, index: &Index, filters: &Filters) -> FacetCounts {
        FacetCounts {
            agencies: facet_list(&index.agencies, &self.agencies, selected(&filters.agency)),
            categories: facet_list(
                &index.categories,
                &self.categories,
                selected(&filters.category),
            ),
            online: self.online,
            in_person: self.in_person,
            free: self.free,
        }
    }
}

/// Values with a count, by count then value; the selected value always appears (even
/// at zero) so the person can see and undo their choice.
fn facet_list(values: &Values, counts: &[usize], selected: Option<&str>) -> Vec<FacetCount> {
    let mut list: Vec<FacetCount> = values
        .names
        .iter()
        .zip(counts)
        .filter(|&(value, &count)| count > 0 || Some(value.as_str()) == selected)
        .map(|(value, &count)| FacetCount {
            value: value.clone(),
            count,
        })
        .collect();
    if let Some(selected) = selected {
        if !list.iter().any(|f| f.value == selected) {
            list.push(FacetCount {
                value: selected.to_string(),
                count: 0,
            });
        }
    }
    sort_by(&mut list, |a, b| {
        b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value))
    });
    list
}
