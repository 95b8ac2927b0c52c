//! `/contacto/:step`: the question pages of the wizard. This file is the frame every
//! question shares (quick exit, back link, progress, errors, "Continuar") and the
//! checks per page; each question's body is a component in its own file.

mod agency;
mod attachments;
mod channel;
mod choose_type;
mod consent;
mod contact;
mod detail;
mod draft_note;
mod location;
mod suggestions;
mod topic;
mod what_happened;

pub use draft_note::DraftNote;

use agency::AgencyStep;
use attachments::AttachmentsStep;
use channel::ChannelStep;
use choose_type::{EmergencyStep, TypeStep};
use consent::ConsentStep;
use contact::ContactStep;
use detail::DetailStep;
pub(super) use detail::{question_text, validate_detail};
use location::LocationStep;
use topic::TopicStep;
use what_happened::WhatHappenedStep;

use cc_core::api::FieldError;
use cc_core::config::Deployment;
use cc_core::intake::dates::Date;
use cc_core::intake::validation as rules;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};
use leptos_router::NavigateOptions;

use super::draft::{use_draft, Draft, DraftStore};
use super::quick_exit::QuickExit;
use super::{allowed_step, case_type, neighbours, progress, Step};
use crate::components::form::{ErrorSummary, Errors};
use crate::components::{use_page_title, Loading, ReadAloud};
use crate::context::use_deployment;
use crate::i18n::localize;
use crate::i18n::use_lang;
use crate::intake::texts::{t, tr};

/// Today in the person's time zone (what "the date must be today or before" means).
pub fn today() -> Date {
    let now = js_sys::Date::new_0();
    Date {
        year: now.get_full_year() as i32,
        month: now.get_month() as u8 + 1,
        day: now.get_date() as u8,
    }
}

#[component]
pub fn StepPage() -> impl IntoView {
    let params = use_params_map();
    let deployment = use_deployment();
    move || {
        let slug = params.with(|p| p.get("step").unwrap_or_default());
        match (Step::from_slug(&slug), deployment.get()) {
            (None, _) => view! { <crate::components::NotFound /> }.into_any(),
            (Some(_), None) => view! { <div class="cc-width cc-page"><Loading /></div> }.into_any(),
            (Some(step), Some(dep)) => view! { <StepFrame step=step deployment=dep /> }.into_any(),
        }
    }
}

/// Everything a step page shares: quick exit, back link, progress, error summary,
/// the form with "Continuar", and the title ("Error: " while errors show).
#[component]
fn StepFrame(step: Step, deployment: Deployment) -> impl IntoView {
    let draft = use_draft();
    let navigate = use_navigate();
    let query = use_query_map();
    let errors: Errors = RwSignal::new(Vec::new());

    // A deep link to a later step goes to the first unanswered one instead.
    let allowed = draft
        .0
        .with_untracked(|d| allowed_step(&deployment, d, step));
    if allowed != step {
        navigate(
            &allowed.href(),
            NavigateOptions {
                replace: true,
                ..Default::default()
            },
        );
    }
    if step == Step::Review {
        return view! { <super::review::ReviewPage deployment=deployment /> }.into_any();
    }

    let dep = StoredValue::new(deployment.clone());
    let returning_to_review =
        query.with_untracked(|q| q.get("volver").as_deref() == Some("revisar"));
    let (back, _) = draft.0.with_untracked(|d| neighbours(&deployment, d, step));
    let back_href = if returning_to_review {
        Some(Step::Review.href())
    } else {
        back.map(Step::href)
    };
    let progress_text = move || {
        draft
            .0
            .with(|d| progress(&dep.get_value(), d, step))
            .map(|(n, m)| t().step_of(n, m))
    };
    let title = Signal::derive(move || question(step, &dep.get_value(), &draft.0.get()));
    let prefix = Signal::derive(move || {
        if errors.with(Vec::is_empty) {
            String::new()
        } else {
            t().error_title_prefix.to_string()
        }
    });
    use_page_title(title, prefix);

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let found = draft
            .0
            .with_untracked(|d| validate_step(step, &dep.get_value(), d));
        let found = localize(use_lang().get_untracked(), found, &dep.get_value().intake);
        if !found.is_empty() {
            errors.set(found);
            return;
        }
        errors.set(Vec::new());
        if step == Step::Emergency {
            draft.update(|d| d.emergency_seen = true);
        }
        let next = if returning_to_review {
            Some(Step::Review)
        } else {
            draft
                .0
                .with_untracked(|d| neighbours(&dep.get_value(), d, step))
                .1
        };
        if let Some(next) = next {
            navigate(&next.href(), Default::default());
        }
    };

    view! {
        <div class="cc-width cc-page cc-wizard">
            <super::assisted_banner::AssistedBanner />
            <QuickExit />
            {back_href.map(|href| view! { <A href=href attr:class="cc-back-link">{tr(|t| t.back)}</A> })}
            <p class="cc-caption cc-progress">{progress_text}</p>
            <ReadAloud region="cc-question" />
            <div id="cc-question">
                <ErrorSummary errors=errors />
                <form novalidate on:submit=on_submit>
                    {step_body(step, deployment, draft, errors)}
                    <button type="submit" class="cc-button" data-read-skip="">{tr(|t| t.continue_button)}</button>
                </form>
            </div>
            <DraftNote />
        </div>
    }
    .into_any()
}

