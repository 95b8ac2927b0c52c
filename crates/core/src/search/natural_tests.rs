//! Search as people ask: whole sentences, verb forms, words of most procedures,
//! partial matches, "did you mean", synonyms, English and Portuguese.

use super::*;
use crate::catalog::{Agency, ProcedureSummary};

fn procedure(name: &str, agency: &str, summary: &str, keywords: &[&str]) -> ProcedureSummary {
    ProcedureSummary {
        slug: name.to_lowercase().replace(' ', "-"),
        name: name.into(),
        acronym: None,
        // Every summary names the country, as real catalogs do.
        summary: format!("{summary} Trámite del Estado Plurinacional de Bolivia."),
        agency: agency.into(),
        categories: Vec::new(),
        keywords: keywords.iter().map(|k| k.to_string()).collect(),
        online: false,
        in_person: true,
        free: false,
    }
}

/// 24 procedures, enough for document frequencies to mean something.
fn catalog() -> CatalogIndex {
    let p = procedure;
    CatalogIndex {
        synonyms: Vec::new(),
        agencies: [
            "SEGIP", "DGM", "SERECI", "GAMLP", "MIN-EDU", "GESTORA", "CNS", "SIN",
        ]
        .iter()
        .map(|&a| Agency {
            acronym: a.into(),
            slug: a.to_lowercase(),
            name: a.into(),
            description: None,
            website: None,
            phone: None,
            email: None,
        })
        .collect(),
        categories: Vec::new(),
        procedures: vec![
            p(
                "Licencia de conducir",
                "SEGIP",
                "Obtenga su licencia para manejar.",
                &[],
            ),
            p(
                "Renovación de licencia de conducir",
                "SEGIP",
                "Renueve su licencia vencida.",
                &[],
            ),
            p(
                "Cédula de identidad",
                "SEGIP",
                "Documento de identidad de los bolivianos.",
                &[],
            ),
            p(
                "Pasaporte",
                "DGM",
                "Documento para viajar al exterior.",
                &[],
            ),
            p(
                "Renovación de pasaporte",
                "DGM",
                "Renueve su pasaporte vencido.",
                &[],
            ),
            p(
                "Visa de turismo",
                "DGM",
                "Permiso de entrada para turistas.",
                &[],
            ),
            p(
                "Matrimonio civil",
                "SERECI",
                "Registro del matrimonio ante un oficial.",
                &[],
            ),
            p(
                "Certificado de nacimiento",
                "SERECI",
                "Copia legal de su partida.",
                &[],
            ),
            p(
                "Certificado de defunción",
                "SERECI",
                "Registro de un fallecimiento.",
                &[],
            ),
            p(
                "Permiso de construcción",
                "GAMLP",
                "Apruebe los planos de su obra antes de edificar.",
                &[],
            ),
            p(
                "Licencia de funcionamiento",
                "GAMLP",
                "Para abrir un negocio en el municipio.",
                &[],
            ),
            p(
                "Uso de riberas del río Choqueyapu",
                "GAMLP",
                "Autorización de uso de áreas junto al río.",
                &[],
            ),
            p(
                "Inscripción escolar",
                "MIN-EDU",
                "Inscriba a sus hijos en una unidad educativa fiscal.",
                &[],
            ),
            p(
                "Título de bachiller",
                "MIN-EDU",
                "Emisión del diploma al terminar el colegio.",
                &[],
            ),
            p(
                "Jubilación por vejez",
                "GESTORA",
                "Pensión para quien dejó de trabajar.",
                &[],
            ),
            p(
                "Afiliación al seguro de salud",
                "CNS",
                "Asegúrese como trabajador dependiente.",
                &[],
            ),
            p(
                "Certificado médico",
                "CNS",
                "Constancia de salud para trabajar.",
                &[],
            ),
            p(
                "Pago de impuestos a la propiedad",
                "SIN",
                "Pague el impuesto anual de su casa.",
                &[],
            ),
            p(
                "Inscripción al padrón de contribuyentes",
                "SIN",
                "Obtenga su NIT.",
                &["NIT"],
            ),
            p(
                "Factura electrónica",
                "SIN",
                "Emita facturas en línea.",
                &[],
            ),
            p(
                "Solicitud de duplicado de cédula",
                "SEGIP",
                "Si perdió su carnet.",
                &[],
            ),
            p(
                "Solicitud de certificado de antecedentes",
                "SEGIP",
                "Antecedentes penales.",
                &[],
            ),
            p(
                "Solicitud de audiencia",
                "GAMLP",
                "Reunión con una autoridad.",
                &[],
            ),
            p("Reclamo de facturación", "SIN", "Presente su queja.", &[]),
        ],
    }
}

