//! gob.bo record → catalog [`Procedure`].
//!
//! Only the name, the slug and the agency name are required; every other field is
//! cleaned up or left empty, so one sloppy field never costs a whole procedure.

use std::collections::{BTreeMap, HashSet};

use cc_core::catalog::{
    plain_text, Agency, Amount, Block, Category, Link, Modality, ModalityKind, Office,
    OpeningHours, Procedure, Requirement, RichText, TimeRange, Weekday,
};
use serde_json::Value;

use super::html::html_to_rich_text;
use super::source::{
    value_name, RawAgency, RawAudience, RawCost, RawHours, RawLink, RawLocation, RawModality,
    RawProcedure, RawRequirement,
};
use super::text::{
    fold, initials, item_lines, plain_line, plain_multiline, safe_url, slugify, summarize, web_url,
};
use super::units::{currency_code, duration, iso_date, minor_units, time_of_day, weekday};
use super::ImportError;

/// Longest summary shown in result lists, in characters.
pub const SUMMARY_MAX_CHARS: usize = 220;

/// The only `estado` that is imported: drafts and withdrawn procedures must not appear.
const PUBLISHED: &str = "PUBLICADO";

/// Maps one record, or says why it cannot be imported.
pub fn procedure(raw: RawProcedure) -> Result<Procedure, ImportError> {
    check_published(raw.estado.as_deref())?;
    let name = required_line(raw.nombre.as_deref(), "nombre")?;
    let slug = raw.slug.as_deref().map(slugify).filter(|s| !s.is_empty());
    let slug = slug.ok_or(ImportError::MissingField("slug"))?;
    let agency = agency(raw.entidad.ok_or(ImportError::MissingField("entidad"))?)?;
    let description = raw
        .descripcion
        .as_deref()
        .map(html_to_rich_text)
        .unwrap_or_default();
    let result = optional_line(raw.resultado.as_deref());
    let modalities = modalities(raw.modalidades, raw.es_presencial, raw.es_virtual);
    Ok(Procedure {
        summary: summary(&description, result.as_deref(), &name),
        audience: common_audience(&modalities),
        acronym: optional_line(raw.sigla.as_deref()),
        categories: categories(&raw.categorias),
        life_events: names(&raw.eventos_vida),
        keywords: names(&raw.palabras_clave),
        offices: offices(raw.ubicaciones, &agency.name),
        legal_basis: raw
            .marco_legal
            .as_deref()
            .map(item_lines)
            .unwrap_or_default(),
        links: links(raw.enlaces),
        updated: raw.fecha_actualizacion.as_deref().and_then(iso_date),
        slug,
        name,
        description,
        result,
        agency,
        modalities,
    })
}

/// Rejects anything but published records (a missing `estado` included).
fn check_published(estado: Option<&str>) -> Result<(), ImportError> {
    match estado.map(str::trim) {
        Some(estado) if estado.eq_ignore_ascii_case(PUBLISHED) => Ok(()),
        other => Err(ImportError::NotPublished(other.map(String::from))),
    }
}

/// A one-line plain-text field that must not be empty.
fn required_line(text: Option<&str>, field: &'static str) -> Result<String, ImportError> {
    optional_line(text).ok_or(ImportError::MissingField(field))
}

/// A one-line plain-text field; blank becomes `None`.
fn optional_line(text: Option<&str>) -> Option<String> {
    text.map(plain_line).filter(|s| !s.is_empty())
}

/// The summary: the first sentences of the description, else the result, else the name.
fn summary(description: &RichText, result: Option<&str>, name: &str) -> String {
    let lines: Vec<String> = plain_text(lead(description))
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .map(String::from)
        .collect();
    if lines.is_empty() {
        return result.unwrap_or(name).to_string();
    }
    summarize(&lines, SUMMARY_MAX_CHARS)
}

/// The introduction of a description: the blocks before its first list (a list holds
/// details, not a summary), or the list itself when the description starts with one.
fn lead(description: &RichText) -> &[Block] {
    let is_list = |block: &Block| matches!(block, Block::List { .. });
    let end = description
        .iter()
        .skip(1)
        .position(is_list)
        .map_or(description.len(), |i| i + 1);
    &description[..end]
}

