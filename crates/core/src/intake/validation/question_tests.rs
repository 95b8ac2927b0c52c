//! One question at a time: type, agency, description, date, place, files, consent.

use super::case_type::validate_agency_shape;
use super::event_date::MSG_DATE_FORMAT;
use super::new_case::MSG_CONSENT;
use super::test_support::*;
use super::*;

#[test]
fn case_types() {
    let t = types();
    assert_eq!(validate_case_type("queja", &t), None);
    assert_eq!(validate_case_type(" denuncia ", &t), None);
    let e = validate_case_type("", &t).unwrap();
    assert_eq!(
        (e.field.as_str(), e.code.as_str()),
        ("case_type", "required")
    );
    let e = validate_case_type("tutela", &t).unwrap();
    assert_eq!(e.code, "unknown");
    assert_eq!(
        validate_case_type("Queja", &t).map(|e| e.code),
        Some("unknown".into())
    );
    assert_plain(&validate_case_type("x", &t).into_iter().collect::<Vec<_>>());
}

#[test]
fn agencies() {
    let known = ["MDT", "MINSALUD"];
    assert_eq!(validate_agency(None, &known), None);
    assert_eq!(validate_agency(Some("  "), &known), None);
    assert_eq!(validate_agency(Some("mdt"), &known), None);
    let e = validate_agency(Some("XYZ"), &known).unwrap();
    assert_eq!((e.field.as_str(), e.code.as_str()), ("agency", "unknown"));
    assert_eq!(validate_agency_shape(Some("MDT")), None);
    assert!(validate_agency_shape(Some("MDT; DROP")).is_some());
    assert!(validate_agency_shape(Some(&"A".repeat(21))).is_some());
}

#[test]
fn descriptions() {
    let r = rules();
    let e = validate_description("   \n ", &r).unwrap();
    assert_eq!(
        (e.code.as_str(), e.message.as_str()),
        ("required", "Escriba qué pasó.")
    );
    let e = validate_description("Me atendieron mal", &r).unwrap();
    assert_eq!(e.code, "too_short");
    assert_eq!(
        e.message,
        "Escriba al menos 20 caracteres para que la entidad entienda su caso. Ahora tiene 17."
    );
    // Exactly 20 characters, with accents (more bytes than characters).
    let twenty = "ñandú ñandú ñandú ñá";
    assert_eq!(twenty.chars().count(), 20);
    assert!(twenty.len() > 20);
    assert_eq!(validate_description(twenty, &r), None);
    assert_eq!(validate_description(&format!("  {twenty}  "), &r), None);
    let long = "á".repeat(4312);
    let e = validate_description(&long, &r).unwrap();
    assert_eq!(e.code, "too_long");
    assert_eq!(
        e.message,
        "Escriba 4000 caracteres o menos. Ahora tiene 4312."
    );
    assert_eq!(validate_description(&"é".repeat(4000), &r), None);
    assert_eq!(e.field, "description");
}

#[test]
fn event_dates() {
    let t = today();
    assert_eq!(validate_event_date(None, t), None);
    assert_eq!(validate_event_date(Some(""), t), None);
    assert_eq!(validate_event_date(Some("2026-03-27"), t), None);
    assert_eq!(validate_event_date(Some("2020-02-29"), t), None);
    let e = validate_event_date(Some("2026-03-28"), t).unwrap();
    assert_eq!(
        (e.field.as_str(), e.code.as_str()),
        ("event_date", "future")
    );
    assert!(e.message.starts_with("La fecha debe ser hoy o antes"));

    let msg = |raw: &str| {
        let e = validate_event_date(Some(raw), t).unwrap();
        assert_eq!(e.code, "format", "{raw:?}");
        e.message
    };
    assert_eq!(msg("2026-03-"), "Escriba el día con un número del 1 al 31.");
    assert_eq!(
        msg("2026-03-32"),
        "Escriba el día con un número del 1 al 31."
    );
    assert_eq!(msg("2026-3-x"), "Escriba el día con un número del 1 al 31.");
    assert_eq!(msg("2026--27"), "Escriba el mes con un número del 1 al 12.");
    assert_eq!(
        msg("2026-13-27"),
        "Escriba el mes con un número del 1 al 12."
    );
    assert_eq!(
        msg("-3-27"),
        "Escriba el año con cuatro cifras, por ejemplo 2026."
    );
    assert_eq!(
        msg("26-3-27"),
        "Escriba el año con cuatro cifras, por ejemplo 2026."
    );
    assert_eq!(
        msg("0026-03-27"),
        "Escriba el año con cuatro cifras, por ejemplo 2026."
    );
    assert_eq!(
        msg("2025-02-29"),
        "Febrero de 2025 tiene 28 días. Revise el día."
    );
    assert_eq!(msg("2026-04-31"), "Abril tiene 30 días. Revise el día.");
    assert_eq!(msg("27/03/2026"), MSG_DATE_FORMAT);
    assert_eq!(msg("2026-3-27"), MSG_DATE_FORMAT);
    assert_eq!(msg("ayer"), MSG_DATE_FORMAT);
}

#[test]
fn places() {
    let r = rules();
    assert_eq!(validate_place("", &r), None);
    assert_eq!(validate_place("Av. 16 de Julio, El Prado", &r), None);
    assert_eq!(validate_place(&"ñ".repeat(200), &r), None);
    let e = validate_place(&"ñ".repeat(201), &r).unwrap();
    assert_eq!((e.field.as_str(), e.code.as_str()), ("place", "too_long"));
    assert_eq!(
        e.message,
        "Escriba el lugar en 200 caracteres o menos. Ahora tiene 201."
    );
}

#[test]
fn consent() {
    assert_eq!(validate_consent(true), None);
    let e = validate_consent(false).unwrap();
    assert_eq!((e.field.as_str(), e.code.as_str()), ("consent", "required"));
    assert_eq!(e.message, MSG_CONSENT);
}

#[test]
fn attachments_count() {
    let r = rules();
    assert_eq!(validate_attachments(5, &r), None);
    let e = validate_attachments(6, &r).unwrap();
    assert_eq!(
        (e.field.as_str(), e.code.as_str()),
        ("attachments", "too_many")
    );
}
