//! "Quizás quiso decir": for a query word that matches nothing, the closest word of
//! the catalog's own vocabulary, so the suggestion always finds something.

use super::index::Index;
use super::query::QueryTerm;
use super::typo::{bounded_distance, masks_within, max_edits};

/// Most edits a suggestion may be away from what was typed: one more than matching
/// allows (the word already failed that), at most three.
fn suggestion_budget(chars: usize) -> u8 {
    match chars {
        0..=2 => 0,
        _ => (max_edits(chars) + 1).min(3),
    }
}

/// The closest vocabulary word to `term`: fewest edits, then the word found in most
/// procedures (the likelier intent).
fn closest<'a>(index: &'a Index, term: &QueryTerm) -> Option<&'a str> {
    let chars: Vec<char> = term.text.chars().collect();
    let budget = suggestion_budget(chars.len());
    if budget == 0 || term.phrase {
        return None;
    }
    let mask = super::typo::char_mask(&chars);
    let mut best: Option<(u8, usize, u32)> = None;
    let n = chars.len();
    for len in n.saturating_sub(usize::from(budget))..=n + usize::from(budget) {
        for &id in index.vocab.with_len(len) {
            let w = &index.vocab.words[id as usize];
            if w.has_digit || !masks_within(mask, w.mask, budget) {
                continue;
            }
            let df = index.word_postings[id as usize].len();
            if df == 0 {
                continue;
            }
            if let Some(d) = bounded_distance(&chars, &w.chars, budget) {
                let better = best.is_none_or(|(bd, bdf, _)| d < bd || (d == bd && df > bdf));
                if better {
                    best = Some((d, df, id));
                }
            }
        }
    }
    best.map(|(_, _, id)| &*index.vocab.words[id as usize].text)
}

/// The whole query with each unmatched term replaced by its closest catalog word, or
/// `None` when no unmatched term has one.
pub(crate) fn suggest(
    index: &Index,
    query: &str,
    terms: &[QueryTerm],
    unmatched: &[usize],
) -> Option<String> {
    let mut out = String::with_capacity(query.len());
    let mut at = 0;
    let mut changed = false;
    for &t in unmatched {
        let term = &terms[t];
        let (start, end) = term.span;
        // Two Spanish words rewritten from one foreign word share its span.
        if start < at {
            continue;
        }
        let Some(word) = closest(index, term) else {
            continue;
        };
        out.push_str(&query[at..start]);
        out.push_str(word);
        at = end;
        changed = true;
    }
    changed.then(|| {
        out.push_str(&query[at..]);
        out.trim().to_string()
    })
}

#[cfg(test)]
mod tests {
    use super::suggestion_budget;

    #[test]
    fn budget_is_one_more_than_matching_allows() {
        assert_eq!(suggestion_budget(2), 0);
        assert_eq!(suggestion_budget(4), 1);
        assert_eq!(suggestion_budget(6), 2);
        assert_eq!(suggestion_budget(12), 3);
    }
}
