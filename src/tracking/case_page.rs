//! `/seguimiento/:ticket`: where the case is, its timeline, replying and rating.

use cc_core::api::FieldError;
use cc_core::intake::AttachmentReceipt;
use cc_core::tracking::{Actor, CaseEvent, CaseStatus, CaseView, EventKind, NewReply, Rating};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use serde::{Deserialize, Serialize};
use wasm_bindgen::JsCast;

use super::lookup::LookupForm;
use super::{lookup, my_cases};
use crate::api::{self, ApiError};
use crate::app::use_deployment;
use crate::components::form::{ErrorSummary, Errors, RadioOption, Radios, TextArea};
use crate::components::format::long_date;
use crate::components::{use_page_title, AttachmentPicker, Loading};
use crate::i18n::{fill, t, tr, tr_signal, Texts};
use crate::storage;

/// Reads `#codigo=…` from the address (the confirmation's link puts the code there:
/// fragments never reach servers or logs) and removes it from the address bar.
fn take_code_from_fragment() -> Option<String> {
    // The router's location: during an in-app navigation the new URL (with its
    // fragment) is written to the address bar only after the page renders.
    let hash = leptos_router::hooks::use_location().hash.get_untracked();
    let code = hash
        .strip_prefix("#codigo=")
        .or_else(|| hash.strip_prefix("codigo="))?
        .to_string();
    // After the router has finished this navigation (it writes the URL after the new
    // page renders), drop the fragment so the code is not bookmarked or shared.
    set_timeout(
        || {
            if let Some(w) = web_sys::window() {
                let path = w.location().pathname().unwrap_or_default();
                if let Ok(history) = w.history() {
                    let _ = history.replace_state_with_url(
                        &wasm_bindgen::JsValue::NULL,
                        "",
                        Some(&path),
                    );
                }
            }
        },
        std::time::Duration::from_millis(50),
    );
    cc_core::intake::access_code::normalize_code(&code)
}

#[component]
pub fn CasePage() -> impl IntoView {
    let params = use_params_map();
    let ticket = params.with_untracked(|p| p.get("ticket").unwrap_or_default());
    let ticket = cc_core::intake::ticket::normalize_ticket(&ticket).unwrap_or(ticket);
    let code = RwSignal::new(take_code_from_fragment().or_else(|| my_cases::code_for(&ticket)));
    let case = RwSignal::new(None::<CaseView>);
    let (failure, set_failure) = signal(None::<ApiError>);
    let (loading, set_loading) = signal(false);
    let title = Signal::derive(move || {
        case.with(|c| c.as_ref().map(|c| fill(t().case_title, &[&c.ticket])))
            .unwrap_or_else(|| t().track_title.to_string())
    });
    let form_errors: Errors = RwSignal::new(Vec::new());
    use_page_title(title, super::lookup::error_prefix(form_errors));

    let load = {
        let ticket = ticket.clone();
        move || {
            let Some(c) = code.get_untracked() else {
                return;
            };
            let ticket = ticket.clone();
            set_loading.set(true);
            set_failure.set(None);
            leptos::task::spawn_local_scoped(async move {
                let result = lookup(&ticket, &c).await;
                let _ = set_loading.try_set(false);
                match result {
                    Ok(view) => {
                        my_cases::remember(&view.ticket, &c);
                        let _ = case.try_set(Some(view));
                    }
                    Err(e) if e.status() == Some(404) => {
                        // The saved code no longer works: ask for it again.
                        let _ = code.try_set(None);
                    }
                    Err(e) => {
                        let _ = set_failure.try_set(Some(e));
                    }
                }
            });
        }
    };
    let load_again = load.clone();
    load();
    let on_found = Callback::new(move |(_t, c, view): (String, String, CaseView)| {
        code.set(Some(c));
        case.set(Some(view));
    });
    let ticket_for_form = ticket.clone();
    view! {
        <div class="cc-width cc-page">
            {move || {
                if let Some(view) = case.get() {
                    let c = code.get().unwrap_or_default();
                    return view! { <CaseDetail view=view code=c case=case /> }.into_any();
                }
                if let Some(e) = failure.get() {
                    let retry = load_again.clone();
                    return view! {
                        <h1 class="cc-heading-xl" tabindex="-1">{t().track_title}</h1>
                        <crate::components::ErrorPanel error=e on_retry=Callback::new(move |_| retry()) />
                    }.into_any();
                }
                if loading.get() || code.get().is_some() {
                    return view! { <Loading /> }.into_any();
                }
                view! {
                    <h1 class="cc-heading-xl" tabindex="-1">{fill(t().case_title, &[&ticket_for_form])}</h1>
                    <p>{t().track_code_needed}</p>
                    <LookupForm fixed_ticket=ticket_for_form.clone() errors=form_errors on_found=on_found />
                }.into_any()
            }}
        </div>
    }
}

