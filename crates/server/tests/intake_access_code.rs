//! How the access code is stored: only a salted hash, nowhere in plain text.

use cc_core::intake::CaseReceipt;
use cc_server::cases;

mod common;
use common::cases::*;
use common::*;

#[tokio::test]
async fn the_access_code_is_stored_only_as_a_salted_hash() {
    let app = test_app();
    let receipt: CaseReceipt = post_case(&app, Some("clave-codigo"), &valid_complaint())
        .await
        .json();
    let plain = receipt.access_code.replace('-', "");
    let stored = stored_case(&app, &receipt.ticket);
    assert_eq!(stored.access_code_salt.len(), 32, "16 bytes in hex");
    assert_eq!(
        stored.access_code_hash,
        cases::access_code_hash(&hex_decode(&stored.access_code_salt), &plain)
    );

    // Nowhere in the database, in any form the person could type it, and neither is
    // the Idempotency-Key that seals the stored answer.
    let conn = app.state.db.lock().unwrap();
    for needle in [receipt.access_code.as_str(), plain.as_str(), "clave-codigo"] {
        assert_eq!(occurrences(&conn, needle), 0, "{needle} is stored");
    }
    // The check itself works: the ticket is found.
    assert!(occurrences(&conn, &receipt.ticket) > 0);
}

/// How many (table, column, row) cells anywhere in the database contain `needle`.
fn occurrences(conn: &rusqlite::Connection, needle: &str) -> i64 {
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table'")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let mut total = 0;
    for table in tables {
        let columns: Vec<String> = conn
            .prepare(&format!("SELECT name FROM pragma_table_info('{table}')"))
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        for column in columns {
            let sql = format!(
                "SELECT COUNT(*) FROM \"{table}\" WHERE instr(CAST(\"{column}\" AS BLOB), CAST(?1 AS BLOB)) > 0"
            );
            total += conn
                .query_row(&sql, [needle], |r| r.get::<_, i64>(0))
                .unwrap();
        }
    }
    total
}

fn hex_decode(s: &str) -> Vec<u8> {
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap())
        .collect()
}
