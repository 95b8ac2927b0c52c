//! Text normalization for Spanish: case and accent folding, word splitting, stop words.
//!
//! Hand-written on purpose: the app compiles this to wasm for phones, and Unicode
//! normalization tables or a regex engine would cost hundreds of kilobytes.

/// Folds one character to lowercase without accents or diacritics (`Á` → `a`, `ñ` → `n`,
/// `Ü` → `u`).
///
/// Spanish (and the Latin-1 letters that appear in names) is mapped explicitly; any other
/// letter is only lowercased.
pub fn fold_char(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    match c {
        'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' | 'Á' | 'À' | 'Â' | 'Ä' | 'Ã' | 'Å' => 'a',
        'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' | 'Ë' => 'e',
        'í' | 'ì' | 'î' | 'ï' | 'Í' | 'Ì' | 'Î' | 'Ï' => 'i',
        'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'Ó' | 'Ò' | 'Ô' | 'Ö' | 'Õ' => 'o',
        'ú' | 'ù' | 'û' | 'ü' | 'Ú' | 'Ù' | 'Û' | 'Ü' => 'u',
        'ñ' | 'Ñ' => 'n',
        'ç' | 'Ç' => 'c',
        'ý' | 'ÿ' | 'Ý' => 'y',
        _ => lowercase(c),
    }
}

/// The first char of `c.to_lowercase()`.
#[cfg(not(target_arch = "wasm32"))]
fn lowercase(c: char) -> char {
    c.to_lowercase().next().unwrap_or(c)
}

/// The first char of `c.to_lowercase()`, from the browser's `String.prototype.toLowerCase`
/// (the same locale-independent Unicode full case mapping): std's lowercase table would
/// add ~12 KB to the wasm. Latin-1 symbols and general punctuation (`¿`, `¡`, `°`, `–`,
/// `“`), which have no case, skip the call to JavaScript.
#[cfg(target_arch = "wasm32")]
fn lowercase(c: char) -> char {
    if matches!(c, '\u{80}'..='\u{bf}' | '\u{2000}'..='\u{206f}') {
        return c;
    }
    let mut buf = [0; 4];
    js_sys::JsString::from(&*c.encode_utf8(&mut buf))
        .to_lower_case()
        .as_string()
        .and_then(|s| s.chars().next())
        .unwrap_or(c)
}

/// Combining accents (U+0300–U+036F) of decomposed text such as `a\u{301}`: they stay
/// inside the word but vanish when folded, so NFD input behaves like NFC input.
fn is_combining_mark(c: char) -> bool {
    ('\u{300}'..='\u{36f}').contains(&c)
}

/// Whether `c` belongs to a word. Ordinal indicators (`1º`, `Nª`) are letters to Unicode
/// but noise in procedure names.
fn is_word_char(c: char) -> bool {
    is_alphanumeric(c) && !matches!(c, 'º' | 'ª')
}

/// `c.is_alphanumeric()`.
#[cfg(not(target_arch = "wasm32"))]
fn is_alphanumeric(c: char) -> bool {
    c.is_alphanumeric()
}

/// `c.is_alphanumeric()`, which is Unicode `Alphabetic` or `N*`: in the browser the
/// engine's own Unicode tables answer (std's would add ~3 KB to the wasm). ASCII and the
/// Latin-1 letters (`á`, `ñ`, `ü`…) are answered here without calling JavaScript.
#[cfg(target_arch = "wasm32")]
fn is_alphanumeric(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    if matches!(c, '\u{c0}'..='\u{ff}') {
        return !matches!(c, '×' | '÷');
    }
    thread_local! {
        static ALPHANUMERIC: js_sys::RegExp =
            js_sys::RegExp::new(r"^[\p{Alphabetic}\p{N}]$", "u");
    }
    let mut buf = [0; 4];
    ALPHANUMERIC.with(|re| re.test(c.encode_utf8(&mut buf)))
}

/// Folds a whole string (including spaces and punctuation), e.g. for sorting by name.
pub fn fold(text: &str) -> String {
    text.chars()
        .filter(|&c| !is_combining_mark(c))
        .map(fold_char)
        .collect()
}