pub fn status_name(t: &Texts, s: CaseStatus) -> &'static str {
    match s {
        CaseStatus::Received => t.status_received,
        CaseStatus::Assigned => t.status_assigned,
        CaseStatus::InProgress => t.status_in_progress,
        CaseStatus::WaitingForCitizen => t.status_waiting,
        CaseStatus::Answered => t.status_answered,
        CaseStatus::Closed => t.status_closed,
    }
}

fn status_explanation(t: &Texts, s: CaseStatus) -> &'static str {
    match s {
        CaseStatus::Received => t.status_received_text,
        CaseStatus::Assigned => t.status_assigned_text,
        CaseStatus::InProgress => t.status_in_progress_text,
        CaseStatus::WaitingForCitizen => t.status_waiting_text,
        CaseStatus::Answered => t.status_answered_text,
        CaseStatus::Closed => t.status_closed_text,
    }
}

fn event_title(t: &Texts, e: &CaseEvent) -> String {
    match &e.kind {
        EventKind::Filed => t.ev_filed.into(),
        EventKind::Assigned => t.ev_assigned.into(),
        EventKind::StatusChanged { status } => fill(t.ev_status, &[status_name(t, *status)]),
        EventKind::Message => t.ev_message.into(),
        EventKind::InfoRequested { reply_by } => {
            fill(t.ev_info_requested, &[&long_date(t, reply_by)])
        }
        EventKind::CitizenReply => t.ev_citizen_reply.into(),
        EventKind::Extended { new_due_date } => fill(t.ev_extended, &[&long_date(t, new_due_date)]),
        EventKind::Transferred { to_agency_name, .. } => fill(t.ev_transferred, &[to_agency_name]),
        EventKind::Answered => t.ev_answered.into(),
        EventKind::Closed => t.ev_closed.into(),
        EventKind::Rated => t.ev_rated.into(),
    }
}

/// "15 de diciembre de 2026, 14:30 h" in the person's time zone.
fn date_time(t: &Texts, rfc3339: &str) -> String {
    let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_str(rfc3339));
    if d.get_time().is_nan() {
        return rfc3339.to_string();
    }
    let iso = format!(
        "{:04}-{:02}-{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date()
    );
    format!(
        "{}, {:02}:{:02} h",
        long_date(t, &iso),
        d.get_hours(),
        d.get_minutes()
    )
}

