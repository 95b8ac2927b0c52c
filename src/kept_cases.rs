//! Everything this device keeps about a person's cases, in one place: the wizard's
//! draft, the receipts of cases sent, "my cases" (ticket + access code) and reply
//! drafts. "Forget" and "forget all" here remove every trace, so nothing of a
//! forgotten case is left for the next person who picks up the phone.
//!
//! What is kept by default is the minimum: a draft while it is being written (so a
//! reload loses nothing) and the receipt of a case just sent *for this tab only*.
//! The access code stays on the device only when the person asks for it
//! ("Guardar en este teléfono"), because anyone holding the phone could open the case.
//!
//! A case or reply waiting in the outbox may also have been handed to the service
//! worker for Background Sync (`service_worker::sync_later`): removing the draft, a
//! reply draft or everything here also tells the worker to drop its copy.
//!
//! This module stores JSON values and knows no feature's types beyond the wire types
//! of `cc-core`.

use cc_core::intake::{CaseReceipt, Identity};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use crate::service_worker::drop_synced;
use crate::storage::{self, Area};

const DRAFT_KEY: &str = "cc-draft-v1";
const RECEIPTS_KEY: &str = "cc-receipts-v1";
const MY_CASES_KEY: &str = "cc-my-cases-v1";
const REPLY_PREFIX: &str = "cc-reply-";
/// Cases opened in this tab (ticket + code), so a reload does not ask for the code
/// again; gone when the tab closes.
const TAB_CASES_KEY: &str = "cc-tab-cases-v1";
/// The language a waiting case was first sent in, with its idempotency key.
const OUTBOX_LANG_KEY: &str = "cc-outbox-lang-v1";

/// A case the person chose to keep on this device.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SavedCase {
    pub ticket: String,
    /// Normalized (no dashes).
    pub access_code: String,
    /// The status last seen (its wire name), shown when the phone is offline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_status: Option<String>,
    /// When it was seen, milliseconds since the epoch.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seen_at: Option<f64>,
}

/// A receipt as kept here: the backend's answer plus a summary of what was sent for
/// the printed receipt — no text the person wrote and no contact data.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KeptReceipt {
    #[serde(flatten)]
    pub receipt: CaseReceipt,
    #[serde(default)]
    pub procedure_name: Option<String>,
    #[serde(default)]
    pub attachments: usize,
    #[serde(default)]
    pub identity: Option<Identity>,
}

// --- The wizard's draft -------------------------------------------------------------

pub fn load_draft<T: DeserializeOwned>() -> Option<T> {
    storage::get_json(DRAFT_KEY)
}

pub fn save_draft<T: Serialize>(draft: &T) {
    storage::set_json(DRAFT_KEY, draft);
}

/// Deletes the draft (sent, discarded, or "Salir rápido" with delete) and whatever the
/// service worker keeps of it.
pub fn remove_draft() {
    storage::remove(DRAFT_KEY);
    outbox_done();
}

/// The waiting case left the outbox (filed, refused, failed for good, or deleted): the
/// worker's copy and its language go.
pub fn outbox_done() {
    storage::remove(OUTBOX_LANG_KEY);
    drop_synced("case");
}

/// The language the case waiting under `idempotency_key` was first sent in, kept so
/// every later send is the very same request (the worker may have filed the first
/// one: a different body under the same key would be refused as a reused key).
pub fn outbox_language(idempotency_key: &str) -> Option<String> {
    let kept = storage::get_string(OUTBOX_LANG_KEY)?;
    let (key, lang) = kept.split_once(' ')?;
    (key == idempotency_key).then(|| lang.to_string())
}

/// Kept as "KEY LANG" (a plain string: no JSON decoding in the first download).
pub fn keep_outbox_language(idempotency_key: &str, lang: &str) {
    storage::set_string(OUTBOX_LANG_KEY, &format!("{idempotency_key} {lang}"));
}

// --- Receipts of cases sent -----------------------------------------------------------

fn receipts(area: Area) -> Vec<KeptReceipt> {
    storage::get_json_in(area, RECEIPTS_KEY).unwrap_or_default()
}

fn put_receipt(area: Area, receipt: &KeptReceipt) {
    let mut all = receipts(area);
    all.retain(|r| r.receipt.ticket != receipt.receipt.ticket);
    all.push(receipt.clone());
    storage::set_json_in(area, RECEIPTS_KEY, &all);
}

fn drop_receipt(area: Area, ticket: &str) {
    let mut all = receipts(area);
    let before = all.len();
    all.retain(|r| r.receipt.ticket != ticket);
    if all.is_empty() {
        storage::remove_in(area, RECEIPTS_KEY);
    } else if all.len() != before {
        storage::set_json_in(area, RECEIPTS_KEY, &all);
    }
}

/// Keeps the receipt of a case just sent for this tab, so the confirmation survives a
/// reload; it is moved to the device only by [`save_case`].
pub fn keep_receipt_for_tab(receipt: &KeptReceipt) {
    put_receipt(Area::Tab, receipt);
}

pub fn find_receipt(ticket: &str) -> Option<KeptReceipt> {
    [Area::Tab, Area::Device].into_iter().find_map(|area| {
        receipts(area)
            .into_iter()
            .find(|r| r.receipt.ticket == ticket)
    })
}