/// The question of each step: the page's h1 and title.
pub(super) fn question(step: Step, deployment: &Deployment, draft: &Draft) -> String {
    let tt = t();
    match step {
        Step::Channel => tt.q_channel.into(),
        Step::Type => tt.q_type.into(),
        Step::Emergency => tt.q_emergency.into(),
        Step::Agency => tt.q_agency.into(),
        Step::Topic => tt.q_topic.into(),
        Step::Detail(n) => match draft.topic_questions().get(usize::from(n)) {
            Some(q) if q.variable => question_text(q),
            _ => tt.detail_note_title.into(),
        },
        Step::Location => tt.q_location.into(),
        Step::WhatHappened => {
            if case_type(deployment, draft).is_some_and(|c| c.asks_when_where) {
                tt.q_what_happened.into()
            } else {
                tt.q_what_you_need.into()
            }
        }
        Step::Attachments => tt.q_attachments.into(),
        Step::Contact => tt.q_contact.into(),
        Step::Consent if crate::api::staff::assisting() => tt.q_consent_assisted.into(),
        Step::Consent => tt.q_consent.into(),
        Step::Review => tt.review_title.into(),
    }
}

/// The checks of one page, with the same rules the backend applies to the whole case.
fn validate_step(step: Step, deployment: &Deployment, d: &Draft) -> Vec<FieldError> {
    let r = &deployment.intake;
    match step {
        Step::Channel if d.channel.is_none() => {
            vec![FieldError::new("channel", "required", t().err_channel)]
        }
        Step::Type => {
            rules::validate_case_type(d.case_type.as_deref().unwrap_or(""), &deployment.case_types)
                .into_iter()
                .collect()
        }
        Step::Agency if d.agency.is_none() => {
            vec![FieldError::new("agency", "required", t().err_agency)]
        }
        Step::Topic if d.procedure.is_none() => {
            vec![FieldError::new("topic", "required", t().err_topic)]
        }
        Step::Topic if !d.topic_questions_ready() => {
            vec![FieldError::new("topic", "loading", t().topic_loading)]
        }
        Step::Detail(n) => match d.topic_questions().get(usize::from(n)) {
            Some(q) => validate_detail(q, d),
            None => Vec::new(),
        },
        Step::Location if d.location().is_none() => {
            vec![FieldError::new("address", "required", t().err_location)]
        }
        Step::WhatHappened => {
            let mut out: Vec<FieldError> = rules::validate_description(&d.description, r)
                .into_iter()
                .collect();
            out.extend(rules::validate_event_date(
                d.event_date().as_deref(),
                today(),
            ));
            out.extend(rules::validate_place(&d.place, r));
            out
        }
        Step::Contact => match (d.identity, case_type(deployment, d)) {
            (None, _) => vec![FieldError::new("identity", "required", t().err_identity)],
            (Some(identity), Some(ct)) => {
                let opt = |s: &str| Some(s.trim().to_string()).filter(|s| !s.is_empty());
                let (name, email, phone) = (opt(&d.name), opt(&d.email), opt(&d.phone));
                rules::validate_contact(
                    identity,
                    name.as_deref(),
                    email.as_deref(),
                    phone.as_deref(),
                    ct,
                    r,
                )
            }
            (Some(_), None) => Vec::new(),
        },
        Step::Consent => rules::validate_consent(d.consent).into_iter().collect(),
        _ => Vec::new(),
    }
}

fn step_body(step: Step, deployment: Deployment, draft: DraftStore, errors: Errors) -> AnyView {
    let d = deployment;
    match step {
        Step::Channel => view! { <ChannelStep draft=draft errors=errors /> }.into_any(),
        Step::Type => view! { <TypeStep deployment=d draft=draft errors=errors /> }.into_any(),
        Step::Emergency => view! { <EmergencyStep deployment=d /> }.into_any(),
        Step::Agency => view! { <AgencyStep draft=draft errors=errors /> }.into_any(),
        Step::Topic => view! { <TopicStep draft=draft errors=errors /> }.into_any(),
        Step::Detail(n) => view! { <DetailStep n=n draft=draft errors=errors /> }.into_any(),
        Step::Location => view! { <LocationStep draft=draft errors=errors /> }.into_any(),
        Step::WhatHappened => {
            view! { <WhatHappenedStep deployment=d draft=draft errors=errors /> }.into_any()
        }
        Step::Attachments => {
            view! { <AttachmentsStep deployment=d draft=draft errors=errors /> }.into_any()
        }
        Step::Contact => {
            view! { <ContactStep deployment=d draft=draft errors=errors /> }.into_any()
        }
        Step::Consent => {
            view! { <ConsentStep deployment=d draft=draft errors=errors /> }.into_any()
        }
        Step::Review => ().into_any(),
    }
}
