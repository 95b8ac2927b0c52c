//! Case storage: filing a case (idempotent, one transaction), attachments, look-ups,
//! and tracking: the views of a case, citizen replies and ratings, staff actions.
//!
//! Everything here is synchronous and runs on the database thread (see
//! [`crate::state::AppState::with_db`]); the HTTP side lives in `routes::{cases, tracking, staff}`.

use cc_core::api::FieldError;
use cc_core::catalog::Agency;
use cc_core::config::Deployment;
use std::collections::HashMap;

use cc_core::intake::access_code::{code_from_random, format_code, normalize_code};
use cc_core::intake::dates::{BusinessCalendar, Date};
use cc_core::intake::ticket::{format_ticket, normalize_ticket, UNKNOWN_AGENCY};
use cc_core::intake::validation::{
    fields, validate_agency, validate_attachments, validate_new_case,
};
use cc_core::intake::{AttachmentReceipt, CaseReceipt, Identity, IntakeRules, NewCase};
use cc_core::tracking::{
    self, CaseView, EventKind, NewReply, Rating, StaffAction, StaffCaseSummary, StaffCaseView,
};
use chacha20poly1305::aead::{Aead, KeyInit};
use chacha20poly1305::{ChaCha20Poly1305, Key, Nonce};
use rand::RngCore;
use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};
use serde_json::Value;
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;
use time::format_description::well_known::Rfc3339;

use crate::db::DbError;
use crate::problem::{ApiError, ApiResult};
use crate::state::Catalog;

/// Endpoint name stored with (and hashed into) idempotency keys of new cases.
pub const CASES_ENDPOINT: &str = "POST /api/v1/cases";

// The statuses and actors are the wire types of `cc-core`; each is stored as its
// snake_case name (checked by the schema).
pub use cc_core::tracking::{Actor, CaseStatus};

fn identity_str(identity: Identity) -> &'static str {
    match identity {
        Identity::Identified => "identified",
        Identity::Confidential => "confidential",
        Identity::Anonymous => "anonymous",
    }
}

fn parse_identity(s: &str) -> Identity {
    match s {
        "confidential" => Identity::Confidential,
        "anonymous" => Identity::Anonymous,
        _ => Identity::Identified,
    }
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
}

/// A stored HTTP answer: what the first request got, replayed byte for byte.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredResponse {
    pub status: u16,
    pub body: String,
}

/// Hex sha256 of `salt || normalized_code`: the only form of the access code stored.
pub fn access_code_hash(salt: &[u8], normalized_code: &str) -> String {
    let mut hasher = Sha256::new();
    hasher.update(salt);
    hasher.update(normalized_code.as_bytes());
    hex::encode(hasher.finalize())
}

/// What the database keeps of an Idempotency-Key: a hash, since the key also seals
/// the stored answer (see [`seal`]).
pub fn idempotency_key_hash(key: &str) -> String {
    let mut hasher = Sha256::new();
    hasher.update(b"cc-idempotency-id\0");
    hasher.update(key.as_bytes());
    hex::encode(hasher.finalize())
}

/// The cipher that seals one stored answer: ChaCha20-Poly1305 keyed with SHA-256 of a
/// domain prefix and the Idempotency-Key. The prefix keeps this key apart from
/// [`idempotency_key_hash`], which the database holds; so the answer (with its access
/// code) cannot be read back without the key the client kept.
fn sealing_cipher(idempotency_key: &str) -> ChaCha20Poly1305 {
    let mut hasher = Sha256::new();
    hasher.update(b"cc-idempotency-seal\0");
    hasher.update(idempotency_key.as_bytes());
    ChaCha20Poly1305::new(Key::from_slice(&hasher.finalize()))
}

/// A fixed all-zero nonce is safe here: nonce reuse only breaks an AEAD when one key
/// seals two messages, and each derived key seals exactly one answer (the key's row
/// is written once, in the transaction that created the answer, and never updated).
fn sealing_nonce() -> &'static Nonce {
    Nonce::from_slice(&[0u8; 12])
}

/// Seals a stored answer with a key derived from the Idempotency-Key (ciphertext and
/// 16-byte tag).
pub fn seal(idempotency_key: &str, data: &[u8]) -> ApiResult<Vec<u8>> {
    sealing_cipher(idempotency_key)
        .encrypt(sealing_nonce(), data)
        .map_err(|_| ApiError::Internal("sealing the stored answer failed".into()))
}

/// Opens an answer sealed by [`seal`]; fails with another key or altered data.
pub fn open(idempotency_key: &str, sealed: &[u8]) -> ApiResult<Vec<u8>> {
    sealing_cipher(idempotency_key)
        .decrypt(sealing_nonce(), sealed)
        .map_err(|_| ApiError::Internal("stored answer does not open".into()))
}

/// JSON with object keys sorted at every level and no insignificant whitespace, so
/// equal requests hash equally whatever the client's key order or formatting.
pub fn canonical_json(value: &Value) -> String {
    fn write(value: &Value, out: &mut String) {
        match value {
            Value::Object(map) => {
                let mut keys: Vec<&String> = map.keys().collect();
                keys.sort();
                out.push('{');
                for (i, key) in keys.into_iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    out.push_str(&Value::String(key.clone()).to_string());
                    out.push(':');
                    write(&map[key], out);
                }
                out.push('}');
            }
            Value::Array(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    write(item, out);
                }
                out.push(']');
            }
            scalar => out.push_str(&scalar.to_string()),
        }
    }
    let mut out = String::new();
    write(value, &mut out);
    out
}

/// Hex sha256 of the endpoint and the canonical JSON of the request as parsed (so
/// key order, whitespace, `null` versus an absent optional field and unknown fields
/// do not make two equal requests differ).
pub fn request_hash(endpoint: &str, request: &impl serde::Serialize) -> String {
    let value = serde_json::to_value(request).unwrap_or(Value::Null);
    let mut hasher = Sha256::new();
    hasher.update(endpoint.as_bytes());
    hasher.update(b"\n");
    hasher.update(canonical_json(&value).as_bytes());
    hex::encode(hasher.finalize())
}

/// [`request_hash`] of a new case.
pub fn new_case_request_hash(case: &NewCase) -> String {
    request_hash(CASES_ENDPOINT, case)
}

