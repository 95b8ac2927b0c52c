//! "Enviar el comprobante": the receipt to the person's e-mail or phone (one of the
//! two), checked here with the backend's own rule, then sent through the staff API
//! (`POST /staff/cases/{ticket}/receipt`); the answer names the masked destination.

use cc_core::api::FieldError;
use cc_core::channel::{receipt_destination, ReceiptRequest};
use leptos::prelude::*;

use crate::api::staff::{self, AssistedFiling};
use crate::api::{self, ApiError};
use crate::assisted::texts::{t, tr, tr_signal};
use crate::components::form::{focus_by_id, ErrorSummary, Errors, TextField};

/// A field error of the receipt in the interface's language (the core's messages are
/// Spanish), by its stable field and code.
fn worded(e: FieldError) -> FieldError {
    let tt = t();
    let message = match (e.field.as_str(), e.code.as_str()) {
        ("to", "one_only") => tt.err_send_one,
        ("to", _) => tt.err_send_to,
        ("email", _) => tt.err_send_email,
        ("phone", _) => tt.err_send_phone,
        _ => return e,
    };
    // "to" is about both fields: its summary link goes to the first.
    let field = if e.field == "to" {
        "email".into()
    } else {
        e.field
    };
    FieldError::new(field, e.code, message)
}

#[component]
pub fn SendReceipt(ticket: String, access_code: String, filing: AssistedFiling) -> impl IntoView {
    let email = RwSignal::new(filing.email.clone());
    let phone = RwSignal::new(if filing.email.is_empty() {
        filing.phone.clone()
    } else {
        String::new()
    });
    let errors: Errors = RwSignal::new(Vec::new());
    let sending = RwSignal::new(false);
    let sent = RwSignal::new(None::<String>);
    let failure = RwSignal::new(None::<String>);
    let (ticket, access_code) = (StoredValue::new(ticket), StoredValue::new(access_code));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if sending.get_untracked() {
            return;
        }
        sent.set(None);
        failure.set(None);
        let (e, p) = (email.get_untracked(), phone.get_untracked());
        let given = |v: &str| Some(v.trim().to_string()).filter(|v| !v.is_empty());
        if let Err(problem) = receipt_destination(Some(&e), Some(&p)) {
            errors.set(vec![worded(problem)]);
            return;
        }
        errors.set(Vec::new());
        let Some(session) = staff::session() else {
            failure.set(Some(t().err_token_wrong.to_string()));
            return;
        };
        let request = ReceiptRequest {
            access_code: access_code.get_value(),
            email: given(&e),
            phone: given(&p),
        };
        sending.set(true);
        leptos::task::spawn_local_scoped(async move {
            let answer = api::backend()
                .send_receipt(&session.token, &ticket.get_value(), &request)
                .await;
            let _ = sending.try_set(false);
            match answer {
                Ok(done) => {
                    let _ = sent.try_set(Some(t().sent(&done.to)));
                    request_animation_frame(|| focus_by_id("receipt-sent"));
                }
                Err(ApiError::Problem(p)) if !p.errors.is_empty() => {
                    let _ = errors.try_set(p.errors.into_iter().map(worded).collect());
                }
                Err(e) => {
                    let _ = failure.try_set(Some(e.message(t())));
                    request_animation_frame(|| focus_by_id("receipt-failed"));
                }
            }
        });
    };
    view! {
        <section class="cc-assisted-send" aria-labelledby="send-title">
            <h2 id="send-title" class="cc-heading-m">{tr(|t| t.send_title)}</h2>
            <p>{tr(|t| t.send_lead)}</p>
            <p>{tr(|t| t.send_none)}</p>
            {move || sent.get().map(|s| view! {
                <div class="cc-notification cc-notification--success" id="receipt-sent" tabindex="-1" role="status"><p>{s}</p></div>
            })}
            {move || failure.get().map(|f| view! {
                <div class="cc-error-panel" id="receipt-failed" tabindex="-1" role="alert"><p>{f}</p></div>
            })}
            <ErrorSummary errors=errors />
            <form novalidate on:submit=submit>
                <TextField
                    id="email"
                    label=tr_signal(|t| t.email_label)
                    value=Signal::derive(move || email.get())
                    on_input=Callback::new(move |v: String| email.set(v))
                    errors=errors
                    input_type="email"
                    autocomplete="off"
                />
                <TextField
                    id="phone"
                    label=tr_signal(|t| t.phone_label)
                    value=Signal::derive(move || phone.get())
                    on_input=Callback::new(move |v: String| phone.set(v))
                    errors=errors
                    input_type="tel"
                    autocomplete="off"
                />
                <button type="submit" class="cc-button cc-button--secondary" aria-disabled=move || sending.get().then_some("true")>
                    {tr(|t| t.send_button)}
                </button>
                <p role="status" class="cc-caption">{move || sending.get().then(|| t().sending)}</p>
            </form>
        </section>
    }
}