/// `entidad` → [`Agency`]; the acronym falls back to the initials of the name because
/// tickets and URLs need one.
fn agency(raw: RawAgency) -> Result<Agency, ImportError> {
    let name = required_line(raw.nombre.as_deref(), "entidad.nombre")?;
    let slug = [raw.slug.as_deref().map(slugify), Some(slugify(&name))]
        .into_iter()
        .flatten()
        .find(|slug| !slug.is_empty())
        .ok_or(ImportError::MissingField("entidad.slug"))?;
    let acronym = optional_line(raw.sigla.as_deref())
        .or_else(|| Some(initials(&name)).filter(|i| !i.is_empty()))
        .unwrap_or_else(|| slug.to_uppercase());
    Ok(Agency {
        slug,
        description: raw
            .descripcion
            .as_deref()
            .map(plain_multiline)
            .filter(|s| !s.is_empty()),
        website: raw.url_sitio_web.as_deref().and_then(web_url),
        phone: optional_line(raw.telefono_contacto.as_deref()),
        email: raw.correo_electronico_contacto.as_deref().and_then(email),
        acronym,
        name,
    })
}

/// A plausible e-mail address (the source sometimes prefixes `mailto:`).
fn email(text: &str) -> Option<String> {
    let text = text.trim();
    let address = text.strip_prefix("mailto:").unwrap_or(text);
    let plausible = address.contains('@') && !address.contains(char::is_whitespace);
    plausible.then(|| address.to_string())
}

/// Names from strings or named objects, trimmed, deduplicated ignoring case and accents.
fn names(values: &[Value]) -> Vec<String> {
    let mut seen = HashSet::new();
    values
        .iter()
        .filter_map(value_name)
        .map(|name| plain_line(&name))
        .filter(|name| !name.is_empty() && seen.insert(fold(name)))
        .collect()
}

/// `categorias` → [`Category`]; a missing slug is derived from the name.
fn categories(values: &[Value]) -> Vec<Category> {
    let mut seen = HashSet::new();
    values
        .iter()
        .filter_map(|value| {
            let name = plain_line(&value_name(value)?);
            let given = value.get("slug").and_then(Value::as_str).map(slugify);
            let slug = given
                .filter(|s| !s.is_empty())
                .unwrap_or_else(|| slugify(&name));
            Some(Category { slug, name })
        })
        .filter(|category| !category.slug.is_empty() && seen.insert(category.slug.clone()))
        .collect()
}

/// `enlaces` → [`Link`]s with safe targets, one per URL; a nameless link shows its URL.
fn links(raw: Vec<RawLink>) -> Vec<Link> {
    let mut seen = HashSet::new();
    raw.into_iter()
        .filter_map(|link| {
            let url = safe_url(link.url.as_deref()?)?;
            let name = optional_line(link.nombre.as_deref()).unwrap_or_else(|| url.clone());
            Some(Link { name, url })
        })
        .filter(|link| seen.insert(link.url.clone()))
        .collect()
}

/// `modalidades` → [`Modality`]s. When none is usable the `esPresencial`/`esVirtual`
/// flags still tell how the procedure is done, so bare modalities are made from them.
fn modalities(
    raw: Vec<RawModality>,
    in_person: Option<bool>,
    online: Option<bool>,
) -> Vec<Modality> {
    let mapped: Vec<Modality> = raw.into_iter().filter_map(modality).collect();
    if !mapped.is_empty() {
        return mapped;
    }
    [
        (in_person, ModalityKind::InPerson),
        (online, ModalityKind::Online),
    ]
    .into_iter()
    .filter(|(flag, _)| *flag == Some(true))
    .map(|(_, kind)| bare_modality(kind))
    .collect()
}

/// A modality known only by its kind.
fn bare_modality(kind: ModalityKind) -> Modality {
    Modality {
        kind,
        url: None,
        tracking_url: None,
        audience: None,
        costs: Vec::new(),
        duration: None,
        steps: Vec::new(),
        requirements: Vec::new(),
        hours: Vec::new(),
    }
}

/// `PRESENCIAL` / `VIRTUAL` (any case) → kind; other types are not modelled.
fn modality_kind(tipo: &str) -> Option<ModalityKind> {
    match fold(tipo.trim()).as_str() {
        "presencial" => Some(ModalityKind::InPerson),
        "virtual" | "en linea" | "online" => Some(ModalityKind::Online),
        _ => None,
    }
}

