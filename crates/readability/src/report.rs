//! The texts of each screen, filled and scored, and the markdown table.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use crate::score::{band, Counts, TARGET};
use crate::screens::{
    selects, Module, Screen, DEPLOYMENT_PATH, FORM_ERRORS, SCREENS, SHARED_PATH, WIZARD_FRAME,
};
use crate::texts::{self, Field, ReadError};

/// A plausible value for each placeholder, as a person would see it filled.
/// Numbers and codes among them are skipped by the counting (see `score`).
pub const SAMPLES: &[(&str, &str)] = &[
    ("address", "contacto.gov.co"),
    ("agency", "Ministerio de Trabajo"),
    ("attempt", "2"),
    ("case_type", "queja"),
    ("date", "15 de diciembre de 2026"),
    ("day", "15"),
    ("days", "15"),
    ("email", "datos@ejemplo.gov.co"),
    ("example", "pedir una copia de su certificado de trabajo."),
    ("files", "5"),
    ("hours", "de lunes a viernes, de 8 a 17 h"),
    ("lat", "4.60971"),
    ("long", "-74.08175"),
    ("max", "4000"),
    ("mb", "10"),
    ("min", "20"),
    ("month", "diciembre"),
    ("n", "12"),
    ("owner", "Ministerio de Trabajo"),
    ("phone", "601 123 4567"),
    ("said", "falta el tema"),
    ("score", "4"),
    ("status", "Recibido"),
    ("step", "3"),
    ("steps", "8"),
    ("ticket", "MDT-QUE-2026-00042"),
    ("wait", "8 segundos"),
    ("year", "2026"),
];

/// `text` with each `{name}` replaced by its sample; an unknown name is an error, so
/// the samples keep up with the templates.
pub fn fill(text: &str) -> Result<String, String> {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let close = rest[open..]
            .find('}')
            .ok_or_else(|| format!("unclosed placeholder in «{text}»"))?;
        let name = &rest[open + 1..open + close];
        let sample = SAMPLES
            .iter()
            .find(|(n, _)| *n == name)
            .ok_or_else(|| format!("no sample for {{{name}}} in «{text}»"))?;
        out.push_str(sample.1);
        rest = &rest[open + close + 1..];
    }
    out.push_str(rest);
    Ok(out)
}

/// Everything the tool reads from the repository.
pub struct Sources {
    pub shared: Vec<Field>,
    pub modules: BTreeMap<&'static str, Vec<Field>>,
    /// Each case type's Spanish name and explanation, as the type page lists them.
    pub case_types: Vec<String>,
    /// The case types' Spanish examples, each shown through the `type_example` template.
    pub case_type_examples: Vec<String>,
}

impl Sources {
    pub fn read(root: &Path) -> Result<Sources, ReadError> {
        let mut modules = BTreeMap::new();
        for module in Module::ALL {
            modules.insert(module.path(), texts::read(&root.join(module.path()))?);
        }
        let (case_types, case_type_examples) = case_types(&root.join(DEPLOYMENT_PATH))?;
        Ok(Sources {
            shared: texts::read(&root.join(SHARED_PATH))?,
            modules,
            case_types,
            case_type_examples,
        })
    }

    pub fn module(&self, module: Module) -> &[Field] {
        &self.modules[module.path()]
    }
}

/// The Spanish names and explanations of the deployment's case types, and their examples.
fn case_types(path: &Path) -> Result<(Vec<String>, Vec<String>), ReadError> {
    let fail = |e: String| ReadError(format!("{}: {e}", path.display()));
    let json = std::fs::read_to_string(path).map_err(|e| fail(e.to_string()))?;
    let value: serde_json::Value = serde_json::from_str(&json).map_err(|e| fail(e.to_string()))?;
    let types = value["case_types"]
        .as_array()
        .ok_or_else(|| fail("no case_types".into()))?;
    let (mut out, mut examples) = (Vec::new(), Vec::new());
    for es in types.iter().map(|t| &t["names"]["es"]) {
        for key in ["name", "explanation"] {
            let text = es[key]
                .as_str()
                .ok_or_else(|| fail(format!("a case type without {key} in Spanish")))?;
            out.push(text.to_string());
        }
        if let Some(example) = es["example"].as_str() {
            examples.push(example.to_string());
        }
    }
    Ok((out, examples))
}

fn pick<'a>(fields: &'a [Field], selectors: &[&str]) -> Vec<&'a Field> {
    fields
        .iter()
        .filter(|f| selectors.iter().any(|s| selects(s, &f.name)))
        .collect()
}

/// The texts of one screen, placeholders filled.
pub fn screen_texts(sources: &Sources, screen: &Screen) -> Result<Vec<String>, String> {
    let own = sources.module(screen.module);
    let mut fields = pick(own, screen.own);
    let mut shared = pick(&sources.shared, screen.shared);
    if screen.wizard_frame {
        fields.extend(pick(own, WIZARD_FRAME));
        shared.extend(pick(&sources.shared, FORM_ERRORS));
    }
    let mut out = Vec::new();
    for field in fields.into_iter().chain(shared) {
        if screen.case_types && field.value.contains("{example}") {
            // "Por ejemplo: …" is shown once per case type, with its own example.
            for example in &sources.case_type_examples {
                out.push(field.value.replace("{example}", example));
            }
        } else {
            out.push(fill(&field.value)?);
        }
    }
    if screen.case_types {
        out.extend(sources.case_types.iter().cloned());
    }
    Ok(out)
}

pub struct Row {
    pub screen: &'static str,
    pub route: &'static str,
    pub counts: Counts,
    /// The longest words, for the "why" of a low score.
    pub long_words: Vec<String>,
    /// Words in the longest sentence.
    pub longest_sentence: usize,
    /// Sentences over [`LONG_SENTENCE`] words (CONTENT.md: at most 20).
    pub long_sentences: usize,
}

