//! A synthetic case history for the demo (`serve --demo-history`), so `/transparencia`
//! has something to show: a few hundred made-up cases over the last twelve months,
//! across agencies, types and outcomes (answered on time or late, overdue, extended,
//! transferred, closed, rated), and self-service answers. Deterministic for a given
//! day; no real person: anonymous cases with a fixed description that says what they
//! are, tickets starting `DEMO-`, and no access code that opens them.

use cc_core::config::Deployment;
use cc_core::intake::dates::{BusinessCalendar, Date};
use cc_core::tracking::{Actor, CaseStatus};
use rusqlite::{params, Connection, TransactionBehavior};
use serde_json::json;

use crate::cases::insert_event;
use crate::db::DbError;
use crate::state::Catalog;

/// Cases per month, on average.
pub const CASES_PER_MONTH: u32 = 50;
/// Months of history, ending with the current one.
pub const MONTHS: u32 = 12;
/// The description of every synthetic case.
pub const DESCRIPTION: &str = "Caso ficticio de demostración, generado para mostrar las cifras de transparencia. No corresponde a ninguna persona.";

/// A small deterministic generator (xorshift64*): the same history every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `0..n`.
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }

    /// True with `percent` % chance.
    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }

    /// An index chosen with the given weights.
    fn weighted(&mut self, weights: &[u64]) -> usize {
        let total: u64 = weights.iter().sum();
        let mut pick = self.below(total);
        for (i, &w) in weights.iter().enumerate() {
            if pick < w {
                return i;
            }
            pick -= w;
        }
        weights.len().saturating_sub(1)
    }
}

/// Unix seconds of `date` at `hour`:00 UTC.
fn at(date: Date, hour: i64) -> i64 {
    date.to_days() * 86_400 + hour * 3600
}

/// Whether the demo history is already there.
pub fn has_history(conn: &Connection) -> Result<bool, DbError> {
    Ok(conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM cases WHERE ticket LIKE 'DEMO-%')",
        [],
        |r| r.get(0),
    )?)
}

/// `serve --demo-history`: the history as of today, added once (logged when added).
pub fn seed_history_now(state: &crate::AppState) -> Result<usize, DbError> {
    let mut conn = state
        .db
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64);
    let today = Date::from_unix_seconds(now);
    let added = seed_history(&mut conn, &state.deployment, &state.catalog, today)?;
    if added > 0 {
        tracing::info!(
            cases = added,
            "added the synthetic demo history (tickets DEMO-…)"
        );
    }
    Ok(added)
}

/// One synthetic case as planned, before it is written.
struct Plan {
    filed: Date,
    agency: usize,
    case_type: usize,
    due: Date,
    transferred_to: Option<usize>,
    extended_to: Option<Date>,
    answered: Option<Date>,
    closed: Option<Date>,
    status: CaseStatus,
    stars: Option<u8>,
}

