//! A light Spanish stemmer for folded (lowercase, accentless) words.
//!
//! It only has to make the forms people type meet the forms the catalog uses: plurals
//! (`licencias` → `licencia`, `pensiones` → `pension`), `-ción` nouns and their verbs
//! (`renovación` / `renovar`, `conducción` / `conducir`), participles (`certificado` /
//! `certificación`) and gender/number vowels. Both the catalog and the query go through
//! the same function, so a stem only needs to be consistent, not a real word.

/// Shortest stem a rule may leave; shorter stems would merge unrelated words.
const MIN_STEM: usize = 3;

/// Derivational and verbal endings, longest first; at most one is removed.
const SUFFIXES: &[(&str, usize)] = &[
    // (ending, shortest stem that must remain)
    ("amiento", MIN_STEM),
    ("imiento", MIN_STEM),
    // `construcción` / `construir`, `conducción` / `conducir`: both sides lose the
    // `c` so the `-uir` verbs meet their nouns too (`ucir` below).
    ("uccion", 4),
    ("iendo", MIN_STEM),
    // `inscripción` / `inscribir`, `suscripción` / `suscribir` (see `scrib` below).
    ("pcion", 4),
    ("ando", MIN_STEM),
    ("ucir", 4),
    ("cion", 4),
    // `aterrizaje` / `aterrizar`, `hospedaje` / `hospedar`.
    ("aje", 4),
    ("ado", 4),
    ("ada", 4),
    ("ido", 4),
    ("ida", 4),
    ("ar", MIN_STEM),
    ("er", MIN_STEM),
    ("ir", MIN_STEM),
];

/// Returns the stem of a folded word. Words under four letters and words with digits
/// (codes, law numbers) are returned unchanged.
pub(crate) fn stem(word: &str) -> &str {
    // Suffixes are ASCII, so byte arithmetic below stays on char boundaries; char
    // counts only guard the minimum lengths.
    let chars = word.chars().count();
    if chars < 4 || word.bytes().any(|b| b.is_ascii_digit()) {
        return word;
    }
    let (s, n) = strip_plural(word, chars);
    let (mut s, mut n) = strip_enclitic(s, n);
    for &(suffix, min) in SUFFIXES {
        let len = suffix.len();
        if n >= min + len && s.ends_with(suffix) {
            // `-uccion` and `-ucir` keep their `u`: `constru-ccion`, `condu-cir`.
            let keep = usize::from(suffix.starts_with('u'));
            s = &s[..s.len() - len + keep];
            n -= len - keep;
            break;
        }
    }
    if n > MIN_STEM && s.ends_with(['a', 'e', 'o']) {
        s = &s[..s.len() - 1];
    }
    // The `b` of `inscribir` / `inscribo` is the `p` of `inscripción`: drop both.
    if s.ends_with("scrib") {
        s = &s[..s.len() - 1];
    }
    // `revisión` / `revisar`, `pensión` / `pensionado`: the `s` stays, `-ion` goes.
    if n > 5 && s.ends_with("sion") {
        s = &s[..s.len() - 3];
    }
    s
}

/// Removes a pronoun attached to an infinitive: `afiliarse` → `afiliar`, `casarme` →
/// `casar`, `inscribirlo` → `inscribir`. `-te` is left alone: too many nouns end in
/// `-arte`/`-orte` (`parte`, `transporte`).
fn strip_enclitic(word: &str, chars: usize) -> (&str, usize) {
    for pronoun in ["se", "me", "lo", "la", "le", "nos"] {
        let rest = &word[..word.len().saturating_sub(pronoun.len())];
        let n = chars.saturating_sub(pronoun.len());
        if word.ends_with(pronoun) && n >= 5 && ["ar", "er", "ir"].iter().any(|v| rest.ends_with(v))
        {
            return (rest, n);
        }
    }
    (word, chars)
}

/// A milder stem for synonym lookups: only plural and gender removed (`licencias` →
/// `licenci`, `tributarias` and `tributario` → `tributari`). Full stems would pull in
/// unrelated words (`partida` and `parte` share a stem). Always a prefix of `word`.
pub(crate) fn light_stem(word: &str) -> &str {
    let chars = word.chars().count();
    if chars < 4 || word.bytes().any(|b| b.is_ascii_digit()) {
        return word;
    }
    let (s, n) = strip_plural(word, chars);
    let (s, n) = strip_enclitic(s, n);
    if n > 4 && s.ends_with(['a', 'e', 'o']) {
        &s[..s.len() - 1]
    } else {
        s
    }
}

