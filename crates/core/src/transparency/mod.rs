//! Transparency aggregates: how the state is answering, for the whole deployment or one
//! agency over a period of months (`GET /api/v1/transparency`), and the anonymous count
//! of the self-service first level (`POST /api/v1/self-service`).
//!
//! Every count is a [`Figure`]: published, or suppressed ("menos de 5") when it counts
//! 1 to 4 cases, so nobody can be singled out; and suppressed too when it would let a
//! suppressed one be worked out by subtraction (see [`suppress`]). The backend counts
//! in SQL; this module turns those counts into the answer ([`build`]), so the rules
//! are the same wherever they run and are tested here without a database.

use serde::{Deserialize, Serialize};

mod build;
mod inputs;
mod stats;
mod suppress;

pub use build::Aggregates;
pub use inputs::{AgencyRow, CaseGroup, CaseTimes, Inputs, SelfServiceGroup, Term};
pub use stats::{business_days_taken, nearest_rank};
pub use suppress::{suppress, Equation, THRESHOLD};

/// A count as published: its value, or suppressed because it is (or would reveal) a
/// group of fewer than 5 cases. Zero is published: it singles nobody out.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Figure {
    /// `{ "value": 12 }`
    Published { value: u64 },
    /// `{ "suppressed": true }` (always `true`): a reserved figure. Either fewer than
    /// 5 cases ("menos de 5"), or hidden so that such a one cannot be worked out by
    /// subtraction; the two look the same on purpose, so a page should word it for
    /// both (e.g. "Reservado: menos de 5 casos, o permitiría calcularlos").
    Suppressed { suppressed: bool },
}

impl Figure {
    pub const SUPPRESSED: Figure = Figure::Suppressed { suppressed: true };

    pub fn of(value: u64, suppressed: bool) -> Figure {
        if suppressed {
            Figure::SUPPRESSED
        } else {
            Figure::Published { value }
        }
    }

    /// The published value, if any.
    pub fn value(self) -> Option<u64> {
        match self {
            Figure::Published { value } => Some(value),
            Figure::Suppressed { .. } => None,
        }
    }
}

/// A decimal number (a percentage, an average) as published, or suppressed.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Decimal {
    Published { value: f64 },
    Suppressed { suppressed: bool },
}

impl Decimal {
    pub fn value(self) -> Option<f64> {
        match self {
            Decimal::Published { value } => Some(value),
            Decimal::Suppressed { .. } => None,
        }
    }
}

/// The agency an answer is about.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgencyName {
    pub slug: String,
    pub name: String,
}

/// Cases sharing one value of a dimension: a case type slug, a status
/// (`received`, … `closed`), a channel (`web`).
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cell {
    pub key: String,
    pub count: Figure,
}

/// A part of a whole: `percent` (0–100, one decimal) is published only when both
/// counts are; it is `null` when the whole is zero (nothing to divide).
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Share {
    pub numerator: Figure,
    pub denominator: Figure,
    pub percent: Option<Decimal>,
}

/// Business days taken (Monday to Friday minus the deployment's holidays, counted
/// from the day after filing): median and 90th percentile by nearest rank (the
/// smallest value with at least that share of cases at or below it). `null` when no
/// case has taken it yet; suppressed when fewer than 5 have.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Durations {
    pub median: Option<Figure>,
    pub p90: Option<Figure>,
}

/// Ratings of 1 to 5 stars given by citizens to the answers.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StarCount {
    pub stars: u8,
    pub count: Figure,
}

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Satisfaction {
    /// Cases rated.
    pub rated: Figure,
    /// One entry per star, 1 to 5.
    pub ratings: Vec<StarCount>,
    /// Mean stars, one decimal; `null` without ratings; suppressed when any star count
    /// is (the mean and the rated count would give it away).
    pub average: Option<Decimal>,
}

/// The self-service first level: people the wizard showed catalog procedures to who
/// answered "Esto resuelve mi consulta" (no case filed) or "No, quiero seguir".
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SelfService {
    pub resolved: Figure,
    pub continued: Figure,
}

/// One month of the period, for trends.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MonthFigures {
    /// `YYYY-MM`.
    pub month: String,
    /// Cases filed that month.
    pub filed: Figure,
    /// Of those, the ones closed now.
    pub closed: Figure,
    /// Business days from filing to closing of those closed (median).
    pub median_close_days: Option<Figure>,
}

/// Cases an agency has now (transferred cases count for the agency they went to).
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgencyCases {
    pub slug: String,
    pub name: String,
    pub cases: Figure,
}

/// The aggregates of `GET /api/v1/transparency`: the cases filed in the months
/// `from`–`to` (UTC dates of filing), for the whole deployment or one `agency`. No
/// personal data: only counts, durations and shares.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Transparency {
    /// First month, `YYYY-MM`.
    pub from: String,
    /// Last month, `YYYY-MM` (included).
    pub to: String,
    /// `null`: the whole deployment.
    pub agency: Option<AgencyName>,
    /// When these figures were computed (RFC 3339, UTC); they are cached a few minutes.
    pub generated_at: String,
    /// Groups under this many cases are suppressed (5).
    pub threshold: u64,
    /// Cases filed in the period.
    pub cases: Figure,
    /// By case type (the deployment's slugs, in its order).
    pub by_type: Vec<Cell>,
    /// By current status.
    pub by_status: Vec<Cell>,
    /// By the channel the case came in (`web`, `phone`, `in_person`, `mail`, `verbal`).
    pub by_channel: Vec<Cell>,
    /// From filing to the agency's answer.
    pub first_answer_days: Durations,
    /// From filing to closing, of the cases closed now.
    pub close_days: Durations,
    /// Of the cases answered or closed, or overdue, those answered (or closed) on or
    /// before their due date (extended due dates count).
    pub within_due_date: Share,
    /// Of the cases filed, those whose term was extended.
    pub extended: Share,
    /// Of the cases filed, those transferred to another agency.
    pub transferred: Share,
    /// Of the cases filed, those past their due date without an answer today.
    pub overdue: Share,
    pub satisfaction: Satisfaction,
    /// Counted by the day of the answer, not by cases.
    pub self_service: SelfService,
    /// Every month of the period, oldest first.
    pub months: Vec<MonthFigures>,
    /// Every agency of the catalog, by name.
    pub agencies: Vec<AgencyCases>,
    /// Cases not yet assigned to any agency.
    pub unassigned: Figure,
}

