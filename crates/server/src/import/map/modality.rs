//! `modalidades` → [`Modality`]s: the ways of doing a procedure, with their audience,
//! costs, duration, steps, requirements and opening hours.

use std::collections::{BTreeMap, HashSet};

use cc_core::catalog::{Amount, Modality, ModalityKind, OpeningHours, TimeRange, Weekday};

use crate::import::html::html_to_rich_text;
use crate::import::source::{RawAudience, RawCost, RawHours, RawModality};
use crate::import::text::{fold, web_url};
use crate::import::units::{currency_code, duration, minor_units, time_of_day, weekday};

use super::optional_line;
use super::requirements::requirements;

/// `modalidades` → [`Modality`]s. When none is usable the `esPresencial`/`esVirtual`
/// flags still tell how the procedure is done, so bare modalities are made from them.
pub(super) fn modalities(
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
pub(super) fn bare_modality(kind: ModalityKind) -> Modality {
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
pub(super) fn modality_kind(tipo: &str) -> Option<ModalityKind> {
    match fold(tipo.trim()).as_str() {
        "presencial" => Some(ModalityKind::InPerson),
        "virtual" | "en linea" | "online" => Some(ModalityKind::Online),
        _ => None,
    }
}

/// One modality. Its details come from the first `publico` entry: the export has exactly
/// one per modality, and the model has a single audience per modality.
pub(super) fn modality(raw: RawModality) -> Option<Modality> {
    let mut modality = bare_modality(modality_kind(raw.tipo.as_deref()?)?);
    modality.url = raw.url.as_deref().and_then(web_url);
    modality.tracking_url = raw.url_seguimiento.as_deref().and_then(web_url);
    if let Some(audience) = raw.publico.into_iter().next() {
        fill_details(&mut modality, audience);
    }
    Some(modality)
}

/// Copies the `publico` details into a modality.
pub(super) fn fill_details(modality: &mut Modality, raw: RawAudience) {
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
pub(super) fn common_audience(modalities: &[Modality]) -> Option<String> {
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
pub(super) fn costs(has_cost: Option<bool>, raw: &[RawCost]) -> Vec<Amount> {
    if has_cost == Some(false) {
        return Vec::new();
    }
    raw.iter().filter_map(amount).collect()
}

/// One cost item.
pub(super) fn amount(raw: &RawCost) -> Option<Amount> {
    Some(Amount {
        amount_minor: minor_units(raw.costo.as_deref()?)?,
        currency: currency_code(raw.moneda.as_deref())?,
        concept: optional_line(raw.concepto_pago.as_deref())
            .unwrap_or_else(|| "Costo del trámite".to_string()),
    })
}

/// `horario` → [`OpeningHours`] sorted by weekday; a day listed twice gets both ranges,
/// and days with no valid range are left out.
pub(super) fn opening_hours(raw: &[RawHours]) -> Vec<OpeningHours> {
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
pub(super) fn day_ranges(raw: &RawHours) -> Vec<TimeRange> {
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
pub(super) fn time_range(from: Option<&str>, to: Option<&str>) -> Option<TimeRange> {
    let from = time_of_day(from?)?;
    let to = time_of_day(to?)?;
    (from < to).then_some(TimeRange { from, to })
}