// --- "My cases" -----------------------------------------------------------------------

pub fn saved_cases() -> Vec<SavedCase> {
    storage::get_json(MY_CASES_KEY).unwrap_or_default()
}

pub fn is_saved(ticket: &str) -> bool {
    saved_cases().iter().any(|c| c.ticket == ticket)
}

fn tab_cases() -> Vec<SavedCase> {
    storage::get_json_in(Area::Tab, TAB_CASES_KEY).unwrap_or_default()
}

/// The code for a ticket: from "my cases", or from this tab (opened or sent here).
pub fn code_for(ticket: &str) -> Option<String> {
    saved_cases()
        .into_iter()
        .chain(tab_cases())
        .find(|c| c.ticket == ticket)
        .map(|c| c.access_code)
        .or_else(|| {
            receipts(Area::Tab)
                .into_iter()
                .find(|r| r.receipt.ticket == ticket)
                .map(|r| r.receipt.access_code.replace('-', ""))
        })
}

/// The person chose to keep this case on the device: ticket and code go to "my cases"
/// (newest first), and its receipt, if this tab has it, moves to the device too.
pub fn save_case(ticket: &str, access_code: &str) {
    let mut cases = saved_cases();
    let known = cases.iter().find(|c| c.ticket == ticket).cloned();
    cases.retain(|c| c.ticket != ticket);
    cases.insert(
        0,
        SavedCase {
            ticket: ticket.to_string(),
            access_code: access_code.replace('-', ""),
            last_status: known.as_ref().and_then(|k| k.last_status.clone()),
            seen_at: known.and_then(|k| k.seen_at),
        },
    );
    storage::set_json(MY_CASES_KEY, &cases);
    if let Some(r) = receipts(Area::Tab)
        .into_iter()
        .find(|r| r.receipt.ticket == ticket)
    {
        put_receipt(Area::Device, &r);
    }
}

/// A case was opened with this code: remember it for this tab (a reload must not ask
/// again), and keep a saved case current — but never add one to "my cases" that the
/// person did not choose to save.
pub fn refresh_code(ticket: &str, access_code: &str) {
    let mut cases = tab_cases();
    cases.retain(|c| c.ticket != ticket);
    cases.push(SavedCase {
        ticket: ticket.to_string(),
        access_code: access_code.replace('-', ""),
        last_status: None,
        seen_at: None,
    });
    storage::set_json_in(Area::Tab, TAB_CASES_KEY, &cases);
    if is_saved(ticket) {
        save_case(ticket, access_code);
    }
}

/// A saved case was seen in `status` just now: "my cases" can show it offline. Cases
/// the person did not save keep nothing.
pub fn remember_status(ticket: &str, status: &str) {
    let mut cases = saved_cases();
    let Some(case) = cases.iter_mut().find(|c| c.ticket == ticket) else {
        return;
    };
    case.last_status = Some(status.to_string());
    case.seen_at = Some(js_sys::Date::now());
    storage::set_json(MY_CASES_KEY, &cases);
}

// --- Reply drafts ---------------------------------------------------------------------

fn reply_key(ticket: &str) -> String {
    format!("{REPLY_PREFIX}{ticket}")
}

pub fn load_reply_draft<T: DeserializeOwned>(ticket: &str) -> Option<T> {
    storage::get_json(&reply_key(ticket))
}

pub fn save_reply_draft<T: Serialize>(ticket: &str, draft: &T) {
    storage::set_json(&reply_key(ticket), draft);
}

/// Deletes a case's reply draft (sent, or the case forgotten) and the worker's copy.
pub fn remove_reply_draft(ticket: &str) {
    storage::remove(&reply_key(ticket));
    drop_synced(&format!("reply {ticket}"));
}

// --- Forgetting -----------------------------------------------------------------------

/// Removes every trace of one case: its place in "my cases", its receipt (tab and
/// device) and any reply being written.
pub fn forget_case(ticket: &str) {
    let mut cases = saved_cases();
    cases.retain(|c| c.ticket != ticket);
    if cases.is_empty() {
        storage::remove(MY_CASES_KEY);
    } else {
        storage::set_json(MY_CASES_KEY, &cases);
    }
    let mut in_tab = tab_cases();
    in_tab.retain(|c| c.ticket != ticket);
    if in_tab.is_empty() {
        storage::remove_in(Area::Tab, TAB_CASES_KEY);
    } else {
        storage::set_json_in(Area::Tab, TAB_CASES_KEY, &in_tab);
    }
    drop_receipt(Area::Tab, ticket);
    drop_receipt(Area::Device, ticket);
    remove_reply_draft(ticket);
}

/// "Forget everything on this device": every saved case, receipt, reply draft and
/// the wizard's draft, and every request the service worker keeps to send.
pub fn forget_all() {
    drop_synced("");
    storage::remove(MY_CASES_KEY);
    storage::remove_in(Area::Tab, TAB_CASES_KEY);
    storage::remove_in(Area::Tab, RECEIPTS_KEY);
    storage::remove(RECEIPTS_KEY);
    for area in [Area::Device, Area::Tab] {
        for key in storage::keys_with_prefix(area, REPLY_PREFIX) {
            storage::remove_in(area, &key);
        }
    }
    remove_draft();
}
