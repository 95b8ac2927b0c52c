//! Scoring documents against the matched terms, and highlighting their names.

use super::index::{unpack, Index};
use super::query::{TermMatches, SYNONYM};
use super::synonyms::find_phrases;

/// Extra score for a name made mostly of matched words, so `Pasaporte` ranks above
/// `Pasaporte para menores de edad` for `pasaporte`. Kept below the smallest gap
/// between match kinds in the name, so it only orders otherwise equal matches.
const NAME_COVERAGE_BONUS: f32 = 0.4;

/// A term found in more than this share of the procedures ("trámite", "solicitud",
/// the country's name) does not decide what matches: it only adds a little score.
const COMMON_SHARE: f32 = 0.5;

/// Below this many procedures document frequencies say nothing: no word is common.
const MIN_DOCS_FOR_COMMON: usize = 20;

/// Partial matches kept: those covering at least this share of the best partial
/// match's (IDF-weighted) coverage, so a long sentence does not list half the catalog.
const PARTIAL_KEEP: f32 = 0.5;

/// Share of a term's other matches in a procedure (more fields, more forms) added to
/// its best match: more evidence breaks ties between equally named procedures, while
/// staying well below the gap between kinds of match in the name (10 × 0.1).
const EVIDENCE: f32 = 0.02;

/// What the query matched.
#[derive(Debug, Default)]
pub(crate) struct Scored {
    /// Matching documents and their score, in document order.
    pub docs: Vec<(usize, f32)>,
    /// No document matched every term that decides: `docs` match part of the query.
    pub partial: bool,
    /// Positions of the terms that matched no document at all.
    pub unmatched: Vec<usize>,
}

/// Per-document sums over the terms.
struct Accumulator {
    /// Σ term weight × best (field weight × match factor).
    score: Vec<f32>,
    /// Σ term weight of the matched terms (the share of the query matched).
    coverage: Vec<f32>,
    /// Terms matched that decide (not common).
    deciding: Vec<u16>,
    /// Every term matched, common or not.
    all: Vec<u16>,
}

/// Every document's sums over the matched terms, and what decides a match.
pub(crate) struct Tally {
    acc: Accumulator,
    /// Positions of the terms that matched no document at all.
    unmatched: Vec<usize>,
    /// Terms that decide (found, and not in most documents); when none does, every
    /// matched term decides.
    needed: usize,
    /// Whether the count of deciding terms is `acc.deciding` (else `acc.all`).
    by_deciding: bool,
}

impl Tally {
    /// How many deciding terms `doc` matched.
    pub fn decided(&self, doc: usize) -> usize {
        usize::from(if self.by_deciding {
            self.acc.deciding[doc]
        } else {
            self.acc.all[doc]
        })
    }

    pub fn score(&self, doc: usize) -> f32 {
        self.acc.score[doc]
    }

    pub fn docs(&self) -> usize {
        self.acc.score.len()
    }
}

/// Sums, for every document, the weighted matches of every term.
///
/// Each term's weight is its inverse document frequency, normalised so a query's
/// weights sum to its number of terms (a one-word query scores as before): rare words
/// outweigh common ones.
pub(crate) fn tally(index: &Index, terms: &[TermMatches]) -> Tally {
    let n = index.docs.len();
    let mut best = vec![0f32; n];
    let mut sum = vec![0f32; n];
    let mut touched: Vec<Vec<usize>> = Vec::with_capacity(terms.len());
    let mut term_best: Vec<Vec<f32>> = Vec::with_capacity(terms.len());
    for term in terms {
        let mut docs = Vec::new();
        let mut raise = |posting: u32, factor: f32| {
            let (doc, weight) = unpack(posting);
            if best[doc] == 0.0 {
                docs.push(doc);
            }
            best[doc] = best[doc].max(weight * factor);
            sum[doc] += weight * factor;
        };
        for &(word, factor) in &term.words {
            for &p in &index.word_postings[word as usize] {
                raise(p, factor);
            }
        }
        for &group in &term.groups {
            for &p in &index.group_postings[group as usize] {
                raise(p, SYNONYM);
            }
        }
        term_best.push(
            docs.iter()
                .map(|&d| {
                    let (b, s) = (std::mem::take(&mut best[d]), std::mem::take(&mut sum[d]));
                    b + EVIDENCE * (s - b)
                })
                .collect(),
        );
        touched.push(docs);
    }

    let unmatched: Vec<usize> = (0..terms.len())
        .filter(|&t| touched[t].is_empty())
        .collect();
    let common: Vec<bool> = touched
        .iter()
        .map(|docs| n >= MIN_DOCS_FOR_COMMON && docs.len() as f32 > COMMON_SHARE * n as f32)
        .collect();
    let weights = term_weights(n, &touched);
    let mut acc = Accumulator {
        score: vec![0.0; n],
        coverage: vec![0.0; n],
        deciding: vec![0; n],
        all: vec![0; n],
    };
    for (t, docs) in touched.iter().enumerate() {
        for (&doc, &b) in docs.iter().zip(&term_best[t]) {
            acc.score[doc] += weights[t] * b;
            acc.coverage[doc] += weights[t];
            acc.all[doc] += 1;
            acc.deciding[doc] += u16::from(!common[t]);
        }
    }

    let matched = terms.len() - unmatched.len();
    let deciding = common
        .iter()
        .zip(&touched)
        .filter(|(&c, d)| !c && !d.is_empty())
        .count();
    // A query made only of common words is decided by all of them.
    let (needed, by_deciding) = if deciding == 0 {
        (matched, false)
    } else {
        (deciding, true)
    };
    Tally {
        acc,
        unmatched,
        needed,
        by_deciding,
    }
}

