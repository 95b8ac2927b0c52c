//! Seeding cases straight into the database for the transparency tests: known
//! dates, statuses and events, with personal data the aggregates must leave out.

use cc_core::intake::dates::Date;
use cc_core::transparency::Figure;
use rusqlite::params;
use serde_json::json;

use super::TestApp;

pub const MDT: &str = "ministerio-del-trabajo";
/// A procedure of the demo catalog.
pub const PROCEDURE: &str = "registro-de-contrato-de-trabajo";
/// Personal data put in every seeded case: it must never appear in an answer.
pub const NAME: &str = "Persona Sembrada Únicamente";
pub const EMAIL: &str = "sembrada@example.org";
pub const DESCRIPTION: &str = "Descripción privada que no debe publicarse jamás";

pub const HIDDEN: Figure = Figure::SUPPRESSED;

pub fn v(value: u64) -> Figure {
    Figure::Published { value }
}

pub fn unix(date: &str, hour: i64) -> i64 {
    Date::parse(date).unwrap().to_days() * 86_400 + hour * 3600
}

/// One seeded case and its history.
pub struct Seed<'a> {
    pub agency: &'a str,
    pub case_type: &'a str,
    pub status: &'a str,
    pub filed_on: &'a str,
    pub due_date: &'a str,
    pub answered: Option<&'a str>,
    pub closed: Option<&'a str>,
    pub extended: bool,
    pub transferred: bool,
    pub stars: Option<u8>,
}

pub fn seed<'a>(agency: &'a str, case_type: &'a str, filed_on: &'a str) -> Seed<'a> {
    Seed {
        agency,
        case_type,
        status: "received",
        filed_on,
        due_date: "2099-01-01",
        answered: None,
        closed: None,
        extended: false,
        transferred: false,
        stars: None,
    }
}

/// Writes `n` copies of `s` straight into the database (with personal data, which the
/// aggregates must leave out).
pub fn insert(app: &TestApp, s: &Seed<'_>, n: usize) {
    let conn = app.state.db.lock().unwrap();
    for _ in 0..n {
        let count: i64 = conn
            .query_row("SELECT COUNT(*) FROM cases", [], |r| r.get(0))
            .unwrap();
        conn.execute(
            "INSERT INTO cases(ticket, agency, case_type, description, identity, name, email,
                 language, access_code_hash, access_code_salt, status, filed_at, filed_on,
                 due_date, response_days, updated_at)
             VALUES (?1, ?2, ?3, ?4, 'identified', ?5, ?6, 'es', 'x', 'x', ?7, ?8, ?9, ?10, 15, ?8)",
            params![
                format!("TEST-{count:05}"),
                Some(s.agency).filter(|a| !a.is_empty()),
                s.case_type,
                DESCRIPTION,
                NAME,
                EMAIL,
                s.status,
                unix(s.filed_on, 13),
                s.filed_on,
                s.due_date
            ],
        )
        .unwrap();
        let id = conn.last_insert_rowid();
        let event = |kind: &str, date: &str, data: serde_json::Value| {
            conn.execute(
                "INSERT INTO case_events(case_id, at, kind, actor, data) VALUES (?1, ?2, ?3, 'staff', ?4)",
                params![id, unix(date, 15), kind, data.to_string()],
            )
            .unwrap();
        };
        event("filed", s.filed_on, json!({}));
        if s.extended {
            event("extended", s.filed_on, json!({"new_due_date": s.due_date}));
        }
        if s.transferred {
            event("transferred", s.filed_on, json!({"to_agency": s.agency}));
        }
        if let Some(d) = s.answered {
            event("answered", d, json!({}));
        }
        if let Some(d) = s.closed {
            // Closed through a status change, the other way a case closes.
            event(
                "status_changed",
                d,
                json!({"from": "answered", "to": "closed"}),
            );
        }
        if let Some(stars) = s.stars {
            conn.execute(
                "INSERT INTO ratings(case_id, answered, clear, score, comment, created_at)
                 VALUES (?1, 1, 1, ?2, 'comentario privado', 0)",
                params![id, stars],
            )
            .unwrap();
        }
    }
}