/// Calls `f(folded_word, start, end)` for every word of `text`, where `start..end` is the
/// word's byte range in the original `text` (always on char boundaries).
///
/// `buf` is scratch space reused between calls so indexing does not allocate per word.
pub(crate) fn for_each_word(text: &str, buf: &mut String, mut f: impl FnMut(&str, usize, usize)) {
    let mut start = None;
    buf.clear();
    for (i, c) in text.char_indices() {
        if is_word_char(c) || (start.is_some() && is_combining_mark(c)) {
            if start.is_none() {
                start = Some(i);
            }
            if !is_combining_mark(c) {
                buf.push(fold_char(c));
            }
        } else if let Some(s) = start.take() {
            f(buf, s, i);
            buf.clear();
        }
    }
    if let Some(s) = start {
        f(buf, s, text.len());
    }
}

/// Whether `text` ends inside a word, i.e. the person may still be typing its last word.
pub(crate) fn ends_in_word(text: &str) -> bool {
    text.chars()
        .next_back()
        .is_some_and(|c| is_word_char(c) || is_combining_mark(c))
}

/// Spanish words too common to tell procedures apart; they are neither indexed nor
/// required by a query (`licencia de conducir` needs only `licencia` and `conducir`).
pub(crate) fn is_stop_word(word: &str) -> bool {
    matches!(
        word,
        "a" | "al"
            | "con"
            | "como"
            | "de"
            | "del"
            | "e"
            | "el"
            | "en"
            | "es"
            | "la"
            | "las"
            | "lo"
            | "los"
            | "mi"
            | "mis"
            | "o"
            | "para"
            | "por"
            | "que"
            | "se"
            | "su"
            | "sus"
            | "u"
            | "un"
            | "una"
            | "unas"
            | "unos"
            | "y"
    )
}

/// Words of how people ask, not of what they ask for: "quiero sacar mi carnet",
/// "how do I renew my passport", "como eu tiro o passaporte". Dropped from queries only
/// (the catalog keeps them: "Obtener" may well start a procedure name).
pub(crate) fn is_query_filler(word: &str) -> bool {
    matches!(
        word,
        // Spanish: wanting, needing, asking, the generic "get/do" verbs.
        "quiero" | "queria" | "quisiera" | "necesito" | "necesitamos" | "deseo" | "puedo"
            | "debo" | "tengo" | "hay" | "donde" | "cuando" | "cual" | "cuales" | "cuanto"
            | "cuesta" | "hago" | "hacer" | "sacar" | "saco" | "obtener" | "conseguir"
            | "tramitar" | "realizar" | "pedir" | "saber" | "ayuda" | "hola" | "favor"
            | "me" | "yo" | "nuestro" | "nuestra" | "ya" | "nuevo" | "nueva" | "tramite"
            | "tramites" | "solicitar" | "gestionar" | "busco" | "buscar" | "busca"
            // English.
            | "i" | "want" | "need" | "to" | "my" | "the" | "an" | "how" | "do" | "get"
            | "for" | "of" | "in" | "where" | "can" | "apply" | "new" | "please"
            // Portuguese.
            | "eu" | "quero" | "preciso" | "meu" | "minha" | "da" | "dos" | "das"
            | "os" | "um" | "uma" | "tirar" | "fazer" | "onde" | "no" | "na"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<(String, usize, usize)> {
        let mut out = Vec::new();
        let mut buf = String::new();
        for_each_word(text, &mut buf, |w, s, e| out.push((w.to_string(), s, e)));
        out
    }

    #[test]
    fn folds_accents_and_case() {
        assert_eq!(
            fold("JUBILACIÓN Añejo Pingüino ÑANDÚ"),
            "jubilacion anejo pinguino nandu"
        );
    }

    #[test]
    fn splits_words_with_original_byte_ranges() {
        let text = "Emisión de cédula";
        let w = words(text);
        assert_eq!(w.len(), 3);
        assert_eq!(w[0].0, "emision");
        assert_eq!(&text[w[0].1..w[0].2], "Emisión");
        assert_eq!(&text[w[2].1..w[2].2], "cédula");
    }

    #[test]
    fn decomposed_accents_stay_in_the_word() {
        let text = "Jubilacio\u{301}n ya";
        let w = words(text);
        assert_eq!(w[0].0, "jubilacion");
        assert_eq!(&text[w[0].1..w[0].2], "Jubilacio\u{301}n");
    }

    #[test]
    fn punctuation_and_ordinals_split_words() {
        let w: Vec<String> = words("RP-DGESTTLA y/o Nº 1173")
            .into_iter()
            .map(|w| w.0)
            .collect();
        assert_eq!(w, ["rp", "dgesttla", "y", "o", "n", "1173"]);
    }
}
