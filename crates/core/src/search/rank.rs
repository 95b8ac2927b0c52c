//! Scoring documents against the matched terms, and highlighting their names.

use super::index::{unpack, Index};
use super::query::{TermMatches, SYNONYM};
use super::synonyms::find_phrases;

/// Extra score for a name made mostly of matched words, so `Pasaporte` ranks above
/// `Pasaporte para menores de edad` for `pasaporte`. Kept below the smallest gap
/// between match kinds in the name, so it only orders otherwise equal matches.
const NAME_COVERAGE_BONUS: f32 = 0.4;

/// Documents that match every term, with their score: for each term, its best match
/// over all fields (field weight × match factor), summed over the terms.
pub(crate) fn matching_docs(index: &Index, terms: &[TermMatches]) -> Vec<(usize, f32)> {
    let n = index.docs.len();
    let mut total = vec![0f32; n];
    // How many terms (in order) each document has matched so far: a document that
    // misses one term can never catch up, which gives AND semantics.
    let mut matched = vec![0usize; n];
    let mut best = vec![0f32; n];
    let mut touched = Vec::new();
    for (t, term) in terms.iter().enumerate() {
        let mut raise = |posting: u32, factor: f32| {
            let (doc, weight) = unpack(posting);
            if matched[doc] != t {
                return;
            }
            if best[doc] == 0.0 {
                touched.push(doc);
            }
            best[doc] = best[doc].max(weight * factor);
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
        if touched.is_empty() {
            return Vec::new();
        }
        for &doc in &touched {
            total[doc] += best[doc];
            matched[doc] += 1;
            best[doc] = 0.0;
        }
        touched.clear();
    }
    (0..n)
        .filter(|&d| matched[d] == terms.len())
        .map(|d| (d, total[d]))
        .collect()
}

/// Finds the words of a name that some term matched.
pub(crate) struct Highlighter<'a> {
    index: &'a Index,
    words: Vec<bool>,
    groups: Vec<bool>,
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
        Highlighter {
            index,
            words,
            groups,
            any_phrase,
        }
    }

    /// Byte ranges of the matched words of a document's name, in order. A matched
    /// multi-word synonym is one range (`documento de identidad`).
    pub fn highlight(&self, doc: usize) -> Highlights {
        let name = self.index.name_words(doc);
        let vocab = &self.index.vocab.words;
        let mut ranges = Vec::new();
        let mut hit = vec![false; name.len()];
        for (i, nw) in name.iter().enumerate() {
            let w = nw.word as usize;
            if self.words[w] || vocab[w].groups.iter().any(|&g| self.groups[g as usize]) {
                hit[i] = true;
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
                        hit[first..=last].iter_mut().for_each(|h| *h = true);
                        ranges.push([name[first].start as usize, name[last].end as usize]);
                    }
                },
            );
        }
        let covered = hit.iter().filter(|&&h| h).count();
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
