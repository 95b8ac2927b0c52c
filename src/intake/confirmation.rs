//! `/contacto/enviado/:ticket`: the confirmation, which survives reload and bookmarks,
//! and the receipt printed from it.

use cc_core::intake::Identity;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::api;
use crate::components::format::long_date;
use crate::components::{PageHeading, ReadAloud};
use crate::context::use_deployment;
use crate::i18n::use_lang;
use crate::intake::texts::t;
use crate::kept_cases::{self, KeptReceipt};

#[component]
pub fn ConfirmationPage() -> impl IntoView {
    let params = use_params_map();
    let kept = move || {
        params
            .with(|p| p.get("ticket"))
            .and_then(|t| kept_cases::find_receipt(&t))
    };
    let title = Signal::derive(move || {
        if kept().is_some() {
            t().confirm_title.to_string()
        } else {
            t().confirm_missing_title.to_string()
        }
    });
    view! {
        <div class="cc-width cc-page cc-receipt" id="cc-receipt">
            {move || match kept() {
                None => view! {
                    <PageHeading title=title />
                    <p>{t().confirm_missing_text}</p>
                    <A href="/seguimiento" attr:class="cc-button">{t().nav_track}</A>
                }.into_any(),
                Some(k) => view! { <Confirmation kept=k title=title /> }.into_any(),
            }}
        </div>
    }
}

#[component]
fn Confirmation(kept: KeptReceipt, title: Signal<String>) -> impl IntoView {
    let deployment = use_deployment();
    let r = kept.receipt.clone();
    let tt = t();
    // Without an access code (backends that have none) the number alone opens it.
    let has_code = !r.access_code.is_empty();
    let track = if has_code {
        format!(
            "/seguimiento/{}#codigo={}",
            r.ticket,
            r.access_code.replace('-', "")
        )
    } else {
        format!("/seguimiento/{}", api::encode(&r.ticket))
    };
    let phone = deployment
        .get()
        .map(|d| tt.error_other_channels(&d.channels.phone, &d.channels.phone_hours));
    let due = match (
        r.due_date.is_empty(),
        api::backend().capabilities().legal_due_dates,
    ) {
        (true, _) => None,
        (false, true) => Some(tt.confirm_due(r.response_days, &long_date(tt, &r.due_date))),
        (false, false) => Some(tt.confirm_expected(&long_date(tt, &r.due_date))),
    };
    let legal_terms = due.is_some() && r.response_days > 0;
    // The address where the case is followed, printed on the receipt. Without the
    // code: a printed URL can be photographed; the code is printed apart, by itself.
    let follow_at = web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .map(|origin| format!("{origin}/seguimiento"))
        .unwrap_or_else(|| "/seguimiento".into());
    view! {
        <div class="cc-panel">
            <PageHeading title=title />
            <p class="cc-panel__label">{tt.confirm_ticket}</p>
            <p class="cc-panel__value" id="ticket">{r.ticket.clone()}</p>
        </div>
        <ReadAloud region="cc-receipt" />
        {if has_code {
            view! {
                <h2 class="cc-heading-m">{tt.confirm_code_title}</h2>
                <p>{tt.confirm_code_text}</p>
                <p class="cc-code" id="access-code">{r.access_code.clone()}</p>
                <div class="cc-warning-text"><strong>{tt.confirm_code_warning}</strong></div>
            }.into_any()
        } else {
            view! { <p id="public-tracking">{tt.confirm_public_tracking}</p> }.into_any()
        }}
        <p id="follow-at" class="cc-break-words">{tt.receipt_follow_at(&follow_at, has_code)}</p>
        <ReceiptSummary kept=kept.clone() />
        <h2 class="cc-heading-m">{tt.confirm_next_title}</h2>
        {due.map(|due| view! { <p>{due}</p> })}
        {legal_terms.then(|| view! { <p class="cc-caption">{tt.business_days_explained}</p> })}
        <ol class="cc-list cc-list--number">
            <li>{tt.confirm_step_1}</li>
            <li>{tt.confirm_step_2}</li>
            <li>{tt.confirm_step_3}</li>
        </ol>
        <p><A href=track attr:class="cc-button">{tt.confirm_track}</A></p>
        <p>
            <button type="button" class="cc-button cc-button--secondary" on:click=|_| {
                if let Some(w) = web_sys::window() { let _ = w.print(); }
            }>{tt.confirm_print}</button>
        </p>
        <crate::components::SaveOnDevice ticket=r.ticket.clone() access_code=r.access_code.clone() receipt_note=true />
        {phone.map(|p| view! { <p>{p}</p> })}
    }
}

/// What was sent, for the printed receipt: type, agency, procedure, dates and how
/// many files — nothing the person wrote and no contact data.
#[component]
fn ReceiptSummary(kept: KeptReceipt) -> impl IntoView {
    let deployment = use_deployment();
    let r = kept.receipt;
    let row = |label: &'static str, value: String| {
        view! {
            <div class="cc-summary-list__row">
                <dt>{label}</dt>
                <dd>{value}</dd>
            </div>
        }
    };
    move || {
        let tt = t();
        let type_name = deployment
            .get()
            .and_then(|d| {
                d.case_type_name(&r.case_type, use_lang().get().code())
                    .map(str::to_string)
            })
            .unwrap_or_else(|| r.case_type.clone());
        let caps = api::backend().capabilities();
        let agency = r
            .agency_name
            .clone()
            .unwrap_or_else(|| tt.agency_unknown.to_string());
        let agency = match &kept.procedure_name {
            Some(p) if caps.procedures => format!("{agency} — {p}"),
            Some(p) => p.clone(),
            None => agency,
        };
        let agency_label = if caps.procedures {
            tt.review_agency
        } else {
            tt.review_topic
        };
        let due = (!r.due_date.is_empty()).then(|| row(tt.receipt_due, long_date(tt, &r.due_date)));
        let identity = kept.identity.map(|i| match i {
            Identity::Anonymous => tt.identity_anonymous,
            Identity::Confidential => tt.identity_confidential,
            Identity::Identified => tt.identity_identified,
        });
        view! {
            <h2 class="cc-heading-m">{tt.receipt_title}</h2>
            <dl class="cc-summary-list" id="receipt-summary">
                {row(tt.review_type, type_name)}
                {row(agency_label, agency)}
                {row(tt.receipt_filed_on, long_date(tt, &r.filed_on))}
                {due}
                {caps.attachments.then(|| row(tt.receipt_attachments, kept.attachments.to_string()))}
                {identity.map(|i| row(tt.review_identity, i.to_string()))}
            </dl>
        }
    }
}