/// One modality. Its details come from the first `publico` entry: the export has exactly
/// one per modality, and the model has a single audience per modality.
fn modality(raw: RawModality) -> Option<Modality> {
    let mut modality = bare_modality(modality_kind(raw.tipo.as_deref()?)?);
    modality.url = raw.url.as_deref().and_then(web_url);
    modality.tracking_url = raw.url_seguimiento.as_deref().and_then(web_url);
    if let Some(audience) = raw.publico.into_iter().next() {
        fill_details(&mut modality, audience);
    }
    Some(modality)
}

/// Copies the `publico` details into a modality.
fn fill_details(modality: &mut Modality, raw: RawAudience) {
    modality.audience = optional_line(raw.nombre_publico_objetivo.as_deref());
    modality.costs = costs(raw.tiene_costo, &raw.costos);
    modality.duration = duration(
        raw.duracion.as_deref(),
        raw.unidad_medida_duracion.as_deref(),
    );
    modality.steps = raw
        .procedimiento
        .as_deref()
        .map(html_to_rich_text)
        .unwrap_or_default();
    modality.requirements =
        requirements(&raw.requisitos, raw.requisito_no_parametrizado.as_deref());
    modality.hours = opening_hours(&raw.horario);
}

/// The audience shared by every modality that names one (else it is per modality).
fn common_audience(modalities: &[Modality]) -> Option<String> {
    let audiences: HashSet<&str> = modalities
        .iter()
        .filter_map(|m| m.audience.as_deref())
        .collect();
    match audiences.into_iter().collect::<Vec<_>>().as_slice() {
        [only] => Some(only.to_string()),
        _ => None,
    }
}

/// `costos` → [`Amount`]s, trusting `tieneCosto: false` over stray items. Items whose
/// amount or currency cannot be read are left out rather than shown wrong.
fn costs(has_cost: Option<bool>, raw: &[RawCost]) -> Vec<Amount> {
    if has_cost == Some(false) {
        return Vec::new();
    }
    raw.iter().filter_map(amount).collect()
}

/// One cost item.
fn amount(raw: &RawCost) -> Option<Amount> {
    Some(Amount {
        amount_minor: minor_units(raw.costo.as_deref()?)?,
        currency: currency_code(raw.moneda.as_deref())?,
        concept: optional_line(raw.concepto_pago.as_deref())
            .unwrap_or_else(|| "Costo del trámite".to_string()),
    })
}

/// Catalog names gob.bo uses for "some other requirement", whose substance is the comment.
const GENERIC_REQUIREMENT_NAMES: &[&str] = &["requisito de tramite", "otros requisitos", "otros"];

/// Comments stating there is nothing to bring.
const NO_REQUIREMENT: &[&str] = &["sin requisitos", "ninguno", "no requiere", "no aplica"];

/// `requisitos` plus the free-text `requisitoNoParametrizado`, one requirement per line.
fn requirements(raw: &[RawRequirement], free_text: Option<&str>) -> Vec<Requirement> {
    let listed = raw.iter().flat_map(requirement);
    let free = free_text.map(item_lines).unwrap_or_default();
    listed
        .chain(free.into_iter().map(|name| Requirement {
            name,
            comment: None,
        }))
        .collect()
}

/// One listed requirement, which may expand to several or to none:
/// * a generic name ("Requisito de Trámite") gives way to its comment, one requirement
///   per line, because that is where the agency wrote the actual requirement;
/// * a missing name counts as generic;
/// * a generic one without comment, or saying "Sin requisitos", means nothing to bring;
/// * on a named one, a comment saying "Ninguno" or repeating the name is dropped.
fn requirement(raw: &RawRequirement) -> Vec<Requirement> {
    let name = optional_line(raw.nombre.as_deref());
    let comment = raw
        .comentario
        .as_deref()
        .map(plain_multiline)
        .filter(|c| !c.is_empty());
    let is_generic = name
        .as_deref()
        .is_none_or(|n| GENERIC_REQUIREMENT_NAMES.contains(&fold(n).as_str()));
    let says_none = comment
        .as_deref()
        .is_some_and(|c| NO_REQUIREMENT.contains(&fold(c).trim_end_matches('.')));
    match (name, comment) {
        (Some(name), comment) if !is_generic => {
            let comment = comment.filter(|c| !says_none && fold(c) != fold(&name));
            vec![Requirement { name, comment }]
        }
        (_, Some(comment)) if !says_none => item_lines(&comment)
            .into_iter()
            .map(|name| Requirement {
                name,
                comment: None,
            })
            .collect(),
        _ => Vec::new(),
    }
}

