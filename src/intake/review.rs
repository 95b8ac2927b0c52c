//! `/contacto/revisar` (check your answers, then send) and `/contacto/enviado/:ticket`
//! (the confirmation, which survives reload and bookmarks).

use cc_core::api::FieldError;
use cc_core::config::Deployment;
use cc_core::intake::{CaseReceipt, Identity, NewCase};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_params_map};
use leptos_router::NavigateOptions;

use super::draft::{use_draft, Draft};
use super::quick_exit::QuickExit;
use super::Step;
use crate::api::{self, ApiError};
use crate::components::format::long_date;
use crate::components::{use_page_title, PageHeading};
use crate::context::{use_catalog, use_deployment};
use crate::i18n::localize;
use crate::i18n::use_lang;
use crate::intake::texts::{t, tr, tr_signal};
use crate::kept_cases::{self, KeptReceipt};

/// The case as sent, built from the draft. Contact data of an anonymous case is
/// dropped here, so it never leaves the device.
fn new_case(d: &Draft, lang: &str) -> NewCase {
    let opt = |s: &str| Some(s.trim().to_string()).filter(|s| !s.is_empty());
    let identity = d.identity.unwrap_or_default();
    let anonymous = identity == Identity::Anonymous;
    NewCase {
        case_type: d.case_type.clone().unwrap_or_default(),
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

/// Sends with the draft's idempotency key under the one retry policy of the app
/// ([`api::SAFE_SEND`]): retrying is safe, the backend answers a repeated key with the
/// first receipt.
async fn send_case(
    case: NewCase,
    key: String,
    attempt_note: WriteSignal<u32>,
) -> Result<CaseReceipt, ApiError> {
    api::with_retries(
        api::SAFE_SEND,
        |n| {
            let _ = attempt_note.try_set(n);
        },
        || api::post::<_, CaseReceipt>("/cases", &case, Some(&key)),
    )
    .await
}

/// Lower case through the browser: `str::to_lowercase` would ship Rust's Unicode
/// case tables in the wasm (about 6 KB gzip) for two labels.
fn lower(s: &str) -> String {
    String::from(js_sys::JsString::from(s).to_lower_case())
}

/// Which step asks for a field, to link errors from the backend back to it.
fn step_of(field: &str) -> Step {
    match field {
        "case_type" => Step::Type,
        "agency" | "procedure" => Step::Agency,
        "description" | "event_date" | "place" => Step::WhatHappened,
        "attachments" => Step::Attachments,
        "consent" => Step::Consent,
        _ => Step::Contact,
    }
}

#[component]
pub fn ReviewPage(deployment: Deployment) -> impl IntoView {
    let draft = use_draft();
    let navigate = use_navigate();
    let catalog = use_catalog().0;
    let (sending, set_sending) = signal(false);
    let (retries, set_retries) = signal(0u32);
    let (failure, set_failure) = signal(None::<ApiError>);
    let (field_errors, set_field_errors) = signal(Vec::<FieldError>::new());
    let title = tr_signal(|t| t.review_title);
    let prefix = Signal::derive(move || {
        if field_errors.with(Vec::is_empty) && failure.with(Option::is_none) {
            String::new()
        } else {
            t().error_title_prefix.to_string()
        }
    });
    use_page_title(title, prefix);

    let dep = StoredValue::new(deployment.clone());
    let type_name = move || {
        let slug = draft.0.with(|d| d.case_type.clone())?;
        dep.with_value(|dep| {
            dep.case_type_name(&slug, use_lang().get().code())
                .map(str::to_string)
        })
    };
    let agency_name = move || {
        let acronym = draft.0.with(|d| d.agency.clone()).unwrap_or_default();
        if acronym.is_empty() {
            return t().agency_unknown.to_string();
        }
        match catalog.get() {
            Some(Ok(engine)) => engine.agency_name(&acronym),
            _ => acronym,
        }
    };
    let send = move |_| {
        if sending.get_untracked() {
            return;
        }
        let lang = use_lang().get_untracked();
        let (case, key, procedure_name) = draft.0.with_untracked(|d| {
            (
                new_case(d, lang.code()),
                d.idempotency_key.clone(),
                d.procedure_name.clone(),
            )
        });
        let (attachments, identity) = (case.attachments.len(), case.identity);
        set_sending.set(true);
        set_failure.set(None);
        set_field_errors.set(Vec::new());
        let navigate = navigate.clone();
        leptos::task::spawn_local_scoped(async move {
            match send_case(case, key, set_retries).await {
                Ok(receipt) => {
                    kept_cases::keep_receipt_for_tab(&KeptReceipt {
                        receipt: receipt.clone(),
                        procedure_name,
                        attachments,
                        identity: Some(identity),
                    });
                    draft.discard();
                    // Replace: Back from the confirmation must not offer to send again.
                    navigate(
                        &format!("/contacto/enviado/{}", receipt.ticket),
                        NavigateOptions {
                            replace: true,
                            ..Default::default()
                        },
                    );
                }
                Err(ApiError::Problem(p)) if !p.errors.is_empty() => {
                    let _ =
                        set_field_errors.try_set(localize(lang, p.errors, &dep.get_value().intake));
                    let _ = set_sending.try_set(false);
                }
                Err(e) => {
                    let _ = set_failure.try_set(Some(e));
                    let _ = set_sending.try_set(false);
                }
            }
        });
    };

    let row = move |label: &'static str, value: String, step: Step| {
        let change = format!("{}?volver=revisar", step.href());
        view! {
            <div class="cc-summary-list__row">
                <dt>{label}</dt>
                <dd class="cc-pre-wrap">{value}</dd>
                <dd class="cc-summary-list__action">
                    <A href=change attr:class="cc-link">{t().change}<span class="cc-visually-hidden">{format!(" {}", lower(label))}</span></A>
                </dd>
            </div>
        }
    };

    view! {
        <div class="cc-width cc-page cc-wizard">
            <QuickExit />
            <A href=Step::Consent.href() attr:class="cc-back-link">{tr(|t| t.back)}</A>
            <h1 class="cc-heading-xl" tabindex="-1">{tr(|t| t.review_title)}</h1>
            <Show when=move || !field_errors.with(Vec::is_empty)>
                <div class="cc-error-summary" role="alert" aria-labelledby="review-errors-title">
                    <h2 id="review-errors-title" class="cc-heading-m">{tr(|t| t.error_summary_title)}</h2>
                    <ul class="cc-error-summary__list">
                        {move || field_errors.get().into_iter().map(|e| {
                            let href = format!("{}?volver=revisar", step_of(&e.field).href());
                            view! { <li><A href=href>{e.message}</A></li> }
                        }).collect_view()}
                    </ul>
                </div>
            </Show>
            {move || {
                let tt = t();
                let d = draft.0.get();
                let when_where = [d.event_date().map(|x| long_date(tt, &x)), Some(d.place.trim().to_string()).filter(|p| !p.is_empty())]
                    .into_iter().flatten().collect::<Vec<_>>().join(" · ");
                let files = if d.attachments.is_empty() { tt.none.to_string() } else { d.attachments.iter().map(|a| a.name.clone()).collect::<Vec<_>>().join(", ") };
                let identity = match d.identity {
                    Some(Identity::Anonymous) => tt.identity_anonymous.to_string(),
                    Some(Identity::Confidential) => format!("{} — {}", tt.identity_confidential, d.name),
                    _ => d.name.clone(),
                };
                let contact = [d.email.trim(), d.phone.trim()].into_iter().filter(|s| !s.is_empty()).collect::<Vec<_>>().join(" · ");
                let anonymous = d.identity == Some(Identity::Anonymous);
                view! {
                    <dl class="cc-summary-list">
                        {row(tt.review_type, type_name().unwrap_or_default(), Step::Type)}
                        {row(tt.review_agency, match d.procedure_name.clone() { Some(p) => format!("{} — {p}", agency_name()), None => agency_name() }, Step::Agency)}
                        {row(tt.review_description, d.description.clone(), Step::WhatHappened)}
                        {(!when_where.is_empty()).then(|| row(tt.review_when_where, when_where.clone(), Step::WhatHappened))}
                        {row(tt.review_attachments, files, Step::Attachments)}
                        {row(tt.review_identity, identity, Step::Contact)}
                        {(!anonymous).then(|| row(tt.review_contact, contact.clone(), Step::Contact))}
                        {row(tt.review_consent, tt.review_consent_yes.to_string(), Step::Consent)}
                    </dl>
                }
            }}
            <h2 class="cc-heading-m">{tr(|t| t.review_send_title)}</h2>
            <p>{tr(|t| t.review_send_text)}</p>
            {move || failure.get().map(|e| view! {
                <div class="cc-error-panel" role="alert">
                    <h2 class="cc-heading-m">{t().send_failed_title}</h2>
                    <p>{e.message(t())}</p>
                    <p>{t().send_failed_nothing_lost}</p>
                </div>
            })}
            <button type="button" class="cc-button" on:click=send aria-disabled=move || sending.get().then_some("true")>
                {move || match type_name() {
                    _ if failure.with(Option::is_some) => t().send_retry.to_string(),
                    name => t().send_button(name.map(|n| lower(&n)).as_deref()),
                }}
            </button>
            <p role="status" class="cc-caption">
                {move || sending.get().then(|| {
                    t().sending_retry(retries.get() + 1)
                })}
            </p>
        </div>
    }
}

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
        <div class="cc-width cc-page cc-receipt">
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
    let track = format!(
        "/seguimiento/{}#codigo={}",
        r.ticket,
        r.access_code.replace('-', "")
    );
    let phone = deployment
        .get()
        .map(|d| tt.error_other_channels(&d.channels.phone, &d.channels.phone_hours));
    let due = tt.confirm_due(r.response_days, &long_date(tt, &r.due_date));
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
        <h2 class="cc-heading-m">{tt.confirm_code_title}</h2>
        <p>{tt.confirm_code_text}</p>
        <p class="cc-code" id="access-code">{r.access_code.clone()}</p>
        <div class="cc-warning-text"><strong>{tt.confirm_code_warning}</strong></div>
        <p id="follow-at" class="cc-break-words">{tt.receipt_follow_at(&follow_at)}</p>
        <ReceiptSummary kept=kept.clone() />
        <h2 class="cc-heading-m">{tt.confirm_next_title}</h2>
        <p>{due}</p>
        <p class="cc-caption">{tt.business_days_explained}</p>
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
        let agency = r
            .agency_name
            .clone()
            .unwrap_or_else(|| tt.agency_unknown.to_string());
        let agency = match &kept.procedure_name {
            Some(p) => format!("{agency} — {p}"),
            None => agency,
        };
        let identity = kept.identity.map(|i| match i {
            Identity::Anonymous => tt.identity_anonymous,
            Identity::Confidential => tt.identity_confidential,
            Identity::Identified => tt.identity_identified,
        });
        view! {
            <h2 class="cc-heading-m">{tt.receipt_title}</h2>
            <dl class="cc-summary-list" id="receipt-summary">
                {row(tt.review_type, type_name)}
                {row(tt.review_agency, agency)}
                {row(tt.receipt_filed_on, long_date(tt, &r.filed_on))}
                {row(tt.receipt_due, long_date(tt, &r.due_date))}
                {row(tt.receipt_attachments, kept.attachments.to_string())}
                {identity.map(|i| row(tt.review_identity, i.to_string()))}
            </dl>
        }
    }
}
