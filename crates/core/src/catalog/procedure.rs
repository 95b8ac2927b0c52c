//! One procedure with every field its page shows, and its parts (agency, modalities,
//! costs, offices and their hours).

use serde::{Deserialize, Serialize};

use super::{ProcedureSummary, RichText};

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Agency {
    /// Short code used in tickets and URLs, e.g. `MDT`.
    pub acronym: String,
    pub slug: String,
    pub name: String,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub website: Option<String>,
    #[serde(default)]
    pub phone: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
}

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Category {
    pub slug: String,
    pub name: String,
}

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ModalityKind {
    InPerson,
    Online,
}

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DurationUnit {
    Minutes,
    Hours,
    Days,
    BusinessDays,
    Weeks,
    Months,
}

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Duration {
    pub amount: u32,
    pub unit: DurationUnit,
}

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Amount {
    /// What the payment is for, e.g. "Derecho de emisión".
    pub concept: String,
    /// In the currency's minor unit (cents) to avoid floating point money.
    pub amount_minor: i64,
    /// ISO 4217 code, e.g. `BOB`, `USD`, `COP`.
    pub currency: String,
}

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Requirement {
    pub name: String,
    #[serde(default)]
    pub comment: Option<String>,
}

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Weekday {
    Monday,
    Tuesday,
    Wednesday,
    Thursday,
    Friday,
    Saturday,
    Sunday,
}

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimeRange {
    /// `HH:MM`, 24 h.
    pub from: String,
    pub to: String,
}

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OpeningHours {
    pub day: Weekday,
    /// One range for continuous hours, two for a morning and an afternoon shift.
    pub ranges: Vec<TimeRange>,
}

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Office {
    pub name: String,
    pub address: String,
    #[serde(default)]
    pub city: Option<String>,
    #[serde(default)]
    pub latitude: Option<f64>,
    #[serde(default)]
    pub longitude: Option<f64>,
    #[serde(default)]
    pub hours: Vec<OpeningHours>,
}

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Modality {
    pub kind: ModalityKind,
    /// Where to do it online (online modality).
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default)]
    pub tracking_url: Option<String>,
    /// Who this modality is for, e.g. "Persona natural".
    #[serde(default)]
    pub audience: Option<String>,
    /// Empty means free.
    #[serde(default)]
    pub costs: Vec<Amount>,
    #[serde(default)]
    pub duration: Option<Duration>,
    #[serde(default)]
    pub steps: RichText,
    #[serde(default)]
    pub requirements: Vec<Requirement>,
    #[serde(default)]
    pub hours: Vec<OpeningHours>,
}

impl Modality {
    pub fn is_free(&self) -> bool {
        self.costs.iter().all(|c| c.amount_minor == 0)
    }
}

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Link {
    pub name: String,
    pub url: String,
}

/// One procedure with every field the procedure page shows.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Procedure {
    pub slug: String,
    pub name: String,
    #[serde(default)]
    pub acronym: Option<String>,
    /// One or two plain sentences for result lists.
    pub summary: String,
    #[serde(default)]
    pub description: RichText,
    /// What the person gets at the end.
    #[serde(default)]
    pub result: Option<String>,
    /// Who it is for, e.g. "Personas mayores de 18 años".
    #[serde(default)]
    pub audience: Option<String>,
    pub agency: Agency,
    #[serde(default)]
    pub categories: Vec<Category>,
    #[serde(default)]
    pub life_events: Vec<String>,
    #[serde(default)]
    pub keywords: Vec<String>,
    pub modalities: Vec<Modality>,
    #[serde(default)]
    pub offices: Vec<Office>,
    #[serde(default)]
    pub legal_basis: Vec<String>,
    #[serde(default)]
    pub links: Vec<Link>,
    /// ISO date `YYYY-MM-DD` of the last review.
    #[serde(default)]
    pub updated: Option<String>,
}

impl Procedure {
    /// The compact entry the browser downloads to search the whole catalog locally.
    pub fn summary_entry(&self) -> ProcedureSummary {
        ProcedureSummary {
            slug: self.slug.clone(),
            name: self.name.clone(),
            acronym: self.acronym.clone(),
            summary: self.summary.clone(),
            agency: self.agency.acronym.clone(),
            categories: self.categories.iter().map(|c| c.slug.clone()).collect(),
            keywords: self.keywords.clone(),
            online: self
                .modalities
                .iter()
                .any(|m| m.kind == ModalityKind::Online),
            in_person: self
                .modalities
                .iter()
                .any(|m| m.kind == ModalityKind::InPerson),
            free: !self.modalities.is_empty() && self.modalities.iter().any(Modality::is_free),
        }
    }
}
