//! The catalog's offices gathered into service points: one point per name and
//! address, whichever procedures list it.

use std::collections::HashMap;

use crate::catalog::{ModalityKind, OpeningHours, Procedure};
use crate::search::fold;

use super::{ServedProcedure, ServicePoint};

/// Every office of `procedures` once (same name and address, compared without case,
/// accents or extra spaces, is one point), with the procedures done there, sorted by
/// place and name. An office without its own hours takes those of the procedure's
/// in-person modality (gob.bo publishes hours there); the first office of a point
/// with a city, coordinates, hours or a phone gives them.
pub fn gather(procedures: &[Procedure]) -> Vec<ServicePoint> {
    let mut points: Vec<ServicePoint> = Vec::new();
    let mut by_key: HashMap<(String, String), usize> = HashMap::new();
    for procedure in procedures {
        let fallback_hours = in_person_hours(procedure);
        for office in &procedure.offices {
            let key = (same_text(&office.name), same_text(&office.address));
            let at = *by_key.entry(key).or_insert_with(|| {
                points.push(ServicePoint {
                    id: String::new(),
                    name: office.name.trim().to_string(),
                    address: office.address.trim().to_string(),
                    city: None,
                    latitude: None,
                    longitude: None,
                    hours: Vec::new(),
                    phone: None,
                    agencies: Vec::new(),
                    procedures: Vec::new(),
                });
                points.len() - 1
            });
            let point = &mut points[at];
            if point.city.is_none() {
                point.city = office
                    .city
                    .as_deref()
                    .map(str::trim)
                    .filter(|c| !c.is_empty())
                    .map(str::to_string);
            }
            // Latitude and longitude are only ever set together.
            if point.latitude.is_none() {
                if let (Some(lat), Some(lon)) = (office.latitude, office.longitude) {
                    point.latitude = Some(lat);
                    point.longitude = Some(lon);
                }
            }
            if point.hours.is_empty() {
                point.hours = if office.hours.is_empty() {
                    fallback_hours.to_vec()
                } else {
                    office.hours.clone()
                };
            }
            if point.phone.is_none() {
                point.phone = procedure
                    .agency
                    .phone
                    .as_deref()
                    .map(str::trim)
                    .filter(|p| !p.is_empty())
                    .map(str::to_string);
            }
            if !point.agencies.contains(&procedure.agency.name) {
                point.agencies.push(procedure.agency.name.clone());
            }
            if !point.procedures.iter().any(|p| p.slug == procedure.slug) {
                point.procedures.push(ServedProcedure {
                    slug: procedure.slug.clone(),
                    name: procedure.name.clone(),
                });
            }
        }
    }
    for point in &mut points {
        point.procedures.sort_by_cached_key(|p| fold(&p.name));
    }
    points.sort_by_cached_key(|p| (p.city.as_deref().map(fold), fold(&p.name), fold(&p.address)));
    number(&mut points);
    points
}

/// The hours of the procedure's first in-person modality that has any.
fn in_person_hours(procedure: &Procedure) -> &[OpeningHours] {
    procedure
        .modalities
        .iter()
        .filter(|m| m.kind == ModalityKind::InPerson)
        .map(|m| m.hours.as_slice())
        .find(|h| !h.is_empty())
        .unwrap_or(&[])
}

/// Folded, with runs of spaces as one: how two offices are told apart.
fn same_text(text: &str) -> String {
    fold(text).split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Ids from the names (`registro-civil-norte`); a repeated name gets `-2`, `-3`… in
/// the list's order, so ids stay the same while the catalog does.
fn number(points: &mut [ServicePoint]) {
    let mut seen: HashMap<String, usize> = HashMap::new();
    for point in points {
        let base = slug(&point.name);
        let n = seen.entry(base.clone()).or_insert(0);
        *n += 1;
        point.id = if *n == 1 { base } else { format!("{base}-{n}") };
    }
}

/// Lower-case ASCII letters and digits joined by single dashes; `punto` when the name
/// has neither.
fn slug(name: &str) -> String {
    let folded = fold(name);
    let words: Vec<&str> = folded
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    if words.is_empty() {
        "punto".into()
    } else {
        words.join("-")
    }
}
