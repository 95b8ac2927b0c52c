//! Plain-text clean-up shared by the importer: one-line and multi-line text out of
//! HTML-or-text fields, summaries, list markers, slugs and acronyms.

use cc_core::catalog::plain_text;

use super::html::{collapse_whitespace, html_to_rich_text};

/// Articles and prepositions skipped when deriving an acronym ("Tribunal Supremo de
/// Justicia" → `TSJ`), matching how Bolivian agencies abbreviate their names.
const STOPWORDS: &[&str] = &[
    "a", "al", "con", "de", "del", "e", "el", "en", "la", "las", "los", "o", "para", "por", "u",
    "y",
];

/// Short capitalised words that end with a period without ending a sentence.
const ABBREVIATIONS: &[&str] = &[
    "art", "av", "dptal", "dpto", "dr", "dra", "direc", "gral", "ing", "lic", "nro", "sr", "sra",
];

/// Plain text of a field that may hold HTML, as a single line.
pub fn plain_line(text: &str) -> String {
    collapse_whitespace(&plain_text(&html_to_rich_text(text)))
}

/// Plain text of a field that may hold HTML, one line per paragraph or list item.
pub fn plain_lines(text: &str) -> Vec<String> {
    plain_text(&html_to_rich_text(text))
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .map(String::from)
        .collect()
}

/// Like [`plain_lines`], joined with `\n` (for comments shown with their line breaks).
pub fn plain_multiline(text: &str) -> String {
    plain_lines(text).join("\n")
}

/// Lines of a list-like field ("1. Ley…;\n• Decreto…") without their numbering or
/// bullets, the `;`/`,` that chained them, nor quotes wrapping the whole line.
pub fn item_lines(text: &str) -> Vec<String> {
    plain_lines(text)
        .iter()
        .map(|line| strip_list_marker(line).trim_end_matches([';', ',', ' ']))
        .map(|line| strip_wrapping_quotes(line).to_string())
        .filter(|line| line.chars().any(char::is_alphanumeric))
        .collect()
}

/// Removes a leading bullet (`•`, `-`, `*`…) or arabic numbering (`1.`, `2)`, `3.-`).
/// A number not followed by such a separator ("2024 Reglamento") is content.
pub fn strip_list_marker(line: &str) -> &str {
    let line = line.trim_start();
    if let Some(rest) = line.strip_prefix(['•', '-', '–', '—', '*', '·', '●', '▪', '◦'])
    {
        return rest.trim_start();
    }
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 3 {
        return line;
    }
    let rest = &line[digits..];
    let separator = [".-", ".)", ".", ")", "-"]
        .iter()
        .find_map(|sep| rest.strip_prefix(sep));
    match separator {
        Some(after) if after.is_empty() || after.starts_with(char::is_whitespace) => {
            after.trim_start()
        }
        _ => line,
    }
}

/// `"R.M. 1/2015 "` → `R.M. 1/2015`: quotes around a whole line are a copy-paste artefact.
fn strip_wrapping_quotes(line: &str) -> &str {
    let trimmed = line.trim();
    for (open, close) in [('"', '"'), ('“', '”'), ('\'', '\'')] {
        if let Some(inner) = trimmed
            .strip_prefix(open)
            .and_then(|s| s.strip_suffix(close))
        {
            return inner.trim();
        }
    }
    trimmed
}

/// One or two plain sentences of at most `max_chars` characters for result lists.
///
/// Whole sentences are kept while they fit; a line end also ends a sentence unless the
/// line ends with `:` or `,` (it introduces what follows). When even the first sentence
/// is too long it is cut at a word boundary and ends with "…".
pub fn summarize(lines: &[String], max_chars: usize) -> String {
    let (text, boundaries) = join_with_boundaries(lines);
    if text.chars().count() <= max_chars {
        return text;
    }
    let fitting = boundaries
        .into_iter()
        .take_while(|&end| text[..end].chars().count() <= max_chars)
        .last();
    match fitting {
        Some(end) => text[..end].trim_end().to_string(),
        None => truncate_at_word(&text, max_chars),
    }
}

