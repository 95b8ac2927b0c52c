//! Every text of the interface is used somewhere. A missing text in any language is
//! already a compile error (each language is one value of the same struct); this
//! catches the other half: a field no screen reads any more, left behind in three
//! languages. Native only: it reads the sources.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::{Path, PathBuf};

/// The text structs and the files that hold their values (which do not count as uses).
const TEXT_STRUCTS: &[(&str, &str, &[&str])] = &[
    (
        "src/i18n/mod.rs",
        "pub struct Texts {",
        &["src/i18n/es.rs", "src/i18n/en.rs", "src/i18n/pt.rs"],
    ),
    (
        "src/catalog/texts/mod.rs",
        "pub struct CatalogTexts {",
        &[
            "src/catalog/texts/es.rs",
            "src/catalog/texts/en.rs",
            "src/catalog/texts/pt.rs",
        ],
    ),
    (
        "src/intake/texts/mod.rs",
        "pub struct IntakeTexts {",
        &[
            "src/intake/texts/es.rs",
            "src/intake/texts/en.rs",
            "src/intake/texts/pt.rs",
        ],
    ),
    (
        "src/tracking/texts/mod.rs",
        "pub struct TrackingTexts {",
        &[
            "src/tracking/texts/es.rs",
            "src/tracking/texts/en.rs",
            "src/tracking/texts/pt.rs",
        ],
    ),
    (
        "src/transparency/texts/mod.rs",
        "pub struct TransparencyTexts {",
        &[
            "src/transparency/texts/es.rs",
            "src/transparency/texts/en.rs",
            "src/transparency/texts/pt.rs",
        ],
    ),
    (
        "src/assisted/texts/mod.rs",
        "pub struct AssistedTexts {",
        &[
            "src/assisted/texts/es.rs",
            "src/assisted/texts/en.rs",
            "src/assisted/texts/pt.rs",
        ],
    ),
    (
        "src/service_points/texts/mod.rs",
        "pub struct ServicePointsTexts {",
        &[
            "src/service_points/texts/es.rs",
            "src/service_points/texts/en.rs",
            "src/service_points/texts/pt.rs",
        ],
    ),
    ("src/embed/texts.rs", "pub struct EmbedTexts {", &[]),
];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).expect("readable source folder") {
        let path = entry.expect("readable entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Field names of `pub struct NAME { pub field: … }` in `source`.
fn fields(source: &str, header: &str) -> Vec<String> {
    let start = source.find(header).expect("text struct present") + header.len();
    let body = &source[start..start + source[start..].find("\n}").expect("struct end")];
    body.lines()
        .filter_map(|l| l.trim().strip_prefix("pub "))
        .filter_map(|l| l.split_once(':').map(|(name, _)| name.trim().to_string()))
        .collect()
}

/// `.name` as a whole field access (not `.name_more`).
fn reads_field(source: &str, name: &str) -> bool {
    let needle = format!(".{name}");
    source.match_indices(&needle).any(|(i, _)| {
        let after = source[i + needle.len()..].chars().next();
        !after.is_some_and(|c| c.is_alphanumeric() || c == '_')
    })
}

#[test]
fn every_text_is_read_by_some_screen() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    for (struct_file, header, value_files) in TEXT_STRUCTS {
        let declared = fields(
            &fs::read_to_string(root.join(struct_file)).expect("struct file"),
            header,
        );
        assert!(declared.len() > 10, "{header}: parsed {declared:?}");
        let uses: Vec<String> = files
            .iter()
            .filter(|f| !value_files.iter().any(|v| f.ends_with(v)))
            .map(|f| fs::read_to_string(f).expect("source file"))
            .collect();
        let unused: Vec<&String> = declared
            .iter()
            .filter(|name| name.as_str() != "lang" && !uses.iter().any(|s| reads_field(s, name)))
            .collect();
        assert!(
            unused.is_empty(),
            "texts no screen reads ({header}): {unused:?}"
        );
    }
}

#[test]
fn the_check_itself_tells_a_read_from_a_longer_name() {
    assert!(reads_field("t().draft_delete)", "draft_delete"));
    assert!(!reads_field("t().draft_delete_yes)", "draft_delete"));
    assert!(reads_field("tt.units_day,", "units_day"));
    assert_eq!(
        fields(
            "pub struct T {\n    pub a: &'static str,\n    pub b_c: [&'static str; 7],\n}\n",
            "pub struct T {"
        ),
        vec!["a".to_string(), "b_c".to_string()]
    );
}

/// `name: "value"` pairs of a language file (one-line values; arrays are skipped).
fn values(source: &str) -> Vec<(String, String)> {
    source
        .lines()
        .filter_map(|l| l.strip_prefix("    "))
        .filter_map(|l| l.split_once(": \""))
        .filter(|(name, _)| {
            name.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        })
        .map(|(name, rest)| {
            (
                name.to_string(),
                rest.trim_end_matches(',').trim_end_matches('"').to_string(),
            )
        })
        .collect()
}

/// Texts that are rightly the same words as in Spanish.
const SAME_AS_SPANISH: &[(&str, &[&str])] = &[
    (
        "en",
        &[
            "error_prefix",
            "error_title_prefix",
            "actor_system",
            "no",
            "text_size_normal",
        ],
    ),
    (
        "pt",
        &[
            "text_size_normal",
            "text_size_large",
            "read_pause",
            "lang_label",
            "date_format",
            "units_minutes",
            "units_hours",
            "units_weeks",
            "units_months",
            "sending",
            "units_minute",
            "units_hour",
            "units_week",
            "units_second",
            "units_seconds",
            "search_button",
            "filters_title",
            "filter_category",
            "tag_free",
            "proc_free",
            "filters_show",
            // The same words in Portuguese: " (opcional)", "Antes de seguir", "Tema",
            // "Lugar".
            "optional_suffix",
            "detail_note_title",
            "review_topic",
            "review_location",
            "continue_button",
            "review_type",
            "send_button_generic",
            "case_title",
            "status_answered",
            "actor_system",
            "score_3",
            // Transparency: "Reservado", "Valor", "Casos por tipo", "Canal",
            // "Mediana", "Percentil 90", "{month} de {year}"… are Portuguese too.
            "reserved",
            "value",
            "by_type",
            "by_channel",
            "col_type",
            "col_channel",
            "col_cases",
            "col_measure",
            "col_median",
            "col_p90",
            // Service points: "Lugar" is Portuguese too.
            "place_label",
            "month_year",
            "percent_of",
        ],
    ),
];

/// A missing text is a compile error, but a text pasted in Spanish into the English
/// or Portuguese file is not: this finds those, in every feature's texts.
#[test]
fn every_language_is_translated_not_copied() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for (_, _, value_files) in TEXT_STRUCTS.iter().filter(|(_, _, v)| !v.is_empty()) {
        let read = |lang: &str| {
            let file = value_files
                .iter()
                .find(|f| f.ends_with(&format!("/{lang}.rs")))
                .expect("file per language");
            values(&fs::read_to_string(root.join(file)).expect("language file"))
        };
        let spanish = read("es");
        assert!(spanish.len() > 10, "{value_files:?}");
        for (lang, allowed) in SAME_AS_SPANISH {
            let other = read(lang);
            let copied: Vec<&String> = spanish
                .iter()
                .filter(|(name, text)| {
                    !allowed.contains(&name.as_str())
                        && other.iter().any(|(n, t)| n == name && t == text)
                })
                .map(|(name, _)| name)
                .collect();
            assert!(
                copied.is_empty(),
                "{lang} has Spanish texts in {value_files:?}: {copied:?}"
            );
        }
    }
}
