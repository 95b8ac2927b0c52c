//! gob.bo records → procedures, from the fixture export: every field, fallbacks, errors.

use super::*;
use cc_core::catalog::{DurationUnit, Inline};
use cc_core::catalog::{ModalityKind, Procedure, Weekday};

use crate::import::{import_jsonl, ImportReport};

const FIXTURE: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/gobbo-procedures.jsonl"
));

fn imported() -> ImportReport {
    import_jsonl(FIXTURE.as_bytes())
}

fn find(report: &ImportReport, slug: &str) -> Procedure {
    report
        .procedures
        .iter()
        .find(|p| p.slug == slug)
        .cloned()
        .unwrap_or_else(|| panic!("{slug} not imported; skipped: {:?}", report.skipped))
}

#[test]
fn fixture_imports_without_skips() {
    let report = imported();
    assert!(report.skipped.is_empty(), "{:?}", report.skipped);
    assert_eq!(report.procedures.len(), 4);
}

#[test]
fn full_record_maps_every_field() {
    let p = find(&imported(), "registro-de-ciudadanos-digitales");
    assert_eq!(p.name, "Registro de Ciudadanos Digitales");
    assert_eq!(p.acronym, None);
    assert_eq!(
        p.summary,
        "Se brinda colaboración a la ciudadanía para el pre registro."
    );
    assert_eq!(p.result, None, "empty resultado");
    assert_eq!(p.updated.as_deref(), Some("2025-07-09"));
    assert_eq!(p.agency.acronym, "TSJ");
    assert_eq!(p.agency.slug, "tribunal-supremo-de-justicia");
    assert_eq!(p.agency.website.as_deref(), Some("https://tsj.bo"));
    assert_eq!(p.agency.phone.as_deref(), Some("(591-2) 2442144"));
    assert_eq!(
        p.agency.email.as_deref(),
        Some("soporte@organojudicial.gob.bo")
    );
    assert_eq!(
        p.agency.description.as_deref(),
        Some("Máxima instancia.\nSegunda línea.")
    );
    assert_eq!(
        p.categories,
        vec![
            Category {
                slug: "justicia".into(),
                name: "Justicia".into()
            },
            Category {
                slug: "medio-ambiente".into(),
                name: "Medio ambiente".into()
            },
        ]
    );
    assert_eq!(p.life_events, vec!["Empleo", "Nacimiento"]);
    assert_eq!(p.keywords, vec!["digital", "pre registro"]);
    assert_eq!(
        p.legal_basis,
        vec![
            "Ley N° 1173 - Abreviación procesal.",
            "Ley N° 1080 - Ciudadanía Digital"
        ]
    );
    assert_eq!(
        p.links,
        vec![Link {
            name: "Ciudadanía Digital".into(),
            url: "https://ciudadaniadigital.bo/home".into()
        }]
    );
    assert_eq!(p.audience.as_deref(), Some("Persona Natural"));
}

#[test]
fn in_person_modality_details() {
    let p = find(&imported(), "registro-de-ciudadanos-digitales");
    let m = &p.modalities[0];
    assert_eq!(m.kind, ModalityKind::InPerson);
    assert_eq!((m.url.as_deref(), m.tracking_url.as_deref()), (None, None));
    assert!(m.is_free());
    assert!(
        m.costs.is_empty(),
        "tieneCosto false wins over stray costos"
    );
    assert_eq!(
        m.duration.as_ref().map(|d| (d.amount, d.unit)),
        Some((5, DurationUnit::Minutes))
    );
    assert_eq!(
        m.steps,
        vec![Block::List {
            ordered: true,
            items: vec![
                vec![Inline::Text {
                    text: "Realizar el pre registro".into()
                }],
                vec![Inline::Text {
                    text: "Acudir a una oficina.".into()
                }],
            ]
        }]
    );
    let names: Vec<_> = m
        .requirements
        .iter()
        .map(|r| (r.name.as_str(), r.comment.as_deref()))
        .collect();
    assert_eq!(
        names,
        vec![
            ("Correo electrónico", None),
            ("Cédula de Identidad", Some("Vigente")),
            ("Poder notariado", None),
            ("Fotocopia de CI", None),
            ("Sobre manila", None),
            ("Formulario 1", None),
            ("Fotografías", None),
            ("Fotocopia de NIT", None),
            ("Croquis del domicilio", None),
        ]
    );
    let hours: Vec<_> = m.hours.iter().map(|h| (h.day, h.ranges.len())).collect();
    assert_eq!(
        hours,
        vec![
            (Weekday::Monday, 1),
            (Weekday::Wednesday, 2),
            (Weekday::Saturday, 1)
        ]
    );
    let wednesday = &m.hours[1].ranges;
    assert_eq!(
        (wednesday[0].from.as_str(), wednesday[0].to.as_str()),
        ("08:00", "12:00")
    );
    assert_eq!(
        (wednesday[1].from.as_str(), wednesday[1].to.as_str()),
        ("14:30", "18:30")
    );
}

#[test]
fn online_modality_with_costs() {
    let p = find(&imported(), "registro-de-ciudadanos-digitales");
    let m = &p.modalities[1];
    assert_eq!(m.kind, ModalityKind::Online);
    assert_eq!(m.url.as_deref(), Some("https://ciudadaniadigital.bo"));
    assert_eq!(m.tracking_url, None, "javascript: tracking URL dropped");
    assert_eq!(
        m.duration.as_ref().map(|d| (d.amount, d.unit)),
        Some((10, DurationUnit::BusinessDays))
    );
    let costs: Vec<_> = m
        .costs
        .iter()
        .map(|c| (c.concept.as_str(), c.amount_minor, c.currency.as_str()))
        .collect();
    assert_eq!(
        costs,
        vec![
            ("Compra de certificado", 5000, "BOB"),
            ("Valorados", 1050, "BOB"),
            ("Derecho de registro", 2000, "USD")
        ]
    );
    assert!(!m.is_free());
}

