//! Everything [`SearchIndex::new`](super::SearchIndex::new) precomputes: the vocabulary,
//! the postings (document and field) of every word and synonym group, the per-procedure
//! data filters, facets and highlights need, and the name order.

use std::collections::HashMap;

use crate::catalog::{CatalogIndex, ProcedureSummary};

use super::sort::sort_by;
use super::synonyms::{find_phrases, Synonyms};
use super::text::{fold, for_each_word, is_stop_word};
use super::vocab::Vocab;

/// Where a word was found. Postings pack it into the low two bits of the document id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u32)]
pub(crate) enum Field {
    Name = 0,
    /// Keywords and the procedure's own acronym.
    Keywords = 1,
    /// The agency's acronym and name.
    Agency = 2,
    /// Summary and category names.
    Text = 3,
}

/// Score of a match in each field, indexed by `Field as usize`: a word of the name says
/// far more about a procedure than the same word in its summary.
pub(crate) const FIELD_WEIGHTS: [f32; 4] = [10.0, 6.0, 3.0, 1.0];

const FIELD_BITS: u32 = 2;
const FIELD_MASK: u32 = (1 << FIELD_BITS) - 1;

/// Packs a document and a field into one posting.
fn posting(doc: u32, field: Field) -> u32 {
    doc << FIELD_BITS | field as u32
}

/// Unpacks a posting into the document and the weight of its field.
pub(crate) fn unpack(posting: u32) -> (usize, f32) {
    (
        (posting >> FIELD_BITS) as usize,
        FIELD_WEIGHTS[(posting & FIELD_MASK) as usize],
    )
}

/// Appends a posting unless it repeats the last one: a document's fields are indexed
/// one after another, so repeats of a word within a field are always adjacent.
fn push_posting(list: &mut Vec<u32>, doc: u32, field: Field) {
    let p = posting(doc, field);
    if list.last() != Some(&p) {
        list.push(p);
    }
}

/// A word of a procedure name, kept for highlighting.
#[derive(Debug, Clone, Copy)]
pub(crate) struct NameWord {
    pub word: u32,
    /// Byte range in the original name.
    pub start: u32,
    pub end: u32,
}

/// What filters, facets and highlights need of one procedure.
#[derive(Debug, Clone)]
pub(crate) struct Doc {
    pub agency: u32,
    /// The first category inline (`NO_CATEGORY` if none) and the rest boxed: facets
    /// read every matching procedure's categories, and a pointer per procedure made
    /// that a cache miss each.
    first_category: u32,
    more_categories: Box<[u32]>,
    pub online: bool,
    pub in_person: bool,
    pub free: bool,
    /// Range of this procedure's words in [`Index::name_words`] (stop words left out).
    pub name_words: (u32, u32),
}

const NO_CATEGORY: u32 = u32::MAX;

impl Doc {
    /// The procedure's category ids, sorted and distinct.
    pub fn categories(&self) -> impl Iterator<Item = u32> + '_ {
        let first = (self.first_category != NO_CATEGORY).then_some(self.first_category);
        first
            .into_iter()
            .chain(self.more_categories.iter().copied())
    }

    pub fn has_category(&self, c: u32) -> bool {
        self.first_category == c || self.more_categories.contains(&c)
    }

    pub fn category_count(&self) -> usize {
        usize::from(self.first_category != NO_CATEGORY) + self.more_categories.len()
    }
}

/// Distinct facet values (agency acronyms or category slugs) numbered in first-seen order.
#[derive(Debug, Clone, Default)]
pub(crate) struct Values {
    pub names: Vec<String>,
    ids: HashMap<String, u32>,
}

impl Values {
    fn intern(&mut self, value: &str) -> u32 {
        if let Some(&id) = self.ids.get(value) {
            return id;
        }
        let id = self.names.len() as u32;
        self.names.push(value.to_string());
        self.ids.insert(value.to_string(), id);
        id
    }

    pub fn id(&self, value: &str) -> Option<u32> {
        self.ids.get(value).copied()
    }
}

/// The whole precomputed index.
#[derive(Debug, Clone)]
pub(crate) struct Index {
    pub vocab: Vocab,
    pub synonyms: Synonyms,
    /// Postings of each word, by word id, in document order.
    pub word_postings: Vec<Vec<u32>>,
    /// Postings of each synonym group, by group id, in document order.
    pub group_postings: Vec<Vec<u32>>,
    pub docs: Vec<Doc>,
    pub name_words: Vec<NameWord>,
    pub agencies: Values,
    pub categories: Values,
    /// Document ids sorted by folded name.
    pub by_name: Vec<u32>,
    /// Position of each document in `by_name`, to sort hits by name cheaply.
    pub name_rank: Vec<u32>,
}

