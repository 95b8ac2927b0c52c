//! The self-service suggestions' rules: how long a description must be, how much it
//! must share with a procedure, and how many are offered.

use super::*;
use crate::catalog::{Agency, ProcedureSummary};

fn procedure(name: &str, summary: &str) -> ProcedureSummary {
    ProcedureSummary {
        slug: text::fold(name).replace(' ', "-"),
        name: name.into(),
        acronym: None,
        summary: summary.into(),
        agency: "MIN".into(),
        categories: Vec::new(),
        keywords: Vec::new(),
        online: false,
        in_person: true,
        free: false,
    }
}

fn index(procedures: Vec<ProcedureSummary>) -> (SearchIndex, Vec<String>) {
    let names = procedures.iter().map(|p| p.name.clone()).collect();
    let catalog = CatalogIndex {
        synonyms: Vec::new(),
        agencies: vec![Agency {
            acronym: "MIN".into(),
            slug: "min".into(),
            name: "Ministerio".into(),
            description: None,
            website: None,
            phone: None,
            email: None,
        }],
        categories: Vec::new(),
        procedures,
    };
    (SearchIndex::new(&catalog), names)
}

fn catalog() -> (SearchIndex, Vec<String>) {
    index(vec![
        procedure(
            "Diploma de bachiller supletorio",
            "Por robo, extravío o deterioro.",
        ),
        procedure(
            "Legalización de diploma de bachiller",
            "Para estudiar en el exterior.",
        ),
        procedure(
            "Modificación de datos en el diploma de bachiller",
            "Corrige nombres.",
        ),
        procedure("Certificado de notas del bachiller", "Notas de secundaria."),
        procedure(
            "Licencia de funcionamiento",
            "Para abrir una tienda o un taller.",
        ),
        procedure(
            "Registro de música original",
            "Obras y canciones de autores.",
        ),
    ])
}

fn suggested(description: &str) -> Vec<String> {
    let (ix, names) = catalog();
    ix.for_description(description)
        .iter()
        .map(|h| names[h.doc].clone())
        .collect()
}

#[test]
fn a_description_of_three_words_is_too_short_and_four_are_enough() {
    assert_eq!(suggested("perdí diploma bachiller"), Vec::<String>::new());
    assert_eq!(
        suggested("perdí el diploma supletorio")[0],
        "Diploma de bachiller supletorio"
    );
}

#[test]
fn one_shared_word_is_a_coincidence_two_are_a_suggestion() {
    assert_eq!(
        suggested("mi vecino pone música fuerte todas las noches"),
        Vec::<String>::new()
    );
    assert_eq!(
        suggested("quiero registrar una canción como música original mía"),
        vec!["Registro de música original"]
    );
}

#[test]
fn words_shared_only_with_the_summary_do_not_suggest_it() {
    // "tienda" and "taller" are in the licence's summary, not its name.
    assert_eq!(
        suggested("me robaron en la tienda y en el taller"),
        Vec::<String>::new()
    );
}

#[test]
fn at_most_three_are_offered_best_first() {
    let got = suggested("necesito el diploma de bachiller otra vez");
    assert_eq!(got.len(), DESCRIPTION_SUGGESTIONS);
    assert_eq!(got[0], "Diploma de bachiller supletorio");
}

#[test]
fn pick_keeps_named_hits_at_half_the_best_score_or_more() {
    let hits = vec![(10.0, true), (9.0, false), (5.0, true), (4.9, true)];
    assert_eq!(
        pick_suggestions(hits, |&(s, named)| (s, named)),
        vec![(10.0, true), (5.0, true)]
    );
}

#[test]
fn pick_measures_against_the_best_named_hit() {
    // The unnamed 100 is not a suggestion, so it does not raise the bar.
    let hits = vec![(100.0, false), (4.0, true), (2.0, true), (1.9, true)];
    assert_eq!(
        pick_suggestions(hits, |&(s, named)| (s, named)),
        vec![(4.0, true), (2.0, true)]
    );
}

#[test]
fn pick_stops_at_three_and_returns_nothing_without_a_named_hit() {
    let many = vec![(5.0, true); 5];
    assert_eq!(pick_suggestions(many, |&(s, n)| (s, n)).len(), 3);
    let none = vec![(5.0, false), (4.0, false)];
    assert!(pick_suggestions(none, |&(s, n)| (s, n)).is_empty());
}

#[test]
fn a_suggestion_scores_as_the_same_procedure_found_by_search() {
    // Both add the name's coverage to the words' score, so a suggestion and a search
    // result rank the same procedures the same way.
    let (ix, _) = catalog();
    let text = "quiero el diploma de bachiller supletorio";
    let suggested = ix.for_description(text);
    let searched = ix.search(text, &Filters::default());
    assert!(!searched.partial);
    assert_eq!(searched.hits.len(), 1);
    assert_eq!(suggested[0].doc, searched.hits[0].doc);
    assert!((suggested[0].score - searched.hits[0].score).abs() < 1e-6);
    assert_eq!(suggested[0].highlights, searched.hits[0].highlights);
}