/// The stored answer for an Idempotency-Key already used with this very request;
/// `IdempotencyMismatch` when it was used for another endpoint or body; `None` when
/// the key is new. Call inside the transaction that will [`remember`] the answer.
pub fn replay(
    conn: &Connection,
    idempotency_key: &str,
    endpoint: &str,
    request_hash: &str,
) -> ApiResult<Option<StoredResponse>> {
    let previous: Option<(String, String, u16, Vec<u8>)> = conn
        .query_row(
            "SELECT endpoint, request_hash, status_code, response_sealed
             FROM idempotency_keys WHERE key_hash = ?1",
            [idempotency_key_hash(idempotency_key)],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .optional()?;
    let Some((stored_endpoint, hash, status, sealed)) = previous else {
        return Ok(None);
    };
    if stored_endpoint != endpoint || hash != request_hash {
        return Err(ApiError::IdempotencyMismatch);
    }
    let body = String::from_utf8(open(idempotency_key, &sealed)?)
        .map_err(|_| ApiError::Internal("stored answer is not text".into()))?;
    Ok(Some(StoredResponse { status, body }))
}

/// Stores (sealed) the answer given to a request under its Idempotency-Key.
pub fn remember(
    conn: &Connection,
    idempotency_key: &str,
    endpoint: &str,
    request_hash: &str,
    response: &StoredResponse,
    case_id: i64,
    now_unix: i64,
) -> ApiResult<()> {
    conn.execute(
        "INSERT INTO idempotency_keys(key_hash, endpoint, request_hash, status_code,
             response_sealed, case_id, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            idempotency_key_hash(idempotency_key),
            endpoint,
            request_hash,
            response.status,
            seal(idempotency_key, response.body.as_bytes())?,
            case_id,
            now_unix
        ],
    )?;
    Ok(())
}

/// What filing needs besides the database: the deployment (case types, rules,
/// holidays) and the catalog (agencies and procedures that exist).
pub struct IntakeContext<'a> {
    pub deployment: &'a Deployment,
    pub catalog: &'a Catalog,
}

impl IntakeContext<'_> {
    fn agency(&self, acronym: &str) -> Option<&Agency> {
        self.catalog
            .index
            .agencies
            .iter()
            .find(|a| a.acronym.eq_ignore_ascii_case(acronym))
    }
}

fn some_text(value: &Option<String>) -> Option<String> {
    value
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
}

fn field_error(field: &str, code: &str, message: &str) -> FieldError {
    FieldError {
        field: field.into(),
        code: code.into(),
        message: message.into(),
    }
}

/// A fresh access code: (formatted code for the person, salt hex, hash hex).
fn new_access_code() -> (String, String, String) {
    let mut rng = rand::rng();
    let code = loop {
        let mut random = [0u8; 64];
        rng.fill_bytes(&mut random);
        if let Some(code) = code_from_random(&random) {
            break code;
        }
    };
    let mut salt = [0u8; 16];
    rng.fill_bytes(&mut salt);
    let hash = access_code_hash(&salt, &code);
    (format_code(&code), hex::encode(salt), hash)
}

/// Files a case under an idempotency key, in one immediate transaction: replay or
/// reject a reused key, validate, allocate the ticket sequence, store the case, link
/// its attachments, record the `filed` event and the answer, commit.
///
/// Returns the `201` answer (the stored one when the key was already used with the
/// same request). Validation failures are not stored, so the person can correct the
/// form and send again with the same key.
pub fn file_case(
    conn: &mut Connection,
    ctx: &IntakeContext<'_>,
    idempotency_key: &str,
    case: &NewCase,
    now_unix: i64,
) -> ApiResult<StoredResponse> {
    let request_hash = new_case_request_hash(case);
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    if let Some(stored) = replay(&tx, idempotency_key, CASES_ENDPOINT, &request_hash)? {
        return Ok(stored);
    }

    let deployment = ctx.deployment;
    let rules = &deployment.intake;
    let today = Date::from_unix_seconds(now_unix);
    let mut errors = validate_new_case(case, &deployment.case_types, rules, today);

    let agency = some_text(&case.agency).and_then(|acronym| ctx.agency(&acronym).cloned());
    if !errors.iter().any(|e| e.field == fields::AGENCY) {
        let known: Vec<&str> = ctx
            .catalog
            .index
            .agencies
            .iter()
            .map(|a| a.acronym.as_str())
            .collect();
        errors.extend(validate_agency(case.agency.as_deref(), &known));
    }
    let procedure = some_text(&case.procedure);
    if let Some(slug) = &procedure {
        if ctx.catalog.by_slug(slug).is_none() {
            errors.push(field_error(
                "procedure",
                "unknown",
                "No encontramos ese trámite. Elíjalo de la lista o deje el campo vacío.",
            ));
        }
    }

    let attachment_ids = unique_ids(&case.attachments);
    errors.extend(unavailable_attachments(&tx, &attachment_ids)?);

    let case_type = deployment
        .case_types
        .iter()
        .find(|t| t.slug == case.case_type.trim());
    let case_type = match case_type {
        Some(t) if errors.is_empty() => t,
        Some(_) => return Err(ApiError::Validation(errors)),
        None => {
            if !errors.iter().any(|e| e.field == fields::CASE_TYPE) {
                errors.push(field_error(
                    fields::CASE_TYPE,
                    "unknown",
                    "Elija qué tipo de caso quiere presentar.",
                ));
            }
            return Err(ApiError::Validation(errors));
        }
    };

    let due_date = BusinessCalendar::new(&deployment.holidays)
        .add_business_days(today, case_type.response_days);
    let agency_code = agency
        .as_ref()
        .map_or(UNKNOWN_AGENCY, |a| a.acronym.as_str());
    let sequence: u32 = tx.query_row(
        "INSERT INTO ticket_sequences(agency, type_code, year, last) VALUES (?1, ?2, ?3, 1)
         ON CONFLICT(agency, type_code, year) DO UPDATE SET last = last + 1
         RETURNING last",
        params![agency_code, case_type.code, today.year],
        |r| r.get(0),
    )?;
    let ticket = format_ticket(agency_code, &case_type.code, today.year, sequence);

    let (access_code, salt, hash) = new_access_code();
    let anonymous = case.identity == Identity::Anonymous;
    let personal = |v: &Option<String>| if anonymous { None } else { some_text(v) };
    // A language the deployment does not offer falls back to its default one.
    let language = some_text(&case.language)
        .filter(|l| deployment.languages.contains(l))
        .or_else(|| deployment.languages.first().cloned())
        .unwrap_or_else(|| "es".into());
    tx.execute(
        "INSERT INTO cases(ticket, agency, case_type, procedure, description, event_date,
             place, identity, name, email, phone, language, access_code_hash,
             access_code_salt, status, filed_at, filed_on, due_date, response_days, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16,
             ?17, ?18, ?19, ?16)",
        params![
            ticket,
            agency.as_ref().map(|a| a.acronym.as_str()),
            case_type.slug,
            procedure,
            case.description.trim(),
            some_text(&case.event_date),
            some_text(&case.place),
            identity_str(case.identity),
            personal(&case.name),
            personal(&case.email),
            personal(&case.phone),
            language,
            hash,
            salt,
            CaseStatus::Received.as_str(),
            now_unix,
            today.to_string(),
            due_date.to_string(),
            case_type.response_days,
        ],
    )?;
    let case_id = tx.last_insert_rowid();

    link_attachments(&tx, case_id, None, &attachment_ids)?;

    let data = serde_json::json!({
        "status": CaseStatus::Received.as_str(),
        "attachments": attachment_ids.len(),
    });
    insert_event(
        &tx,
        case_id,
        now_unix,
        "filed",
        Actor::Citizen,
        None,
        Some(&data),
    )?;

    let receipt = CaseReceipt {
        ticket,
        access_code,
        case_type: case_type.slug.clone(),
        agency: agency.as_ref().map(|a| a.acronym.clone()),
        agency_name: agency.as_ref().map(|a| a.name.clone()),
        filed_on: today.to_string(),
        due_date: due_date.to_string(),
        response_days: case_type.response_days,
    };
    let response = StoredResponse {
        status: 201,
        body: serde_json::to_string(&receipt).map_err(DbError::from)?,
    };
    remember(
        &tx,
        idempotency_key,
        CASES_ENDPOINT,
        &request_hash,
        &response,
        case_id,
        now_unix,
    )?;
    tx.commit()?;
    Ok(response)
}