/// The words and synonym groups of one piece of text, found once and reused (an
/// agency's name is indexed for each of its procedures).
#[derive(Debug, Clone, Default)]
struct Terms {
    words: Vec<u32>,
    /// Groups of single words.
    word_groups: Vec<u32>,
    /// Multi-word synonyms found in the text: (group, literal id).
    phrases: Vec<(u32, u32)>,
}

/// Posting lists under construction.
#[derive(Default)]
struct Postings {
    words: Vec<Vec<u32>>,
    groups: Vec<Vec<u32>>,
}

impl Postings {
    fn add(&mut self, doc: u32, field: Field, terms: &Terms) {
        for &w in &terms.words {
            if self.words.len() <= w as usize {
                self.words.resize_with(w as usize + 1, Vec::new);
            }
            push_posting(&mut self.words[w as usize], doc, field);
        }
        // Synonyms only count in the name and keywords: in free text they are noise
        // ("viaje" in a summary does not make it a passport procedure). There a phrase
        // counts only word for word, under its literal id.
        let in_title = matches!(field, Field::Name | Field::Keywords);
        if in_title {
            for &g in &terms.word_groups {
                push_posting(&mut self.groups[g as usize], doc, field);
            }
        }
        for &(group, literal) in &terms.phrases {
            let id = if in_title { group } else { literal };
            push_posting(&mut self.groups[id as usize], doc, field);
        }
    }
}

/// Mutable state while indexing.
struct Builder<'c> {
    catalog: &'c CatalogIndex,
    vocab: Vocab,
    synonyms: Synonyms,
    postings: Postings,
    docs: Vec<Doc>,
    name_words: Vec<NameWord>,
    agencies: Values,
    categories: Values,
    /// Agency and category texts are shared by many procedures: index each once.
    agency_terms: Vec<Terms>,
    category_terms: Vec<Terms>,
    /// Words of the text being indexed: id and byte range.
    scratch: Vec<(u32, usize, usize)>,
    buf: String,
}

impl<'c> Builder<'c> {
    fn new(catalog: &'c CatalogIndex, synonyms: Synonyms) -> Self {
        let mut b = Builder {
            catalog,
            vocab: Vocab::default(),
            postings: Postings {
                words: Vec::new(),
                groups: vec![Vec::new(); synonyms.group_count()],
            },
            synonyms,
            docs: Vec::with_capacity(catalog.procedures.len()),
            name_words: Vec::new(),
            agencies: Values::default(),
            categories: Values::default(),
            agency_terms: Vec::new(),
            category_terms: Vec::new(),
            scratch: Vec::new(),
            buf: String::new(),
        };
        // Known agencies and categories first, so facet ids follow the catalog's order.
        for a in &catalog.agencies {
            b.agency_id(&a.acronym);
        }
        for c in &catalog.categories {
            b.category_id(&c.slug);
        }
        b
    }

    fn add_procedure(&mut self, doc: u32, p: &ProcedureSummary) {
        let name_words = self.add_name(doc, &p.name);
        for text in p.acronym.iter().chain(&p.keywords) {
            let terms = self.terms_of(text);
            self.postings.add(doc, Field::Keywords, &terms);
        }
        let agency = self.agency_id(&p.agency);
        self.postings
            .add(doc, Field::Agency, &self.agency_terms[agency as usize]);
        let terms = self.terms_of(&p.summary);
        self.postings.add(doc, Field::Text, &terms);
        let mut categories: Vec<u32> = p.categories.iter().map(|c| self.category_id(c)).collect();
        sort_by(&mut categories, |a, b| a.cmp(b));
        categories.dedup();
        for &c in &categories {
            self.postings
                .add(doc, Field::Text, &self.category_terms[c as usize]);
        }
        self.docs.push(Doc {
            agency,
            first_category: categories.first().copied().unwrap_or(NO_CATEGORY),
            more_categories: categories.get(1..).unwrap_or_default().into(),
            online: p.online,
            in_person: p.in_person,
            free: p.free,
            name_words,
        });
    }