/// Scores every document that matches at least one term ([`tally`]).
///
/// A document that matches every deciding term is a strict match; if there are none,
/// the documents covering most of the query are returned as partial matches.
pub(crate) fn score_docs(index: &Index, terms: &[TermMatches]) -> Scored {
    let tally = tally(index, terms);
    let n = tally.docs();
    let matched = terms.len() - tally.unmatched.len();
    if tally.unmatched.is_empty() {
        let strict: Vec<(usize, f32)> = (0..n)
            .filter(|&d| tally.decided(d) == tally.needed)
            .map(|d| (d, tally.score(d)))
            .collect();
        if !strict.is_empty() || matched == 0 {
            return Scored {
                docs: strict,
                partial: false,
                unmatched: tally.unmatched,
            };
        }
    }
    let coverage = &tally.acc.coverage;
    let best_coverage = (0..n)
        .filter(|&d| tally.decided(d) > 0)
        .map(|d| coverage[d])
        .fold(0f32, f32::max);
    let docs: Vec<(usize, f32)> = (0..n)
        .filter(|&d| tally.decided(d) > 0 && coverage[d] >= PARTIAL_KEEP * best_coverage)
        .map(|d| (d, tally.score(d)))
        .collect();
    Scored {
        partial: !docs.is_empty(),
        docs,
        unmatched: tally.unmatched,
    }
}

/// Inverse document frequency of each term, scaled so the weights of the matched terms
/// sum to their number. Unmatched terms weigh nothing.
fn term_weights(n: usize, touched: &[Vec<usize>]) -> Vec<f32> {
    let idf: Vec<f32> = touched
        .iter()
        .map(|docs| match docs.len() {
            0 => 0.0,
            df => (1.0 + n as f32 / df as f32).ln(),
        })
        .collect();
    let sum: f32 = idf.iter().sum();
    let matched = idf.iter().filter(|&&w| w > 0.0).count();
    if sum == 0.0 {
        return idf;
    }
    idf.iter().map(|w| w * matched as f32 / sum).collect()
}

/// Finds the words of a name that some term matched.
pub(crate) struct Highlighter<'a> {
    index: &'a Index,
    words: Vec<bool>,
    groups: Vec<bool>,
    /// Some term stands for a synonym group: only then are a word's groups looked at
    /// (a pointer per word, so a cache miss per word on large catalogs).
    any_group: bool,
    any_phrase: bool,
}

/// The highlights of one name and the share of its words that matched.
pub(crate) struct Highlights {
    pub ranges: Vec<[usize; 2]>,
    pub coverage_bonus: f32,
}

impl<'a> Highlighter<'a> {
    pub fn new(index: &'a Index, terms: &[TermMatches]) -> Highlighter<'a> {
        let mut words = vec![false; index.vocab.words.len()];
        let mut groups = vec![false; index.synonyms.group_count()];
        for term in terms {
            for &(w, _) in &term.words {
                words[w as usize] = true;
            }
            for &g in &term.groups {
                groups[g as usize] = true;
            }
        }
        let any_phrase = index
            .synonyms
            .phrases()
            .iter()
            .any(|p| groups[p.group as usize]);
        let any_group = groups.iter().any(|&g| g);
        Highlighter {
            index,
            words,
            groups,
            any_group,
            any_phrase,
        }
    }

    /// Byte ranges of the matched words of a document's name, in order. A matched
    /// multi-word synonym is one range (`documento de identidad`).
    pub fn highlight(&self, doc: usize) -> Highlights {
        let name = self.index.name_words(doc);
        let vocab = &self.index.vocab.words;
        let mut ranges = Vec::new();
        // Matched words as bits (no allocation per hit); words past the 128th of a
        // name are highlighted but not counted for coverage.
        let mut hit: u128 = 0;
        let bit = |i: usize| if i < 128 { 1u128 << i } else { 0 };
        for (i, nw) in name.iter().enumerate() {
            let w = nw.word as usize;
            let in_group =
                || self.any_group && vocab[w].groups.iter().any(|&g| self.groups[g as usize]);
            if self.words[w] || in_group() {
                hit |= bit(i);
                ranges.push([nw.start as usize, nw.end as usize]);
            }
        }
        if self.any_phrase {
            find_phrases(
                &self.index.synonyms,
                name.len(),
                |i| vocab[name[i].word as usize].key(),
                |phrase, first, last| {
                    if self.groups[phrase.group as usize] {
                        (first..=last).for_each(|i| hit |= bit(i));
                        ranges.push([name[first].start as usize, name[last].end as usize]);
                    }
                },
            );
        }
        let covered = hit.count_ones() as usize;
        let coverage_bonus = if name.is_empty() {
            0.0
        } else {
            NAME_COVERAGE_BONUS * covered as f32 / name.len() as f32
        };
        Highlights {
            ranges: merge(ranges),
            coverage_bonus,
        }
    }
}

/// Sorts ranges and merges overlapping ones (a phrase and the words inside it).
fn merge(mut ranges: Vec<[usize; 2]>) -> Vec<[usize; 2]> {
    super::sort::sort_by(&mut ranges, |a, b| a.cmp(b));
    let mut out: Vec<[usize; 2]> = Vec::with_capacity(ranges.len());
    for r in ranges {
        match out.last_mut() {
            Some(last) if r[0] < last[1] => last[1] = last[1].max(r[1]),
            _ => out.push(r),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::merge;

    #[test]
    fn merges_only_overlapping_ranges() {
        assert_eq!(
            merge(vec![[10, 19], [0, 5], [6, 8], [10, 30]]),
            [[0, 5], [6, 8], [10, 30]]
        );
        assert_eq!(merge(vec![[0, 5], [5, 8]]), [[0, 5], [5, 8]]);
    }
}