/// Ids in first-seen order without repeats (a double click must not count twice).
fn unique_ids(ids: &[String]) -> Vec<&str> {
    let mut out: Vec<&str> = Vec::new();
    for id in ids {
        if !out.contains(&id.as_str()) {
            out.push(id);
        }
    }
    out
}

/// The field error when some id is not an upload waiting to be linked (unknown,
/// purged, or already part of a case).
fn unavailable_attachments(conn: &Connection, ids: &[&str]) -> ApiResult<Option<FieldError>> {
    for id in ids {
        let linked: Option<Option<i64>> = conn
            .query_row("SELECT case_id FROM attachments WHERE id = ?1", [id], |r| {
                r.get(0)
            })
            .optional()?;
        if !matches!(linked, Some(None)) {
            return Ok(Some(field_error(
                fields::ATTACHMENTS,
                "unknown",
                "Uno de los archivos adjuntos ya no está disponible. Quítelo y vuelva a subirlo.",
            )));
        }
    }
    Ok(None)
}

/// Links checked uploads to a case and, except for those filed with it, to the event
/// they came with.
fn link_attachments(
    conn: &Connection,
    case_id: i64,
    event_id: Option<i64>,
    ids: &[&str],
) -> ApiResult<()> {
    for id in ids {
        let linked = conn.execute(
            "UPDATE attachments SET case_id = ?1, event_id = ?2 WHERE id = ?3 AND case_id IS NULL",
            params![case_id, event_id, id],
        )?;
        if linked != 1 {
            // Checked earlier inside the same transaction; cannot happen.
            return Err(ApiError::Internal(format!(
                "attachment {id} could not be linked"
            )));
        }
    }
    Ok(())
}

/// Appends one event to a case's history.
pub fn insert_event(
    conn: &Connection,
    case_id: i64,
    at_unix: i64,
    kind: &str,
    actor: Actor,
    message: Option<&str>,
    data: Option<&Value>,
) -> Result<i64, DbError> {
    conn.execute(
        "INSERT INTO case_events(case_id, at, kind, actor, message, data)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            case_id,
            at_unix,
            kind,
            actor.as_str(),
            message,
            data.map(Value::to_string)
        ],
    )?;
    Ok(conn.last_insert_rowid())
}

/// One event of a case's history.
#[derive(Debug, Clone, PartialEq)]
pub struct CaseEvent {
    pub id: i64,
    pub at: i64,
    pub kind: String,
    pub actor: String,
    pub message: Option<String>,
    pub data: Option<Value>,
}

