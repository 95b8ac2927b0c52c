//! The transparency aggregates from the database: counts by `GROUP BY` and the dates
//! durations are computed from, selected without any personal field (no name, e-mail,
//! phone, description, place, ticket or code leaves these queries); and the anonymous
//! self-service counts. The rules (suppression, percentiles, business days) are
//! `cc_core::transparency`'s.

use cc_core::config::Deployment;
use cc_core::intake::dates::{BusinessCalendar, Date};
use cc_core::tracking::CaseStatus;
use cc_core::transparency::{
    AgencyRow, Aggregates, CaseGroup, CaseTimes, Inputs, SelfServiceGroup, SelfServiceOutcome, Term,
};
use rusqlite::{params, Connection};

use crate::db::DbError;
use crate::state::Catalog;

pub mod cache;
pub mod demo;

/// Per case filed in the period (`?1` first day, `?2` last day): the dates its term
/// ended (first answer or closing), its first answer, its last closing, whether it was
/// extended or transferred, and its rating. Only these derived columns are selected.
const PER_CASE: &str = "
    WITH closing AS (
        SELECT case_id, at FROM case_events
        WHERE kind = 'closed'
           OR (kind = 'status_changed' AND json_extract(data, '$.to') = 'closed')
    ),
    c AS (
        SELECT cases.agency, cases.case_type, cases.status, cases.channel, cases.filed_on,
            cases.due_date,
            substr(cases.filed_on, 1, 7) AS month,
            (SELECT date(MIN(at), 'unixepoch') FROM case_events e
                WHERE e.case_id = cases.id AND e.kind = 'answered') AS answered_on,
            (SELECT date(MIN(at), 'unixepoch') FROM (
                SELECT at FROM case_events e WHERE e.case_id = cases.id AND e.kind = 'answered'
                UNION ALL SELECT at FROM closing WHERE closing.case_id = cases.id)) AS ended_on,
            (SELECT date(MAX(at), 'unixepoch') FROM closing
                WHERE closing.case_id = cases.id) AS closed_on,
            EXISTS (SELECT 1 FROM case_events e
                WHERE e.case_id = cases.id AND e.kind = 'extended') AS extended,
            EXISTS (SELECT 1 FROM case_events e
                WHERE e.case_id = cases.id AND e.kind = 'transferred') AS transferred,
            (SELECT score FROM ratings r WHERE r.case_id = cases.id) AS stars
        FROM cases
        WHERE cases.filed_on >= ?1 AND cases.filed_on <= ?2
    )";

