//! Filing a case: validation, ticket numbering, the access code, the `filed` event and
//! the stored answer, all in one transaction.

use cc_core::catalog::Agency;
use cc_core::channel::{validate_assisted_channel, AssistedCase, Channel, Consent};
use cc_core::config::Deployment;
use cc_core::intake::access_code::{code_from_random, format_code};
use cc_core::intake::dates::{BusinessCalendar, Date};
use cc_core::intake::ticket::{format_ticket, UNKNOWN_AGENCY};
use cc_core::intake::validation::{fields, validate_agency, validate_new_case};
use cc_core::intake::{CaseReceipt, Identity, NewCase};
use cc_core::tracking::{Actor, CaseStatus};
use rand::RngCore;
use rusqlite::{params, Connection, TransactionBehavior};

use super::attachments::{checked_ids, link_attachments, unavailable_attachments};
use super::events::{insert_event, record_staff_member};
use super::idempotency::{
    new_case_request_hash, remember, replay, request_hash, StoredResponse, CASES_ENDPOINT,
    STAFF_CASES_ENDPOINT,
};
use super::storage::{access_code_hash, identity_str};
use super::{field_error, some_text};
use crate::db::DbError;
use crate::problem::{ApiError, ApiResult};
use crate::state::Catalog;

/// What filing needs besides the database: the deployment (case types, rules,
/// holidays) and the catalog (agencies and procedures that exist).
pub struct IntakeContext<'a> {
    pub deployment: &'a Deployment,
    pub catalog: &'a Catalog,
}

impl IntakeContext<'_> {
    pub(super) fn agency(&self, acronym: &str) -> Option<&Agency> {
        self.catalog
            .index
            .agencies
            .iter()
            .find(|a| a.acronym.eq_ignore_ascii_case(acronym))
    }
}

/// A fresh access code: (formatted code for the person, salt hex, hash hex).
pub(super) fn new_access_code() -> (String, String, String) {
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

/// How a case is being filed: the person on the web, or a staff member for them.
pub struct Origin<'a> {
    pub channel: Channel,
    /// The staff member filing an assisted case.
    pub taken_by: Option<&'a str>,
}

impl Origin<'_> {
    /// The person, on the web.
    pub const WEB: Origin<'static> = Origin {
        channel: Channel::Web,
        taken_by: None,
    };
}

/// Files a case the person sent from the web (`POST /api/v1/cases`); see [`file`].
pub fn file_case(
    conn: &mut Connection,
    ctx: &IntakeContext<'_>,
    idempotency_key: &str,
    case: &NewCase,
    now_unix: i64,
) -> ApiResult<StoredResponse> {
    let request_hash = new_case_request_hash(case);
    let filing = Filing {
        case,
        origin: Origin::WEB,
        endpoint: CASES_ENDPOINT,
        request_hash: &request_hash,
    };
    file(conn, ctx, idempotency_key, &filing, now_unix)
}

/// Files a case a staff member took for the person (`POST /api/v1/staff/cases`): the
/// same checks, due date and legal terms as the web, plus the channel (an assisted
/// one), the member who took it, and the consent recorded as given verbally.
pub fn file_assisted_case(
    conn: &mut Connection,
    ctx: &IntakeContext<'_>,
    idempotency_key: &str,
    assisted: &AssistedCase,
    member: &str,
    now_unix: i64,
) -> ApiResult<StoredResponse> {
    let request_hash = request_hash(STAFF_CASES_ENDPOINT, assisted);
    let filing = Filing {
        case: &assisted.case,
        origin: Origin {
            channel: assisted.channel,
            taken_by: Some(member),
        },
        endpoint: STAFF_CASES_ENDPOINT,
        request_hash: &request_hash,
    };
    file(conn, ctx, idempotency_key, &filing, now_unix)
}

/// One filing: the case, how it came in, and the endpoint its key belongs to.
struct Filing<'a> {
    case: &'a NewCase,
    origin: Origin<'a>,
    endpoint: &'static str,
    request_hash: &'a str,
}

/// Files a case under an idempotency key, in one immediate transaction: replay or
/// reject a reused key, validate, allocate the ticket sequence, store the case, link
/// its attachments, record the `filed` event and the answer, commit.
///
/// Returns the `201` answer (the stored one when the key was already used with the
/// same request). Validation failures are not stored, so the person can correct the
/// form and send again with the same key.
fn file(
    conn: &mut Connection,
    ctx: &IntakeContext<'_>,
    idempotency_key: &str,
    filing: &Filing<'_>,
    now_unix: i64,
) -> ApiResult<StoredResponse> {
    let (case, origin) = (filing.case, &filing.origin);
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    if let Some(stored) = replay(&tx, idempotency_key, filing.endpoint, filing.request_hash)? {
        return Ok(stored);
    }

    let deployment = ctx.deployment;
    let rules = &deployment.intake;
    let today = Date::from_unix_seconds(now_unix);
    let mut errors = validate_new_case(case, &deployment.case_types, rules, today);
    if origin.taken_by.is_some() {
        errors.extend(validate_assisted_channel(origin.channel));
    }

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

    // Looking ids up is per-id database work: only for a bounded list (a longer one
    // is already a `too_many` error above) of a case that is otherwise valid.
    let attachment_ids = checked_ids(&case.attachments, rules).unwrap_or_default();
    if errors.is_empty() {
        errors.extend(unavailable_attachments(&tx, &attachment_ids)?);
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
    // A staff member ticks consent for a person who said it to them.
    let consent = if origin.taken_by.is_some() {
        Consent::Verbal
    } else {
        Consent::Online
    };
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
             access_code_salt, status, filed_at, filed_on, due_date, response_days, updated_at,
             channel, taken_by, consent)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16,
             ?17, ?18, ?19, ?16, ?20, ?21, ?22)",
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
            origin.channel.as_str(),
            origin.taken_by,
            consent.as_str(),
        ],
    )?;
    let case_id = tx.last_insert_rowid();

    link_attachments(&tx, case_id, None, &attachment_ids)?;

    let data = serde_json::json!({
        "status": CaseStatus::Received.as_str(),
        "attachments": attachment_ids.len(),
        "channel": origin.channel.as_str(),
    });
    let event = insert_event(
        &tx,
        case_id,
        now_unix,
        "filed",
        Actor::Citizen,
        None,
        Some(&data),
    )?;
    if let Some(member) = origin.taken_by {
        record_staff_member(&tx, event, member)?;
    }

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
        filing.endpoint,
        filing.request_hash,
        &response,
        case_id,
        now_unix,
    )?;
    tx.commit()?;
    Ok(response)
}
