//! Answering the agency: a reply kept as a draft on the device, sent with an
//! Idempotency-Key so retries never send it twice. A reply sent without a connection
//! (or while the backend keeps failing) waits on the device and goes out by itself
//! while the case is open — at once, when the connection comes back, every half
//! minute — and the next time the case is opened. The access code is not stored for
//! it: the case page has it whenever the reply can go.

use cc_core::api::FieldError;
use cc_core::intake::AttachmentReceipt;
use cc_core::tracking::{CaseView, NewReply};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::api::{self, ApiError};
use crate::components::connection::{browser_online, retry_while_mounted};
use crate::components::form::{ErrorSummary, Errors, TextArea};
use crate::components::AttachmentPicker;
use crate::context::use_deployment;
use crate::kept_cases;
use crate::service_worker;
use crate::tracking::texts::{t, tr, tr_signal};

/// A reply in progress, kept per case like the wizard's draft.
#[derive(Clone, Default, Serialize, Deserialize)]
#[serde(default)]
struct ReplyDraft {
    idempotency_key: String,
    message: String,
    attachments: Vec<AttachmentReceipt>,
    /// Sent without a connection: waiting to go out by itself.
    queued: bool,
}

#[component]
pub fn ReplyForm(
    ticket: String,
    code: String,
    case: RwSignal<Option<CaseView>>,
    notice: RwSignal<Option<String>>,
) -> impl IntoView {
    let saved: ReplyDraft = kept_cases::load_reply_draft(&ticket).unwrap_or_default();
    let draft = RwSignal::new(if saved.idempotency_key.is_empty() {
        ReplyDraft {
            idempotency_key: api::random_uuid(),
            ..saved
        }
    } else {
        saved
    });
    let ticket_for_save = ticket.clone();
    Effect::new(move |_| {
        let d = draft.get();
        kept_cases::save_reply_draft(&ticket_for_save, &d);
    });
    let errors: Errors = RwSignal::new(Vec::new());
    let (sending, set_sending) = signal(false);
    let (failure, set_failure) = signal(None::<ApiError>);
    let deployment = use_deployment();
    let rules = deployment
        .get_untracked()
        .map(|d| d.intake)
        .unwrap_or_default();
    let max = rules.description_max;
    let rules_for_check = rules.clone();
    // Sends the reply as it is now; `from_outbox`: a waiting reply tried by itself.
    // A timer or the "online" event runs outside the page's reactive owner: the send
    // runs under this form's, where the texts and the case page's signals live.
    let start_send = move |from_outbox: bool| {
        if sending.get_untracked() {
            return;
        }
        let d = draft.get_untracked();
        set_sending.set(true);
        set_failure.set(None);
        let (ticket, code) = (ticket.clone(), code.clone());
        leptos::task::spawn_local_scoped(async move {
            let safe = api::backend().capabilities().safe_retries;
            let body = NewReply {
                message: d.message.trim().to_string(),
                attachments: d.attachments.iter().map(|a| a.id.clone()).collect(),
            };
            // Waiting: also handed to the service worker (Background Sync), but only
            // for a case kept on this device: the request carries the access code,
            // which is otherwise never stored.
            let queue = || {
                let _ = draft.try_update(|d| d.queued = true);
                if !kept_cases::is_saved(&ticket) {
                    return;
                }
                if let Ok(json) = serde_json::to_string(&body) {
                    let path = format!("/cases/{}/replies", api::encode(&ticket));
                    let code = [("X-Access-Code", code.as_str())];
                    service_worker::sync_later(
                        "reply",
                        Some(&ticket),
                        &path,
                        &d.idempotency_key,
                        &code,
                        json,
                    );
                }
            };
            if safe && !browser_online() {
                let _ = set_sending.try_set(false);
                queue();
                return;
            }
            // The one retry policy of the app (the wizard's too): safe, because of
            // the idempotency key. A waiting reply is tried once per chance.
            let policy = if from_outbox {
                api::SEND_ONCE
            } else {
                api::SAFE_SEND
            };
            let result = api::with_retries(
                policy,
                |_| {},
                || api::backend().reply(&ticket, &code, &body, &d.idempotency_key),
            )
            .await;
            let _ = set_sending.try_set(false);
            match result {
                Ok(view) => {
                    kept_cases::remove_reply_draft(&ticket);
                    // The page is drawn again from the new view; the notice on top of
                    // it takes focus so the person hears that the answer went out.
                    let _ = notice.try_set(Some(t().reply_sent.to_string()));
                    let _ = case.try_set(Some(view));
                }
                Err(ApiError::Problem(p)) if !p.errors.is_empty() => {
                    let _ = draft.try_update(|d| d.queued = false);
                    let _ = errors.try_set(p.errors);
                }
                Err(e) if safe && e.is_transient() => queue(),
                Err(e) => {
                    let _ = draft.try_update(|d| d.queued = false);
                    let _ = set_failure.try_set(Some(e));
                }
            }
        });
    };
    let owner = Owner::current().expect("a component has an owner");
    let send = Callback::new(move |from_outbox: bool| {
        owner.clone().with(|| start_send(from_outbox));
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let d = draft.get_untracked();
        // The backend's own rule (cc-core), worded for this form.
        if let Some(problem) = cc_core::tracking::validate_reply(&d.message, &rules_for_check) {
            let message = if problem.code == "too_long" {
                t().err_description_long(rules_for_check.description_max)
            } else {
                t().reply_required.to_string()
            };
            errors.set(vec![FieldError::new("reply", problem.code, message)]);
            return;
        }
        errors.set(Vec::new());
        send.run(false);
    };
    // A reply left waiting goes now, when the connection is back, and every half minute.
    let try_waiting = Callback::new(move |()| {
        if draft.with_untracked(|d| d.queued) {
            send.run(true);
        }
    });
    try_waiting.run(());
    retry_while_mounted(try_waiting);
    view! {
        <section class="cc-reply" aria-labelledby="reply-title">
            <h2 id="reply-title" class="cc-heading-l">{tr(|t| t.reply_title)}</h2>
            <ErrorSummary errors=errors />
            {move || failure.get().map(|e| view! {
                <div class="cc-error-panel" role="alert"><p>{e.message(t())}</p><p>{t().send_failed_nothing_lost}</p></div>
            })}
            {move || draft.with(|d| d.queued).then(|| view! {
                <div class="cc-notification" id="reply-queued" role="status">
                    <p class="cc-heading-s">{t().reply_queued}</p>
                </div>
            })}
            <form novalidate on:submit=on_submit>
                <TextArea id="reply" label=tr_signal(|t| t.reply_label)
                    hint=tr_signal(|t| t.reply_hint)
                    value=Signal::derive(move || draft.with(|d| d.message.clone()))
                    on_input=Callback::new(move |v: String| draft.update(|d| d.message = v))
                    errors=errors max=max dictation=true />
                <AttachmentPicker
                    id="reply-files"
                    label=tr_signal(|t| t.reply_files)
                    files=Signal::derive(move || draft.with(|d| d.attachments.clone()))
                    on_add=Callback::new(move |r| draft.update(|d| d.attachments.push(r)))
                    on_remove=Callback::new(move |id: String| draft.update(|d| d.attachments.retain(|x| x.id != id)))
                    errors=errors
                    rules=rules
                />
                <button type="submit" class="cc-button" aria-disabled=move || sending.get().then_some("true")>{tr(|t| t.reply_send)}</button>
                <p role="status" class="cc-caption">{move || sending.get().then(|| t().sending)}</p>
            </form>
        </section>
    }
}
