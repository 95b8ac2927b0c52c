//! Spanish syllables, counted from the spelling (RAE, *Ortografía* 2010).
//!
//! A syllable has one vowel nucleus: a vowel alone, a diphthong or a triphthong. So we
//! count groups of vowels and add one for each hiatus inside a group:
//! - two open vowels (a, e, o, also accented) are a hiatus: "a-é-re-o", "le-er";
//! - an accented closed vowel (í, ú) breaks from its neighbour: "pa-ís", "ac-tú-a";
//! - the same closed vowel twice is a hiatus ("chi-i-ta"); any other pair with an
//!   unaccented closed vowel (i, u, ü, final y) is a diphthong: "ciu-dad", "cui-da",
//!   and since 2010 "guion", "truhan" count one syllable;
//! - the u of "qu" and of "gu" before e/i is not a vowel ("que", "guerra"), the ü is
//!   ("pin-güi-no"), and "gu" before a/o keeps its u ("a-gua");
//! - y is a vowel only at the end of a word ("hay", "ley", "muy") or as the word "y";
//! - a silent h between vowels changes nothing: "prohibir" is "proi-bir", "ahora"
//!   keeps its hiatus "a-ho-ra" because both vowels are open.

#[derive(Clone, Copy, PartialEq, Eq)]
enum Sound {
    /// a, e, o with or without accent.
    Open,
    /// i, u, ü and a word-final y, unaccented.
    Closed(char),
    /// í, ú: always its own nucleus next to another vowel.
    StressedClosed,
    Consonant,
    /// h: silent, between vowels it joins nothing and breaks nothing.
    Silent,
}

fn sounds(word: &[char]) -> Vec<Sound> {
    let last = word.len().saturating_sub(1);
    word.iter()
        .enumerate()
        .map(|(i, &c)| {
            let prev = i.checked_sub(1).map(|p| word[p]);
            let next = word.get(i + 1).copied();
            match c {
                'a' | 'e' | 'o' | 'á' | 'é' | 'ó' => Sound::Open,
                'í' | 'ú' => Sound::StressedClosed,
                'i' | 'ü' => Sound::Closed(c),
                'u' if prev == Some('q') => Sound::Consonant,
                'u' if prev == Some('g') && matches!(next, Some('e' | 'i' | 'é' | 'í')) => {
                    Sound::Consonant
                }
                'u' => Sound::Closed('u'),
                'y' if i == last => Sound::Closed('y'),
                'h' => Sound::Silent,
                _ => Sound::Consonant,
            }
        })
        .collect()
}

/// Two vowels side by side are pronounced apart.
fn hiatus(a: Sound, b: Sound) -> bool {
    match (a, b) {
        (Sound::Open, Sound::Open) => true,
        (Sound::StressedClosed, _) | (_, Sound::StressedClosed) => true,
        (Sound::Closed(x), Sound::Closed(y)) => x == y,
        _ => false,
    }
}

fn is_vowel(s: Sound) -> bool {
    matches!(s, Sound::Open | Sound::Closed(_) | Sound::StressedClosed)
}

/// Syllables of one Spanish word (letters only; case does not matter). A word with
/// no vowel at all counts one, as it is still said.
pub fn count(word: &str) -> usize {
    let word: Vec<char> = word.to_lowercase().chars().collect();
    let mut nuclei = 0;
    // The vowel just before, while no consonant came between (h does not count).
    let mut previous: Option<Sound> = None;
    for sound in sounds(&word) {
        if is_vowel(sound) {
            match previous {
                Some(p) if !hiatus(p, sound) => {}
                _ => nuclei += 1,
            }
            previous = Some(sound);
        } else if sound != Sound::Silent {
            previous = None;
        }
    }
    nuclei.max(1)
}

#[cfg(test)]
mod tests {
    use super::count;

    fn check(cases: &[(&str, usize)]) {
        for (word, expected) in cases {
            assert_eq!(count(word), *expected, "{word}");
        }
    }

    #[test]
    fn plain_words() {
        check(&[
            ("ciudadano", 4),
            ("caso", 2),
            ("entidad", 3),
            ("trámite", 3),
            ("a", 1),
            ("el", 1),
            ("información", 4),
            ("electrónico", 5),
            ("CIUDADANO", 4),
        ]);
    }

    #[test]
    fn diphthongs_and_triphthongs_are_one_syllable() {
        check(&[
            ("ciudad", 2),
            ("cuidado", 3),
            ("nuevo", 2),
            ("bien", 1),
            ("aire", 2),
            ("causa", 2),
            ("Paraguay", 3),
            ("buey", 1),
            ("guion", 1),
            ("truhan", 1),
            ("estudiáis", 3),
        ]);
    }

    #[test]
    fn open_vowels_together_and_stressed_i_u_are_a_hiatus() {
        check(&[
            ("país", 2),
            ("aéreo", 4),
            ("leer", 2),
            ("poeta", 3),
            ("día", 2),
            ("río", 2),
            ("baúl", 2),
            ("actúa", 3),
            ("continúe", 4),
            ("reír", 2),
            ("chiita", 3),
            ("creíble", 3),
        ]);
    }

    #[test]
    fn u_after_q_and_g_and_the_dieresis() {
        check(&[
            ("que", 1),
            ("quiero", 2),
            ("quien", 1),
            ("guerra", 2),
            ("guía", 2),
            ("seguir", 2),
            ("agua", 2),
            ("antiguo", 3),
            ("pingüino", 3),
            ("vergüenza", 3),
            ("argüir", 2),
        ]);
    }

    #[test]
    fn y_is_a_vowel_only_at_the_end() {
        check(&[
            ("y", 1),
            ("hay", 1),
            ("ley", 1),
            ("muy", 1),
            ("leyes", 2),
            ("cuyo", 2),
            ("ya", 1),
            ("yo", 1),
        ]);
    }

    #[test]
    fn a_silent_h_neither_joins_nor_breaks() {
        check(&[
            ("ahora", 3),
            ("ahí", 2),
            ("búho", 2),
            ("prohíbe", 3),
            ("prohibir", 2),
            ("ahumar", 2),
            ("hábeas", 3),
            ("hoy", 1),
            ("deshacer", 3),
        ]);
    }

    #[test]
    fn a_word_without_vowels_is_said_in_one_go() {
        assert_eq!(count("sr"), 1);
        assert_eq!(count(""), 1);
    }
}
