//! Query parsing and matching each query word against the vocabulary.

use super::foreign::to_spanish;
use super::stem::{light_stem, stem};
use super::synonyms::{find_phrases, Phrase, Synonyms};
use super::text::{ends_in_word, for_each_word, is_query_filler, is_stop_word};
use super::typo::{bounded_distance, char_mask, masks_within, max_edits};
use super::vocab::Vocab;

/// How much of a field's weight each kind of match earns: the exact word beats its
/// other forms, which beat a synonym, a word still being typed, and a typo.
pub(crate) const EXACT: f32 = 1.0;
pub(crate) const STEM: f32 = 0.9;
pub(crate) const SYNONYM: f32 = 0.8;
pub(crate) const PREFIX: f32 = 0.7;
pub(crate) const ONE_TYPO: f32 = 0.55;
pub(crate) const TWO_TYPOS: f32 = 0.45;

/// Shortest last word matched as a prefix: one letter would match half the catalog.
const MIN_PREFIX: usize = 2;

/// One word of the query (or one multi-word synonym such as `documento de identidad`).
#[derive(Debug, Clone)]
pub(crate) struct QueryTerm {
    /// Folded text; for a phrase, its words joined by spaces.
    pub text: String,
    chars: Vec<char>,
    mask: u32,
    /// The person may still be typing this word.
    pub prefix: bool,
    pub max_edits: u8,
    /// Synonym groups the term stands for.
    pub groups: Vec<u32>,
    /// A multi-word synonym matches only through its group.
    pub phrase: bool,
    /// Byte range of what the person typed for this term (for "did you mean").
    pub span: (usize, usize),
}

impl QueryTerm {
    fn word(text: &str, prefix: bool, synonyms: &Synonyms, span: (usize, usize)) -> QueryTerm {
        let chars: Vec<char> = text.chars().collect();
        let has_digit = chars.iter().any(char::is_ascii_digit);
        QueryTerm {
            text: text.to_string(),
            mask: char_mask(&chars),
            prefix: prefix && chars.len() >= MIN_PREFIX,
            max_edits: if has_digit { 0 } else { max_edits(chars.len()) },
            chars,
            groups: synonyms.groups_of(text).to_vec(),
            phrase: false,
            span,
        }
    }

    /// A multi-word synonym: matches its group (in names and keywords) and the phrase
    /// itself anywhere.
    fn phrase(words: &[String], phrase: &Phrase, span: (usize, usize)) -> QueryTerm {
        QueryTerm {
            span,
            text: words.join(" "),
            chars: Vec::new(),
            mask: 0,
            prefix: false,
            max_edits: 0,
            groups: vec![phrase.group, phrase.literal],
            phrase: true,
        }
    }
}

/// Splits a query into terms: folded words, foreign words rewritten into Spanish,
/// without stop words and the words of asking ("quiero", "necesito"), each multi-word
/// synonym merged into one term. Only the last word typed is a prefix, and only while
/// the query does not end in a space or punctuation (the person is still typing it).
pub(crate) fn parse(query: &str, synonyms: &Synonyms) -> Vec<QueryTerm> {
    let mut typed = Vec::new();
    let mut spans = Vec::new();
    let mut buf = String::new();
    for_each_word(query, &mut buf, |w, start, end| {
        typed.push(w.to_string());
        spans.push((start, end));
    });
    let typing_last = ends_in_word(query);
    // (word, index of the typed word it comes from, still being typed)
    let mut words: Vec<(String, usize, bool)> = Vec::new();
    for (w, from) in to_spanish(&typed) {
        if is_stop_word(&w) || is_query_filler(&w) {
            continue;
        }
        // A rewritten word is complete even if the foreign one is still being typed.
        let prefix = typing_last && from + 1 == typed.len() && w == typed[from];
        words.push((w, from, prefix));
    }

    // Phrase spans by first word; the first phrase found at a position wins.
    let mut phrase_at: Vec<Option<(&Phrase, usize)>> = vec![None; words.len()];
    find_phrases(
        synonyms,
        words.len(),
        |i| light_stem(&words[i].0),
        |phrase, first, last| {
            phrase_at[first].get_or_insert((phrase, last));
        },
    );

    let mut terms = Vec::with_capacity(words.len());
    let mut i = 0;
    while i < words.len() {
        let start = spans[words[i].1].0;
        if let Some((phrase, last)) = phrase_at[i] {
            let texts: Vec<String> = words[i..=last].iter().map(|w| w.0.clone()).collect();
            let span = (start, spans[words[last].1].1);
            terms.push(QueryTerm::phrase(&texts, phrase, span));
            i = last + 1;
        } else {
            let (text, from, prefix) = &words[i];
            let prefix = *prefix && i + 1 == words.len();
            terms.push(QueryTerm::word(text, prefix, synonyms, spans[*from]));
            i += 1;
        }
    }
    terms
}

