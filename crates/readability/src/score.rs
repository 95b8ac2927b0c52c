//! Words, sentences and the Fernández Huerta score of a text.
//!
//! The formula, L = 206.84 − 0.60·P − 1.02·F, with P the syllables per 100 words and
//! F the **words per sentence**. It is often printed with F as "sentences per 100
//! words", a known error (G. Law, LINGUIST List 22.2332, 2011): with it, shorter
//! sentences would *lower* the score, the opposite of Flesch's formula that Fernández
//! Huerta adapted (206.835 − 84.6·syllables/word − 1.015·words/sentence). We use the
//! corrected form, as legible.es and textstat do.
//!
//! What counts as a word: a run of letters. Numbers, codes, e-mail and web addresses
//! (anything with a digit, "@" or "/") and acronyms in capitals (PDF, JPG, MB) are
//! skipped: the reader sees them as one mark, they are not long words to decode, and
//! spelling them out ("dos mil veintiséis") would weigh a date like a hard sentence.
//! Hyphenated words count each part.
//!
//! What counts as a sentence: words up to ".", "?", "!" or "…" at the end of a word,
//! and a text that ends without one (a label, a heading, a button). An interface text
//! is read as a unit, so each text closes its last sentence.

use crate::syllables;

/// Counts of one or more texts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub words: usize,
    pub sentences: usize,
    pub syllables: usize,
}

impl Counts {
    /// Adds the counts of one interface text.
    pub fn add_text(&mut self, text: &str) {
        for sentence in sentences(text) {
            self.sentences += 1;
            self.words += sentence.len();
            self.syllables += sentence.iter().map(|w| syllables::count(w)).sum::<usize>();
        }
    }

    pub fn of(texts: &[&str]) -> Counts {
        let mut counts = Counts::default();
        for text in texts {
            counts.add_text(text);
        }
        counts
    }

    /// P: syllables per 100 words.
    pub fn syllables_per_100_words(&self) -> f64 {
        100.0 * self.syllables as f64 / self.words.max(1) as f64
    }

    /// F: words per sentence.
    pub fn words_per_sentence(&self) -> f64 {
        self.words as f64 / self.sentences.max(1) as f64
    }

    pub fn score(&self) -> f64 {
        fernandez_huerta(self.syllables_per_100_words(), self.words_per_sentence())
    }
}

/// L = 206.84 − 0.60·P − 1.02·F (P syllables per 100 words, F words per sentence).
pub fn fernandez_huerta(p: f64, f: f64) -> f64 {
    206.84 - 0.60 * p - 1.02 * f
}

/// Fernández Huerta's scale.
pub fn band(score: f64) -> &'static str {
    if score >= 90.0 {
        "muy fácil"
    } else if score >= 80.0 {
        "fácil"
    } else if score >= 70.0 {
        "bastante fácil"
    } else if score >= 60.0 {
        "normal"
    } else if score >= 50.0 {
        "bastante difícil"
    } else if score >= 30.0 {
        "difícil"
    } else {
        "muy difícil"
    }
}

/// The score the wizard and tracking aim at: "bastante fácil" or easier.
pub const TARGET: f64 = 70.0;

const CLOSERS: &[char] = &['»', '"', '\'', ')', '”', '’'];
const OPENERS: &[char] = &['«', '"', '\'', '(', '“', '‘', '¿', '¡'];

