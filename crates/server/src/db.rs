//! SQLite storage: opening, migrations and the catalog tables.

use std::path::Path;

use cc_core::catalog::{Agency, Procedure};
use rusqlite::{params, Connection, OptionalExtension};
use rusqlite_migration::{Migrations, M};

/// Schema history; append only. Each entry runs once, in order, inside a transaction.
fn migrations() -> Migrations<'static> {
    Migrations::new(vec![
        M::up(include_str!("../migrations/001_catalog.sql")),
        M::up(include_str!("../migrations/002_cases.sql")),
        M::up(include_str!("../migrations/003_tracking.sql")),
        M::up(include_str!("../migrations/004_staff_members.sql")),
        M::up(include_str!("../migrations/005_transparency.sql")),
        M::up(include_str!("../migrations/006_channels.sql")),
    ])
}

#[derive(Debug, thiserror::Error)]
pub enum DbError {
    #[error("database: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("migrations: {0}")]
    Migration(#[from] rusqlite_migration::Error),
    #[error("stored JSON does not match the model: {0}")]
    Json(#[from] serde_json::Error),
    /// Refused at start-up, so the server does not come up healthy-looking and then
    /// answer 500 to every filing.
    #[error(
        "the database {path} cannot be written ({cause}); check the permissions of the \
         file and of its folder (SQLite also writes -wal and -shm files next to it)"
    )]
    NotWritable { path: String, cause: String },
}

/// Opens (creating if needed) and migrates the database.
pub fn open(path: &Path) -> Result<Connection, DbError> {
    // A SQLite URI (`file:…?mode=ro`) names no folder to create.
    let is_uri = path.to_string_lossy().starts_with("file:");
    if let Some(dir) = path.parent().filter(|_| !is_uri) {
        // A missing data directory is the normal first start, not an error.
        let _ = std::fs::create_dir_all(dir);
    }
    let mut conn = Connection::open(path)?;
    ensure_writable(&conn, path)?;
    // WAL lets readers go on while a case is being written; the busy timeout makes
    // concurrent writers wait instead of failing.
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
    migrations().to_latest(&mut conn)?;
    Ok(conn)
}

/// Fails unless a write transaction can be started and a table created (then rolled
/// back): a read-only file, folder or mount is found here, not at the first filing.
fn ensure_writable(conn: &Connection, path: &Path) -> Result<(), DbError> {
    let not_writable = |cause: String| DbError::NotWritable {
        path: path.display().to_string(),
        cause,
    };
    if conn.is_readonly(rusqlite::MAIN_DB)? {
        return Err(not_writable("opened read-only".into()));
    }
    let probe = conn
        .execute_batch("BEGIN IMMEDIATE; CREATE TABLE start_up_write_probe(x INTEGER); ROLLBACK;");
    if let Err(e) = probe {
        // Leaves no transaction open whichever statement failed.
        let _ = conn.execute_batch("ROLLBACK");
        return Err(not_writable(e.to_string()));
    }
    Ok(())
}

pub fn procedure_count(conn: &Connection) -> Result<usize, DbError> {
    Ok(conn.query_row("SELECT COUNT(*) FROM procedures", [], |r| {
        r.get::<_, i64>(0)
    })? as usize)
}

/// Inserts or replaces procedures and their agencies in one transaction.
pub fn upsert_procedures(conn: &mut Connection, procedures: &[Procedure]) -> Result<(), DbError> {
    let tx = conn.transaction()?;
    for p in procedures {
        upsert_agency(&tx, &p.agency)?;
        tx.execute(
            "INSERT INTO procedures(slug, agency, name, json) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT(slug) DO UPDATE SET agency = excluded.agency, name = excluded.name, json = excluded.json",
            params![p.slug, p.agency.acronym, p.name, serde_json::to_string(p)?],
        )?;
    }
    tx.commit()?;
    Ok(())
}

fn upsert_agency(conn: &Connection, agency: &Agency) -> Result<(), DbError> {
    conn.execute(
        "INSERT INTO agencies(acronym, slug, json) VALUES (?1, ?2, ?3)
         ON CONFLICT(acronym) DO UPDATE SET slug = excluded.slug, json = excluded.json",
        params![agency.acronym, agency.slug, serde_json::to_string(agency)?],
    )?;
    Ok(())
}

pub fn all_procedures(conn: &Connection) -> Result<Vec<Procedure>, DbError> {
    let mut stmt = conn.prepare("SELECT json FROM procedures ORDER BY name")?;
    let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
    let mut out = Vec::new();
    for json in rows {
        out.push(serde_json::from_str(&json?)?);
    }
    Ok(out)
}

pub fn agency(conn: &Connection, acronym: &str) -> Result<Option<Agency>, DbError> {
    let json: Option<String> = conn
        .query_row(
            "SELECT json FROM agencies WHERE acronym = ?1",
            [acronym],
            |r| r.get(0),
        )
        .optional()?;
    Ok(json.map(|j| serde_json::from_str(&j)).transpose()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_are_valid() {
        migrations().validate().unwrap();
    }

    #[test]
    fn a_read_only_database_fails_to_open_with_a_clear_message() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("db.sqlite3");
        drop(open(&path).unwrap());
        // A read-only open, as a read-only file or mount gives (tests may run as root,
        // for whom file permissions do not apply).
        let read_only = std::path::PathBuf::from(format!("file:{}?mode=ro", path.display()));
        let error = open(&read_only).unwrap_err();
        assert!(matches!(error, DbError::NotWritable { .. }), "{error}");
        assert!(error.to_string().contains("cannot be written"), "{error}");
    }
}
