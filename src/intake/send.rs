//! Sending the wizard's draft: the case as the backend gets it, the one retry policy,
//! and what follows each outcome — the receipt kept and the draft deleted, the
//! backend's field errors, or (no connection, or a failing backend that can take the
//! same case twice safely) the case kept in this device's outbox to go out later.

use cc_core::api::FieldError;
use cc_core::config::Deployment;
use cc_core::intake::{CaseReceipt, Identity, NewCase};
use cc_core::open311::Attribute;
use leptos::prelude::*;

use super::case_type;
use super::draft::{Draft, DraftStore};
use crate::api::{self, ApiError};
use crate::components::connection::browser_online;
use crate::i18n::{localize, Lang};
use crate::kept_cases::{self, KeptReceipt};
use crate::service_worker;

/// How a send ended.
pub enum Sent {
    /// Filed: the receipt is kept for this tab and the draft deleted.
    Filed(String),
    /// The backend refused some answers (already in the person's language).
    Refused(Vec<FieldError>),
    /// No connection, or the backend kept failing: the case waits in the outbox.
    Queued,
    /// Failed for good (e.g. a backend without idempotency keys): the person decides.
    Failed(ApiError),
}

/// The case as sent, built from the draft. Contact data of an anonymous case is
/// dropped here, so it never leaves the device.
pub(super) fn new_case(deployment: &Deployment, d: &Draft, lang: &str) -> NewCase {
    let opt = |s: &str| Some(s.trim().to_string()).filter(|s| !s.is_empty());
    let identity = d.identity.unwrap_or_default();
    let anonymous = identity == Identity::Anonymous;
    NewCase {
        case_type: case_type(deployment, d)
            .map(|c| c.slug.clone())
            .unwrap_or_default(),
        agency: d.agency.clone().filter(|a| !a.is_empty()),
        procedure: d.procedure.clone(),
        description: d.description.trim().to_string(),
        event_date: d.event_date(),
        place: opt(&d.place),
        attachments: d.attachments.iter().map(|a| a.id.clone()).collect(),
        identity,
        name: if anonymous { None } else { opt(&d.name) },
        email: if anonymous { None } else { opt(&d.email) },
        phone: if anonymous { None } else { opt(&d.phone) },
        consent: d.consent,
        language: Some(lang.to_string()),
    }
}

/// The topic's questions with their answers, as the backend asks them.
pub(super) fn topic_answers(d: &Draft) -> Vec<(Attribute, Vec<String>)> {
    d.topic_questions()
        .into_iter()
        .map(|q| {
            let answer = d.topic_answer(&q.code).to_vec();
            (q, answer)
        })
        .collect()
}

/// Sends with the draft's idempotency key under the one retry policy of the app
/// ([`api::SAFE_SEND`]): retrying is safe, the backend answers a repeated key with the
/// first receipt. A backend without idempotency keys is asked once: a lost answer
/// may hide a filed case, so the person decides whether to send again.
async fn send_case(
    filing: api::Filing,
    on_retry: impl FnMut(u32),
) -> Result<CaseReceipt, ApiError> {
    let policy = if api::backend().capabilities().safe_retries {
        api::SAFE_SEND
    } else {
        api::SEND_ONCE
    };
    api::with_retries(policy, on_retry, || api::backend().file(&filing)).await
}