fn run(query: &str) -> (Vec<String>, SearchOutcome) {
    let cat = catalog();
    let outcome = SearchIndex::new(&cat).search(query, &Filters::default());
    let names = outcome
        .hits
        .iter()
        .map(|h| cat.procedures[h.doc].name.clone())
        .collect();
    (names, outcome)
}

fn first(query: &str) -> String {
    run(query).0.into_iter().next().unwrap_or_default()
}

#[test]
fn natural_sentences_find_the_procedure() {
    assert_eq!(
        first("quiero renovar mi licencia"),
        "Renovación de licencia de conducir"
    );
    assert_eq!(
        first("necesito un permiso para construir cerca del río"),
        "Permiso de construcción"
    );
    assert_eq!(
        first("cómo inscribo a mi hijo en la escuela"),
        "Inscripción escolar"
    );
    assert_eq!(first("Quiero sacar mi pasaporte"), "Pasaporte");
    assert_eq!(first("como hago para casarme"), "Matrimonio civil");
}

#[test]
fn verbs_meet_the_nouns_of_procedure_names() {
    assert_eq!(
        first("afiliarse al seguro"),
        "Afiliación al seguro de salud"
    );
    assert_eq!(first("jubilarse"), "Jubilación por vejez");
    assert_eq!(first("pagar impuestos"), "Pago de impuestos a la propiedad");
    assert_eq!(first("construir"), "Permiso de construcción");
    assert_eq!(
        first("inscribir contribuyente"),
        "Inscripción al padrón de contribuyentes"
    );
    assert_eq!(first("renovar pasaporte"), "Renovación de pasaporte");
    assert_eq!(first("casarse"), "Matrimonio civil");
}

#[test]
fn partial_matches_instead_of_an_empty_page() {
    // No procedure is about both: the page is not empty, and says so.
    let (names, outcome) = run("pasaporte defuncion");
    assert!(outcome.partial);
    assert!(names.contains(&"Pasaporte".to_string()), "{names:?}");
    assert!(names.contains(&"Certificado de defunción".to_string()));
    // A word that matches nothing does not sink the others.
    let (names, outcome) = run("renovar pasaporte zzzz");
    assert!(outcome.partial);
    assert_eq!(names[0], "Renovación de pasaporte");
    // Strict matches are not flagged.
    assert!(!run("renovar pasaporte").1.partial);
}

#[test]
fn rare_words_outweigh_common_ones_in_partial_matches() {
    // "certificado" names three procedures, "antecedentes" one: the rare word wins.
    let (names, outcome) = run("certificado antecedentes vencido zzzz");
    assert!(outcome.partial);
    assert_eq!(names[0], "Solicitud de certificado de antecedentes");
    // Matching in the name beats matching in the summary.
    let (names, _) = run("visa zzzz");
    assert_eq!(names[0], "Visa de turismo");
}

#[test]
fn words_in_most_procedures_do_not_decide() {
    // Every summary says "Bolivia": it neither empties nor floods the result.
    assert_eq!(run("pasaporte bolivia").0[0], "Pasaporte");
    assert!(!run("pasaporte bolivia").1.partial);
    assert_eq!(run("pasaporte bolivia").0.len(), 2);
    assert_eq!(first("tramite de pasaporte"), "Pasaporte");
    // A query of common words only still asks for them.
    assert_eq!(run("bolivia").0.len(), 24);
    // A procedure that does not name the country is still a strict match.
    let mut cat = catalog();
    cat.procedures[5].summary = "Permiso de entrada para turistas.".into();
    let outcome = SearchIndex::new(&cat).search("visa bolivia", &Filters::default());
    assert!(!outcome.partial);
    assert_eq!(cat.procedures[outcome.hits[0].doc].name, "Visa de turismo");
    // In a catalog too small for frequencies to mean anything, every word decides.
    cat.procedures.truncate(12);
    let outcome = SearchIndex::new(&cat).search("visa bolivia", &Filters::default());
    assert!(outcome.partial);
}

