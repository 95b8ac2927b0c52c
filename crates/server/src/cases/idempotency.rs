//! Idempotency records: what a request with an Idempotency-Key got, sealed with a key
//! derived from the Idempotency-Key, so a retry gets the same answer and a reused key
//! with another body is refused.

use chacha20poly1305::aead::{Aead, KeyInit};
use chacha20poly1305::{ChaCha20Poly1305, Key, Nonce};
use rusqlite::{params, Connection, OptionalExtension};
use serde_json::Value;
use sha2::{Digest, Sha256};

use cc_core::intake::NewCase;

use crate::db::DbError;
use crate::problem::{ApiError, ApiResult};

/// Endpoint name stored with (and hashed into) idempotency keys of new cases.
pub const CASES_ENDPOINT: &str = "POST /api/v1/cases";
/// Endpoint name of the keys of cases filed by staff for a person.
pub const STAFF_CASES_ENDPOINT: &str = "POST /api/v1/staff/cases";

/// A stored HTTP answer: what the first request got, replayed byte for byte.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredResponse {
    pub status: u16,
    pub body: String,
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

/// Forgets idempotency keys older than `before_unix` (retries come within minutes;
/// a day is plenty). After this, the sealed answers are gone too.
pub fn purge_idempotency_keys(conn: &Connection, before_unix: i64) -> Result<usize, DbError> {
    Ok(conn.execute(
        "DELETE FROM idempotency_keys WHERE created_at < ?1",
        [before_unix],
    )?)
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