/// Sends the draft as it is now. Without a connection a backend with idempotency keys
/// is not even tried: the case goes to the outbox at once.
pub async fn send_draft(
    draft: DraftStore,
    deployment: &Deployment,
    lang: Lang,
    on_retry: impl FnMut(u32),
) -> Sent {
    let safe = api::backend().capabilities().safe_retries;
    let (filing, procedure_name) = draft.0.with_untracked(|d| {
        // A case that already waited goes out as it was first sent (the same language).
        let case_lang = kept_cases::outbox_language(&d.idempotency_key)
            .unwrap_or_else(|| lang.code().to_string());
        let filing = api::Filing {
            case: new_case(deployment, d, &case_lang),
            idempotency_key: d.idempotency_key.clone(),
            topic_answers: topic_answers(d),
            location: d.location(),
        };
        (filing, d.procedure_name.clone())
    });
    // Filing for a person goes to the staff API, with the member's token; it is
    // never left in the outbox (the token stays with the tab, not the device).
    let assisted = api::staff::session().map(|session| {
        let channel = draft.0.with_untracked(|d| d.channel.unwrap_or_default());
        (session, channel)
    });
    if let Some((session, channel)) = &assisted {
        return send_assisted(
            draft,
            filing,
            procedure_name,
            session,
            *channel,
            lang,
            deployment,
            on_retry,
        )
        .await;
    }
    if safe && !browser_online() {
        queue(draft, &filing);
        return Sent::Queued;
    }
    let (attachments, identity) = (filing.case.attachments.len(), filing.case.identity);
    match send_case(filing.clone(), on_retry).await {
        Ok(receipt) => {
            let ticket = receipt.ticket.clone();
            kept_cases::keep_receipt_for_tab(&KeptReceipt {
                receipt,
                procedure_name,
                attachments,
                identity: Some(identity),
            });
            // Also drops the service worker's copy.
            draft.discard();
            Sent::Filed(ticket)
        }
        Err(ApiError::Problem(p)) if !p.errors.is_empty() => {
            draft.update(|d| d.queued_at = None);
            kept_cases::outbox_done();
            Sent::Refused(localize(lang, p.errors, &deployment.intake))
        }
        Err(e) if safe && e.is_transient() => {
            queue(draft, &filing);
            Sent::Queued
        }
        Err(e) => {
            draft.update(|d| d.queued_at = None);
            kept_cases::outbox_done();
            Sent::Failed(e)
        }
    }
}

/// Files the draft for a person through the staff API (same retries: the key makes
/// them safe). Filed: the receipt is kept for the tab as the web's is, with what the
/// assisted confirmation adds (channel, member, language, contact for the receipt).
#[allow(clippy::too_many_arguments)]
async fn send_assisted(
    draft: DraftStore,
    filing: api::Filing,
    procedure_name: Option<String>,
    session: &api::staff::StaffSession,
    channel: cc_core::channel::Channel,
    lang: Lang,
    deployment: &Deployment,
    on_retry: impl FnMut(u32),
) -> Sent {
    let token = session.token.clone();
    let sent = api::with_retries(api::SAFE_SEND, on_retry, || {
        api::backend().file_assisted(&filing, channel, &token)
    })
    .await;
    match sent {
        Ok(receipt) => {
            let ticket = receipt.ticket.clone();
            let case = &filing.case;
            api::staff::keep_filing(
                &ticket,
                &api::staff::AssistedFiling {
                    channel,
                    taken_by: session.name.clone(),
                    lang: case.language.clone().unwrap_or_default(),
                    email: case.email.clone().unwrap_or_default(),
                    phone: case.phone.clone().unwrap_or_default(),
                },
            );
            kept_cases::keep_receipt_for_tab(&KeptReceipt {
                receipt,
                procedure_name,
                attachments: case.attachments.len(),
                identity: Some(case.identity),
            });
            draft.discard();
            Sent::Filed(ticket)
        }
        Err(ApiError::Problem(p)) if !p.errors.is_empty() => {
            Sent::Refused(localize(lang, p.errors, &deployment.intake))
        }
        Err(e) => Sent::Failed(e),
    }
}

/// Keeps the case in the outbox, and hands the very request to the service worker for
/// Background Sync where the browser has it (again on every later try: the worker's
/// copy is always the app's last one).
fn queue(draft: DraftStore, filing: &api::Filing) {
    if draft.0.with_untracked(|d| d.queued_at.is_none()) {
        draft.update(|d| d.queued_at = Some(js_sys::Date::now()));
    }
    let key = &filing.idempotency_key;
    if let Some(lang) = &filing.case.language {
        kept_cases::keep_outbox_language(key, lang);
    }
    if let Ok(body) = serde_json::to_string(&filing.case) {
        service_worker::sync_later("case", None, "/cases", key, &[], body);
    }
}