#[test]
fn only_stop_words_browse_the_catalog() {
    let (names, outcome) = run("quiero necesito para mi");
    assert_eq!(names.len(), 24);
    assert!(!outcome.partial);
}

#[test]
fn did_you_mean_offers_the_closest_catalog_word() {
    let (_, outcome) = run("renovar lisencai");
    assert_eq!(outcome.suggestion.as_deref(), Some("renovar licencia"));
    let (names, outcome) = run("pasaporte xqzw");
    assert_eq!(outcome.suggestion, None, "nothing close to xqzw");
    assert_eq!(names[0], "Pasaporte");
    // Matched words need no suggestion.
    assert_eq!(run("pasaprte").1.suggestion, None);
    // The suggestion keeps the rest of what was typed.
    assert_eq!(
        run("Quiero mi lisencai ").1.suggestion.as_deref(),
        Some("Quiero mi licencia")
    );
    assert_eq!(
        run("Quiero mi certifcado de nacimeinto").1.suggestion,
        None,
        "both words are within typo reach: no suggestion needed"
    );
}

#[test]
fn everyday_synonyms() {
    assert_eq!(first("carnet"), "Cédula de identidad");
    assert_eq!(first("brevet"), "Licencia de conducir");
    assert_eq!(first("colegio inscripcion"), "Inscripción escolar");
}

#[test]
fn english_and_portuguese_queries() {
    assert_eq!(first("passport"), "Pasaporte");
    assert_eq!(first("passaporte"), "Pasaporte");
    assert_eq!(first("renew my passport"), "Renovación de pasaporte");
    assert_eq!(first("driving licence"), "Licencia de conducir");
    assert_eq!(first("carteira de motorista"), "Licencia de conducir");
    assert_eq!(first("retirement"), "Jubilación por vejez");
    assert_eq!(first("aposentadoria"), "Jubilación por vejez");
    assert_eq!(first("birth certificate"), "Certificado de nacimiento");
}

#[test]
fn a_deployment_adds_its_own_synonyms() {
    let cat = catalog();
    let extra = vec![vec![
        "chofer".to_string(),
        "licencia de conducir".to_string(),
    ]];
    let plain = SearchIndex::new(&cat).search("chofer", &Filters::default());
    assert!(plain.hits.is_empty());
    let index = SearchIndex::with_synonyms(&cat, &extra);
    let outcome = index.search("chofer", &Filters::default());
    assert_eq!(
        cat.procedures[outcome.hits[0].doc].name,
        "Licencia de conducir"
    );
}

#[test]
fn partial_hits_keep_highlights() {
    let (_, outcome) = run("renovar pasaporte zzzz");
    let hit = &outcome.hits[0];
    assert_eq!(hit.highlights.len(), 2, "Renovación and pasaporte");
}

#[test]
fn field_weight_times_match_kind_and_a_little_evidence() {
    let p = procedure;
    let cat = CatalogIndex {
        synonyms: Vec::new(),
        procedures: vec![
            p("Pasaporti consular", "DGM", "Trámite consular.", &[]),
            p("Visa de turismo", "DGM", "Para turistas.", &["pasaporte"]),
            p(
                "Registro de nacimiento",
                "SERECI",
                "Inscriba al recién nacido.",
                &[],
            ),
            p(
                "Registro de nacimiento",
                "SERECI",
                "Inscriba al recién nacido.",
                &["nacimiento"],
            ),
        ],
        ..catalog()
    };
    let index = SearchIndex::new(&cat);
    let docs = |q: &str| -> Vec<usize> {
        index
            .search(q, &Filters::default())
            .hits
            .iter()
            .map(|h| h.doc)
            .collect()
    };
    // An exact keyword (6 × 1) beats a typo in the name (10 × 0.55): weights multiply.
    assert_eq!(docs("pasaporte")[0], 1);
    // Same name, but one also has the word among its keywords: more evidence first.
    assert_eq!(docs("nacimiento"), [3, 2]);
}
