//! "My cases" on this device: only ticket and access code are stored; everything
//! else is fetched fresh when the list opens.

use serde::{Deserialize, Serialize};

use crate::storage;

const KEY: &str = "cc-my-cases-v1";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SavedCase {
    pub ticket: String,
    /// Normalized (no dashes).
    pub access_code: String,
}

pub fn all() -> Vec<SavedCase> {
    storage::get_json(KEY).unwrap_or_default()
}

pub fn remember(ticket: &str, access_code: &str) {
    let mut cases = all();
    cases.retain(|c| c.ticket != ticket);
    cases.insert(
        0,
        SavedCase {
            ticket: ticket.to_string(),
            access_code: access_code.to_string(),
        },
    );
    storage::set_json(KEY, &cases);
}

pub fn code_for(ticket: &str) -> Option<String> {
    all()
        .into_iter()
        .find(|c| c.ticket == ticket)
        .map(|c| c.access_code)
}

pub fn forget(ticket: &str) {
    let mut cases = all();
    cases.retain(|c| c.ticket != ticket);
    storage::set_json(KEY, &cases);
}

/// "Forget all on this device": also the receipts the confirmation page keeps.
pub fn forget_all() {
    storage::remove(KEY);
    crate::intake::draft::forget_receipts();
}