/// A case's history, oldest first.
pub fn case_events(conn: &Connection, case_id: i64) -> Result<Vec<CaseEvent>, DbError> {
    let mut stmt = conn.prepare(
        "SELECT id, at, kind, actor, message, data FROM case_events
         WHERE case_id = ?1 ORDER BY at, id",
    )?;
    let rows = stmt.query_map([case_id], |r| {
        Ok((
            r.get(0)?,
            r.get(1)?,
            r.get(2)?,
            r.get(3)?,
            r.get(4)?,
            r.get::<_, Option<String>>(5)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (id, at, kind, actor, message, data) = row?;
        out.push(CaseEvent {
            id,
            at,
            kind,
            actor,
            message,
            data: data.map(|d| serde_json::from_str(&d)).transpose()?,
        });
    }
    Ok(out)
}

/// Stores an uploaded file whose type was already checked by sniffing. The same name
/// and bytes uploaded again while not yet linked to a case get the same id.
pub fn store_attachment(
    conn: &mut Connection,
    name: &str,
    media_type: &str,
    bytes: &[u8],
    now_unix: i64,
) -> Result<AttachmentReceipt, DbError> {
    let sha256 = hex::encode(Sha256::digest(bytes));
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let existing: Option<String> = tx
        .query_row(
            "SELECT id FROM attachments
             WHERE sha256 = ?1 AND name = ?2 AND media_type = ?3 AND case_id IS NULL
             LIMIT 1",
            params![sha256, name, media_type],
            |r| r.get(0),
        )
        .optional()?;
    let id = match existing {
        Some(id) => id,
        None => {
            let mut random = [0u8; 16];
            rand::rng().fill_bytes(&mut random);
            let id = hex::encode(random);
            tx.execute(
                "INSERT INTO attachments(id, case_id, name, media_type, size, bytes, sha256,
                     created_at)
                 VALUES (?1, NULL, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![
                    id,
                    name,
                    media_type,
                    bytes.len() as i64,
                    bytes,
                    sha256,
                    now_unix
                ],
            )?;
            id
        }
    };
    tx.commit()?;
    Ok(AttachmentReceipt {
        id,
        name: name.into(),
        media_type: media_type.into(),
        size: bytes.len() as u64,
    })
}

/// The attachments linked to a case, in upload order.
pub fn case_attachments(
    conn: &Connection,
    case_id: i64,
) -> Result<Vec<AttachmentReceipt>, DbError> {
    let mut stmt = conn.prepare(
        "SELECT id, name, media_type, size FROM attachments
         WHERE case_id = ?1 ORDER BY created_at, rowid",
    )?;
    let rows = stmt.query_map([case_id], |r| {
        Ok(AttachmentReceipt {
            id: r.get(0)?,
            name: r.get(1)?,
            media_type: r.get(2)?,
            size: r.get::<_, i64>(3)? as u64,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Deletes uploads never linked to a case that are older than `before_unix`.
pub fn purge_unlinked_attachments(conn: &Connection, before_unix: i64) -> Result<usize, DbError> {
    Ok(conn.execute(
        "DELETE FROM attachments WHERE case_id IS NULL AND created_at < ?1",
        [before_unix],
    )?)
}

/// Forgets idempotency keys older than `before_unix` (retries come within minutes;
/// a day is plenty). After this, the sealed answers are gone too.
pub fn purge_idempotency_keys(conn: &Connection, before_unix: i64) -> Result<usize, DbError> {
    Ok(conn.execute(
        "DELETE FROM idempotency_keys WHERE created_at < ?1",
        [before_unix],
    )?)
}

pub fn count_cases(conn: &Connection) -> Result<usize, DbError> {
    Ok(conn.query_row("SELECT COUNT(*) FROM cases", [], |r| r.get::<_, i64>(0))? as usize)
}

pub fn find_case_by_ticket(conn: &Connection, ticket: &str) -> Result<Option<StoredCase>, DbError> {
    Ok(conn
        .query_row(
            "SELECT id, ticket, agency, case_type, procedure, description, event_date, place,
                 identity, name, email, phone, language, access_code_hash, access_code_salt,
                 status, filed_at, filed_on, due_date, response_days, updated_at
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
                })
            },
        )
        .optional()?)
}

// ---------------------------------------------------------------------------------
// Tracking: what the citizen and staff see of a case, and what each may do on it.

/// Longest citizen reply, in characters (the same as a case description).
pub const REPLY_MAX_CHARS: usize = 4000;
/// Longest staff message or answer: answers can be long legal texts.
pub const STAFF_MESSAGE_MAX_CHARS: usize = 20_000;
/// Longest reason for an extension or a transfer.
pub const REASON_MAX_CHARS: usize = 2000;

/// Salt and hash checked when the ticket is unknown, so that an unknown ticket costs
/// the same hashing and comparison as a wrong code (no timing difference to probe).
const DUMMY_SALT: [u8; 16] = [0; 16];
const DUMMY_HASH: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// Endpoint name stored with (and hashed into) idempotency keys of a case's replies:
/// per ticket, so a key reused on another case is refused.
pub fn replies_endpoint(ticket: &str) -> String {
    format!("POST /api/v1/cases/{ticket}/replies")
}

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

fn status_of(case: &StoredCase) -> ApiResult<CaseStatus> {
    CaseStatus::parse(&case.status)
        .ok_or_else(|| ApiError::Internal(format!("unknown stored status {}", case.status)))
}

fn stored_date(text: &str) -> ApiResult<Date> {
    Date::parse(text).ok_or_else(|| ApiError::Internal(format!("bad stored date {text}")))
}

/// RFC 3339 UTC, e.g. `2026-11-25T10:00:00Z`.
fn rfc3339(unix: i64) -> String {
    time::OffsetDateTime::from_unix_timestamp(unix)
        .ok()
        .and_then(|t| t.format(&Rfc3339).ok())
        .unwrap_or_default()
}

/// Business days from `today` to a stored due date (negative when overdue).
fn days_left(deployment: &Deployment, today: Date, due_date: &str) -> i64 {
    Date::parse(due_date).map_or(0, |due| {
        BusinessCalendar::new(&deployment.holidays).business_days_between(today, due)
    })
}

/// The wire form of a stored event; `None` for kinds the timeline does not show.
fn event_kind(kind: &str, data: Option<&Value>) -> Option<EventKind> {
    let text = |field: &str| {
        data.and_then(|d| d.get(field))
            .and_then(Value::as_str)
            .map(str::to_owned)
    };
    Some(match kind {
        "filed" => EventKind::Filed,
        "assigned" => EventKind::Assigned,
        "status_changed" => EventKind::StatusChanged {
            status: CaseStatus::parse(&text("to")?)?,
        },
        "message" => EventKind::Message,
        "info_requested" => EventKind::InfoRequested {
            reply_by: text("reply_by")?,
        },
        "citizen_reply" => EventKind::CitizenReply,
        "extended" => EventKind::Extended {
            new_due_date: text("new_due_date")?,
        },
        "transferred" => EventKind::Transferred {
            to_agency: text("to_agency")?,
            to_agency_name: text("to_agency_name")?,
        },
        "answered" => EventKind::Answered,
        "closed" => EventKind::Closed,
        "rated" => EventKind::Rated,
        _ => return None,
    })
}

/// A case's attachments grouped by the event they came with (`None`: filed with it).
fn attachments_by_event(
    conn: &Connection,
    case_id: i64,
) -> Result<HashMap<Option<i64>, Vec<AttachmentReceipt>>, DbError> {
    let mut stmt = conn.prepare(
        "SELECT id, name, media_type, size, event_id FROM attachments
         WHERE case_id = ?1 ORDER BY created_at, rowid",
    )?;
    let rows = stmt.query_map([case_id], |r| {
        let receipt = AttachmentReceipt {
            id: r.get(0)?,
            name: r.get(1)?,
            media_type: r.get(2)?,
            size: r.get::<_, i64>(3)? as u64,
        };
        Ok((r.get::<_, Option<i64>>(4)?, receipt))
    })?;
    let mut out: HashMap<Option<i64>, Vec<AttachmentReceipt>> = HashMap::new();
    for row in rows {
        let (event, receipt) = row?;
        out.entry(event).or_default().push(receipt);
    }
    Ok(out)
}

/// The timeline as the citizen and staff see it, oldest first, with each event's files.
pub fn timeline(conn: &Connection, case_id: i64) -> Result<Vec<tracking::CaseEvent>, DbError> {
    let mut files = attachments_by_event(conn, case_id)?;
    let mut out = Vec::new();
    for event in case_events(conn, case_id)? {
        let Some(kind) = event_kind(&event.kind, event.data.as_ref()) else {
            continue;
        };
        let group = (event.kind != "filed").then_some(event.id);
        out.push(tracking::CaseEvent {
            at: rfc3339(event.at),
            actor: Actor::parse(&event.actor).unwrap_or(Actor::System),
            kind,
            message: event.message,
            attachments: files.remove(&group).unwrap_or_default(),
        });
    }
    Ok(out)
}

fn rating_of(conn: &Connection, case_id: i64) -> Result<Option<Rating>, DbError> {
    Ok(conn
        .query_row(
            "SELECT answered, clear, score, comment FROM ratings WHERE case_id = ?1",
            [case_id],
            |r| {
                Ok(Rating {
                    answered: r.get(0)?,
                    clear: r.get(1)?,
                    score: r.get(2)?,
                    comment: r.get(3)?,
                })
            },
        )
        .optional()?)
}

/// The date of the latest request for information, while the case waits for it.
fn pending_reply_by(status: CaseStatus, events: &[tracking::CaseEvent]) -> Option<String> {
    if status != CaseStatus::WaitingForCitizen {
        return None;
    }
    events.iter().rev().find_map(|e| match &e.kind {
        EventKind::InfoRequested { reply_by } => Some(reply_by.clone()),
        _ => None,
    })
}

/// What the citizen sees of their case: no contact data, but their own description.
pub fn case_view(
    conn: &Connection,
    case: &StoredCase,
    deployment: &Deployment,
    today: Date,
) -> ApiResult<CaseView> {
    let status = status_of(case)?;
    let events = timeline(conn, case.id)?;
    let rating = rating_of(conn, case.id)?;
    let agency_name = match &case.agency {
        Some(acronym) => crate::db::agency(conn, acronym)?.map(|a| a.name),
        None => None,
    };
    Ok(CaseView {
        ticket: case.ticket.clone(),
        case_type: case.case_type.clone(),
        agency: case.agency.clone(),
        agency_name,
        status,
        filed_on: case.filed_on.clone(),
        due_date: case.due_date.clone(),
        business_days_left: days_left(deployment, today, &case.due_date),
        response_days: case.response_days,
        description: case.description.clone(),
        reply_by: pending_reply_by(status, &events),
        events,
        can_reply: tracking::can_reply(status, deployment.replies_always_allowed),
        can_rate: tracking::can_rate(status, rating.is_some()),
        rating,
    })
}

/// What staff see of a case: the citizen's view plus contact and intake details.
pub fn staff_case_view(
    conn: &Connection,
    case: &StoredCase,
    deployment: &Deployment,
    today: Date,
) -> ApiResult<StaffCaseView> {
    Ok(StaffCaseView {
        case: case_view(conn, case, deployment, today)?,
        identity: case.identity,
        name: case.name.clone(),
        email: case.email.clone(),
        phone: case.phone.clone(),
        language: case.language.clone(),
        procedure: case.procedure.clone(),
        event_date: case.event_date.clone(),
        place: case.place.clone(),
    })
}

/// Filters of the staff case list.
#[derive(Debug, Clone, Default)]
pub struct CaseFilter {
    pub status: Option<CaseStatus>,
    /// Agency acronym; [`UNKNOWN_AGENCY`] selects the cases filed without one.
    pub agency: Option<String>,
}

/// Cases for staff, the most urgent (earliest due date) first.
pub fn list_cases(
    conn: &Connection,
    filter: &CaseFilter,
    deployment: &Deployment,
    today: Date,
) -> ApiResult<Vec<StaffCaseSummary>> {
    let agency = filter.agency.as_deref().map(str::to_ascii_uppercase);
    let mut stmt = conn.prepare(
        "SELECT ticket, case_type, agency, status, filed_on, due_date, name, email, phone
         FROM cases
         WHERE (?1 IS NULL OR status = ?1)
           AND (?2 IS NULL OR agency = ?2 OR (?2 = ?3 AND agency IS NULL))
         ORDER BY due_date, ticket",
    )?;
    let rows = stmt.query_map(
        params![
            filter.status.map(CaseStatus::as_str),
            agency,
            UNKNOWN_AGENCY
        ],
        |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, Option<String>>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, String>(4)?,
                r.get::<_, String>(5)?,
                r.get::<_, Option<String>>(6)?,
                r.get::<_, Option<String>>(7)?,
                r.get::<_, Option<String>>(8)?,
            ))
        },
    )?;
    let mut out = Vec::new();
    for row in rows {
        let (ticket, case_type, agency, status, filed_on, due_date, name, email, phone) = row?;
        out.push(StaffCaseSummary {
            status: CaseStatus::parse(&status)
                .ok_or_else(|| ApiError::Internal(format!("unknown stored status {status}")))?,
            business_days_left: days_left(deployment, today, &due_date),
            ticket,
            case_type,
            agency,
            filed_on,
            due_date,
            name,
            email,
            phone,
        });
    }
    Ok(out)
}

/// A stored file of a case, for download.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredFile {
    pub name: String,
    pub media_type: String,
    pub bytes: Vec<u8>,
}

/// One attachment of one case (`None` for another case's or an unlinked upload).
pub fn case_file(conn: &Connection, case_id: i64, id: &str) -> Result<Option<StoredFile>, DbError> {
    Ok(conn
        .query_row(
            "SELECT name, media_type, bytes FROM attachments WHERE id = ?1 AND case_id = ?2",
            params![id, case_id],
            |r| {
                Ok(StoredFile {
                    name: r.get(0)?,
                    media_type: r.get(1)?,
                    bytes: r.get(2)?,
                })
            },
        )
        .optional()?)
}

/// `required` / `too_long` for a free-text field.
fn text_error(field: &str, text: &str, max_chars: usize) -> Option<FieldError> {
    if text.trim().is_empty() {
        Some(field_error(field, "required", "Escriba el texto."))
    } else if text.trim().chars().count() > max_chars {
        Some(field_error(
            field,
            "too_long",
            &format!("Escriba {max_chars} caracteres o menos."),
        ))
    } else {
        None
    }
}

/// Checks a message and its files: the errors, or the unique attachment ids.
fn check_message<'a>(
    conn: &Connection,
    rules: &IntakeRules,
    message: &str,
    attachments: &'a [String],
    max_chars: usize,
) -> ApiResult<Vec<&'a str>> {
    let ids = unique_ids(attachments);
    let mut errors: Vec<FieldError> = text_error("message", message, max_chars)
        .into_iter()
        .collect();
    match validate_attachments(ids.len(), rules) {
        Some(too_many) => errors.push(too_many),
        None => errors.extend(unavailable_attachments(conn, &ids)?),
    }
    if errors.is_empty() {
        Ok(ids)
    } else {
        Err(ApiError::Validation(errors))
    }
}

