//! The built-in Spanish synonym table: the words people use for a procedure are often
//! not the words of its official name (`brevet` for *licencia de conducir*).

use std::collections::HashMap;

use super::stem::light_stem;
use super::text::{for_each_word, is_stop_word};

/// Groups of interchangeable words. Entries are written naturally (accents, phrases);
/// they are folded, stripped of stop words and reduced to their light stem when loaded,
/// so plurals and other genders match too. A phrase such as `documento de identidad` matches only as a whole.
///
/// Keep it small: each entry widens every search that uses one of its words.
pub(crate) const SYNONYMS: &[&[&str]] = &[
    &["conducir", "conducción", "manejar", "manejo", "brevet"],
    &["cédula", "carnet", "ci", "dni", "documento de identidad"],
    &[
        "jubilación",
        "pensión",
        "retiro",
        "jubilado",
        "renta de vejez",
    ],
    &["matrimonio", "casamiento", "boda", "casarse", "casar"],
    &[
        "nacimiento",
        "partida",
        "nacer",
        "nació",
        "bebé",
        "recién nacido",
    ],
    &["impuesto", "tributo", "tributario"],
    &[
        "empresa",
        "negocio",
        "comercio",
        "comerciante",
        "vender",
        "venta",
    ],
    &["denuncia", "queja", "reclamo"],
    &["licencia", "permiso"],
    &["certificado", "constancia", "certificación"],
    &["pasaporte", "viaje"],
    &["salida del país", "viajar al exterior", "viaje al exterior"],
    &["vía pública", "calle"],
    &[
        "vehículo",
        "automóvil",
        "auto",
        "carro",
        "coche",
        "motorizado",
    ],
    &["defunción", "fallecimiento", "muerte", "deceso"],
    &["título", "diploma"],
    &["escuela", "colegio", "unidad educativa"],
    &["trabajo", "empleo", "laboral"],
    &["terreno", "lote", "predio"],
    &["multa", "infracción", "sanción"],
    &["robo", "hurto"],
    &["extravío", "pérdida"],
    // How parents speak of the children a procedure names ("viajar con mi hijo").
    &["niño", "hijo", "menor"],
    &["electricidad", "luz", "energía eléctrica"],
];

/// A multi-word synonym: its words in order (light stems, no stop words).
#[derive(Debug, Clone)]
pub(crate) struct Phrase {
    pub words: Vec<String>,
    /// Its synonym group: matches the other entries in names and keywords.
    pub group: u32,
    /// A list of its own for the phrase word for word in free text, where synonyms
    /// would be noise (summaries often say "documento de identidad" as a requirement).
    pub literal: u32,
}

/// The loaded synonym table. Groups are numbered by their row in the table, then each
/// phrase gets one more id for its literal occurrences.
#[derive(Debug, Clone)]
pub(crate) struct Synonyms {
    words: HashMap<String, Vec<u32>>,
    phrases: Vec<Phrase>,
    groups: usize,
}

impl Synonyms {
    /// Loads [`SYNONYMS`].
    #[cfg(test)]
    pub fn builtin() -> Self {
        Self::with_extra(&[])
    }

    /// Loads [`SYNONYMS`] plus a deployment's own groups (written the same way).
    pub fn with_extra(extra: &[Vec<String>]) -> Self {
        let builtin = SYNONYMS.iter().map(|row| row.to_vec());
        let extra = extra
            .iter()
            .map(|row| row.iter().map(String::as_str).collect());
        Self::from_table(&builtin.chain(extra).collect::<Vec<Vec<&str>>>())
    }

    /// Loads any table shaped like [`SYNONYMS`].
    pub fn from_table(table: &[Vec<&str>]) -> Self {
        let mut words: HashMap<String, Vec<u32>> = HashMap::new();
        let mut phrases = Vec::new();
        let mut buf = String::new();
        for (group, entries) in table.iter().enumerate() {
            let group = group as u32;
            for entry in entries.iter() {
                let mut parts = Vec::new();
                for_each_word(entry, &mut buf, |w, _, _| {
                    if !is_stop_word(w) {
                        parts.push(light_stem(w).to_string());
                    }
                });
                match parts.len() {
                    0 => {}
                    1 => {
                        let groups = words.entry(parts.remove(0)).or_default();
                        if !groups.contains(&group) {
                            groups.push(group);
                        }
                    }
                    _ => phrases.push(Phrase {
                        words: parts,
                        group,
                        literal: 0,
                    }),
                }
            }
        }
        for (i, phrase) in phrases.iter_mut().enumerate() {
            phrase.literal = (table.len() + i) as u32;
        }
        let groups = table.len() + phrases.len();
        Synonyms {
            words,
            phrases,
            groups,
        }
    }

    /// Groups of a single folded word, looked up by its light stem.
    pub fn groups_of(&self, word: &str) -> &[u32] {
        self.words.get(light_stem(word)).map_or(&[], Vec::as_slice)
    }

    /// The multi-word entries.
    pub fn phrases(&self) -> &[Phrase] {
        &self.phrases
    }

    /// Number of group ids (groups, then phrase literals): ids are `0..group_count()`.
    pub fn group_count(&self) -> usize {
        self.groups
    }
}

/// Finds every phrase of `synonyms` in a sequence of words, given the light stem of
/// each word, and calls `f(phrase, first, last)` with the word positions it spans.
pub(crate) fn find_phrases<'s, 'a>(
    synonyms: &'s Synonyms,
    len: usize,
    key_at: impl Fn(usize) -> &'a str,
    mut f: impl FnMut(&'s Phrase, usize, usize),
) {
    for phrase in synonyms.phrases() {
        let n = phrase.words.len();
        if n > len {
            continue;
        }
        for first in 0..=len - n {
            if phrase
                .words
                .iter()
                .enumerate()
                .all(|(k, w)| key_at(first + k) == w)
            {
                f(phrase, first, first + n - 1);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_folded_and_light_stemmed() {
        let s = Synonyms::builtin();
        let licencia = s.groups_of("licencia");
        assert_eq!(licencia.len(), 1);
        assert_eq!(s.groups_of("permisos"), licencia);
        assert_eq!(s.groups_of("cedula"), s.groups_of("carnet"));
        assert!(s.groups_of("parte").is_empty());
    }

    #[test]
    fn phrases_drop_stop_words() {
        let s = Synonyms::builtin();
        let p = s
            .phrases()
            .iter()
            .find(|p| p.words[0] == "document")
            .expect("phrase");
        assert_eq!(p.words, ["document", "identidad"]);
        assert_eq!(s.groups_of("ci"), [p.group]);
        let words = ["duplicado", "documentos", "identidad"];
        let mut found = Vec::new();
        find_phrases(
            &s,
            words.len(),
            |i| light_stem(words[i]),
            |p, a, b| found.push((p.group, a, b)),
        );
        assert_eq!(found, [(p.group, 1, 2)]);
    }
}
