//! Catalog search engine, shared by the browser (instant search over the downloaded
//! [`CatalogIndex`]) and the backend (`GET /api/v1/procedures`).
//!
//! What it does for Spanish queries:
//! - folds case and accents (`JUBILACIÓN` = `jubilacion`), and drops stop words
//!   (`licencia de conducir` needs `licencia` and `conducir`);
//!   and the words of asking (`quiero`, `necesito`, `cómo`, `sacar`); rewrites obvious
//!   English and Portuguese words into Spanish (`passport`, `carteira de motorista`);
//! - matches each word by exact word, stem (`licencias` = `licencia`, `inscribo` =
//!   `inscripción`, `construir` = `construcción`), synonym (`brevet` = `conducir`,
//!   built in or the deployment's), prefix for the word being typed (`pasap`), or typo
//!   (Damerau-Levenshtein: 1 edit for 5–8 letters, 2 from 9);
//! - returns the procedures matching every word that decides (words found in most
//!   procedures, such as the country's name, do not); when there are none, the ones
//!   matching most of the query, flagged [`SearchOutcome::partial`], and for words
//!   that match nothing a corrected query ([`SearchOutcome::suggestion`]);
//! - ranks by field (name > keywords > agency > summary) times kind of match
//!   (exact > stem > synonym > prefix > typo) times the word's rarity (IDF), then by
//!   name;
//! - counts facets disjunctively (each facet ignores its own filter).
//!
//! [`SearchIndex::new`] precomputes the vocabulary and postings, so a search only scans
//! the distinct words (for typos and prefixes) and the postings of the words it matched.

mod describe;
mod facets;
mod foreign;
mod index;
mod query;
mod rank;
mod remote;
mod sort;
mod stem;
mod suggest;
mod synonyms;
mod text;
mod typo;
mod vocab;

#[cfg(test)]
mod describe_tests;
#[cfg(test)]
mod natural_tests;
#[cfg(test)]
mod tests;

use std::fmt;

use crate::api::FacetCounts;
use crate::catalog::{CatalogIndex, ModalityKind};

use facets::{FacetCounter, Filter};
use index::Index;
use query::{match_term, parse, TermMatches};
use rank::{score_docs, Highlighter};
use synonyms::Synonyms;

pub use describe::{pick_suggestions, DESCRIPTION_SUGGESTIONS, MIN_DESCRIPTION_WORDS};
pub use remote::{
    filters_of, search_mode, search_page, SearchMode, SearchPage, LOCAL_SEARCH_MAX_PROCEDURES,
    SEARCH_PAGE_SIZE,
};
/// One folding for the whole product: the search, and the backend's importer (names,
/// units, slugs) compare text the same way.
pub use text::{fold, fold_char};

/// Filters of a search; `None`/`false` means "any".
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filters {
    /// Agency acronym, e.g. `SEGIP`.
    pub agency: Option<String>,
    /// Category slug.
    pub category: Option<String>,
    pub modality: Option<ModalityKind>,
    pub free_only: bool,
}

/// One matching procedure.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    /// Index into [`CatalogIndex::procedures`].
    pub doc: usize,
    /// Relevance; 0 for an empty query. Only meaningful relative to other hits.
    pub score: f32,
    /// Byte ranges `[start, end)` of the matched words in the procedure's original name,
    /// sorted and non-overlapping, always on char boundaries.
    pub highlights: Vec<[usize; 2]>,
}

/// The result of [`SearchIndex::search`].
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SearchOutcome {
    /// Every match, best first (by name for an empty query).
    pub hits: Vec<Hit>,
    pub facets: FacetCounts,
    /// No procedure matches the whole query: `hits` match part of it (the words that
    /// matter most first). The page should say so ("coinciden con parte de su
    /// búsqueda").
    pub partial: bool,
    /// Some query word matches nothing in the catalog: the whole query with each such
    /// word replaced by the closest catalog word (folded, e.g. `renovar pasaporte`), to
    /// offer as "Quizás quiso decir". Searching it finds something.
    pub suggestion: Option<String>,
}

/// A catalog prepared for searching. Build it once per catalog; searching is read-only,
/// so one index can serve concurrent searches.
#[derive(Clone)]
pub struct SearchIndex {
    index: Index,
}

impl fmt::Debug for SearchIndex {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SearchIndex")
            .field("procedures", &self.index.docs.len())
            .field("words", &self.index.vocab.words.len())
            .finish_non_exhaustive()
    }
}

impl SearchIndex {
    /// Indexes every procedure of `index`: names, keywords, acronyms, agency acronyms and
    /// names (from [`CatalogIndex::agencies`]), summaries and category names.
    pub fn new(index: &CatalogIndex) -> SearchIndex {
        Self::with_synonyms(index, &[])
    }