fn conflict(kind: &'static str, detail: &str) -> ApiError {
    ApiError::Conflict {
        kind,
        detail: detail.into(),
    }
}

/// Sets a case's status (and its last-change time).
fn set_status(conn: &Connection, case_id: i64, status: CaseStatus, now_unix: i64) -> ApiResult<()> {
    conn.execute(
        "UPDATE cases SET status = ?1, updated_at = ?2 WHERE id = ?3",
        params![status.as_str(), now_unix, case_id],
    )?;
    Ok(())
}

fn touch(conn: &Connection, case_id: i64, now_unix: i64) -> ApiResult<()> {
    conn.execute(
        "UPDATE cases SET updated_at = ?1 WHERE id = ?2",
        params![now_unix, case_id],
    )?;
    Ok(())
}

/// Re-reads a case inside a transaction (the caller's copy may be stale).
fn case_in(conn: &Connection, ticket: &str) -> ApiResult<StoredCase> {
    find_case_by_ticket(conn, ticket)?.ok_or(ApiError::NotFound)
}

/// Records a citizen's reply, idempotently under `idempotency_key`, in one immediate
/// transaction: replay or refuse a reused key, check the case allows replies, check
/// the message and files, add the `citizen_reply` event with the files, resume the
/// term if the case was waiting for the citizen (Ley 1755 art. 17), store the answer.
pub fn add_reply(
    conn: &mut Connection,
    deployment: &Deployment,
    ticket: &str,
    idempotency_key: &str,
    reply: &NewReply,
    now_unix: i64,
) -> ApiResult<StoredResponse> {
    let endpoint = replies_endpoint(ticket);
    let request_hash = request_hash(&endpoint, reply);
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    // Before the status check: after the first reply the case may no longer accept
    // one, and a retry must still get the first answer.
    if let Some(stored) = replay(&tx, idempotency_key, &endpoint, &request_hash)? {
        return Ok(stored);
    }
    let case = case_in(&tx, ticket)?;
    let status = status_of(&case)?;
    if !tracking::can_reply(status, deployment.replies_always_allowed) {
        return Err(conflict(
            "reply-not-allowed",
            "Este caso no admite respuestas ahora.",
        ));
    }
    let ids = check_message(
        &tx,
        &deployment.intake,
        &reply.message,
        &reply.attachments,
        REPLY_MAX_CHARS,
    )?;
    let data = serde_json::json!({ "attachments": ids.len() });
    let event = insert_event(
        &tx,
        case.id,
        now_unix,
        "citizen_reply",
        Actor::Citizen,
        Some(reply.message.trim()),
        Some(&data),
    )?;
    link_attachments(&tx, case.id, Some(event), &ids)?;
    if status == CaseStatus::WaitingForCitizen {
        set_status(&tx, case.id, CaseStatus::InProgress, now_unix)?;
    } else {
        touch(&tx, case.id, now_unix)?;
    }
    let view = case_view(
        &tx,
        &case_in(&tx, ticket)?,
        deployment,
        Date::from_unix_seconds(now_unix),
    )?;
    let response = StoredResponse {
        status: 201,
        body: serde_json::to_string(&view).map_err(DbError::from)?,
    };
    remember(
        &tx,
        idempotency_key,
        &endpoint,
        &request_hash,
        &response,
        case.id,
        now_unix,
    )?;
    tx.commit()?;
    Ok(response)
}

