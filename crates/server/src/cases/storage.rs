//! Stored cases: the row, finding one by ticket, checking an access code against it,
//! and the small updates every action shares.

use cc_core::channel::{Channel, Consent};
use cc_core::intake::access_code::normalize_code;
use cc_core::intake::dates::Date;
use cc_core::intake::ticket::normalize_ticket;
use cc_core::intake::Identity;
use cc_core::tracking::CaseStatus;
use rusqlite::{params, Connection, OptionalExtension};
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

use crate::db::DbError;
use crate::problem::{ApiError, ApiResult};

pub(super) fn identity_str(identity: Identity) -> &'static str {
    identity.as_str()
}

/// A stored identity; an unknown value (never written by this code) reads as the
/// default, as before.
pub(super) fn parse_identity(s: &str) -> Identity {
    Identity::parse(s).unwrap_or_default()
}

/// A stored case as the backend sees it (never sent as is: it holds personal data).
#[derive(Debug, Clone, PartialEq)]
pub struct StoredCase {
    pub id: i64,
    pub ticket: String,
    pub agency: Option<String>,
    pub case_type: String,
    pub procedure: Option<String>,
    pub description: String,
    pub event_date: Option<String>,
    pub place: Option<String>,
    pub identity: Identity,
    pub name: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub language: String,
    /// Hex sha256 of `salt || normalized code`; see [`access_code_hash`].
    pub access_code_hash: String,
    /// Hex of the 16 random salt bytes.
    pub access_code_salt: String,
    /// The stored status name; see [`CaseStatus::parse`].
    pub status: String,
    pub filed_at: i64,
    pub filed_on: String,
    pub due_date: String,
    pub response_days: u32,
    pub updated_at: i64,
    /// How it came in; an unknown stored value (never written) reads as the web.
    pub channel: Channel,
    /// The staff member who filed it for the person (assisted channels).
    pub taken_by: Option<String>,
    pub consent: Consent,
}

/// Hex sha256 of `salt || normalized_code`: the only form of the access code stored.
pub fn access_code_hash(salt: &[u8], normalized_code: &str) -> String {
    let mut hasher = Sha256::new();
    hasher.update(salt);
    hasher.update(normalized_code.as_bytes());
    hex::encode(hasher.finalize())
}

pub fn count_cases(conn: &Connection) -> Result<usize, DbError> {
    Ok(conn.query_row("SELECT COUNT(*) FROM cases", [], |r| r.get::<_, i64>(0))? as usize)
}

pub fn find_case_by_ticket(conn: &Connection, ticket: &str) -> Result<Option<StoredCase>, DbError> {
    Ok(conn
        .query_row(
            "SELECT id, ticket, agency, case_type, procedure, description, event_date, place,
                 identity, name, email, phone, language, access_code_hash, access_code_salt,
                 status, filed_at, filed_on, due_date, response_days, updated_at,
                 channel, taken_by, consent
             FROM cases WHERE ticket = ?1",
            [ticket],
            |r| {
                Ok(StoredCase {
                    id: r.get(0)?,
                    ticket: r.get(1)?,
                    agency: r.get(2)?,
                    case_type: r.get(3)?,
                    procedure: r.get(4)?,
                    description: r.get(5)?,
                    event_date: r.get(6)?,
                    place: r.get(7)?,
                    identity: parse_identity(&r.get::<_, String>(8)?),
                    name: r.get(9)?,
                    email: r.get(10)?,
                    phone: r.get(11)?,
                    language: r.get(12)?,
                    access_code_hash: r.get(13)?,
                    access_code_salt: r.get(14)?,
                    status: r.get(15)?,
                    filed_at: r.get(16)?,
                    filed_on: r.get(17)?,
                    due_date: r.get(18)?,
                    response_days: r.get(19)?,
                    updated_at: r.get(20)?,
                    channel: Channel::parse(&r.get::<_, String>(21)?).unwrap_or_default(),
                    taken_by: r.get(22)?,
                    consent: Consent::parse(&r.get::<_, String>(23)?).unwrap_or_default(),
                })
            },
        )
        .optional()?)
}

/// Salt and hash checked when the ticket is unknown, so that an unknown ticket costs
/// the same hashing and comparison as a wrong code (no timing difference to probe).
pub(super) const DUMMY_SALT: [u8; 16] = [0; 16];
pub(super) const DUMMY_HASH: &str =
    "0000000000000000000000000000000000000000000000000000000000000000";

/// The case a person means by a ticket typed in any accepted form.
pub fn find_case_by_typed_ticket(
    conn: &Connection,
    typed: &str,
) -> Result<Option<StoredCase>, DbError> {
    match normalize_ticket(typed) {
        Some(ticket) => find_case_by_ticket(conn, &ticket),
        None => Ok(None),
    }
}

/// Whether the code as typed opens `case`. Always hashes and compares once, in
/// constant time, whether the case exists and whether the code is well formed.
pub fn code_opens(case: Option<&StoredCase>, typed_code: Option<&str>) -> bool {
    let code = typed_code.and_then(normalize_code);
    let (salt, expected) = match case {
        Some(c) => (
            hex::decode(&c.access_code_salt).unwrap_or_default(),
            c.access_code_hash.as_str(),
        ),
        None => (DUMMY_SALT.to_vec(), DUMMY_HASH),
    };
    let computed = access_code_hash(&salt, code.as_deref().unwrap_or(""));
    let equal: bool = computed.as_bytes().ct_eq(expected.as_bytes()).into();
    equal && case.is_some() && code.is_some()
}

pub(super) fn status_of(case: &StoredCase) -> ApiResult<CaseStatus> {
    CaseStatus::parse(&case.status)
        .ok_or_else(|| ApiError::Internal(format!("unknown stored status {}", case.status)))
}

pub(super) fn stored_date(text: &str) -> ApiResult<Date> {
    Date::parse(text).ok_or_else(|| ApiError::Internal(format!("bad stored date {text}")))
}

/// Sets a case's status (and its last-change time).
pub(super) fn set_status(
    conn: &Connection,
    case_id: i64,
    status: CaseStatus,
    now_unix: i64,
) -> ApiResult<()> {
    conn.execute(
        "UPDATE cases SET status = ?1, updated_at = ?2 WHERE id = ?3",
        params![status.as_str(), now_unix, case_id],
    )?;
    Ok(())
}

pub(super) fn touch(conn: &Connection, case_id: i64, now_unix: i64) -> ApiResult<()> {
    conn.execute(
        "UPDATE cases SET updated_at = ?1 WHERE id = ?2",
        params![now_unix, case_id],
    )?;
    Ok(())
}

/// Re-reads a case inside a transaction (the caller's copy may be stale).
pub(super) fn case_in(conn: &Connection, ticket: &str) -> ApiResult<StoredCase> {
    find_case_by_ticket(conn, ticket)?.ok_or(ApiError::NotFound)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_round_trip() {
        for status in CaseStatus::ALL {
            assert_eq!(CaseStatus::parse(status.as_str()), Some(status));
        }
        assert_eq!(CaseStatus::parse("nope"), None);
    }
}
