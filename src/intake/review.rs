//! `/contacto/revisar`: check your answers, then send.

use cc_core::api::FieldError;
use cc_core::config::Deployment;
use cc_core::intake::{CaseReceipt, Identity, NewCase};
use cc_core::open311::Attribute;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;

use super::draft::{use_draft, Draft};
use super::quick_exit::QuickExit;
use super::steps::question_text;
use super::{case_type, Step};
use crate::api::{self, ApiError};
use crate::components::format::long_date;
use crate::components::use_page_title;
use crate::context::use_catalog;
use crate::i18n::localize;
use crate::i18n::use_lang;
use crate::intake::texts::{t, tr, tr_signal};
use crate::kept_cases::{self, KeptReceipt};

/// The case as sent, built from the draft. Contact data of an anonymous case is
/// dropped here, so it never leaves the device.
fn new_case(deployment: &Deployment, d: &Draft, lang: &str) -> NewCase {
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
fn topic_answers(d: &Draft) -> Vec<(Attribute, Vec<String>)> {
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
    attempt_note: WriteSignal<u32>,
) -> Result<CaseReceipt, ApiError> {
    let policy = if api::backend().capabilities().safe_retries {
        api::SAFE_SEND
    } else {
        api::SEND_ONCE
    };
    api::with_retries(
        policy,
        |n| {
            let _ = attempt_note.try_set(n);
        },
        || api::backend().file(&filing),
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
        "topic" => Step::Topic,
        "address" | "location" => Step::Location,
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
        let (filing, procedure_name) = draft.0.with_untracked(|d| {
            let filing = api::Filing {
                case: new_case(&dep.get_value(), d, lang.code()),
                idempotency_key: d.idempotency_key.clone(),
                topic_answers: topic_answers(d),
                location: d.location(),
            };
            (filing, d.procedure_name.clone())
        });
        let (attachments, identity) = (filing.case.attachments.len(), filing.case.identity);
        set_sending.set(true);
        set_failure.set(None);
        set_field_errors.set(Vec::new());
        let navigate = navigate.clone();
        leptos::task::spawn_local_scoped(async move {
            match send_case(filing, set_retries).await {
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

    let caps = api::backend().capabilities();
    let row = move |label: &'static str, value: String, step: Step| {
        row_owned(label.to_string(), value, step)
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
                let several_types = dep.with_value(|dep| dep.case_types.len() != 1);
                let details = d.topic_questions().into_iter().enumerate().filter(|(_, q)| q.variable).map(|(i, q)| {
                    let answer = d.topic_answer(&q.code).iter().map(|v| {
                        q.values.iter().find(|o| o.key == *v).map(|o| o.name.clone()).unwrap_or_else(|| v.clone())
                    }).collect::<Vec<_>>().join(", ");
                    let answer = if answer.is_empty() { tt.none.to_string() } else { answer };
                    row_owned(question_text(&q), answer, Step::Detail(i as u8))
                }).collect_view();
                let place = match (d.position, d.address.trim()) {
                    (Some((lat, long)), _) => tt.location_position_set(lat, long),
                    (None, address) => address.to_string(),
                };
                view! {
                    <dl class="cc-summary-list">
                        {several_types.then(|| row(tt.review_type, type_name().unwrap_or_default(), Step::Type))}
                        {caps.procedures.then(|| row(tt.review_agency, match d.procedure_name.clone() { Some(p) => format!("{} — {p}", agency_name()), None => agency_name() }, Step::Agency))}
                        {(!caps.procedures).then(|| row(tt.review_topic, d.procedure_name.clone().unwrap_or_default(), Step::Topic))}
                        {details}
                        {caps.location.then(|| row(tt.review_location, place.clone(), Step::Location))}
                        {row(tt.review_description, d.description.clone(), Step::WhatHappened)}
                        {(!when_where.is_empty()).then(|| row(tt.review_when_where, when_where.clone(), Step::WhatHappened))}
                        {caps.attachments.then(|| row(tt.review_attachments, files.clone(), Step::Attachments))}
                        {row(tt.review_identity, identity, Step::Contact)}
                        {(!anonymous).then(|| row(tt.review_contact, contact.clone(), Step::Contact))}
                        {row(tt.review_consent, tt.review_consent_yes.to_string(), Step::Consent)}
                    </dl>
                }
            }}
            {(!caps.access_codes).then(|| view! {
                <div class="cc-warning-text" id="public-tracking-warning"><strong>{tr(|t| t.review_public_warning)}</strong></div>
            })}
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

/// One row of the check-answers list, with its "Cambiar" link back to the step.
fn row_owned(label: String, value: String, step: Step) -> impl IntoView {
    let change = format!("{}?volver=revisar", step.href());
    let hidden = format!(" {}", lower(&label));
    view! {
        <div class="cc-summary-list__row">
            <dt>{label}</dt>
            <dd class="cc-pre-wrap">{value}</dd>
            <dd class="cc-summary-list__action">
                <A href=change attr:class="cc-link">{t().change}<span class="cc-visually-hidden">{hidden}</span></A>
            </dd>
        </div>
    }
}