/// Stores the citizen's one rating of the answer and a `rated` event.
pub fn add_rating(
    conn: &mut Connection,
    deployment: &Deployment,
    ticket: &str,
    rating: &Rating,
    now_unix: i64,
) -> ApiResult<CaseView> {
    let errors = tracking::validate_rating(rating);
    if !errors.is_empty() {
        return Err(ApiError::Validation(errors));
    }
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let case = case_in(&tx, ticket)?;
    let already = rating_of(&tx, case.id)?.is_some();
    if !tracking::can_rate(status_of(&case)?, already) {
        return Err(conflict(
            "rating-not-allowed",
            "Solo se puede valorar una vez, después de la respuesta.",
        ));
    }
    let comment = rating
        .comment
        .as_deref()
        .map(str::trim)
        .filter(|c| !c.is_empty());
    tx.execute(
        "INSERT INTO ratings(case_id, answered, clear, score, comment, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            case.id,
            rating.answered,
            rating.clear,
            rating.score,
            comment,
            now_unix
        ],
    )?;
    insert_event(&tx, case.id, now_unix, "rated", Actor::Citizen, None, None)?;
    touch(&tx, case.id, now_unix)?;
    let view = case_view(&tx, &case, deployment, Date::from_unix_seconds(now_unix))?;
    tx.commit()?;
    Ok(view)
}

/// What one staff action does to a case: the event it records and the fields it sets.
struct Change<'a> {
    kind: &'static str,
    message: Option<String>,
    data: Option<Value>,
    attachments: Vec<&'a str>,
    status: Option<CaseStatus>,
    agency: Option<String>,
    due_date: Option<Date>,
}