#[test]
fn offices_are_cleaned() {
    let p = find(&imported(), "registro-de-ciudadanos-digitales");
    let offices: Vec<_> = p
        .offices
        .iter()
        .map(|o| (o.name.as_str(), o.address.as_str(), o.latitude, o.longitude))
        .collect();
    assert_eq!(
        offices,
        vec![
            (
                "Oficina central",
                "Zona: Parque Bolívar, Calle: Tarapacá Nro. 149",
                Some(-19.04346968495132),
                Some(-65.26145807710562)
            ),
            ("Tribunal Supremo de Justicia", "Av. Arce s/n", None, None),
        ]
    );
}

#[test]
fn messy_record_falls_back_sensibly() {
    let p = find(&imported(), "certificado-medioambiental");
    assert_eq!(p.acronym.as_deref(), Some("CM"));
    assert_eq!(
        p.agency.acronym, "IBM",
        "initials when entidad.sigla is null"
    );
    assert_eq!(p.agency.slug, "instituto-boliviano-de-metrologia");
    assert_eq!(
        p.agency.website.as_deref(),
        Some("https://www.ibmetro.gob.bo")
    );
    assert_eq!(p.agency.email, None, "not an address");
    assert_eq!(p.result.as_deref(), Some("Certificado"));
    assert_eq!(p.updated, None, "impossible date");
    assert!(p.keywords.is_empty(), "null palabrasClave");
    assert_eq!(
        p.categories,
        vec![Category {
            slug: "medio-ambiente".into(),
            name: "Medio Ambiente".into()
        }]
    );
    assert_eq!(
        p.legal_basis,
        vec!["Ley Nº 065 de Pensiones", "R.M. N° 928/2015"]
    );
    assert!(p.links.is_empty(), "javascript: link dropped");
    assert_eq!(p.audience, None, "two different audiences");
    assert!(
        p.summary.ends_with('…') && p.summary.chars().count() <= SUMMARY_MAX_CHARS,
        "{}",
        p.summary
    );
    assert_eq!(p.description.len(), 2);
    let m = &p.modalities[0];
    assert_eq!(
        m.duration.as_ref().map(|d| (d.amount, d.unit)),
        Some((2, DurationUnit::Hours))
    );
    assert_eq!(
        m.costs.iter().map(|c| c.amount_minor).collect::<Vec<_>>(),
        vec![0],
        "unreadable item dropped"
    );
    assert_eq!(m.hours.len(), 0, "invalid times and days dropped");
    assert!(m.requirements.is_empty());
    assert_eq!(p.modalities[1].duration, None, "unit missing");
    assert_eq!(p.modalities[1].audience.as_deref(), Some("Empresas"));
    assert!(
        p.offices.is_empty(),
        "no address, (0,0) and out-of-range coordinates"
    );
}

#[test]
fn html_description_and_unknown_modality() {
    let p = find(&imported(), "solicitud-html");
    assert_eq!(
        p.summary,
        "Primera frase del trámite. Segunda frase con enlace."
    );
    assert!(matches!(&p.description[1], Block::List { ordered: false, items } if items.len() == 2));
    assert_eq!(
        p.keywords,
        vec!["Registro", "dual"],
        "objects and case-insensitive repeats"
    );
    assert_eq!(p.life_events, vec!["Mi educación"]);
    assert_eq!(p.modalities.len(), 1, "unknown tipo ignored");
    assert_eq!(
        p.modalities[0]
            .duration
            .as_ref()
            .map(|d| (d.amount, d.unit)),
        Some((3, DurationUnit::Weeks))
    );
    assert_eq!(p.modalities[0].steps, vec![Block::paragraph("Paso único")]);
}

#[test]
fn flags_make_bare_modalities_when_none_are_listed() {
    let p = find(&imported(), "solo-banderas");
    let kinds: Vec<_> = p.modalities.iter().map(|m| m.kind).collect();
    assert_eq!(kinds, vec![ModalityKind::InPerson, ModalityKind::Online]);
    assert_eq!(
        p.summary, "Solo banderas",
        "no description nor result: the name"
    );
    assert!(p.description.is_empty());
}

#[test]
fn missing_and_unpublished_fields_are_errors() {
    let ok = |estado: &str| check_published(Some(estado)).is_ok();
    assert!(ok("PUBLICADO") && ok(" publicado "));
    assert!(!ok("BORRADOR"));
    assert!(matches!(
        check_published(None),
        Err(ImportError::NotPublished(None))
    ));
    let agency_without_name = RawAgency {
        sigla: Some("X".into()),
        ..RawAgency::default()
    };
    assert!(matches!(
        agency(agency_without_name),
        Err(ImportError::MissingField("entidad.nombre"))
    ));
    let symbols_only = RawAgency {
        nombre: Some("—".into()),
        ..RawAgency::default()
    };
    assert!(matches!(
        agency(symbols_only),
        Err(ImportError::MissingField("entidad.slug"))
    ));
    let named_by_slug = RawAgency {
        nombre: Some("¿?".into()),
        slug: Some("agencia-z".into()),
        ..RawAgency::default()
    };
    assert_eq!(agency(named_by_slug).unwrap().acronym, "AGENCIA-Z");
}
