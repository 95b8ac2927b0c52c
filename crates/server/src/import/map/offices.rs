//! `ubicaciones` → [`Office`]s: where the procedure is done.

use std::collections::HashSet;

use cc_core::catalog::Office;

use crate::import::source::RawLocation;

use super::optional_line;

/// `ubicaciones` → [`Office`]s with an address or coordinates, without repeats.
/// gob.bo has no per-office hours (they hang off the modality), so `hours` stays empty.
pub(super) fn offices(raw: Vec<RawLocation>, agency_name: &str) -> Vec<Office> {
    let mut seen = HashSet::new();
    raw.into_iter()
        .filter_map(|location| office(location, agency_name))
        .filter(|office| seen.insert((office.name.clone(), office.address.clone())))
        .collect()
}

/// One office; an unnamed one is called after the agency.
pub(super) fn office(raw: RawLocation, agency_name: &str) -> Option<Office> {
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
pub(super) fn coordinates(latitude: Option<&str>, longitude: Option<&str>) -> Option<(f64, f64)> {
    let parse = |text: &str| text.trim().replace(',', ".").parse::<f64>().ok();
    let lat = parse(latitude?)?;
    let long = parse(longitude?)?;
    let on_earth = (-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&long);
    (on_earth && (lat, long) != (0.0, 0.0)).then_some((lat, long))
}