/// The period's cases counted by every dimension at once (`?3` is today).
fn case_groups(
    conn: &Connection,
    first: &str,
    last: &str,
    today: &str,
) -> Result<Vec<CaseGroup>, DbError> {
    let sql = format!(
        "{PER_CASE}
        SELECT agency, case_type, status, month, extended, transferred,
            CASE WHEN ended_on IS NOT NULL AND ended_on <= due_date THEN 'on_time'
                 WHEN ended_on IS NOT NULL THEN 'late'
                 WHEN due_date < ?3 THEN 'overdue'
                 ELSE 'running' END AS term,
            stars, channel, COUNT(*)
        FROM c GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9"
    );
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map(params![first, last, today], |r| {
        Ok((
            r.get::<_, Option<String>>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, String>(3)?,
            r.get::<_, bool>(4)?,
            r.get::<_, bool>(5)?,
            r.get::<_, String>(6)?,
            r.get::<_, Option<u8>>(7)?,
            r.get::<_, String>(8)?,
            r.get::<_, i64>(9)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (agency, case_type, status, month, extended, transferred, term, stars, channel, count) =
            row?;
        out.push(CaseGroup {
            agency,
            case_type,
            // The schema only allows these; anything else is counted as received.
            status: CaseStatus::parse(&status).unwrap_or(CaseStatus::Received),
            month,
            channel,
            extended,
            transferred,
            term: match term.as_str() {
                "on_time" => Term::OnTime,
                "late" => Term::Late,
                "overdue" => Term::Overdue,
                _ => Term::Running,
            },
            stars,
            count: count.max(0) as u64,
        });
    }
    Ok(out)
}

/// The dates of each case that has a first answer or is closed now.
fn case_times(conn: &Connection, first: &str, last: &str) -> Result<Vec<CaseTimes>, DbError> {
    let sql = format!(
        "{PER_CASE}
        SELECT agency, month, filed_on, answered_on,
            CASE WHEN status = 'closed' THEN closed_on END
        FROM c WHERE answered_on IS NOT NULL OR status = 'closed'"
    );
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map(params![first, last], |r| {
        Ok((
            r.get::<_, Option<String>>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, Option<String>>(3)?,
            r.get::<_, Option<String>>(4)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (agency, month, filed_on, answered_on, closed_on) = row?;
        let Some(filed_on) = Date::parse(&filed_on) else {
            continue;
        };
        out.push(CaseTimes {
            agency,
            month,
            filed_on,
            answered_on: answered_on.as_deref().and_then(Date::parse),
            closed_on: closed_on.as_deref().and_then(Date::parse),
        });
    }
    Ok(out)
}

/// Self-service answers in the period, by the agency of the procedure.
fn self_service_groups(
    conn: &Connection,
    first: &str,
    last: &str,
) -> Result<Vec<SelfServiceGroup>, DbError> {
    let mut stmt = conn.prepare(
        "SELECT p.agency, s.outcome, SUM(s.count) FROM self_service_counts s
         JOIN procedures p ON p.slug = s.procedure
         WHERE s.day >= ?1 AND s.day <= ?2
         GROUP BY 1, 2",
    )?;
    let rows = stmt.query_map(params![first, last], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, i64>(2)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (agency, outcome, count) = row?;
        if let Some(outcome) = SelfServiceOutcome::parse(&outcome) {
            out.push(SelfServiceGroup {
                agency,
                outcome,
                count: count.max(0) as u64,
            });
        }
    }
    Ok(out)
}

/// The suppressed aggregates of the cases filed in `months` (non-empty, oldest first),
/// as of `today`.
pub fn aggregates(
    conn: &Connection,
    deployment: &Deployment,
    catalog: &Catalog,
    months: Vec<String>,
    today: Date,
) -> Result<Aggregates, DbError> {
    let first = format!("{}-01", months.first().map_or("", String::as_str));
    // Day 31 sorts after every real day of the month.
    let last = format!("{}-31", months.last().map_or("", String::as_str));
    let today = today.to_string();
    let calendar = BusinessCalendar::new(&deployment.holidays);
    let inputs = Inputs {
        months,
        agencies: catalog
            .index
            .agencies
            .iter()
            .map(|a| AgencyRow {
                acronym: a.acronym.clone(),
                slug: a.slug.clone(),
                name: a.name.clone(),
            })
            .collect(),
        case_types: deployment
            .case_types
            .iter()
            .map(|t| t.slug.clone())
            .collect(),
        groups: case_groups(conn, &first, &last, &today)?,
        times: case_times(conn, &first, &last)?,
        self_service: self_service_groups(conn, &first, &last)?,
        calendar: &calendar,
    };
    Ok(Aggregates::compute(&inputs))
}

/// Counts one self-service answer on `day` (nothing else is stored).
pub fn record_self_service(
    conn: &Connection,
    day: Date,
    procedure: &str,
    outcome: SelfServiceOutcome,
) -> Result<(), DbError> {
    conn.execute(
        "INSERT INTO self_service_counts(day, procedure, outcome, count) VALUES (?1, ?2, ?3, 1)
         ON CONFLICT(day, procedure, outcome) DO UPDATE SET count = count + 1",
        params![day.to_string(), procedure, outcome.as_str()],
    )?;
    Ok(())
}
