//! The vocabulary: every distinct folded word of the catalog, with what query matching
//! needs precomputed (characters and letter set for typos, stem, synonym groups) and the
//! lookups it uses (exact, by stem, by prefix, by length).

use std::collections::HashMap;

use super::stem::{light_stem, stem};
use super::synonyms::Synonyms;
use super::typo::{char_mask, MAX_TYPO_WORD};

/// One distinct folded word of the catalog.
#[derive(Debug, Clone)]
pub(crate) struct Word {
    pub text: Box<str>,
    /// The characters of `text`, for typo distances.
    pub chars: Box<[char]>,
    /// Letter set, for the cheap typo prefilter.
    pub mask: u32,
    /// Byte length of the light stem (synonym key), which is always a prefix of `text`.
    key_len: usize,
    pub groups: Box<[u32]>,
    /// Codes and numbers only match exactly or by prefix.
    pub has_digit: bool,
}

impl Word {
    /// The light stem synonyms are looked up by.
    pub fn key(&self) -> &str {
        &self.text[..self.key_len]
    }
}

/// The distinct words of the catalog and the lookups query matching needs.
#[derive(Debug, Clone, Default)]
pub(crate) struct Vocab {
    pub words: Vec<Word>,
    ids: HashMap<Box<str>, u32>,
    stem_ids: HashMap<Box<str>, u32>,
    /// Words of each stem.
    pub stem_words: Vec<Vec<u32>>,
    /// Word ids in text order, for prefix ranges.
    sorted: Vec<u32>,
    /// Word ids by length in characters, for typo scans.
    by_len: Vec<Vec<u32>>,
}

impl Vocab {
    /// The id of a folded word, adding it on first sight.
    pub(super) fn intern(&mut self, folded: &str, synonyms: &Synonyms) -> u32 {
        if let Some(&id) = self.ids.get(folded) {
            return id;
        }
        let id = self.words.len() as u32;
        let stem = self.intern_stem(stem(folded));
        self.stem_words[stem as usize].push(id);
        let chars: Box<[char]> = folded.chars().collect();
        self.words.push(Word {
            text: folded.into(),
            mask: char_mask(&chars),
            chars,
            key_len: light_stem(folded).len(),
            groups: synonyms.groups_of(folded).into(),
            has_digit: folded.bytes().any(|b| b.is_ascii_digit()),
        });
        self.ids.insert(folded.into(), id);
        id
    }

    fn intern_stem(&mut self, stem: &str) -> u32 {
        if let Some(&id) = self.stem_ids.get(stem) {
            return id;
        }
        let id = self.stem_words.len() as u32;
        self.stem_words.push(Vec::new());
        self.stem_ids.insert(stem.into(), id);
        id
    }

    /// Builds the sorted and by-length lists once every word is known.
    pub(super) fn finish(&mut self) {
        let words = &self.words;
        self.sorted = (0..words.len() as u32).collect();
        super::sort::sort_by(&mut self.sorted, |&a, &b| {
            words[a as usize].text.cmp(&words[b as usize].text)
        });
        self.by_len = vec![Vec::new(); MAX_TYPO_WORD + 1];
        for (id, w) in words.iter().enumerate() {
            if let Some(bucket) = self.by_len.get_mut(w.chars.len()) {
                bucket.push(id as u32);
            }
        }
    }

    pub fn id(&self, folded: &str) -> Option<u32> {
        self.ids.get(folded).copied()
    }

    pub fn stem_id(&self, stem: &str) -> Option<u32> {
        self.stem_ids.get(stem).copied()
    }

    /// Words that start with `prefix` and are longer than it.
    pub fn prefixed<'a>(&'a self, prefix: &'a str) -> impl Iterator<Item = u32> + 'a {
        let from = self
            .sorted
            .partition_point(|&id| &*self.words[id as usize].text < prefix);
        self.sorted[from..]
            .iter()
            .copied()
            .take_while(move |&id| self.words[id as usize].text.starts_with(prefix))
            .filter(move |&id| self.words[id as usize].text.len() > prefix.len())
    }

    /// Words of exactly `len` characters (empty past [`MAX_TYPO_WORD`]).
    pub fn with_len(&self, len: usize) -> &[u32] {
        self.by_len.get(len).map_or(&[], Vec::as_slice)
    }
}