impl<'a> Change<'a> {
    fn event(kind: &'static str) -> Self {
        Change {
            kind,
            message: None,
            data: None,
            attachments: Vec::new(),
            status: None,
            agency: None,
            due_date: None,
        }
    }
}

/// Everything a staff action needs to decide what it does.
struct ActionContext<'a> {
    conn: &'a Connection,
    intake: &'a IntakeContext<'a>,
    case: &'a StoredCase,
    status: CaseStatus,
    today: Date,
}

/// Applies one staff action to a case in one transaction and answers the new view.
/// Every action is recorded as an event by `staff`.
pub fn apply_staff_action(
    conn: &mut Connection,
    ctx: &IntakeContext<'_>,
    ticket: &str,
    action: &StaffAction,
    now_unix: i64,
) -> ApiResult<StaffCaseView> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let case = case_in(&tx, ticket)?;
    let today = Date::from_unix_seconds(now_unix);
    let actx = ActionContext {
        conn: &tx,
        intake: ctx,
        case: &case,
        status: status_of(&case)?,
        today,
    };
    let change = plan_action(&actx, action)?;
    record_change(&tx, &case, change, now_unix)?;
    let view = staff_case_view(&tx, &case_in(&tx, ticket)?, ctx.deployment, today)?;
    tx.commit()?;
    Ok(view)
}

/// Checks an action against the case and the rules and says what it changes.
fn plan_action<'a>(ctx: &ActionContext<'_>, action: &'a StaffAction) -> ApiResult<Change<'a>> {
    // A closed case is history; only an explicit status change reopens it.
    if ctx.status == CaseStatus::Closed && !matches!(action, StaffAction::Status { .. }) {
        return Err(conflict("case-closed", "El caso está cerrado."));
    }
    match action {
        StaffAction::Assign { agency } => plan_assign(ctx, agency.as_deref()),
        StaffAction::Status { status } => plan_status(ctx, *status),
        StaffAction::Message {
            message,
            attachments,
        } => plan_message(ctx, message, attachments, "message", None),
        StaffAction::RequestInfo { message } => plan_request_info(ctx, message),
        StaffAction::Extend {
            reason,
            new_due_date,
        } => plan_extend(ctx, reason, new_due_date),
        StaffAction::Transfer { to_agency, reason } => plan_transfer(ctx, to_agency, reason),
        StaffAction::Answer {
            message,
            attachments,
        } => plan_message(
            ctx,
            message,
            attachments,
            "answered",
            Some(CaseStatus::Answered),
        ),
        StaffAction::Close { message } => plan_close(message.as_deref()),
    }
}

/// A staff message with files (a plain message, or the answer): checked like a
/// citizen's reply, recorded as `kind`, optionally moving the case to `status`.
fn plan_message<'a>(
    ctx: &ActionContext<'_>,
    message: &str,
    attachments: &'a [String],
    kind: &'static str,
    status: Option<CaseStatus>,
) -> ApiResult<Change<'a>> {
    let rules = &ctx.intake.deployment.intake;
    let ids = check_message(
        ctx.conn,
        rules,
        message,
        attachments,
        STAFF_MESSAGE_MAX_CHARS,
    )?;
    Ok(Change {
        message: Some(message.trim().to_owned()),
        attachments: ids,
        status,
        ..Change::event(kind)
    })
}

/// A catalog agency by acronym, or the `unknown` field error on `field`.
fn known_agency(ctx: &ActionContext<'_>, field: &str, acronym: &str) -> ApiResult<Agency> {
    ctx.intake.agency(acronym.trim()).cloned().ok_or_else(|| {
        ApiError::Validation(vec![field_error(
            field,
            "unknown",
            "Esa entidad no está en el catálogo.",
        )])
    })
}

fn plan_assign<'a>(ctx: &ActionContext<'_>, agency: Option<&str>) -> ApiResult<Change<'a>> {
    let agency = match agency.map(str::trim).filter(|a| !a.is_empty()) {
        Some(acronym) => Some(known_agency(ctx, "agency", acronym)?.acronym),
        None => None,
    };
    let shown = agency.clone().or_else(|| ctx.case.agency.clone());
    Ok(Change {
        data: Some(serde_json::json!({ "agency": shown })),
        status: Some(CaseStatus::Assigned),
        agency,
        ..Change::event("assigned")
    })
}

fn plan_status<'a>(ctx: &ActionContext<'_>, status: CaseStatus) -> ApiResult<Change<'a>> {
    // These two carry what the law requires (the answer; the date to reply by).
    if matches!(status, CaseStatus::Answered | CaseStatus::WaitingForCitizen) {
        return Err(ApiError::Validation(vec![field_error(
            "status",
            "use_action",
            "Para responder use `answer`; para pedir información, `request_info`.",
        )]));
    }
    Ok(Change {
        data: Some(serde_json::json!({ "from": ctx.status.as_str(), "to": status.as_str() })),
        status: Some(status),
        ..Change::event("status_changed")
    })
}

/// The legal term must still run for requests of information and extensions.
fn term_must_run(ctx: &ActionContext<'_>) -> ApiResult<()> {
    if ctx.status.term_running() {
        Ok(())
    } else {
        Err(conflict(
            "term-not-running",
            "El caso ya tiene respuesta: su término no corre.",
        ))
    }
}

fn plan_request_info<'a>(ctx: &ActionContext<'_>, message: &str) -> ApiResult<Change<'a>> {
    term_must_run(ctx)?;
    if let Some(error) = text_error("message", message, STAFF_MESSAGE_MAX_CHARS) {
        return Err(ApiError::Validation(vec![error]));
    }
    // Ley 1755 art. 17: the citizen has one month to complete the petition.
    let reply_by = ctx.today.add_months(1);
    Ok(Change {
        message: Some(message.trim().to_owned()),
        data: Some(serde_json::json!({ "reply_by": reply_by.to_string() })),
        status: Some(CaseStatus::WaitingForCitizen),
        ..Change::event("info_requested")
    })
}

