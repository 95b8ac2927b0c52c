//! What the aggregates are computed from: the backend's grouped counts, the dates of
//! each case that durations need, the self-service counts, the catalog's agencies.

use super::SelfServiceOutcome;
use crate::intake::dates::{BusinessCalendar, Date};
use crate::tracking::CaseStatus;

/// How a case stands against its legal term today.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Term {
    /// Answered (or closed) on or before its due date.
    OnTime,
    /// Answered (or closed) after it.
    Late,
    /// No answer, and the due date has passed.
    Overdue,
    /// No answer yet, still within its term.
    Running,
}

/// How many cases share these values (one row of the backend's `GROUP BY`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseGroup {
    /// The agency's acronym; `None` when not assigned to any.
    pub agency: Option<String>,
    pub case_type: String,
    pub status: CaseStatus,
    /// `YYYY-MM` of filing.
    pub month: String,
    pub channel: String,
    pub extended: bool,
    pub transferred: bool,
    pub term: Term,
    /// The citizen's rating, 1–5.
    pub stars: Option<u8>,
    pub count: u64,
}

/// The dates of one case that durations are computed from (nothing else of it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseTimes {
    pub agency: Option<String>,
    /// `YYYY-MM` of filing.
    pub month: String,
    pub filed_on: Date,
    /// The day of its first answer.
    pub answered_on: Option<Date>,
    /// The day it was last closed, if it is closed now.
    pub closed_on: Option<Date>,
}

/// Self-service answers about one agency's procedures.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SelfServiceGroup {
    pub agency: String,
    pub outcome: SelfServiceOutcome,
    pub count: u64,
}

/// An agency of the catalog.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgencyRow {
    pub acronym: String,
    pub slug: String,
    pub name: String,
}

/// Everything the aggregates are computed from.
pub struct Inputs<'a> {
    /// Every month of the period, `YYYY-MM`, oldest first.
    pub months: Vec<String>,
    /// The catalog's agencies, in the order they are listed.
    pub agencies: Vec<AgencyRow>,
    /// The deployment's case type slugs, in its order.
    pub case_types: Vec<String>,
    pub groups: Vec<CaseGroup>,
    pub times: Vec<CaseTimes>,
    pub self_service: Vec<SelfServiceGroup>,
    pub calendar: &'a BusinessCalendar,
}