/// Adds the demo history (once: nothing when it is already there). Returns the cases
/// added.
pub fn seed_history(
    conn: &mut Connection,
    deployment: &Deployment,
    catalog: &Catalog,
    today: Date,
) -> Result<usize, DbError> {
    if has_history(conn)? || catalog.index.agencies.is_empty() || deployment.case_types.is_empty() {
        return Ok(0);
    }
    let calendar = BusinessCalendar::new(&deployment.holidays);
    let agencies = &catalog.index.agencies;
    // Big agencies get most cases, the last ones very few (so some groups fall under 5).
    let agency_weights: Vec<u64> = (0..agencies.len() as u64)
        .map(|i| (agencies.len() as u64 - i).pow(2))
        .collect();
    let type_weights: Vec<u64> = (0..deployment.case_types.len() as u64)
        .map(|i| {
            [30, 20, 25, 8, 6, 3, 15]
                .get(i as usize)
                .copied()
                .unwrap_or(5)
        })
        .collect();
    let mut rng = Rng(0x005E_EDCC_2026);
    let mut plans = Vec::new();
    for back in (0..MONTHS).rev() {
        let (mut year, mut month) = (today.year, i64::from(today.month) - i64::from(back));
        while month < 1 {
            month += 12;
            year -= 1;
        }
        let month = month as u8;
        let days = cc_core::intake::dates::days_in_month(year, month);
        let count = CASES_PER_MONTH - 10 + rng.below(21) as u32;
        for _ in 0..count {
            let day = 1 + rng.below(u64::from(days)) as u8;
            let Some(filed) = Date::new(year, month, day).filter(|d| *d <= today) else {
                continue;
            };
            plans.push(plan_case(
                &mut rng,
                &calendar,
                deployment,
                filed,
                today,
                &agency_weights,
                &type_weights,
            ));
        }
    }
    plans.sort_by_key(|p| p.filed);
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    for (n, plan) in plans.iter().enumerate() {
        write_case(&tx, deployment, catalog, plan, n + 1)?;
    }
    write_self_service(&tx, catalog, &mut rng, today)?;
    tx.commit()?;
    Ok(plans.len())
}

fn plan_case(
    rng: &mut Rng,
    calendar: &BusinessCalendar,
    deployment: &Deployment,
    filed: Date,
    today: Date,
    agency_weights: &[u64],
    type_weights: &[u64],
) -> Plan {
    let agency = rng.weighted(agency_weights);
    let case_type = rng.weighted(type_weights);
    let days = deployment.case_types[case_type].response_days;
    let mut due = calendar.add_business_days(filed, days);
    let transferred_to = rng
        .chance(6)
        .then(|| {
            (agency + 1 + rng.below(agency_weights.len() as u64 - 1) as usize)
                % agency_weights.len()
        })
        .filter(|&to| to != agency);
    let extended_to = rng
        .chance(8)
        .then(|| calendar.add_business_days(filed, 2 * days));
    if let Some(new_due) = extended_to {
        due = new_due;
    }
    // Most answers come within the term; some late; some never (overdue or running).
    let roll = rng.below(100);
    let answer_days = if roll < 72 {
        Some(1 + rng.below(u64::from(days)) as u32)
    } else if roll < 84 {
        Some(days + 1 + rng.below(8) as u32)
    } else {
        None
    };
    let answered = answer_days
        .map(|d| {
            calendar.add_business_days(
                filed,
                if extended_to.is_some() {
                    d + days / 2
                } else {
                    d
                },
            )
        })
        .filter(|d| *d <= today);
    let closed = answered
        .filter(|_| rng.chance(75))
        .map(|a| calendar.add_business_days(a, rng.below(6) as u32))
        .filter(|d| *d <= today);
    let stars = answered
        .filter(|_| rng.chance(45))
        .map(|_| [5u8, 4, 3, 2, 1][rng.weighted(&[35, 30, 15, 10, 10])]);
    let status = match (answered, closed) {
        (_, Some(_)) => CaseStatus::Closed,
        (Some(_), None) => CaseStatus::Answered,
        (None, None) => [
            CaseStatus::Received,
            CaseStatus::Assigned,
            CaseStatus::InProgress,
            CaseStatus::WaitingForCitizen,
        ][rng.weighted(&[2, 3, 6, 1])],
    };
    Plan {
        filed,
        agency,
        case_type,
        due,
        transferred_to,
        extended_to,
        answered,
        closed,
        status,
        stars,
    }
}