/// Ley 1755 art. 14 par.: an extension is decided before the term expires, gives
/// reasons, and reaches at most twice the original term (in business days from filing).
fn plan_extend<'a>(
    ctx: &ActionContext<'_>,
    reason: &str,
    new_due_date: &str,
) -> ApiResult<Change<'a>> {
    term_must_run(ctx)?;
    let due = stored_date(&ctx.case.due_date)?;
    let filed = stored_date(&ctx.case.filed_on)?;
    let limit = BusinessCalendar::new(&ctx.intake.deployment.holidays)
        .add_business_days(filed, 2 * ctx.case.response_days);
    let date_error = match Date::parse(new_due_date.trim()) {
        None => Some(("invalid", "Escriba la fecha como AAAA-MM-DD.".to_owned())),
        Some(_) if ctx.today > due => Some((
            "expired",
            "El término ya venció: no se puede prorrogar.".to_owned(),
        )),
        Some(new) if new <= due => Some((
            "not_later",
            "La nueva fecha debe ser posterior a la actual.".to_owned(),
        )),
        Some(new) if new > limit => Some((
            "too_long",
            format!("La prórroga no puede pasar del doble del término: hasta {limit}."),
        )),
        Some(_) => None,
    };
    let mut errors: Vec<FieldError> = date_error
        .map(|(code, message)| field_error("new_due_date", code, &message))
        .into_iter()
        .collect();
    errors.extend(text_error("reason", reason, REASON_MAX_CHARS));
    let new_due = match Date::parse(new_due_date.trim()) {
        Some(new) if errors.is_empty() => new,
        _ => return Err(ApiError::Validation(errors)),
    };
    Ok(Change {
        message: Some(reason.trim().to_owned()),
        data: Some(serde_json::json!({
            "previous_due_date": ctx.case.due_date,
            "new_due_date": new_due.to_string(),
        })),
        due_date: Some(new_due),
        ..Change::event("extended")
    })
}

/// Ley 1755 art. 21: the case goes to the competent agency, with the reasons.
fn plan_transfer<'a>(
    ctx: &ActionContext<'_>,
    to_agency: &str,
    reason: &str,
) -> ApiResult<Change<'a>> {
    let mut errors: Vec<FieldError> = text_error("reason", reason, REASON_MAX_CHARS)
        .into_iter()
        .collect();
    let agency = match known_agency(ctx, "to_agency", to_agency) {
        Ok(agency) if ctx.case.agency.as_deref() == Some(agency.acronym.as_str()) => {
            errors.push(field_error(
                "to_agency",
                "same_agency",
                "El caso ya está en esa entidad.",
            ));
            None
        }
        Ok(agency) => Some(agency),
        Err(ApiError::Validation(e)) => {
            errors.extend(e);
            None
        }
        Err(other) => return Err(other),
    };
    let agency = match agency {
        Some(agency) if errors.is_empty() => agency,
        _ => return Err(ApiError::Validation(errors)),
    };
    Ok(Change {
        message: Some(reason.trim().to_owned()),
        data: Some(serde_json::json!({
            "from_agency": ctx.case.agency,
            "to_agency": agency.acronym,
            "to_agency_name": agency.name,
        })),
        agency: Some(agency.acronym),
        ..Change::event("transferred")
    })
}

fn plan_close<'a>(message: Option<&str>) -> ApiResult<Change<'a>> {
    let message = message.map(str::trim).filter(|m| !m.is_empty());
    if let Some(error) = message.and_then(|m| text_error("message", m, STAFF_MESSAGE_MAX_CHARS)) {
        return Err(ApiError::Validation(vec![error]));
    }
    Ok(Change {
        message: message.map(str::to_owned),
        status: Some(CaseStatus::Closed),
        ..Change::event("closed")
    })
}

/// Writes a planned change: the staff event with its files, then the case's fields.
fn record_change(
    conn: &Connection,
    case: &StoredCase,
    change: Change<'_>,
    now_unix: i64,
) -> ApiResult<()> {
    let event = insert_event(
        conn,
        case.id,
        now_unix,
        change.kind,
        Actor::Staff,
        change.message.as_deref(),
        change.data.as_ref(),
    )?;
    link_attachments(conn, case.id, Some(event), &change.attachments)?;
    conn.execute(
        "UPDATE cases SET status = COALESCE(?1, status), agency = COALESCE(?2, agency),
             due_date = COALESCE(?3, due_date), updated_at = ?4
         WHERE id = ?5",
        params![
            change.status.map(CaseStatus::as_str),
            change.agency,
            change.due_date.map(|d| d.to_string()),
            now_unix,
            case.id
        ],
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_json_sorts_keys_at_every_level() {
        let a: Value =
            serde_json::from_str(r#"{"b": 1, "a": {"z": [1, {"y": 2, "x": 3}], "c": null}}"#)
                .unwrap();
        assert_eq!(
            canonical_json(&a),
            r#"{"a":{"c":null,"z":[1,{"x":3,"y":2}]},"b":1}"#
        );
    }

    #[test]
    fn sealing_round_trips_and_hides_the_data() {
        let data = br#"{"ticket":"MDT-QUE-2026-00001","access_code":"ABCD-EFGH-JKLM"}"#;
        let sealed = seal("clave-secreta", data).unwrap();
        assert_eq!(sealed.len(), data.len() + 16, "ciphertext and tag");
        assert!(!sealed.windows(4).any(|w| w == b"ABCD"));
        assert_eq!(open("clave-secreta", &sealed).unwrap(), data);
        // Another key, or altered bytes, do not open.
        assert!(open("otra-clave", &sealed).is_err());
        let mut altered = sealed.clone();
        altered[0] ^= 1;
        assert!(open("clave-secreta", &altered).is_err());
        assert_ne!(idempotency_key_hash("clave-secreta"), hex::encode(&sealed));
    }

    #[test]
    fn statuses_round_trip() {
        for status in CaseStatus::ALL {
            assert_eq!(CaseStatus::parse(status.as_str()), Some(status));
        }
        assert_eq!(CaseStatus::parse("nope"), None);
    }

    #[test]
    fn equal_requests_hash_equally() {
        let a: NewCase = serde_json::from_str(
            r#"{"case_type":"queja","description":"x","identity":"identified","consent":true}"#,
        )
        .unwrap();
        let b: NewCase = serde_json::from_str(
            r#"{"consent":true, "identity":"identified","agency":null,"description":"x","case_type":"queja"}"#,
        )
        .unwrap();
        assert_eq!(new_case_request_hash(&a), new_case_request_hash(&b));
        let c = NewCase {
            description: "y".into(),
            ..a.clone()
        };
        assert_ne!(new_case_request_hash(&a), new_case_request_hash(&c));
    }
}
