//! The staff member signed in for assisted filing, kept for this tab only (closing the
//! tab signs them out; a shared counter computer keeps nothing), and what the assisted
//! confirmation needs of each case they filed. "Cerrar sesión" forgets all of it.
//!
//! A leaf like the rest of `api`: the wizard (intake) and the assisted pages both read
//! it, and neither imports the other.

use cc_core::channel::Channel;
use serde::{Deserialize, Serialize};

use crate::storage::{self, Area};

const SESSION_KEY: &str = "cc-staff";
const FILED_PREFIX: &str = "cc-staff-filed:";

/// A signed-in staff member: the token the backend checked, and their name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffSession {
    pub token: String,
    pub name: String,
}

/// The member signed in on this tab, when the backend offers assisted filing.
pub fn session() -> Option<StaffSession> {
    if !super::backend().capabilities().assisted {
        return None;
    }
    storage::get_json_in(Area::Tab, SESSION_KEY)
}

/// Whether the wizard files for another person (a member is signed in).
pub fn assisting() -> bool {
    session().is_some()
}

pub fn sign_in(session: &StaffSession) {
    storage::set_json_in(Area::Tab, SESSION_KEY, session);
}

/// Forgets the member and what this module kept of the cases they filed; returns
/// those tickets, so the caller also forgets their receipts (`kept_cases`).
pub fn sign_out() -> Vec<String> {
    storage::remove_in(Area::Tab, SESSION_KEY);
    let mut tickets = Vec::new();
    for key in storage::keys_with_prefix(Area::Tab, FILED_PREFIX) {
        storage::remove_in(Area::Tab, &key);
        tickets.extend(key.strip_prefix(FILED_PREFIX).map(str::to_string));
    }
    tickets
}

/// What the assisted confirmation shows of a case a member filed, beyond the receipt:
/// how it came in, who took it, the language it was filed in (the printed receipt's),
/// and the person's contact data, offered for sending the receipt.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AssistedFiling {
    pub channel: Channel,
    pub taken_by: String,
    pub lang: String,
    pub email: String,
    pub phone: String,
}

pub fn keep_filing(ticket: &str, filing: &AssistedFiling) {
    storage::set_json_in(Area::Tab, &format!("{FILED_PREFIX}{ticket}"), filing);
}

pub fn find_filing(ticket: &str) -> Option<AssistedFiling> {
    storage::get_json_in(Area::Tab, &format!("{FILED_PREFIX}{ticket}"))
}