/// Joins lines (bullets stripped) with spaces, returning byte offsets where a sentence
/// may end.
fn join_with_boundaries(lines: &[String]) -> (String, Vec<usize>) {
    let mut text = String::new();
    let mut boundaries = Vec::new();
    for line in lines {
        let line = collapse_whitespace(strip_list_marker(line));
        if line.is_empty() {
            continue;
        }
        if !text.is_empty() {
            text.push(' ');
        }
        let start = text.len();
        text.push_str(&line);
        boundaries.extend(sentence_ends(&line).into_iter().map(|end| start + end));
        if !line.ends_with([':', ',']) {
            boundaries.push(text.len());
        }
    }
    boundaries.dedup();
    (text, boundaries)
}

/// Byte offsets just after `.`, `!` or `?` followed by a space, skipping abbreviations
/// such as "R.M." or "Nro." that are followed by more of the same sentence.
fn sentence_ends(line: &str) -> Vec<usize> {
    let bytes = line.as_bytes();
    line.char_indices()
        .filter(|&(i, c)| {
            matches!(c, '.' | '!' | '?') && bytes.get(i + 1).is_some_and(u8::is_ascii_whitespace)
        })
        .filter(|&(i, c)| c != '.' || !is_abbreviation(last_word(&line[..i])))
        .map(|(i, _)| i + 1)
        .collect()
}

/// The word just before byte offset `end` of `text`.
fn last_word(text: &str) -> &str {
    text.rsplit(char::is_whitespace).next().unwrap_or("")
}

/// Whether a word followed by a period is an abbreviation rather than a sentence end.
fn is_abbreviation(word: &str) -> bool {
    let word = word.trim_start_matches(['(', '"', '“']);
    let short_capitalised =
        word.chars().count() <= 3 && word.starts_with(|c: char| c.is_uppercase());
    word.contains('.') || short_capitalised || ABBREVIATIONS.contains(&word.to_lowercase().as_str())
}

/// Cuts `text` to at most `max_chars` characters including the final "…", at the last
/// word boundary (a word is only split when it alone exceeds the limit).
fn truncate_at_word(text: &str, max_chars: usize) -> String {
    let budget = max_chars.saturating_sub(1);
    let cut = text
        .char_indices()
        .nth(budget)
        .map_or(text.len(), |(i, _)| i);
    let head = &text[..cut];
    let head = match head.rfind(char::is_whitespace) {
        Some(space) if space > 0 => &head[..space],
        _ => head,
    };
    format!(
        "{}…",
        head.trim_end_matches(|c: char| c.is_whitespace() || ",;:-–".contains(c))
    )
}

/// Case and accent folding: the core's, so imported names compare the way the
/// search compares them.
pub use cc_core::search::{fold, fold_char};

/// URL-safe slug: lowercase ASCII letters and digits separated by single dashes.
pub fn slugify(text: &str) -> String {
    let mut slug = String::new();
    for c in text.chars().map(fold_char) {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    slug.trim_end_matches('-').to_string()
}

/// Uppercase initials of the significant words: "Tribunal Supremo de Justicia" → `TSJ`.
pub fn initials(name: &str) -> String {
    name.split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty() && !STOPWORDS.contains(&fold(word).as_str()))
        .filter_map(|word| word.chars().next())
        .map(|c| fold_char(c).to_ascii_uppercase())
        .collect()
}

/// A link target safe to render: `http(s):`, `mailto:` or `tel:`, or a bare `www.` host
/// (common in the source) upgraded to `https://`.
pub fn safe_url(url: &str) -> Option<String> {
    let url = url.trim();
    if let Some(url) = cc_core::links::safe_href(url) {
        Some(url)
    } else if url.to_ascii_lowercase().starts_with("www.") && !url.contains(char::is_whitespace) {
        Some(format!("https://{url}"))
    } else {
        None
    }
}

