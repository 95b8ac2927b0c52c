//! `/contacto/revisar`: check your answers, then send.

use cc_core::config::Deployment;
use cc_core::intake::Identity;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;

use super::draft::use_draft;
use super::quick_exit::QuickExit;
use super::send::{send_draft, Sent};
use super::steps::question_text;
use super::Step;
use crate::api::{self, ApiError};
use crate::components::format::long_date;
use crate::components::use_page_title;
use crate::context::use_catalog;
use crate::i18n::use_lang;
use crate::intake::texts::{t, tr, tr_signal};

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
        "channel" => Step::Channel,
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
    // Answers the backend refused when the outbox sent the case show here at once.
    let (field_errors, set_field_errors) = signal(draft.0.with_untracked(|d| d.refused.clone()));
    // …and when the outbox's send is refused while this page is open.
    Effect::new(move |_| {
        let refused = draft.0.with(|d| d.refused.clone());
        if !refused.is_empty() {
            set_field_errors.set(refused);
        }
    });
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
        set_sending.set(true);
        set_failure.set(None);
        set_field_errors.set(Vec::new());
        if draft.0.with_untracked(|d| !d.refused.is_empty()) {
            draft.update(|d| d.refused.clear());
        }
        let navigate = navigate.clone();
        let deployment = dep.get_value();
        leptos::task::spawn_local_scoped(async move {
            let on_retry = move |n| {
                let _ = set_retries.try_set(n);
            };
            let outcome = send_draft(draft, &deployment, lang, on_retry).await;
            let _ = set_sending.try_set(false);
            match outcome {
                Sent::Filed(ticket) => {
                    // A case filed for a person has its own confirmation, made to be
                    // read out and printed.
                    let page = if api::staff::assisting() {
                        "/atencion/enviado"
                    } else {
                        "/contacto/enviado"
                    };
                    // Replace: Back from the confirmation must not offer to send again.
                    navigate(
                        &format!("{page}/{ticket}"),
                        NavigateOptions {
                            replace: true,
                            ..Default::default()
                        },
                    );
                }
                Sent::Refused(errors) => {
                    let _ = set_field_errors.try_set(errors);
                }
                Sent::Queued => {
                    request_animation_frame(|| crate::components::form::focus_by_id("queued"));
                }
                Sent::Failed(e) => {
                    let _ = set_failure.try_set(Some(e));
                }
            }
        });
    };

    let caps = api::backend().capabilities();
    let assisting = api::staff::assisting();
    let row = move |label: &'static str, value: String, step: Step| {
        row_owned(label.to_string(), value, step)
    };

    view! {
        <div class="cc-width cc-page cc-wizard">
            <super::assisted_banner::AssistedBanner />
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
                        {d.channel.filter(|_| assisting).map(|c| row(tt.review_channel, tt.channel_name(c).to_string(), Step::Channel))}
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
                        {row(tt.review_consent, if assisting { tt.review_consent_verbal } else { tt.review_consent_yes }.to_string(), Step::Consent)}
                    </dl>
                }
            }}
            {move || draft.0.with(|d| d.queued_at.is_some()).then(|| view! {
                <div class="cc-notification" id="queued" tabindex="-1" role="status">
                    <p class="cc-heading-s">{t().queued_title}</p>
                    <p>{t().queued_text}</p>
                </div>
            })}
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
                    // Not "mi queja": the staff member files the person's case.
                    _ if assisting => t().send_assisted.to_string(),
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