    /// Like [`SearchIndex::new`], adding a deployment's own synonym groups to the
    /// built-in ones. Each group is a list of interchangeable words or phrases, written
    /// naturally (`["micro", "minibús", "transporte público"]`); plurals and genders
    /// match too.
    pub fn with_synonyms(index: &CatalogIndex, extra: &[Vec<String>]) -> SearchIndex {
        SearchIndex {
            index: Index::new(index, Synonyms::with_extra(extra)),
        }
    }

    /// Number of procedures indexed.
    pub fn len(&self) -> usize {
        self.index.docs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.index.docs.is_empty()
    }

    /// Rough heap size of the index in bytes (postings, vocabulary, per-procedure
    /// data), for benchmarks and for deciding where to search.
    pub fn heap_bytes(&self) -> usize {
        use std::mem::size_of;
        let ix = &self.index;
        let lists = |l: &[Vec<u32>]| {
            l.iter()
                .map(|v| v.len() * 4 + size_of::<Vec<u32>>())
                .sum::<usize>()
        };
        let words: usize = ix
            .vocab
            .words
            .iter()
            .map(|w| w.text.len() + w.chars.len() * 4 + w.groups.len() * 4 + 64)
            .sum();
        // The vocabulary's lookup tables hold about three more entries per word.
        let lookups = ix.vocab.words.len() * 3 * 24;
        lists(&ix.word_postings)
            + lists(&ix.group_postings)
            + lists(&ix.vocab.stem_words)
            + words
            + lookups
            + ix.docs
                .iter()
                .map(|d| size_of::<index::Doc>() + d.category_count().saturating_sub(1) * 4)
                .sum::<usize>()
            + ix.name_words.len() * size_of::<index::NameWord>()
            + ix.by_name.len() * 8
    }

    /// Searches the catalog.
    ///
    /// An empty query (or one made only of stop words) returns every procedure that
    /// passes the filters, by name. Otherwise the procedures matching every query word
    /// that decides, best first, ties by name; if there are none, those matching most
    /// of the query, with [`SearchOutcome::partial`] set.
    pub fn search(&self, query: &str, filters: &Filters) -> SearchOutcome {
        let terms = parse(query, &self.index.synonyms);
        if terms.is_empty() {
            return self.browse(filters);
        }
        let matches: Vec<TermMatches> = terms
            .iter()
            .map(|t| match_term(t, &self.index.vocab))
            .collect();
        let highlighter = Highlighter::new(&self.index, &matches);
        let scored = score_docs(&self.index, &matches);
        let mut outcome = self.collect(scored.docs.into_iter(), filters);
        outcome.partial = scored.partial;
        outcome.suggestion = suggest::suggest(&self.index, query, &terms, &scored.unmatched);
        for hit in &mut outcome.hits {
            let h = highlighter.highlight(hit.doc);
            hit.highlights = h.ranges;
            hit.score += h.coverage_bonus;
        }
        outcome.hits = self.best_first(std::mem::take(&mut outcome.hits));
        outcome
    }

    /// Sorts hits by score, ties by name. Sorting one integer key per hit (score, name
    /// rank, position) instead of comparing hits is what keeps a two-letter prefix that
    /// matches most of a 50,000-procedure catalog within a keystroke's budget.
    fn best_first(&self, hits: Vec<Hit>) -> Vec<Hit> {
        let rank = &self.index.name_rank;
        let mut keys: Vec<u128> = hits
            .iter()
            .enumerate()
            .map(|(i, h)| {
                // Scores are never negative, so their bits order like their values;
                // inverted, the best score sorts first.
                let score = if h.score > 0.0 { h.score.to_bits() } else { 0 };
                u128::from(u32::MAX - score) << 64 | u128::from(rank[h.doc]) << 32 | i as u128
            })
            .collect();
        sort::sort_by(&mut keys, |a, b| a.cmp(b));
        let mut slots: Vec<Option<Hit>> = hits.into_iter().map(Some).collect();
        keys.iter()
            .filter_map(|&k| slots[(k & 0xffff_ffff) as usize].take())
            .collect()
    }

    /// Every procedure passing the filters, in name order.
    fn browse(&self, filters: &Filters) -> SearchOutcome {
        let by_name = self.index.by_name.iter().map(|&doc| (doc as usize, 0.0));
        self.collect(by_name, filters)
    }

    /// Applies the filters to the documents matching the query, keeping their order,
    /// and counts facets over them.
    fn collect(
        &self,
        matched: impl Iterator<Item = (usize, f32)>,
        filters: &Filters,
    ) -> SearchOutcome {
        let filter = Filter::new(&self.index, filters);
        let mut facets = FacetCounter::new(&self.index);
        let mut hits = Vec::new();
        for (doc, score) in matched {
            let passes = filter.passes(&self.index.docs[doc]);
            facets.add(&self.index.docs[doc], passes);
            if passes.all() {
                hits.push(Hit {
                    doc,
                    score,
                    highlights: Vec::new(),
                });
            }
        }
        SearchOutcome {
            hits,
            facets: facets.finish(&self.index, filters),
            partial: false,
            suggestion: None,
        }
    }
}
