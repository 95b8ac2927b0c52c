//! Uploaded files: storing them, linking them to a case or an event, reading them back,
//! purging those never linked.

use std::collections::HashSet;

use cc_core::api::FieldError;
use cc_core::intake::validation::{fields, validate_attachments};
use cc_core::intake::{AttachmentReceipt, IntakeRules};
use rand::RngCore;
use rusqlite::{params, Connection, OptionalExtension};
use sha2::{Digest, Sha256};

use super::field_error;
use crate::db::DbError;
use crate::problem::{ApiError, ApiResult};

/// The ids of an attachments list, checked before any per-id work: a list longer than
/// `max_attachments` is refused on its length alone (a 100,000-id list costs one
/// comparison, not a quadratic scan under the database lock); then repeats are dropped
/// in one pass, in first-seen order (a double click must not count twice).
pub fn checked_ids<'a>(ids: &'a [String], rules: &IntakeRules) -> Result<Vec<&'a str>, FieldError> {
    if let Some(too_many) = validate_attachments(ids.len(), rules) {
        return Err(too_many);
    }
    let mut seen = HashSet::with_capacity(ids.len());
    Ok(ids
        .iter()
        .map(String::as_str)
        .filter(|id| seen.insert(*id))
        .collect())
}

/// The field error when some id is not an upload waiting to be linked (unknown,
/// purged, or already part of a case).
pub(super) fn unavailable_attachments(
    conn: &Connection,
    ids: &[&str],
) -> ApiResult<Option<FieldError>> {
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
pub(super) fn link_attachments(
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

/// Stores an uploaded file whose type was already checked by sniffing, under a new
/// random id. Never shared by content: two citizens sending the same file must each
/// be able to file it (a shared id was linked to the first case only).
pub fn store_attachment(
    conn: &mut Connection,
    name: &str,
    media_type: &str,
    bytes: &[u8],
    now_unix: i64,
) -> Result<AttachmentReceipt, DbError> {
    let sha256 = hex::encode(Sha256::digest(bytes));
    let mut random = [0u8; 16];
    rand::rng().fill_bytes(&mut random);
    let id = hex::encode(random);
    conn.execute(
        "INSERT INTO attachments(id, case_id, name, media_type, size, bytes, sha256, created_at)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_overlong_list_is_refused_on_its_length_before_looking_at_ids() {
        let rules = IntakeRules::default();
        // More entries than allowed, even if all the same id: refused as `too_many`
        // without de-duplicating (which would need to look at each one).
        let same = vec!["a".to_string(); rules.max_attachments + 1];
        assert_eq!(checked_ids(&same, &rules).unwrap_err().code, "too_many");
        let huge: Vec<String> = (0..100_000).map(|i| format!("id{i}")).collect();
        assert_eq!(checked_ids(&huge, &rules).unwrap_err().code, "too_many");
    }

    #[test]
    fn repeats_count_once_in_first_seen_order() {
        let rules = IntakeRules::default();
        let ids: Vec<String> = ["b", "a", "b", "a"].map(String::from).to_vec();
        assert_eq!(checked_ids(&ids, &rules).unwrap(), ["b", "a"]);
    }
}