/// `horario` → [`OpeningHours`] sorted by weekday; a day listed twice gets both ranges,
/// and days with no valid range are left out.
fn opening_hours(raw: &[RawHours]) -> Vec<OpeningHours> {
    let mut days: BTreeMap<Weekday, Vec<TimeRange>> = BTreeMap::new();
    for entry in raw {
        if let Some(day) = entry.dia.as_deref().and_then(weekday) {
            days.entry(day).or_default().extend(day_ranges(entry));
        }
    }
    days.into_iter()
        .filter(|(_, ranges)| !ranges.is_empty())
        .map(|(day, ranges)| OpeningHours { day, ranges })
        .collect()
}

/// `continuo: true` is one range from the morning start to the morning end (falling back
/// to the afternoon end); otherwise a morning and an afternoon shift.
fn day_ranges(raw: &RawHours) -> Vec<TimeRange> {
    let morning_end = raw.fin_maniana.as_deref();
    if raw.continuo == Some(true) {
        let end = morning_end.or(raw.fin_tarde.as_deref());
        return time_range(raw.inicio_maniana.as_deref(), end)
            .into_iter()
            .collect();
    }
    [
        time_range(raw.inicio_maniana.as_deref(), morning_end),
        time_range(raw.inicio_tarde.as_deref(), raw.fin_tarde.as_deref()),
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// A range with valid times where the start precedes the end.
fn time_range(from: Option<&str>, to: Option<&str>) -> Option<TimeRange> {
    let from = time_of_day(from?)?;
    let to = time_of_day(to?)?;
    (from < to).then_some(TimeRange { from, to })
}

/// `ubicaciones` → [`Office`]s with an address or coordinates, without repeats.
/// gob.bo has no per-office hours (they hang off the modality), so `hours` stays empty.
fn offices(raw: Vec<RawLocation>, agency_name: &str) -> Vec<Office> {
    let mut seen = HashSet::new();
    raw.into_iter()
        .filter_map(|location| office(location, agency_name))
        .filter(|office| seen.insert((office.name.clone(), office.address.clone())))
        .collect()
}

/// One office; an unnamed one is called after the agency.
fn office(raw: RawLocation, agency_name: &str) -> Option<Office> {
    let place = raw.ubicacion.unwrap_or_default();
    let address = optional_line(place.direccion.as_deref()).unwrap_or_default();
    let coordinates = coordinates(place.latitud.as_deref(), place.longitud.as_deref());
    if address.is_empty() && coordinates.is_none() {
        return None;
    }
    Some(Office {
        name: optional_line(raw.nombre.as_deref()).unwrap_or_else(|| agency_name.to_string()),
        address,
        city: None,
        latitude: coordinates.map(|(lat, _)| lat),
        longitude: coordinates.map(|(_, long)| long),
        hours: Vec::new(),
    })
}

/// Latitude and longitude when both parse and lie on Earth; `(0, 0)` is a blank form,
/// not an office in the Gulf of Guinea.
fn coordinates(latitude: Option<&str>, longitude: Option<&str>) -> Option<(f64, f64)> {
    let parse = |text: &str| text.trim().replace(',', ".").parse::<f64>().ok();
    let lat = parse(latitude?)?;
    let long = parse(longitude?)?;
    let on_earth = (-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&long);
    (on_earth && (lat, long) != (0.0, 0.0)).then_some((lat, long))
}

#[cfg(test)]
mod tests {
    use super::*;
    use cc_core::catalog::{DurationUnit, Inline};

    use super::super::{import_jsonl, ImportReport};

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
        assert!(
            matches!(&p.description[1], Block::List { ordered: false, items } if items.len() == 2)
        );
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
}
