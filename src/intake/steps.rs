//! `/contacto/:step`: the question pages of the wizard.

use cc_core::api::FieldError;
use cc_core::config::Deployment;
use cc_core::intake::dates::Date;
use cc_core::intake::validation as rules;
use cc_core::intake::Identity;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};
use leptos_router::NavigateOptions;

use super::draft::{use_draft, Draft, DraftStore};
use super::quick_exit::QuickExit;
use super::{allowed_step, case_type, neighbours, progress, Step};
use crate::components::form::{
    Checkbox, ErrorSummary, Errors, RadioOption, Radios, TextArea, TextField,
};
use crate::components::{use_page_title, AttachmentPicker, Loading};
use crate::context::{use_catalog, use_deployment};
use crate::i18n::localize;
use crate::i18n::{fill, t, tr, tr_signal, use_lang};

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
            .map(|(n, m)| fill(t().step_of, &[&n.to_string(), &m.to_string()]))
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
        let found = localize(use_lang().get_untracked(), found);
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
            <QuickExit />
            {back_href.map(|href| view! { <A href=href attr:class="cc-back-link">{tr(|t| t.back)}</A> })}
            <p class="cc-caption cc-progress">{progress_text}</p>
            <ErrorSummary errors=errors />
            <form novalidate on:submit=on_submit>
                {step_body(step, deployment, draft, errors)}
                <button type="submit" class="cc-button">{tr(|t| t.continue_button)}</button>
            </form>
            <DraftNote />
        </div>
    }
    .into_any()
}

/// The question of each step: the page's h1 and title.
fn question(step: Step, deployment: &Deployment, draft: &Draft) -> String {
    let tt = t();
    match step {
        Step::Type => tt.q_type.into(),
        Step::Emergency => tt.q_emergency.into(),
        Step::Agency => tt.q_agency.into(),
        Step::WhatHappened => {
            if case_type(deployment, draft).is_some_and(|c| c.asks_when_where) {
                tt.q_what_happened.into()
            } else {
                tt.q_what_you_need.into()
            }
        }
        Step::Attachments => tt.q_attachments.into(),
        Step::Contact => tt.q_contact.into(),
        Step::Consent => tt.q_consent.into(),
        Step::Review => tt.review_title.into(),
    }
}