/// Removes a plural `-s`/`-es`: `-es` goes whole after a consonant (`pensiones`,
/// `leyes`), otherwise only the `-s` (`licencias`, `tramites` → `tramite`). Words in
/// `-is`/`-us` (`tesis`, `virus`) are singular.
fn strip_plural(word: &str, chars: usize) -> (&str, usize) {
    let b = word.as_bytes();
    let n = b.len();
    if b[n - 1] != b's' || matches!(b[n - 2], b'i' | b'u' | b's') {
        return (word, chars);
    }
    // `stem` only calls this for words of four or more characters.
    let before_e = b[n - 3];
    if b[n - 2] == b'e'
        && before_e.is_ascii_alphabetic()
        && !is_vowel(before_e)
        && chars - 2 >= MIN_STEM
    {
        (&word[..n - 2], chars - 2)
    } else {
        (&word[..n - 1], chars - 1)
    }
}

fn is_vowel(b: u8) -> bool {
    matches!(b, b'a' | b'e' | b'i' | b'o' | b'u')
}

#[cfg(test)]
mod tests {
    use super::{light_stem, stem};

    fn same(a: &str, b: &str) {
        assert_eq!(stem(a), stem(b), "{a} and {b} should share a stem");
    }

    #[test]
    fn plurals_meet_singulars() {
        same("licencias", "licencia");
        same("pensiones", "pension");
        same("tramites", "tramite");
        same("certificados", "certificado");
        same("leyes", "ley");
        same("jubilaciones", "jubilacion");
    }

    #[test]
    fn nouns_meet_verbs_and_participles() {
        same("conduccion", "conducir");
        same("renovacion", "renovar");
        same("jubilacion", "jubilar");
        same("certificacion", "certificado");
        same("registro", "registrar");
        same("legalizacion", "legalizar");
        same("manejo", "manejar");
    }

    #[test]
    fn derivations_people_type_meet_the_catalog_nouns() {
        same("inscribir", "inscripcion");
        same("inscribo", "inscripcion");
        same("inscripciones", "inscribir");
        same("afiliarse", "afiliacion");
        same("afiliarme", "afiliacion");
        same("jubilarse", "jubilacion");
        same("pagar", "pago");
        same("renovar", "renovacion");
        same("construir", "construccion");
        same("conducir", "conduccion");
        same("producir", "produccion");
        same("distribuir", "distribucion");
        same("aterrizaje", "aterrizar");
        same("revision", "revisar");
        same("pension", "pensionado");
        same("fallecimiento", "fallecer");
        same("suscribirse", "suscripcion");
        same("factura", "facturacion");
    }

    #[test]
    fn pronouns_go_only_after_an_infinitive() {
        assert_eq!(light_stem("casarse"), "casar");
        assert_eq!(stem("parte"), stem("partes"));
        assert_eq!(stem("transporte"), stem("transportes"));
        assert_eq!(light_stem("afiliarse"), "afiliar");
        assert_eq!(stem("clase"), "clas");
    }

    #[test]
    fn light_stem_only_drops_number_and_gender() {
        assert_eq!(light_stem("licencias"), "licenci");
        assert_eq!(light_stem("pensiones"), "pension");
        assert_eq!(light_stem("tributarias"), light_stem("tributario"));
        assert_ne!(light_stem("partida"), light_stem("parte"));
        assert_eq!(light_stem("auto"), "auto");
        assert_eq!(light_stem("ci"), "ci");
    }

    #[test]
    fn keeps_short_words_codes_and_distinct_words() {
        assert_eq!(stem("ci"), "ci");
        assert_eq!(stem("nit"), "nit");
        assert_eq!(stem("ley133"), "ley133");
        assert_eq!(stem("tesis"), "tesis");
        assert_eq!(stem("nacion"), "nacion");
        assert_ne!(stem("licencia"), stem("licenciatura"));
        assert_ne!(stem("pasaporte"), stem("pasar"));
    }
}