/// The vocabulary words and synonym groups a term matches, with the word's match factor.
#[derive(Debug, Clone, Default)]
pub(crate) struct TermMatches {
    /// `(word id, factor)`, one entry per word, best factor kept.
    pub words: Vec<(u32, f32)>,
    pub groups: Vec<u32>,
}

/// Finds what `term` matches: the exact word, words of the same stem, words it starts
/// (last word only), words within its typo budget, and its synonym groups.
pub(crate) fn match_term(term: &QueryTerm, vocab: &Vocab) -> TermMatches {
    let mut words = Vec::new();
    if !term.phrase {
        if let Some(id) = vocab.id(&term.text) {
            words.push((id, EXACT));
        }
        if let Some(s) = vocab.stem_id(stem(&term.text)) {
            words.extend(vocab.stem_words[s as usize].iter().map(|&id| (id, STEM)));
        }
        if term.prefix {
            words.extend(vocab.prefixed(&term.text).map(|id| (id, PREFIX)));
        }
        if term.max_edits > 0 {
            typo_matches(term, vocab, &mut words);
        }
    }
    // One entry per word, with its best factor.
    super::sort::sort_by(&mut words, |a, b| a.0.cmp(&b.0).then(b.1.total_cmp(&a.1)));
    words.dedup_by_key(|w| w.0);
    TermMatches {
        words,
        groups: term.groups.clone(),
    }
}

/// Adds the words within `term.max_edits` edits, scanning only words of a possible
/// length and skipping those whose letters alone rule them out.
fn typo_matches(term: &QueryTerm, vocab: &Vocab, out: &mut Vec<(u32, f32)>) {
    let n = term.chars.len();
    let k = usize::from(term.max_edits);
    for len in n.saturating_sub(k)..=n + k {
        for &id in vocab.with_len(len) {
            let w = &vocab.words[id as usize];
            if w.has_digit || !masks_within(term.mask, w.mask, term.max_edits) {
                continue;
            }
            match bounded_distance(&term.chars, &w.chars, term.max_edits) {
                Some(1) => out.push((id, ONE_TYPO)),
                Some(d) if d > 1 => out.push((id, TWO_TYPOS)),
                _ => {}
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(query: &str) -> Vec<(String, bool)> {
        parse(query, &Synonyms::builtin())
            .into_iter()
            .map(|t| (t.text, t.prefix))
            .collect()
    }

    #[test]
    fn drops_stop_words_and_folds() {
        assert_eq!(
            texts("Licencia de CONDUCCIÓN "),
            [
                ("licencia".to_string(), false),
                ("conduccion".to_string(), false)
            ]
        );
    }

    #[test]
    fn only_the_word_being_typed_is_a_prefix() {
        assert_eq!(texts("pasap"), [("pasap".to_string(), true)]);
        assert_eq!(texts("pasap "), [("pasap".to_string(), false)]);
        assert_eq!(texts("licencia de"), [("licencia".to_string(), false)]);
        assert_eq!(texts("p"), [("p".to_string(), false)]);
    }

    #[test]
    fn drops_the_words_of_asking() {
        assert_eq!(
            texts("Quiero renovar mi licencia"),
            [
                ("renovar".to_string(), false),
                ("licencia".to_string(), true)
            ]
        );
        assert_eq!(
            texts("cómo necesito sacar mi carnet "),
            [("carnet".to_string(), false)]
        );
        assert!(texts("quiero").is_empty());
    }

    #[test]
    fn foreign_words_become_spanish_and_are_complete() {
        assert_eq!(
            texts("renew my passport"),
            [
                ("renovar".to_string(), false),
                ("pasaporte".to_string(), false)
            ]
        );
    }

    #[test]
    fn spans_point_at_what_was_typed() {
        let q = "quiero un pasaprte";
        let terms = parse(q, &Synonyms::builtin());
        let (a, b) = terms[0].span;
        assert_eq!(&q[a..b], "pasaprte");
    }

    #[test]
    fn merges_multi_word_synonyms() {
        let terms = parse("duplicado de documento de identidad", &Synonyms::builtin());
        assert_eq!(terms.len(), 2);
        assert!(terms[1].phrase);
        assert_eq!(terms[1].text, "documento identidad");
    }
}
