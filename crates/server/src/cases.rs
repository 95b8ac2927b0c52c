//! Case storage: filing a case (idempotent, one transaction), attachments, look-ups.
//!
//! Everything here is synchronous and runs on the database thread (see
//! [`crate::state::AppState::with_db`]); the HTTP side lives in `routes::cases`.

use cc_core::api::FieldError;
use cc_core::catalog::Agency;
use cc_core::config::Deployment;
use cc_core::intake::access_code::{code_from_random, format_code};
use cc_core::intake::dates::{BusinessCalendar, Date};
use cc_core::intake::ticket::{format_ticket, UNKNOWN_AGENCY};
use cc_core::intake::validation::{fields, validate_agency, validate_new_case};
use cc_core::intake::{AttachmentReceipt, CaseReceipt, Identity, NewCase};
use rand::RngCore;
use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};
use serde_json::Value;
use sha2::{Digest, Sha256};

use crate::db::DbError;
use crate::problem::{ApiError, ApiResult};
use crate::state::Catalog;

/// Endpoint name stored with (and hashed into) idempotency keys of new cases.
pub const CASES_ENDPOINT: &str = "POST /api/v1/cases";

/// Lifecycle of a case. Stored as its snake_case name (checked by the schema).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CaseStatus {
    Received,
    Assigned,
    InProgress,
    WaitingForCitizen,
    Answered,
    Closed,
}

impl CaseStatus {
    pub const ALL: [CaseStatus; 6] = [
        CaseStatus::Received,
        CaseStatus::Assigned,
        CaseStatus::InProgress,
        CaseStatus::WaitingForCitizen,
        CaseStatus::Answered,
        CaseStatus::Closed,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            CaseStatus::Received => "received",
            CaseStatus::Assigned => "assigned",
            CaseStatus::InProgress => "in_progress",
            CaseStatus::WaitingForCitizen => "waiting_for_citizen",
            CaseStatus::Answered => "answered",
            CaseStatus::Closed => "closed",
        }
    }

    pub fn parse(s: &str) -> Option<CaseStatus> {
        CaseStatus::ALL.into_iter().find(|st| st.as_str() == s)
    }
}

/// Who caused a case event (checked by the schema).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Actor {
    Citizen,
    Staff,
    System,
}

impl Actor {
    pub fn as_str(self) -> &'static str {
        match self {
            Actor::Citizen => "citizen",
            Actor::Staff => "staff",
            Actor::System => "system",
        }
    }
}

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

/// Seals (or, applied again, opens) a stored answer with a key derived from the
/// Idempotency-Key: XOR with SHA-256 in counter mode. Each Idempotency-Key seals
/// exactly one answer, so no nonce is needed; the database holds only the key's hash
/// (a different derivation), so the answer — with its access code — cannot be read
/// back without the key the client kept.
pub fn seal(idempotency_key: &str, data: &[u8]) -> Vec<u8> {
    let mut hasher = Sha256::new();
    hasher.update(b"cc-idempotency-seal\0");
    hasher.update(idempotency_key.as_bytes());
    let key = hasher.finalize();
    data.chunks(32)
        .enumerate()
        .flat_map(|(block, chunk)| {
            let mut hasher = Sha256::new();
            hasher.update(key);
            hasher.update((block as u64).to_be_bytes());
            let stream = hasher.finalize();
            chunk
                .iter()
                .zip(stream)
                .map(|(b, k)| b ^ k)
                .collect::<Vec<u8>>()
        })
        .collect()
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
pub fn new_case_request_hash(case: &NewCase) -> String {
    let value = serde_json::to_value(case).unwrap_or(Value::Null);
    let mut hasher = Sha256::new();
    hasher.update(CASES_ENDPOINT.as_bytes());
    hasher.update(b"\n");
    hasher.update(canonical_json(&value).as_bytes());
    hex::encode(hasher.finalize())
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
    let key_hash = idempotency_key_hash(idempotency_key);
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;

    let previous: Option<(String, String, u16, Vec<u8>)> = tx
        .query_row(
            "SELECT endpoint, request_hash, status_code, response_sealed
             FROM idempotency_keys WHERE key_hash = ?1",
            [&key_hash],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .optional()?;
    if let Some((endpoint, hash, status, sealed)) = previous {
        if endpoint != CASES_ENDPOINT || hash != request_hash {
            return Err(ApiError::IdempotencyMismatch);
        }
        let body = String::from_utf8(seal(idempotency_key, &sealed))
            .map_err(|_| ApiError::Internal("stored answer does not open".into()))?;
        return Ok(StoredResponse { status, body });
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

    let mut attachment_ids: Vec<&str> = Vec::new();
    for id in &case.attachments {
        if !attachment_ids.contains(&id.as_str()) {
            attachment_ids.push(id);
        }
    }
    for id in &attachment_ids {
        let linked: Option<Option<i64>> = tx
            .query_row("SELECT case_id FROM attachments WHERE id = ?1", [id], |r| {
                r.get(0)
            })
            .optional()?;
        if !matches!(linked, Some(None)) {
            errors.push(field_error(
                fields::ATTACHMENTS,
                "unknown",
                "Uno de los archivos adjuntos ya no está disponible. Quítelo y vuelva a subirlo.",
            ));
            break;
        }
    }

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

    for id in &attachment_ids {
        let linked = tx.execute(
            "UPDATE attachments SET case_id = ?1 WHERE id = ?2 AND case_id IS NULL",
            params![case_id, id],
        )?;
        if linked != 1 {
            // Checked above inside this same transaction; cannot happen.
            return Err(ApiError::Internal(format!(
                "attachment {id} could not be linked"
            )));
        }
    }

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
    tx.execute(
        "INSERT INTO idempotency_keys(key_hash, endpoint, request_hash, status_code,
             response_sealed, case_id, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            key_hash,
            CASES_ENDPOINT,
            request_hash,
            response.status,
            seal(idempotency_key, response.body.as_bytes()),
            case_id,
            now_unix
        ],
    )?;
    tx.commit()?;
    Ok(response)
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
        let sealed = seal("clave-secreta", data);
        assert_eq!(sealed.len(), data.len());
        assert!(!sealed.windows(4).any(|w| w == b"ABCD"));
        assert_eq!(seal("clave-secreta", &sealed), data);
        assert_ne!(seal("otra-clave", &sealed), data);
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
