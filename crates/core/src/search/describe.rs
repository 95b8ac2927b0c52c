//! Procedures that may already answer what a person is describing in the wizard
//! ("¿Qué pasó?"): the self-service first level, offered before a case is filed.
//!
//! A description is a sentence or a paragraph, not a query: most of its words are about
//! the person's situation, so the search's partial matches (procedures covering most of
//! the rare words) are the useful ones. A suggestion interrupts someone who is writing,
//! so it must be plausible at a glance: only procedures whose *name* shares a word with
//! the description are offered, close to the best one's score.

use super::query::{match_term, parse, TermMatches};
use super::rank::{tally, Highlighter};
use super::{Hit, SearchIndex};

/// At most this many suggestions: more would bury the question the person is answering.
pub const DESCRIPTION_SUGGESTIONS: usize = 3;

/// Words needed before anything is suggested: the first two or three words of a
/// description say too little, and suggestions changing at every word distract.
pub const MIN_DESCRIPTION_WORDS: usize = 4;

/// Deciding words a procedure must share with the description: one shared word
/// ("música" in a complaint about a neighbour's music) is a coincidence.
const MIN_SHARED_TERMS: usize = 2;

/// Suggestions scoring below this share of the best one are left out.
const CLOSE_TO_BEST: f32 = 0.5;

impl SearchIndex {
    /// Up to [`DESCRIPTION_SUGGESTIONS`] procedures for `description`, best first: those
    /// sharing at least two deciding words with it, one of them in the name, scoring
    /// close to the best. None for a description shorter than
    /// [`MIN_DESCRIPTION_WORDS`] words.
    ///
    /// Unlike [`SearchIndex::search`], no procedure has to match most of the words: a
    /// description is mostly about the person, not about the procedure.
    pub fn for_description(&self, description: &str) -> Vec<Hit> {
        if description.split_whitespace().count() < MIN_DESCRIPTION_WORDS {
            return Vec::new();
        }
        let terms = parse(description, &self.index.synonyms);
        let matches: Vec<TermMatches> = terms
            .iter()
            .map(|t| match_term(t, &self.index.vocab))
            .collect();
        let tally = tally(&self.index, &matches);
        let highlighter = Highlighter::new(&self.index, &matches);
        let hits: Vec<Hit> = (0..tally.docs())
            .filter(|&doc| tally.decided(doc) >= MIN_SHARED_TERMS)
            .filter_map(|doc| {
                let h = highlighter.highlight(doc);
                (!h.ranges.is_empty()).then(|| Hit {
                    doc,
                    score: tally.score(doc) + h.coverage_bonus,
                    highlights: h.ranges,
                })
            })
            .collect();
        pick_suggestions(self.best_first(hits), |h| (h.score, true))
    }
}

/// The suggestions among `hits` (best first): named matches close to the best one's
/// score, at most [`DESCRIPTION_SUGGESTIONS`]. `judge` gives a hit's score and whether
/// its name matched; the backend's search results go through the same rule.
pub fn pick_suggestions<H>(hits: Vec<H>, judge: impl Fn(&H) -> (f32, bool)) -> Vec<H> {
    let named: Vec<H> = hits.into_iter().filter(|h| judge(h).1).collect();
    let Some(best) = named.first().map(|h| judge(h).0) else {
        return Vec::new();
    };
    named
        .into_iter()
        .filter(|h| judge(h).0 >= CLOSE_TO_BEST * best)
        .take(DESCRIPTION_SUGGESTIONS)
        .collect()
}