/// Like [`safe_url`] but only web pages (`http(s):`), for "open this site" buttons.
pub fn web_url(url: &str) -> Option<String> {
    safe_url(url).filter(|url| url.to_ascii_lowercase().starts_with("http"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(items: &[&str]) -> Vec<String> {
        items.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn list_markers_are_stripped() {
        assert_eq!(strip_list_marker("1. Ley N° 1173"), "Ley N° 1173");
        assert_eq!(strip_list_marker("1.\tLey N° 393"), "Ley N° 393");
        assert_eq!(strip_list_marker("13.- Copia del poder"), "Copia del poder");
        assert_eq!(strip_list_marker("2) Decreto"), "Decreto");
        assert_eq!(strip_list_marker("• Ley Nº 065"), "Ley Nº 065");
        assert_eq!(strip_list_marker("-DS 26256"), "DS 26256");
        assert_eq!(strip_list_marker("2024 Reglamento"), "2024 Reglamento");
        assert_eq!(strip_list_marker("10-09-2019 fecha"), "10-09-2019 fecha");
        assert_eq!(strip_list_marker("DS 26256"), "DS 26256");
    }

    #[test]
    fn item_lines_split_and_clean() {
        let text = "1. Ley A;\n\n2. Ley B ,\n• Decreto C\n ---\n \"R.M. N° 928/2015 \"";
        assert_eq!(
            item_lines(text),
            lines(&["Ley A", "Ley B", "Decreto C", "R.M. N° 928/2015"])
        );
        assert_eq!(
            item_lines("<ol><li>Ley A</li><li>2. Ley B</li></ol>"),
            lines(&["Ley A", "Ley B"])
        );
    }

    #[test]
    fn plain_line_strips_html() {
        assert_eq!(plain_line("<p>Hola</p><p><b>mundo</b></p>"), "Hola mundo");
        assert_eq!(plain_line("  a \n b "), "a b");
        assert_eq!(plain_multiline("a\r\n\r\n b"), "a\nb");
    }

    #[test]
    fn summary_keeps_whole_sentences() {
        let short = lines(&["Una frase.", "Otra."]);
        assert_eq!(summarize(&short, 220), "Una frase. Otra.");
        let long = lines(&[&format!(
            "Primera frase. Segunda frase según R.M. N° 5. {}",
            "x ".repeat(200)
        )]);
        assert_eq!(
            summarize(&long, 220),
            "Primera frase. Segunda frase según R.M. N° 5."
        );
    }

    #[test]
    fn summary_cuts_a_long_sentence_at_a_word() {
        let long = lines(&[&"palabra ".repeat(60)]);
        let summary = summarize(&long, 220);
        assert!(summary.ends_with("palabra…"), "{summary}");
        assert!(summary.chars().count() <= 220);
    }

    #[test]
    fn summary_line_ends_are_boundaries_unless_they_introduce() {
        let text = lines(&["* Precios de:", "- 243.600 Bs.", &"y ".repeat(200)]);
        assert_eq!(summarize(&text, 220), "Precios de: 243.600 Bs.");
    }

    #[test]
    fn slugs_and_initials() {
        assert_eq!(
            slugify("  Educación Técnica / Año 2025 "),
            "educacion-tecnica-ano-2025"
        );
        assert_eq!(slugify("¡¡!!"), "");
        assert_eq!(initials("Tribunal Supremo de Justicia"), "TSJ");
        assert_eq!(initials("Órgano Electoral del Estado y la Unión"), "OEEU");
        assert_eq!(initials("Direc. Dptal. de Educación Tarija"), "DDET");
    }

    #[test]
    fn urls_are_vetted() {
        assert_eq!(safe_url(" https://a.bo "), Some("https://a.bo".into()));
        assert_eq!(safe_url("www.a.bo"), Some("https://www.a.bo".into()));
        assert_eq!(safe_url("javascript:alert(1)"), None);
        assert_eq!(safe_url("a.bo"), None);
        assert_eq!(web_url("mailto:a@b.bo"), None);
        assert_eq!(safe_url("mailto:a@b.bo"), Some("mailto:a@b.bo".into()));
    }
}
