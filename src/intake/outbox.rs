//! The outbox: a case the person sent without a connection (or while the backend was
//! failing) is the draft itself, marked `queued_at` and kept on the device. It goes out
//! by itself — when the app starts, when the connection comes back, and every half
//! minute while it waits — with the draft's idempotency key, so however many times it
//! is tried, from however many tabs, the backend files it once.

use std::cell::Cell;

use cc_core::config::Deployment;
use leptos::prelude::*;

use super::draft::DraftStore;
use super::send::{send_draft, Sent};
use crate::i18n::Lang;

/// What became of a case in the outbox, for the notice the shell shows.
#[derive(Clone, Debug, PartialEq)]
pub enum OutboxEvent {
    /// Filed; the number and code are on `/contacto/enviado/{ticket}`.
    Sent { ticket: String },
    /// The backend refused some answers: they wait on the check page.
    Refused,
}

thread_local! {
    /// One send at a time in this tab (the timer and `online` may fire together).
    static SENDING: Cell<bool> = const { Cell::new(false) };
}

/// Sends the waiting case, if there is one; `None` while it must keep waiting.
pub async fn flush(draft: DraftStore, deployment: Deployment, lang: Lang) -> Option<OutboxEvent> {
    if draft.0.with_untracked(|d| d.queued_at.is_none()) || SENDING.with(|s| s.replace(true)) {
        return None;
    }
    let outcome = send_draft(draft, &deployment, lang, |_| {}).await;
    SENDING.with(|s| s.set(false));
    match outcome {
        Sent::Filed(ticket) => Some(OutboxEvent::Sent { ticket }),
        Sent::Queued => None,
        Sent::Refused(errors) => {
            draft.update(|d| d.refused = errors);
            Some(OutboxEvent::Refused)
        }
        Sent::Failed(_) => Some(OutboxEvent::Refused),
    }
}
