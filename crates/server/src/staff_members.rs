//! Staff credentials: one token per member, stored only as a hash, revocable.
//!
//! Tokens are made by `cc-server staff-member add NAME`, shown once and never
//! logged. The staff API looks the hash of the presented token up; a revoked member's
//! token stops working at once. `CC_STAFF_TOKEN` given to `serve` still works as a
//! bootstrap credential (hashed at start-up, never logged, acting as `bootstrap`), so
//! an installation can be driven before its first member exists.

use rand::RngCore;
use rusqlite::{params, Connection, OptionalExtension};
use sha2::{Digest, Sha256};

use crate::db::DbError;

/// Prefix of every token, so a leaked one is recognisable (e.g. by secret scanners).
pub const TOKEN_PREFIX: &str = "ccstaff_";

/// Name recorded for actions taken with the bootstrap token.
pub const BOOTSTRAP_MEMBER: &str = "bootstrap";

/// Hex SHA-256 of a token, with a domain prefix: the only form stored or kept.
pub fn token_hash(token: &str) -> String {
    let mut hasher = Sha256::new();
    hasher.update(b"cc-staff-token\0");
    hasher.update(token.as_bytes());
    hex::encode(hasher.finalize())
}

/// A fresh token: the prefix and 256 random bits in hex.
pub fn new_token() -> String {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    format!("{TOKEN_PREFIX}{}", hex::encode(bytes))
}

/// One member as `staff-member list` shows it (never the token).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Member {
    pub name: String,
    pub created_at: i64,
    pub revoked_at: Option<i64>,
}

#[derive(Debug, thiserror::Error)]
pub enum MemberError {
    #[error("a member's name must be 1 to 80 characters, without control characters")]
    BadName,
    #[error("there is already a member called {0:?}")]
    Exists(String),
    #[error(transparent)]
    Db(#[from] DbError),
}

impl From<rusqlite::Error> for MemberError {
    fn from(e: rusqlite::Error) -> Self {
        MemberError::Db(e.into())
    }
}

/// Adds a member and returns their token: the only time it exists outside its holder.
pub fn add_member(conn: &Connection, name: &str, now_unix: i64) -> Result<String, MemberError> {
    let name = name.trim();
    if name.is_empty() || name.chars().count() > 80 || name.chars().any(char::is_control) {
        return Err(MemberError::BadName);
    }
    let exists: Option<i64> = conn
        .query_row(
            "SELECT id FROM staff_members WHERE name = ?1",
            [name],
            |r| r.get(0),
        )
        .optional()?;
    if exists.is_some() {
        return Err(MemberError::Exists(name.to_owned()));
    }
    let token = new_token();
    conn.execute(
        "INSERT INTO staff_members(name, token_hash, created_at) VALUES (?1, ?2, ?3)",
        params![name, token_hash(&token), now_unix],
    )?;
    Ok(token)
}

/// Every member, revoked ones included, in the order they were added.
pub fn list_members(conn: &Connection) -> Result<Vec<Member>, DbError> {
    let mut stmt =
        conn.prepare("SELECT name, created_at, revoked_at FROM staff_members ORDER BY id")?;
    let rows = stmt.query_map([], |r| {
        Ok(Member {
            name: r.get(0)?,
            created_at: r.get(1)?,
            revoked_at: r.get(2)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Revokes a member's token; `false` when there is no such active member.
pub fn revoke_member(conn: &Connection, name: &str, now_unix: i64) -> Result<bool, DbError> {
    let changed = conn.execute(
        "UPDATE staff_members SET revoked_at = ?1 WHERE name = ?2 AND revoked_at IS NULL",
        params![now_unix, name.trim()],
    )?;
    Ok(changed == 1)
}

/// The active member holding `token`, if any.
pub fn member_for_token(conn: &Connection, token: &str) -> Result<Option<String>, DbError> {
    member_for_hash(conn, &token_hash(token))
}

/// The active member whose token has this [`token_hash`], if any.
pub fn member_for_hash(conn: &Connection, hash: &str) -> Result<Option<String>, DbError> {
    Ok(conn
        .query_row(
            "SELECT name FROM staff_members WHERE token_hash = ?1 AND revoked_at IS NULL",
            [hash],
            |r| r.get(0),
        )
        .optional()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn db() -> (tempfile::TempDir, Connection) {
        let dir = tempfile::tempdir().unwrap();
        let conn = crate::db::open(&dir.path().join("db.sqlite3")).unwrap();
        (dir, conn)
    }

    #[test]
    fn members_are_added_found_by_token_and_revoked() {
        let (_dir, conn) = db();
        let token = add_member(&conn, " Ana ", 100).unwrap();
        assert!(token.starts_with(TOKEN_PREFIX));
        assert_eq!(
            member_for_token(&conn, &token).unwrap().as_deref(),
            Some("Ana")
        );
        assert_eq!(member_for_token(&conn, "ccstaff_otro").unwrap(), None);
        // Only the hash is stored.
        let stored: String = conn
            .query_row("SELECT token_hash FROM staff_members", [], |r| r.get(0))
            .unwrap();
        assert_ne!(stored, token);
        assert!(matches!(
            add_member(&conn, "Ana", 101),
            Err(MemberError::Exists(_))
        ));
        assert!(matches!(
            add_member(&conn, " ", 101),
            Err(MemberError::BadName)
        ));
        assert!(revoke_member(&conn, "Ana", 200).unwrap());
        assert!(!revoke_member(&conn, "Ana", 201).unwrap());
        assert_eq!(member_for_token(&conn, &token).unwrap(), None);
        assert_eq!(
            list_members(&conn).unwrap(),
            [Member {
                name: "Ana".into(),
                created_at: 100,
                revoked_at: Some(200)
            }]
        );
    }
}