/// What the person answered to the procedures the wizard suggested.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SelfServiceOutcome {
    /// "Esto resuelve mi consulta": no case filed.
    Resolved,
    /// "No, quiero seguir": on to the case.
    Continued,
}

impl SelfServiceOutcome {
    pub fn as_str(self) -> &'static str {
        match self {
            SelfServiceOutcome::Resolved => "resolved",
            SelfServiceOutcome::Continued => "continued",
        }
    }

    pub fn parse(s: &str) -> Option<SelfServiceOutcome> {
        [SelfServiceOutcome::Resolved, SelfServiceOutcome::Continued]
            .into_iter()
            .find(|o| o.as_str() == s)
    }
}

/// The body of `POST /api/v1/self-service`: nothing about the person.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SelfServiceAnswer {
    /// The catalog procedure's slug.
    pub procedure: String,
    pub outcome: SelfServiceOutcome,
}

/// A month `YYYY-MM` as (year, month), strictly: four digits, a dash, 01–12.
pub fn parse_month(s: &str) -> Option<(i32, u8)> {
    let b = s.as_bytes();
    if b.len() != 7
        || b[4] != b'-'
        || !b
            .iter()
            .enumerate()
            .all(|(i, c)| i == 4 || c.is_ascii_digit())
    {
        return None;
    }
    let year: i32 = s[..4].parse().ok()?;
    let month: u8 = s[5..].parse().ok()?;
    (1..=12).contains(&month).then_some((year, month))
}

/// Months from `from` to `to` inclusive, as `YYYY-MM`; empty when `from` is after `to`.
pub fn months_between(from: (i32, u8), to: (i32, u8)) -> Vec<String> {
    let index = |(y, m): (i32, u8)| i64::from(y) * 12 + i64::from(m) - 1;
    (index(from)..=index(to))
        .map(|i| format!("{:04}-{:02}", i.div_euclid(12), i.rem_euclid(12) + 1))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_have_one_clear_encoding() {
        let json = serde_json::to_string(&Figure::Published { value: 12 }).unwrap();
        assert_eq!(json, r#"{"value":12}"#);
        assert_eq!(
            serde_json::to_string(&Figure::SUPPRESSED).unwrap(),
            r#"{"suppressed":true}"#
        );
        let back: Figure = serde_json::from_str(r#"{"suppressed":true}"#).unwrap();
        assert_eq!(back, Figure::SUPPRESSED);
        let back: Figure = serde_json::from_str(r#"{"value":0}"#).unwrap();
        assert_eq!(back.value(), Some(0));
        assert_eq!(Figure::of(3, true), Figure::SUPPRESSED);
        assert_eq!(Figure::of(3, false).value(), Some(3));
    }

    #[test]
    fn decimals_have_the_same_encoding_and_give_their_value_only_when_published() {
        // The page writes a share or an average from `value()`: a suppressed one must
        // not read as 0 %, and 37.5 must stay 37.5.
        let share: Decimal = serde_json::from_str(r#"{"value":37.5}"#).unwrap();
        assert_eq!(share.value(), Some(37.5));
        let hidden: Decimal = serde_json::from_str(r#"{"suppressed":true}"#).unwrap();
        assert_eq!(hidden, Decimal::Suppressed { suppressed: true });
        assert_eq!(hidden.value(), None);
        assert_eq!(
            serde_json::to_string(&Decimal::Published { value: 4.2 }).unwrap(),
            r#"{"value":4.2}"#
        );
    }

    #[test]
    fn months_parse_strictly_and_span_years() {
        assert_eq!(parse_month("2026-01"), Some((2026, 1)));
        assert_eq!(parse_month("2026-12"), Some((2026, 12)));
        for bad in [
            "2026-13", "2026-00", "2026-1", "26-01", "2026/01", "2026-0a", "+026-01", "",
        ] {
            assert_eq!(parse_month(bad), None, "{bad}");
        }
        assert_eq!(
            months_between((2025, 11), (2026, 2)),
            ["2025-11", "2025-12", "2026-01", "2026-02"]
        );
        assert_eq!(months_between((2026, 3), (2026, 3)), ["2026-03"]);
        assert!(months_between((2026, 3), (2026, 2)).is_empty());
    }

    #[test]
    fn self_service_bodies_name_only_a_procedure_and_an_outcome() {
        let body: SelfServiceAnswer =
            serde_json::from_str(r#"{"procedure":"licencia","outcome":"resolved"}"#).unwrap();
        assert_eq!(body.outcome, SelfServiceOutcome::Resolved);
        assert!(serde_json::from_str::<SelfServiceAnswer>(
            r#"{"procedure":"licencia","outcome":"resolved","email":"a@b.c"}"#
        )
        .is_err());
        assert!(serde_json::from_str::<SelfServiceAnswer>(
            r#"{"procedure":"licencia","outcome":"maybe"}"#
        )
        .is_err());
        for o in [SelfServiceOutcome::Resolved, SelfServiceOutcome::Continued] {
            assert_eq!(SelfServiceOutcome::parse(o.as_str()), Some(o));
        }
    }
}