#[component]
fn CaseDetail(view: CaseView, code: String, case: RwSignal<Option<CaseView>>) -> impl IntoView {
    let tt = t();
    let deployment = use_deployment();
    let type_name = deployment
        .get_untracked()
        .and_then(|d| {
            d.case_types
                .iter()
                .find(|c| c.slug == view.case_type)
                .and_then(|c| c.text(crate::i18n::use_lang().get_untracked().code()))
                .map(|x| x.name.clone())
        })
        .unwrap_or_else(|| view.case_type.clone());
    let days = view.business_days_left;
    let running = view.status.term_running();
    let due_text = if !running {
        fill(tt.due_was, &[&long_date(tt, &view.due_date)])
    } else if days < 0 {
        fill(
            tt.due_overdue,
            &[&long_date(tt, &view.due_date), &(-days).to_string()],
        )
    } else if days == 0 {
        fill(tt.due_today, &[&long_date(tt, &view.due_date)])
    } else {
        fill(
            tt.due_left,
            &[&long_date(tt, &view.due_date), &days.to_string()],
        )
    };
    let overdue = running && days < 0;
    let ticket = view.ticket.clone();
    let events = view.events.clone();
    view! {
        <p class="cc-caption">{type_name} " · " {view.agency_name.clone().unwrap_or_else(|| tt.agency_unknown.to_string())}</p>
        <h1 class="cc-heading-xl" tabindex="-1">{fill(tt.case_title, &[&view.ticket])}</h1>
        <div class="cc-status" class:cc-status--waiting=view.status == CaseStatus::WaitingForCitizen>
            <p class="cc-status__label">{tt.case_status}</p>
            <p class="cc-status__value" id="case-status">{status_name(tt, view.status)}</p>
            <p>{status_explanation(tt, view.status)}</p>
            {view.reply_by.clone().map(|d| view! { <p><strong>{fill(tt.reply_by, &[&long_date(tt, &d)])}</strong></p> })}
        </div>
        <div class="cc-due" class:cc-due--overdue=overdue>
            // "Vencido" is written out, with a border: never colour alone.
            {overdue.then(|| view! { <strong class="cc-due__flag">{tt.overdue_flag}</strong> })}
            <p id="due-date">{due_text}</p>
            <p class="cc-caption">{tt.business_days_explained}</p>
        </div>
        {view.can_reply.then(|| view! { <ReplyForm ticket=ticket.clone() code=code.clone() case=case /> })}
        {view.can_rate.then(|| view! { <RatingForm ticket=ticket.clone() code=code.clone() case=case /> })}
        {view.rating.clone().map(|r| view! { <p class="cc-inset">{fill(tt.rating_thanks, &[&r.score.to_string()])}</p> })}
        <h2 class="cc-heading-l">{tt.timeline_title}</h2>
        <ol class="cc-timeline">
            {events.into_iter().rev().map(|e| {
                let who = match e.actor { Actor::Citizen => tt.actor_citizen, Actor::Staff => view.agency_name.clone().map(|_| tt.actor_agency).unwrap_or(tt.actor_agency), Actor::System => tt.actor_system };
                let legal = match &e.kind {
                    EventKind::InfoRequested { .. } => Some(tt.legal_art17),
                    EventKind::Extended { .. } => Some(tt.legal_art14),
                    EventKind::Transferred { .. } => Some(tt.legal_art21),
                    _ => None,
                };
                let code = code.clone();
                let ticket = ticket.clone();
                view! {
                    <li class="cc-timeline__item">
                        <h3 class="cc-heading-s cc-timeline__title">{event_title(tt, &e)}</h3>
                        <p class="cc-caption"><time datetime=e.at.clone()>{date_time(tt, &e.at)}</time>" · "{who}</p>
                        {legal.map(|l| view! { <p class="cc-caption cc-legal">{l}</p> })}
                        {e.message.clone().map(|m| view! { <p class="cc-pre-wrap cc-timeline__message">{m}</p> })}
                        {(!e.attachments.is_empty()).then(|| view! {
                            <ul class="cc-file-list">
                                {e.attachments.iter().map(|a| view! { <li><DownloadButton ticket=ticket.clone() code=code.clone() file=a.clone() /></li> }).collect_view()}
                            </ul>
                        })}
                    </li>
                }
            }).collect_view()}
        </ol>
        <h2 class="cc-heading-m">{tt.case_what_you_wrote}</h2>
        <p class="cc-pre-wrap cc-inset">{view.description.clone()}</p>
    }
}

/// Attachments need the access code, so they are fetched and handed to the browser
/// as a download instead of being plain links.
#[component]
fn DownloadButton(ticket: String, code: String, file: AttachmentReceipt) -> impl IntoView {
    let name = file.name.clone();
    let on_click = move |_| {
        let (ticket, code, file) = (ticket.clone(), code.clone(), file.clone());
        leptos::task::spawn_local_scoped(async move {
            let path = format!("/cases/{}/attachments/{}", ticket, file.id);
            if let Ok(bytes) = api::get_bytes(&path, &[("X-Access-Code", &code)]).await {
                save_bytes(&bytes, &file.name, &file.media_type);
            }
        });
    };
    view! {
        <button type="button" class="cc-button cc-button--secondary" on:click=on_click>
            {tr(|t| t.download)}" "{name.clone()}
        </button>
    }
}

