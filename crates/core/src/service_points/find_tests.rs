//! Finding points: tolerant text, place and procedure.

use super::*;
use crate::catalog::Procedure;

fn demo() -> PointSearch {
    let procedures: Vec<Procedure> =
        serde_json::from_str(include_str!("../../../server/seed/catalog.json")).unwrap();
    PointSearch::new(gather(&procedures), &[])
}

fn names(search: &PointSearch, found: &PointsFound) -> Vec<String> {
    found
        .points
        .iter()
        .map(|&i| search.points()[i].name.clone())
        .collect()
}

#[test]
fn no_filter_lists_every_point_in_order() {
    let s = demo();
    let found = s.find(&PointFilter::default());
    assert_eq!(found.points, (0..s.points().len()).collect::<Vec<_>>());
    assert!(!found.partial);
}

#[test]
fn a_misspelled_name_without_accents_finds_the_point() {
    let s = demo();
    // "Pasaportes" misspelled, and the place without its accent.
    let found = s.find(&PointFilter {
        text: "pasaprotes santa lucia",
        ..Default::default()
    });
    let names = names(&s, &found);
    assert_eq!(
        names.first().map(String::as_str),
        Some("Oficina de Pasaportes de Santa Lucía"),
        "{names:?}"
    );
}

#[test]
fn a_procedure_name_finds_the_points_that_do_it() {
    let s = demo();
    let found = s.find(&PointFilter {
        text: "licencias de conducir",
        ..Default::default()
    });
    let names = names(&s, &found);
    assert!(!names.is_empty());
    assert!(names.iter().all(|n| n.contains("Tránsito")), "{names:?}");
}

#[test]
fn the_place_filter_ignores_case_and_accents() {
    let s = demo();
    let found = s.find(&PointFilter {
        place: "PUERTO esperanza",
        ..Default::default()
    });
    assert!(!found.points.is_empty());
    assert!(found
        .points
        .iter()
        .all(|&i| s.points()[i].city.as_deref() == Some("Puerto Esperanza")));
    assert!(found.points.len() < s.points().len());
}

#[test]
fn the_procedure_filter_keeps_the_points_that_do_it() {
    let s = demo();
    let found = s.find(&PointFilter {
        procedure: "pasaporte-ordinario",
        ..Default::default()
    });
    let names = names(&s, &found);
    assert_eq!(names.len(), 2, "{names:?}");
    assert!(names.iter().all(|n| n.starts_with("Oficina de Pasaportes")));
    // Together with a place: only that place's office.
    let found = s.find(&PointFilter {
        procedure: "pasaporte-ordinario",
        place: "Santa Lucía",
        text: "",
    });
    assert_eq!(found.points.len(), 1);
    // And a text that matches nothing there: nothing.
    let found = s.find(&PointFilter {
        procedure: "pasaporte-ordinario",
        place: "",
        text: "tránsito",
    });
    assert!(found.points.is_empty());
}

#[test]
fn a_word_matching_nothing_gets_a_suggestion() {
    let s = demo();
    let found = s.find(&PointFilter {
        text: "registro xqzw",
        ..Default::default()
    });
    assert!(found.partial);
    assert!(!found.points.is_empty());
}

#[test]
fn places_and_procedures_are_listed_once() {
    let s = demo();
    let places = s.places();
    assert!(places.contains(&"Santa Lucía".to_string()));
    let mut unique = places.clone();
    unique.dedup();
    assert_eq!(unique, places);
    let procedures = s.procedures();
    assert!(procedures
        .iter()
        .any(|(slug, _)| slug == "pasaporte-ordinario"));
    let mut slugs: Vec<&str> = procedures.iter().map(|(s, _)| s.as_str()).collect();
    slugs.sort();
    let before = slugs.len();
    slugs.dedup();
    assert_eq!(before, slugs.len());
}