    /// Indexes a name and keeps each word's byte range for highlights.
    fn add_name(&mut self, doc: u32, name: &str) -> (u32, u32) {
        self.scan(name);
        let first = self.name_words.len() as u32;
        let words = self.scratch.iter().map(|&(word, s, e)| NameWord {
            word,
            start: s as u32,
            end: e as u32,
        });
        self.name_words.extend(words);
        let terms = self.scratch_terms();
        self.postings.add(doc, Field::Name, &terms);
        (first, self.name_words.len() as u32)
    }

    /// The facet id of an agency acronym; indexes its acronym and name on first sight.
    fn agency_id(&mut self, acronym: &str) -> u32 {
        let id = self.agencies.intern(acronym);
        if self.agency_terms.len() <= id as usize {
            let name = self.catalog.agency(acronym).map_or("", |a| a.name.as_str());
            let terms = self.terms_of(&format!("{acronym} {name}"));
            self.agency_terms.push(terms);
        }
        id
    }

    /// The facet id of a category slug; indexes its name on first sight.
    fn category_id(&mut self, slug: &str) -> u32 {
        let id = self.categories.intern(slug);
        if self.category_terms.len() <= id as usize {
            let name = self.catalog.category(slug).map_or("", |c| c.name.as_str());
            let terms = self.terms_of(name);
            self.category_terms.push(terms);
        }
        id
    }

    /// Splits `text` into words, interns them and leaves them in `scratch`.
    fn scan(&mut self, text: &str) {
        let Builder {
            vocab,
            synonyms,
            scratch,
            buf,
            ..
        } = self;
        scratch.clear();
        for_each_word(text, buf, |w, start, end| {
            if !is_stop_word(w) {
                scratch.push((vocab.intern(w, synonyms), start, end));
            }
        });
    }

    /// The words and synonym groups (single words and phrases) of `scratch`.
    fn scratch_terms(&self) -> Terms {
        let mut terms = Terms::default();
        for &(id, _, _) in &self.scratch {
            terms.words.push(id);
            terms
                .word_groups
                .extend_from_slice(&self.vocab.words[id as usize].groups);
        }
        let words = &self.vocab.words;
        let scratch = &self.scratch;
        find_phrases(
            &self.synonyms,
            scratch.len(),
            |i| words[scratch[i].0 as usize].key(),
            |phrase, _, _| terms.phrases.push((phrase.group, phrase.literal)),
        );
        terms
    }

    fn terms_of(&mut self, text: &str) -> Terms {
        self.scan(text);
        self.scratch_terms()
    }

    fn finish(mut self) -> Index {
        self.vocab.finish();
        // Words seen only in agency or category names may have no postings yet.
        let n = self.vocab.words.len();
        self.postings.words.resize_with(n, Vec::new);
        let (by_name, name_rank) = name_order(self.catalog);
        Index {
            vocab: self.vocab,
            synonyms: self.synonyms,
            word_postings: self.postings.words,
            group_postings: self.postings.groups,
            docs: self.docs,
            name_words: self.name_words,
            agencies: self.agencies,
            categories: self.categories,
            by_name,
            name_rank,
        }
    }
}

impl Index {
    pub fn new(catalog: &CatalogIndex, synonyms: Synonyms) -> Index {
        assert!(
            catalog.procedures.len() < (1 << (32 - FIELD_BITS)),
            "too many procedures to index"
        );
        let mut builder = Builder::new(catalog, synonyms);
        for (doc, p) in catalog.procedures.iter().enumerate() {
            builder.add_procedure(doc as u32, p);
        }
        builder.finish()
    }

    /// The name words of a document.
    pub fn name_words(&self, doc: usize) -> &[NameWord] {
        let (from, to) = self.docs[doc].name_words;
        &self.name_words[from as usize..to as usize]
    }
}

/// Documents in Spanish alphabetical order (accents and case folded, so `Árbol` sorts
/// with the `a`s), ties by exact name then by position; and each document's rank in it.
fn name_order(catalog: &CatalogIndex) -> (Vec<u32>, Vec<u32>) {
    let keys: Vec<String> = catalog.procedures.iter().map(|p| fold(&p.name)).collect();
    let mut by_name: Vec<u32> = (0..keys.len() as u32).collect();
    sort_by(&mut by_name, |&a, &b| {
        let (a, b) = (a as usize, b as usize);
        keys[a]
            .cmp(&keys[b])
            .then_with(|| catalog.procedures[a].name.cmp(&catalog.procedures[b].name))
            .then(a.cmp(&b))
    });
    let mut name_rank = vec![0; keys.len()];
    for (rank, &doc) in by_name.iter().enumerate() {
        name_rank[doc as usize] = rank as u32;
    }
    (by_name, name_rank)
}