fn save_bytes(bytes: &[u8], name: &str, media_type: &str) {
    let array = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(media_type);
    let Ok(blob) = web_sys::Blob::new_with_u8_array_sequence_and_options(&array, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let Ok(a) = doc.create_element("a") {
        let a: web_sys::HtmlElement = a.unchecked_into();
        let _ = a.set_attribute("href", &url);
        let _ = a.set_attribute("download", name);
        a.click();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

/// A reply in progress, kept per case like the wizard's draft.
#[derive(Clone, Default, Serialize, Deserialize)]
#[serde(default)]
struct ReplyDraft {
    idempotency_key: String,
    message: String,
    attachments: Vec<AttachmentReceipt>,
}

fn reply_key(ticket: &str) -> String {
    format!("cc-reply-{ticket}")
}

#[component]
fn ReplyForm(ticket: String, code: String, case: RwSignal<Option<CaseView>>) -> impl IntoView {
    let key = reply_key(&ticket);
    let saved: ReplyDraft = storage::get_json(&key).unwrap_or_default();
    let draft = RwSignal::new(if saved.idempotency_key.is_empty() {
        ReplyDraft {
            idempotency_key: api::random_uuid(),
            ..saved
        }
    } else {
        saved
    });
    let key_for_save = key.clone();
    Effect::new(move |_| {
        let d = draft.get();
        storage::set_json(&key_for_save, &d);
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
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if sending.get_untracked() {
            return;
        }
        let d = draft.get_untracked();
        if d.message.trim().is_empty() {
            errors.set(vec![FieldError {
                field: "reply".into(),
                code: "required".into(),
                message: t().reply_required.into(),
            }]);
            return;
        }
        if d.message.chars().count() > max {
            errors.set(vec![FieldError {
                field: "reply".into(),
                code: "too_long".into(),
                message: t().err_description_long.into(),
            }]);
            return;
        }
        errors.set(Vec::new());
        set_sending.set(true);
        let (ticket, code, key) = (ticket.clone(), code.clone(), key.clone());
        leptos::task::spawn_local_scoped(async move {
            let body = NewReply {
                message: d.message.trim().to_string(),
                attachments: d.attachments.iter().map(|a| a.id.clone()).collect(),
            };
            let path = format!("/cases/{ticket}/replies");
            let headers = [
                ("X-Access-Code", code.as_str()),
                ("Idempotency-Key", d.idempotency_key.as_str()),
            ];
            // Same retry policy as the wizard: safe because of the idempotency key.
            let mut result = api::post_with::<_, CaseView>(&path, &body, &headers).await;
            let mut delay = 1000;
            for _ in 0..3 {
                match &result {
                    Err(e) if e.is_transient() => {
                        gloo_timers::future::TimeoutFuture::new(delay).await;
                        delay *= 2;
                        result = api::post_with::<_, CaseView>(&path, &body, &headers).await;
                    }
                    _ => break,
                }
            }
            let _ = set_sending.try_set(false);
            match result {
                Ok(view) => {
                    storage::remove(&key);
                    let _ = case.try_set(Some(view));
                    crate::components::focus_heading();
                }
                Err(ApiError::Problem(p)) if !p.errors.is_empty() => {
                    let _ = errors.try_set(p.errors);
                }
                Err(e) => {
                    let _ = set_failure.try_set(Some(e));
                }
            }
        });
    };
    view! {
        <section class="cc-reply" aria-labelledby="reply-title">
            <h2 id="reply-title" class="cc-heading-l">{tr(|t| t.reply_title)}</h2>
            <ErrorSummary errors=errors />
            {move || failure.get().map(|e| view! {
                <div class="cc-error-panel" role="alert"><p>{e.message(t())}</p><p>{t().send_failed_nothing_lost}</p></div>
            })}
            <form novalidate on:submit=on_submit>
                <TextArea id="reply" label=tr_signal(|t| t.reply_label)
                    hint=tr_signal(|t| t.reply_hint)
                    value=Signal::derive(move || draft.with(|d| d.message.clone()))
                    on_input=Callback::new(move |v: String| draft.update(|d| d.message = v))
                    errors=errors max=max />
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

#[component]
fn RatingForm(ticket: String, code: String, case: RwSignal<Option<CaseView>>) -> impl IntoView {
    let errors: Errors = RwSignal::new(Vec::new());
    let answered = RwSignal::new(None::<String>);
    let clear = RwSignal::new(None::<String>);
    let score = RwSignal::new(None::<String>);
    let comment = RwSignal::new(String::new());
    let (sending, set_sending) = signal(false);
    let yes_no = Signal::derive(|| {
        vec![
            RadioOption {
                value: "si".into(),
                label: t().yes.into(),
                hint: None,
            },
            RadioOption {
                value: "no".into(),
                label: t().no.into(),
                hint: None,
            },
        ]
    });
    let scores = Signal::derive(|| {
        let tt = t();
        [tt.score_1, tt.score_2, tt.score_3, tt.score_4, tt.score_5]
            .iter()
            .enumerate()
            .map(|(i, l)| RadioOption {
                value: (i + 1).to_string(),
                label: format!("{} — {l}", i + 1),
                hint: None,
            })
            .collect()
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut found = Vec::new();
        let req = |f: &str, m: &str| FieldError {
            field: f.into(),
            code: "required".into(),
            message: m.into(),
        };
        if answered.get_untracked().is_none() {
            found.push(req("rating_answered", t().rating_answered_required));
        }
        if clear.get_untracked().is_none() {
            found.push(req("rating_clear", t().rating_clear_required));
        }
        if score.get_untracked().is_none() {
            found.push(req("rating_score", t().rating_score_required));
        }
        if !found.is_empty() {
            errors.set(found);
            return;
        }
        errors.set(Vec::new());
        let rating = Rating {
            answered: answered.get_untracked().as_deref() == Some("si"),
            clear: clear.get_untracked().as_deref() == Some("si"),
            score: score
                .get_untracked()
                .and_then(|s| s.parse().ok())
                .unwrap_or(3),
            comment: Some(comment.get_untracked().trim().to_string()).filter(|c| !c.is_empty()),
        };
        set_sending.set(true);
        let (ticket, code) = (ticket.clone(), code.clone());
        leptos::task::spawn_local_scoped(async move {
            let result = api::post_with::<_, CaseView>(
                &format!("/cases/{ticket}/rating"),
                &rating,
                &[("X-Access-Code", code.as_str())],
            )
            .await;
            let _ = set_sending.try_set(false);
            match result {
                Ok(view) => {
                    let _ = case.try_set(Some(view));
                }
                Err(ApiError::Problem(p)) if !p.errors.is_empty() => {
                    let _ = errors.try_set(p.errors);
                }
                Err(e) => {
                    let _ = errors.try_set(vec![FieldError {
                        field: "rating_score".into(),
                        code: "send".into(),
                        message: e.message(t()),
                    }]);
                }
            }
        });
    };
    view! {
        <section class="cc-rating" aria-labelledby="rating-title">
            <h2 id="rating-title" class="cc-heading-l">{tr(|t| t.rating_title)}</h2>
            <p>{tr(|t| t.rating_lead)}</p>
            <ErrorSummary errors=errors />
            <form novalidate on:submit=on_submit>
                <Radios id="rating_answered" legend=tr_signal(|t| t.rating_answered) options=yes_no
                    value=answered.into() on_change=Callback::new(move |v| answered.set(Some(v))) errors=errors />
                <Radios id="rating_clear" legend=tr_signal(|t| t.rating_clear) options=yes_no
                    value=clear.into() on_change=Callback::new(move |v| clear.set(Some(v))) errors=errors />
                <Radios id="rating_score" legend=tr_signal(|t| t.rating_score) options=scores
                    value=score.into() on_change=Callback::new(move |v| score.set(Some(v))) errors=errors />
                <TextArea id="rating_comment" label=tr_signal(|t| t.rating_comment)
                    value=comment.into() on_input=Callback::new(move |v| comment.set(v)) errors=errors max=1000 />
                <button type="submit" class="cc-button" aria-disabled=move || sending.get().then_some("true")>{tr(|t| t.rating_send)}</button>
            </form>
        </section>
    }
}
