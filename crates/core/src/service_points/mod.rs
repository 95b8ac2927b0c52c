//! Service points (`/puntos-de-atencion`): every office of the catalog once, with the
//! procedures done there, whether it is open now and a tolerant search over them.
//!
//! gather.rs builds the points from the catalog (the backend serves them,
//! `GET /api/v1/service-points`); hours.rs decides "open now" from the local date and
//! time in the deployment's time zone (the app reads those from the browser's `Intl`,
//! so no time zone data is compiled in); find.rs filters by text (the catalog's search
//! engine), place and procedure.

use serde::{Deserialize, Serialize};

use crate::catalog::OpeningHours;

mod find;
mod gather;
mod hours;

#[cfg(test)]
mod find_tests;
#[cfg(test)]
mod gather_tests;
#[cfg(test)]
mod hours_tests;

pub use find::{PointFilter, PointSearch, PointsFound};
pub use gather::gather;
pub use hours::{format_minutes, open_state, parse_minutes, week, LocalTime, Moment, OpenState};

/// Every service point of the deployment (`GET /api/v1/service-points`).
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ServicePoints {
    /// By place, then by name.
    pub points: Vec<ServicePoint>,
}

/// One office where people are attended in person.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ServicePoint {
    /// Stable within one catalog: made from the name (and a number when two points
    /// share it), for links to one point (`#punto-…`).
    pub id: String,
    pub name: String,
    pub address: String,
    /// The town or city, for the place filter; unknown for some imported offices.
    #[serde(default)]
    pub city: Option<String>,
    #[serde(default)]
    pub latitude: Option<f64>,
    #[serde(default)]
    pub longitude: Option<f64>,
    /// Opening hours by weekday, in the deployment's time zone. Empty: not published.
    #[serde(default)]
    pub hours: Vec<OpeningHours>,
    /// The phone of the agency that attends there, as published.
    #[serde(default)]
    pub phone: Option<String>,
    /// The agencies that attend there, by name.
    #[serde(default)]
    pub agencies: Vec<String>,
    /// The procedures that can be done there, by name.
    #[serde(default)]
    pub procedures: Vec<ServedProcedure>,
}

/// A procedure done at a service point, to link to its page.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServedProcedure {
    pub slug: String,
    pub name: String,
}

impl ServicePoint {
    /// A `tel:` address for the phone: digits and a leading `+` only (what dialers
    /// read), `None` when no digit is left.
    pub fn tel_href(&self) -> Option<String> {
        let phone = self.phone.as_deref()?.trim();
        let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
        if digits.is_empty() {
            return None;
        }
        let plus = if phone.starts_with('+') { "+" } else { "" };
        Some(format!("tel:{plus}{digits}"))
    }

    /// The coordinates for map apps: a `geo:` URI (RFC 5870; phones open their map
    /// app) and an OpenStreetMap address (any browser). `None` without coordinates.
    pub fn map_links(&self) -> Option<MapLinks> {
        let (lat, lon) = (self.latitude?, self.longitude?);
        if !(-90.0..=90.0).contains(&lat) || !(-180.0..=180.0).contains(&lon) {
            return None;
        }
        let (lat, lon) = (coordinate(lat), coordinate(lon));
        Some(MapLinks {
            geo: format!("geo:{lat},{lon}"),
            osm: format!("https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=17/{lat}/{lon}"),
        })
    }
}

/// Links that open a point's coordinates in a map.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MapLinks {
    pub geo: String,
    pub osm: String,
}

/// A coordinate with six decimals (about 10 cm), without trailing zeros.
fn coordinate(value: f64) -> String {
    let text = format!("{value:.6}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    if text == "-0" {
        "0".into()
    } else {
        text.into()
    }
}