/// CONTENT.md: "Short sentences (≤ 20 words)".
pub const LONG_SENTENCE: usize = 20;

pub fn rows(sources: &Sources) -> Result<Vec<Row>, String> {
    SCREENS
        .iter()
        .map(|screen| {
            let texts = screen_texts(sources, screen)?;
            let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
            let lengths: Vec<usize> = refs.iter().flat_map(|t| sentence_lengths(t)).collect();
            Ok(Row {
                screen: screen.name,
                route: screen.route,
                counts: Counts::of(&refs),
                long_words: long_words(&refs),
                longest_sentence: lengths.iter().copied().max().unwrap_or(0),
                long_sentences: lengths.iter().filter(|&&n| n > LONG_SENTENCE).count(),
            })
        })
        .collect()
}

/// Distinct words of four syllables or more, longest first.
fn long_words(texts: &[&str]) -> Vec<String> {
    let mut seen: Vec<(usize, String)> = Vec::new();
    for token in texts.iter().flat_map(|t| t.split_whitespace()) {
        for word in crate::score::words(token) {
            let n = crate::syllables::count(word);
            let word = word.to_lowercase();
            if n >= 4 && !seen.iter().any(|(_, w)| *w == word) {
                seen.push((n, word));
            }
        }
    }
    seen.sort_by_key(|w| std::cmp::Reverse(w.0));
    seen.into_iter().map(|(_, w)| w).collect()
}

fn sentence_lengths(text: &str) -> Vec<usize> {
    crate::score::sentences(text).iter().map(Vec::len).collect()
}

/// The markdown report: one row per screen, then the screens under the target.
pub fn markdown(rows: &[Row]) -> String {
    let mut out = String::new();
    out.push_str(
        "| Pantalla | Ruta | Palabras | Frases | Sílabas | P (sílabas/100 palabras) | F (palabras/frase) | L | Banda | Frase más larga | Frases > 20 palabras |\n\
         |---|---|---:|---:|---:|---:|---:|---:|---|---:|---:|\n",
    );
    for r in rows {
        let c = r.counts;
        let _ = writeln!(
            out,
            "| {} | `{}` | {} | {} | {} | {:.1} | {:.1} | {:.1} | {} | {} | {} |",
            r.screen,
            r.route,
            c.words,
            c.sentences,
            c.syllables,
            c.syllables_per_100_words(),
            c.words_per_sentence(),
            c.score(),
            band(c.score()),
            r.longest_sentence,
            r.long_sentences
        );
    }
    out.push_str(
        "\nL = 206,84 − 0,60·P − 1,02·F (Fernández Huerta, con F en palabras por frase). \
         Cada pantalla cuenta una vez cada texto que puede mostrar (preguntas, pistas, \
         opciones, errores y el marco del formulario); no cuenta la cabecera ni el pie de página.\n",
    );
    let low: Vec<&Row> = rows.iter().filter(|r| r.counts.score() < TARGET).collect();
    if low.is_empty() {
        let _ = writeln!(
            out,
            "\nTodas las pantallas llegan a «bastante fácil» (L ≥ {TARGET})."
        );
    } else {
        let _ = writeln!(out, "\nPantallas bajo {TARGET} («bastante fácil»):");
        for r in low {
            let words: Vec<&str> = r.long_words.iter().take(5).map(String::as_str).collect();
            let _ = writeln!(
                out,
                "- {}: L = {:.1}; P = {:.1}, F = {:.1}, frase más larga {} palabras; palabras largas: {}",
                r.screen,
                r.counts.score(),
                r.counts.syllables_per_100_words(),
                r.counts.words_per_sentence(),
                r.longest_sentence,
                if words.is_empty() { "ninguna".to_string() } else { words.join(", ") }
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_filled_with_samples() {
        assert_eq!(
            fill("Caso {ticket}, hasta el {date}.").unwrap(),
            "Caso MDT-QUE-2026-00042, hasta el 15 de diciembre de 2026."
        );
        assert_eq!(fill("sin nada").unwrap(), "sin nada");
        assert!(fill("{nadie}").unwrap_err().contains("{nadie}"));
        assert!(fill("abre {y no cierra").is_err());
    }

    #[test]
    fn long_words_and_sentence_lengths() {
        assert_eq!(
            long_words(&[
                "La información electrónica",
                "otra información, casa, comunicación"
            ]),
            vec!["electrónica", "comunicación", "información"]
        );
        assert_eq!(
            sentence_lengths("Uno dos. Tres? Cuatro cinco seis"),
            vec![2, 1, 3]
        );
    }

    #[test]
    fn the_table_names_each_screen_and_the_low_ones() {
        let row = |screen, words, syllables| Row {
            screen,
            route: "/x",
            counts: Counts {
                words,
                sentences: 1,
                syllables,
            },
            long_words: vec!["electrónico".into()],
            longest_sentence: words,
            long_sentences: 0,
        };
        let md = markdown(&[row("Fácil", 4, 4), row("Difícil", 4, 10)]);
        assert!(
            md.contains("| Fácil | `/x` | 4 | 1 | 4 | 100.0 | 4.0 | 142.8 | muy fácil | 4 | 0 |"),
            "{md}"
        );
        assert!(md.contains("- Difícil: L = 52.8;"), "{md}");
        assert!(!md.contains("- Fácil"), "{md}");
        assert!(md.contains("palabras largas: electrónico"), "{md}");
        let md = markdown(&[row("Fácil", 4, 4)]);
        assert!(md.contains("Todas las pantallas"), "{md}");
    }
}