fn write_case(
    conn: &Connection,
    deployment: &Deployment,
    catalog: &Catalog,
    plan: &Plan,
    n: usize,
) -> Result<(), DbError> {
    let agencies = &catalog.index.agencies;
    let case_type = &deployment.case_types[plan.case_type];
    let first = &agencies[plan.agency];
    let now_agency = &agencies[plan.transferred_to.unwrap_or(plan.agency)];
    let ticket = format!(
        "DEMO-{}-{}-{}-{n:05}",
        first.acronym, case_type.code, plan.filed.year
    );
    let original_due = BusinessCalendar::new(&deployment.holidays)
        .add_business_days(plan.filed, case_type.response_days);
    let last = plan.closed.or(plan.answered).unwrap_or(plan.filed);
    conn.execute(
        "INSERT INTO cases(ticket, agency, case_type, description, identity, language,
             access_code_hash, access_code_salt, status, filed_at, filed_on, due_date,
             response_days, updated_at)
         VALUES (?1, ?2, ?3, ?4, 'anonymous', 'es', 'demo-history-no-code', '', ?5, ?6, ?7,
             ?8, ?9, ?10)",
        params![
            ticket,
            now_agency.acronym,
            case_type.slug,
            DESCRIPTION,
            plan.status.as_str(),
            at(plan.filed, 14),
            plan.filed.to_string(),
            plan.due.to_string(),
            case_type.response_days,
            at(last, 16),
        ],
    )?;
    let id = conn.last_insert_rowid();
    let event = |when: Date, hour: i64, kind: &str, actor: Actor, data: serde_json::Value| {
        insert_event(conn, id, at(when, hour), kind, actor, None, Some(&data)).map(|_| ())
    };
    event(
        plan.filed,
        14,
        "filed",
        Actor::Citizen,
        json!({"status": "received", "attachments": 0}),
    )?;
    let next = plan.filed.add_days(1);
    event(
        next,
        10,
        "assigned",
        Actor::Staff,
        json!({"agency": first.acronym}),
    )?;
    if let Some(to) = plan.transferred_to {
        let to = &agencies[to];
        event(
            next,
            11,
            "transferred",
            Actor::Staff,
            json!({
                "from_agency": first.acronym, "to_agency": to.acronym, "to_agency_name": to.name,
            }),
        )?;
    }
    if let Some(new_due) = plan.extended_to {
        event(
            plan.filed.add_days(3),
            12,
            "extended",
            Actor::Staff,
            json!({
                "previous_due_date": original_due.to_string(), "new_due_date": new_due.to_string(),
            }),
        )?;
    }
    if let Some(answered) = plan.answered {
        event(answered, 15, "answered", Actor::Staff, json!({}))?;
    }
    if let Some(closed) = plan.closed {
        event(closed, 16, "closed", Actor::Staff, json!({}))?;
    }
    if let (Some(stars), Some(answered)) = (plan.stars, plan.answered) {
        conn.execute(
            "INSERT INTO ratings(case_id, answered, clear, score, created_at) VALUES (?1, 1, 1, ?2, ?3)",
            params![id, stars, at(answered, 18)],
        )?;
        event(
            answered,
            18,
            "rated",
            Actor::Citizen,
            json!({"score": stars}),
        )?;
    }
    Ok(())
}

/// A few self-service answers a day over the months of the history.
fn write_self_service(
    conn: &Connection,
    catalog: &Catalog,
    rng: &mut Rng,
    today: Date,
) -> Result<(), DbError> {
    let procedures: Vec<&str> = catalog
        .procedures
        .iter()
        .map(|p| p.slug.as_str())
        .take(20)
        .collect();
    if procedures.is_empty() {
        return Ok(());
    }
    let start = today.add_days(-(i64::from(MONTHS) * 31));
    let mut day = start;
    while day <= today {
        for _ in 0..3 {
            let procedure = procedures[rng.below(procedures.len() as u64) as usize];
            for (outcome, max) in [("resolved", 4), ("continued", 3)] {
                let count = rng.below(max);
                if count > 0 {
                    conn.execute(
                        "INSERT INTO self_service_counts(day, procedure, outcome, count)
                         VALUES (?1, ?2, ?3, ?4)
                         ON CONFLICT(day, procedure, outcome) DO UPDATE SET count = count + ?4",
                        params![day.to_string(), procedure, outcome, count as i64],
                    )?;
                }
            }
        }
        day = day.add_days(1);
    }
    Ok(())
}