/// The sentences of one interface text, each as its words (never empty).
pub fn sentences(text: &str) -> Vec<Vec<&str>> {
    let mut out = Vec::new();
    let mut current = Vec::new();
    for token in text.split_whitespace() {
        current.extend(words(token));
        if ends_sentence(token) && !current.is_empty() {
            out.push(std::mem::take(&mut current));
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

fn ends_sentence(token: &str) -> bool {
    token
        .trim_end_matches(CLOSERS)
        .ends_with(['.', '?', '!', '…'])
}

/// The words of one whitespace-separated token, as they are read (see the module).
pub fn words(token: &str) -> Vec<&str> {
    let token = token
        .trim_start_matches(|c: char| OPENERS.contains(&c) || c.is_ascii_punctuation())
        .trim_end_matches(|c: char| !c.is_alphanumeric());
    if token.contains(|c: char| c.is_ascii_digit() || c == '@' || c == '/') {
        return Vec::new();
    }
    token
        .split('-')
        .filter(|w| !w.is_empty() && w.chars().all(char::is_alphabetic))
        .filter(|w| !is_acronym(w))
        .collect()
}

fn is_acronym(word: &str) -> bool {
    word.chars().count() > 1 && word.chars().all(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_skip_numbers_codes_addresses_and_acronyms() {
        assert_eq!(words("«Petición»."), vec!["Petición"]);
        assert_eq!(words("¿Qué"), vec!["Qué"]);
        assert_eq!(words("2026"), Vec::<&str>::new());
        assert_eq!(words("MDT-QUE-2026-00042"), Vec::<&str>::new());
        assert_eq!(words("nombre@ejemplo.com"), Vec::<&str>::new());
        assert_eq!(words("https://x.gov"), Vec::<&str>::new());
        assert_eq!(words("PDF,"), Vec::<&str>::new());
        assert_eq!(words("A"), vec!["A"]);
        assert_eq!(words("físico-químico"), vec!["físico", "químico"]);
        assert_eq!(words("…"), Vec::<&str>::new());
    }

    #[test]
    fn sentences_end_at_a_stop_or_at_the_end_of_a_text() {
        let c = Counts::of(&[
            "¿Qué quiere hacer?",
            "Elija una opción. Si duda, elija «Petición».",
        ]);
        assert_eq!(c.sentences, 3);
        assert_eq!(c.words, 10);
        // A label without a stop is a sentence; a stop alone opens nothing.
        let c = Counts::of(&[
            "Correo electrónico",
            ". Este formulario no es para emergencias.",
        ]);
        assert_eq!(c.sentences, 2);
        assert_eq!(c.words, 8);
        // A stop inside an address ends nothing; "…" and "!" end sentences.
        let c = Counts::of(&["Escriba a datos@ejemplo.com hoy", "Cargando… Listo! Ya"]);
        assert_eq!(c.sentences, 4);
        assert_eq!(c.words, 6);
        // Only numbers: no word, no sentence.
        assert_eq!(Counts::of(&["2026."]), Counts::default());
        assert_eq!(
            sentences("Uno dos. 2026. Tres? Cuatro cinco"),
            vec![vec!["Uno", "dos"], vec!["Tres"], vec!["Cuatro", "cinco"]]
        );
    }

    #[test]
    fn the_formula_weighs_syllables_and_sentence_length() {
        assert_eq!(fernandez_huerta(0.0, 0.0), 206.84);
        assert!((fernandez_huerta(200.0, 0.0) - 86.84).abs() < 1e-9);
        assert!((fernandez_huerta(0.0, 10.0) - 196.64).abs() < 1e-9);
        assert!((fernandez_huerta(200.0, 10.0) - 76.64).abs() < 1e-9);
        // Empty text: no division by zero.
        assert_eq!(Counts::default().score(), 206.84);
    }

    #[test]
    fn counts_give_p_and_f() {
        let c = Counts {
            words: 8,
            sentences: 2,
            syllables: 18,
        };
        assert_eq!(c.syllables_per_100_words(), 225.0);
        assert_eq!(c.words_per_sentence(), 4.0);
        assert!((c.score() - (206.84 - 135.0 - 4.08)).abs() < 1e-9);
    }

    /// The first sentence of *Don Quijote*, counted by hand: 33 words, 60 syllables,
    /// one sentence: L = 206.84 − 60·60/33 − 1.02·33 = 64.09 ("normal").
    #[test]
    fn a_reference_passage_counted_by_hand() {
        let text = "En un lugar de la Mancha, de cuyo nombre no quiero acordarme, no ha \
                    mucho tiempo que vivía un hidalgo de los de lanza en astillero, adarga \
                    antigua, rocín flaco y galgo corredor.";
        let c = Counts::of(&[text]);
        assert_eq!(
            c,
            Counts {
                words: 33,
                sentences: 1,
                syllables: 60
            }
        );
        assert!((c.score() - 64.09).abs() < 0.005, "{}", c.score());
        assert_eq!(band(c.score()), "normal");
        // Short sentences, short words: the same words cut into five sentences.
        let short = "El sol sale. La casa es roja. Hay agua. Ya es hoy. Paso a paso.";
        let c = Counts::of(&[short]);
        assert_eq!((c.words, c.sentences, c.syllables), (15, 5, 21));
        assert_eq!(band(c.score()), "muy fácil");
    }

    #[test]
    fn bands_at_their_boundaries() {
        let cases = [
            (100.0, "muy fácil"),
            (90.0, "muy fácil"),
            (89.99, "fácil"),
            (80.0, "fácil"),
            (79.99, "bastante fácil"),
            (70.0, "bastante fácil"),
            (69.99, "normal"),
            (60.0, "normal"),
            (59.99, "bastante difícil"),
            (50.0, "bastante difícil"),
            (49.99, "difícil"),
            (30.0, "difícil"),
            (29.99, "muy difícil"),
            (-5.0, "muy difícil"),
        ];
        for (score, expected) in cases {
            assert_eq!(band(score), expected, "{score}");
        }
        assert_eq!(band(TARGET), "bastante fácil");
        assert_eq!(band(TARGET - 0.01), "normal");
    }
}