/// The checks of one page, with the same rules the backend applies to the whole case.
fn validate_step(step: Step, deployment: &Deployment, d: &Draft) -> Vec<FieldError> {
    let r = &deployment.intake;
    match step {
        Step::Type => {
            rules::validate_case_type(d.case_type.as_deref().unwrap_or(""), &deployment.case_types)
                .into_iter()
                .collect()
        }
        Step::Agency if d.agency.is_none() => {
            vec![FieldError::new("agency", "required", t().err_agency)]
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
    match step {
        Step::Type => type_step(deployment, draft, errors),
        Step::Emergency => emergency_step(deployment),
        Step::Agency => view! { <AgencyStep draft=draft errors=errors /> }.into_any(),
        Step::WhatHappened => what_happened_step(deployment, draft, errors),
        Step::Attachments => {
            view! { <AttachmentsStep deployment=deployment draft=draft errors=errors /> }.into_any()
        }
        Step::Contact => contact_step(deployment, draft, errors),
        Step::Consent => consent_step(deployment, draft, errors),
        Step::Review => ().into_any(),
    }
}

fn type_step(deployment: Deployment, draft: DraftStore, errors: Errors) -> AnyView {
    let types = deployment.case_types.clone();
    let options = Signal::derive(move || {
        let lang = use_lang().get().code();
        types
            .iter()
            .map(|ct| {
                let text = ct.text(lang);
                RadioOption {
                    value: ct.slug.clone(),
                    label: text
                        .map(|x| x.name.clone())
                        .unwrap_or_else(|| ct.slug.clone()),
                    hint: text.map(|x| x.explanation.clone()),
                }
            })
            .collect()
    });
    view! {
        <Radios
            id="case_type"
            legend=tr_signal(|t| t.q_type)
            hint=tr_signal(|t| t.q_type_hint)
            options=options
            value=Signal::derive(move || draft.0.with(|d| d.case_type.clone()))
            on_change=Callback::new(move |v: String| draft.update(|d| {
                // A different type may not allow the identity chosen before.
                if d.case_type.as_deref() != Some(v.as_str()) {
                    d.emergency_seen = false;
                    d.identity = None;
                }
                d.case_type = Some(v);
            }))
            errors=errors
            legend_is_heading=true
        />
    }
    .into_any()
}

fn emergency_step(deployment: Deployment) -> AnyView {
    let phone = deployment.emergency_phone.clone();
    let tel = format!("tel:{}", phone.replace(' ', ""));
    view! {
        <h1 class="cc-heading-xl" tabindex="-1">{tr(|t| t.q_emergency)}</h1>
        <div class="cc-warning-text">
            <strong>
                {tr(|t| t.emergency_danger_before)} " "
                <a class="cc-link" href=tel.clone()>{phone.clone()}</a>
                {tr(|t| t.emergency_danger_after)}
            </strong>
        </div>
        <p>{tr(|t| t.emergency_safe_1)}</p>
        <p>{tr(|t| t.emergency_safe_2)}</p>
    }
    .into_any()
}

/// Agency question, with an optional procedure search (the catalog engine) that fills it.
#[component]
fn AgencyStep(draft: DraftStore, errors: Errors) -> impl IntoView {
    let catalog = use_catalog().0;
    let (search, set_search) = signal(String::new());
    view! {
        {move || match catalog.get() {
            None => view! { <Loading /> }.into_any(),
            Some(Err(e)) => view! { <crate::components::ErrorPanel error=e on_retry=Callback::new(move |_| catalog.refetch()) /> }.into_any(),
            Some(Ok(engine)) => {
                let engine_opts = engine.clone();
                let options = Signal::derive(move || {
                    let mut opts: Vec<RadioOption> = engine_opts
                        .index
                        .agencies
                        .iter()
                        .map(|a| RadioOption { value: a.acronym.clone(), label: a.name.clone(), hint: None })
                        .collect();
                    opts.push(RadioOption { value: String::new(), label: t().agency_unknown.into(), hint: Some(t().agency_unknown_hint.into()) });
                    opts
                });
                let engine_search = engine.clone();
                let suggestions = move || {
                    let q = search.get();
                    if q.trim().chars().count() < 3 {
                        return Vec::new();
                    }
                    let outcome = engine_search.search.search(&q, &Default::default());
                    outcome.hits.into_iter().take(5).map(|h| engine_search.index.procedures[h.doc].clone()).collect::<Vec<_>>()
                };
                let engine_name = engine.clone();
                let chosen = move || {
                    draft.0.with(|d| {
                        let slug = d.procedure.clone()?;
                        let name = d.procedure_name.clone().or_else(|| {
                            engine_name.index.procedures.iter().find(|p| p.slug == slug).map(|p| p.name.clone())
                        })?;
                        Some(name)
                    })
                };
                view! {
                    <Radios
                        id="agency"
                        legend=tr_signal(|t| t.q_agency)
                        hint=tr_signal(|t| t.q_agency_hint)
                        options=options
                        value=Signal::derive(move || draft.0.with(|d| d.agency.clone()))
                        on_change=Callback::new(move |v: String| {
                            draft.update(|d| d.agency = Some(v));
                            clear_agency_error(errors);
                        })
                        errors=errors
                        legend_is_heading=true
                    />
                    <div class="cc-inset">
                        {move || match chosen() {
                            Some(name) => view! {
                                <p id="procedure-chosen" tabindex="-1">{t().procedure_chosen}" "<strong>{name}</strong></p>
                                <button type="button" class="cc-button cc-button--secondary"
                                    on:click=move |_| draft.update(|d| { d.procedure = None; d.procedure_name = None; })>
                                    {t().procedure_remove}
                                </button>
                            }.into_any(),
                            None => {
                                let suggestions = suggestions.clone();
                                view! {
                                <label class="cc-label" for="procedure-search">{t().procedure_search_label}</label>
                                <p class="cc-hint" id="procedure-search-hint">{t().procedure_search_hint}</p>
                                <input id="procedure-search" type="search" class="cc-input" autocomplete="off"
                                    aria-describedby="procedure-search-hint"
                                    prop:value=move || search.get()
                                    on:input=move |ev| set_search.set(event_target_value(&ev)) />
                                <ul class="cc-suggestions" aria-live="polite">
                                    {move || suggestions().into_iter().map(|p| {
                                        let (slug, name, agency) = (p.slug.clone(), p.name.clone(), p.agency.clone());
                                        view! {
                                            <li>
                                                <button type="button" class="cc-button cc-button--secondary cc-suggestion"
                                                    on:click=move |_| {
                                                        let (slug, name, agency) = (slug.clone(), name.clone(), agency.clone());
                                                        draft.update(move |d| {
                                                            d.procedure = Some(slug);
                                                            d.procedure_name = Some(name);
                                                            d.agency = Some(agency);
                                                        });
                                                        set_search.set(String::new());
                                                        // The agency is answered now: the old
                                                        // "Elija la entidad" must go, and focus
                                                        // follows the choice (the button is gone).
                                                        clear_agency_error(errors);
                                                        request_animation_frame(|| crate::components::form::focus_by_id("procedure-chosen"));
                                                    }>
                                                    <span class="cc-visually-hidden">{t().procedure_choose}" "</span>
                                                    {p.name.clone()}
                                                </button>
                                            </li>
                                        }
                                    }).collect_view()}
                                </ul>
                            }.into_any()
                            }
                        }}
                    </div>
                }.into_any()
            }
        }}
    }
}

/// Removes the agency error once an agency is chosen (by a radio or a procedure), so
/// the page never shows an error about an answer that is already given.
fn clear_agency_error(errors: Errors) {
    if errors.with_untracked(|e| e.iter().any(|x| x.field == "agency")) {
        errors.update(|e| e.retain(|x| x.field != "agency"));
    }
}

fn what_happened_step(deployment: Deployment, draft: DraftStore, errors: Errors) -> AnyView {
    let max = deployment.intake.description_max;
    let asks = draft
        .0
        .with_untracked(|d| case_type(&deployment, d).is_some_and(|c| c.asks_when_where));
    let dep = deployment.clone();
    let label = Signal::derive(move || draft.0.with(|d| question(Step::WhatHappened, &dep, d)));
    let set =
        move |f: fn(&mut Draft, String)| Callback::new(move |v: String| draft.update(|d| f(d, v)));
    let date_error = crate::components::form::error_for(errors, "event_date");
    view! {
        <TextArea
            id="description"
            label=label
            hint=tr_signal(|t| t.description_hint)
            value=Signal::derive(move || draft.0.with(|d| d.description.clone()))
            on_input=set(|d, v| d.description = v)
            errors=errors
            max=max
            label_is_heading=true
        />
        {asks.then(|| view! {
            <div class="cc-field" class:cc-field--error=move || date_error.get().is_some()>
                <fieldset class="cc-fieldset" role="group" aria-describedby=move || {
                    if date_error.get().is_some() { "event_date-hint event_date-error" } else { "event_date-hint" }
                }>
                    <legend class="cc-label">{tr(|t| t.date_legend)}</legend>
                    <p class="cc-hint" id="event_date-hint">{tr(|t| t.date_hint)}</p>
                    {move || date_error.get().map(|m| view! {
                        <p class="cc-error-message" id="event_date-error"><span class="cc-visually-hidden">{t().error_prefix}</span>{m}</p>
                    })}
                    <div class="cc-date-input">
                        <DatePart id="event_date" label=tr_signal(|t| t.date_day) width=2
                            value=Signal::derive(move || draft.0.with(|d| d.day.clone())) on_input=set(|d, v| d.day = v) invalid=date_error />
                        <DatePart id="event_date_month" label=tr_signal(|t| t.date_month) width=2
                            value=Signal::derive(move || draft.0.with(|d| d.month.clone())) on_input=set(|d, v| d.month = v) invalid=date_error />
                        <DatePart id="event_date_year" label=tr_signal(|t| t.date_year) width=4
                            value=Signal::derive(move || draft.0.with(|d| d.year.clone())) on_input=set(|d, v| d.year = v) invalid=date_error />
                    </div>
                </fieldset>
            </div>
            <TextField
                id="place"
                label=tr_signal(|t| t.place_label)
                hint=tr_signal(|t| t.place_hint)
                value=Signal::derive(move || draft.0.with(|d| d.place.clone()))
                on_input=set(|d, v| d.place = v)
                errors=errors
            />
        })}
    }
    .into_any()
}

/// One of the day / month / year boxes (GOV.UK date input: three labelled fields are
/// easier than a date picker on cheap phones and with screen readers).
#[component]
fn DatePart(
    id: &'static str,
    label: Signal<String>,
    width: u8,
    value: Signal<String>,
    on_input: Callback<String>,
    invalid: Signal<Option<String>>,
) -> impl IntoView {
    view! {
        <div class="cc-date-input__item">
            <label class="cc-label cc-date-input__label" for=id>{move || label.get()}</label>
            <input
                id=id
                class=format!("cc-input cc-input--width-{width}")
                class:cc-input--error=move || invalid.get().is_some()
                type="text"
                inputmode="numeric"
                autocomplete="off"
                aria-invalid=move || invalid.get().map(|_| "true")
                prop:value=move || value.get()
                on:input=move |ev| on_input.run(event_target_value(&ev))
            />
        </div>
    }
}

#[component]
fn AttachmentsStep(deployment: Deployment, draft: DraftStore, errors: Errors) -> impl IntoView {
    let rules = deployment.intake.clone();
    let max_mb = rules.max_attachment_bytes / (1024 * 1024);
    let max_files = rules.max_attachments;
    let hint = Signal::derive(move || {
        fill(
            t().attachments_hint,
            &[&max_files.to_string(), &max_mb.to_string()],
        )
    });
    view! {
        <h1 class="cc-heading-xl" tabindex="-1">{tr(|t| t.q_attachments)}</h1>
        <p class="cc-hint" id="attachments-hint">{move || hint.get()}</p>
        <AttachmentPicker
            id="attachments"
            label=tr_signal(|t| t.attachments_choose)
            hint_id="attachments-hint"
            list_title=tr_signal(|t| t.attachments_list_title)
            files=Signal::derive(move || draft.0.with(|d| d.attachments.clone()))
            on_add=Callback::new(move |r| draft.update(|d| d.attachments.push(r)))
            on_remove=Callback::new(move |id: String| draft.update(|d| d.attachments.retain(|x| x.id != id)))
            errors=errors
            rules=rules
        />
    }
}

fn contact_step(deployment: Deployment, draft: DraftStore, errors: Errors) -> AnyView {
    let anonymous_allowed = draft
        .0
        .with_untracked(|d| case_type(&deployment, d).is_some_and(|c| c.anonymous_allowed));
    let options = Signal::derive(move || {
        let tt = t();
        let mut opts = vec![
            RadioOption {
                value: Identity::Identified.as_str().into(),
                label: tt.identity_identified.into(),
                hint: Some(tt.identity_identified_hint.into()),
            },
            RadioOption {
                value: Identity::Confidential.as_str().into(),
                label: tt.identity_confidential.into(),
                hint: Some(tt.identity_confidential_hint.into()),
            },
        ];
        if anonymous_allowed {
            opts.push(RadioOption {
                value: Identity::Anonymous.as_str().into(),
                label: tt.identity_anonymous.into(),
                hint: Some(tt.identity_anonymous_hint.into()),
            });
        }
        opts
    });
    let identity_value =
        Signal::derive(move || draft.0.with(|d| d.identity.map(|i| i.as_str().to_string())));
    let set =
        move |f: fn(&mut Draft, String)| Callback::new(move |v: String| draft.update(|d| f(d, v)));
    let shows_fields = move || {
        draft.0.with(|d| {
            matches!(
                d.identity,
                Some(Identity::Identified | Identity::Confidential)
            )
        })
    };
    view! {
        <Radios
            id="identity"
            legend=tr_signal(|t| t.q_contact)
            options=options
            value=identity_value
            on_change=Callback::new(move |v: String| draft.update(|d| {
                d.identity = Some(Identity::parse(&v).unwrap_or_default());
            }))
            errors=errors
            legend_is_heading=true
        />
        <Show when=shows_fields>
            <div class="cc-conditional">
                <TextField id="name" label=tr_signal(|t| t.name_label)
                    value=Signal::derive(move || draft.0.with(|d| d.name.clone())) on_input=set(|d, v| d.name = v)
                    errors=errors autocomplete="name" />
                <p class="cc-body">{tr(|t| t.contact_either)}</p>
                <TextField id="email" label=tr_signal(|t| t.email_label)
                    hint=tr_signal(|t| t.email_hint)
                    value=Signal::derive(move || draft.0.with(|d| d.email.clone())) on_input=set(|d, v| d.email = v)
                    errors=errors input_type="email" autocomplete="email" />
                <TextField id="phone" label=tr_signal(|t| t.phone_label)
                    hint=tr_signal(|t| t.phone_hint)
                    value=Signal::derive(move || draft.0.with(|d| d.phone.clone())) on_input=set(|d, v| d.phone = v)
                    errors=errors input_type="tel" autocomplete="tel" />
                {move || crate::components::form::error_for(errors, "contact").get().map(|m| view! {
                    <p class="cc-error-message" id="contact-error"><span class="cc-visually-hidden">{t().error_prefix}</span>{m}</p>
                })}
            </div>
        </Show>
    }
    .into_any()
}

fn consent_step(deployment: Deployment, draft: DraftStore, errors: Errors) -> AnyView {
    let policy = deployment.privacy_policy_url.clone();
    view! {
        <h1 class="cc-heading-xl" tabindex="-1">{tr(|t| t.q_consent)}</h1>
        <p>{tr(|t| t.consent_what)}</p>
        <ul class="cc-list cc-list--bullet">
            <li>{tr(|t| t.consent_point_use)}</li>
            <li>{tr(|t| t.consent_point_share)}</li>
            <li>{tr(|t| t.consent_point_rights)}</li>
        </ul>
        <p><a class="cc-link" href=policy target="_blank" rel="noopener">{tr(|t| t.consent_read_policy)}</a></p>
        <Checkbox
            id="consent"
            label=tr_signal(|t| t.consent_label)
            checked=Signal::derive(move || draft.0.with(|d| d.consent))
            on_change=Callback::new(move |v: bool| draft.update(|d| d.consent = v))
            errors=errors
        />
    }
    .into_any()
}

/// "Your answers are saved on this device", "delete them when I quick-exit" and
/// "delete my answers" (which asks first: a tap by mistake must not lose a case).
#[component]
pub fn DraftNote() -> impl IntoView {
    let draft = use_draft();
    let navigate = use_navigate();
    let on_deleted = Callback::new(move |_| {
        navigate("/contacto?borrado=1", Default::default());
    });
    view! {
        <div class="cc-draft-note">
            <p class="cc-caption">{tr(|t| t.draft_saved_note)}</p>
            <div class="cc-checkbox cc-checkbox--small">
                <input
                    class="cc-checkbox__input"
                    type="checkbox"
                    id="clear-on-exit"
                    prop:checked=move || draft.0.with(|d| d.clear_on_exit)
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        draft.update(|d| d.clear_on_exit = on);
                    }
                />
                <label class="cc-checkbox__label" for="clear-on-exit">{tr(|t| t.quick_exit_clear_label)}</label>
            </div>
            <super::start::DiscardDraft label=tr_signal(|t| t.draft_delete) on_deleted=on_deleted />
        </div>
    }
}
