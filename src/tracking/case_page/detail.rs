//! The case as the citizen sees it: status in words, due date, the agency's answer
//! first, then what the citizen can do (reply, rate), then the whole timeline.

use cc_core::tracking::{Actor, CaseEvent, CaseStatus, CaseView, EventKind};
use leptos::prelude::*;

use super::download::DownloadButton;
use super::rating::RatingForm;
use super::reply::ReplyForm;
use crate::components::format::long_date;
use crate::components::{navigation_check, SaveOnDevice};
use crate::context::use_deployment;
use crate::i18n::{content_lang, use_lang};
use crate::tracking::texts::{t, TrackingTexts};

pub fn status_name(t: &TrackingTexts, s: CaseStatus) -> &'static str {
    match s {
        CaseStatus::Received => t.status_received,
        CaseStatus::Assigned => t.status_assigned,
        CaseStatus::InProgress => t.status_in_progress,
        CaseStatus::WaitingForCitizen => t.status_waiting,
        CaseStatus::Answered => t.status_answered,
        CaseStatus::Closed => t.status_closed,
    }
}

fn status_explanation(t: &TrackingTexts, s: CaseStatus) -> &'static str {
    match s {
        CaseStatus::Received => t.status_received_text,
        CaseStatus::Assigned => t.status_assigned_text,
        CaseStatus::InProgress => t.status_in_progress_text,
        CaseStatus::WaitingForCitizen => t.status_waiting_text,
        CaseStatus::Answered => t.status_answered_text,
        CaseStatus::Closed => t.status_closed_text,
    }
}

fn event_title(t: &TrackingTexts, e: &CaseEvent) -> String {
    match &e.kind {
        EventKind::Filed => t.ev_filed.into(),
        EventKind::Assigned => t.ev_assigned.into(),
        EventKind::StatusChanged { status } => t.ev_status(status_name(t, *status)),
        EventKind::Message => t.ev_message.into(),
        EventKind::InfoRequested { reply_by } => t.ev_info_requested(&long_date(t, reply_by)),
        EventKind::CitizenReply => t.ev_citizen_reply.into(),
        EventKind::Extended { new_due_date } => t.ev_extended(&long_date(t, new_due_date)),
        EventKind::Transferred { to_agency_name, .. } => t.ev_transferred(to_agency_name),
        EventKind::Answered => t.ev_answered.into(),
        EventKind::Closed => t.ev_closed.into(),
        EventKind::Rated => t.ev_rated.into(),
    }
}

/// "15 de diciembre de 2026, 14:30 h" in the person's time zone.
fn date_time(t: &TrackingTexts, rfc3339: &str) -> String {
    let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_str(rfc3339));
    if d.get_time().is_nan() {
        return rfc3339.to_string();
    }
    let iso = crate::components::format::local_iso_date(&d);
    format!(
        "{}, {:02}:{:02} h",
        long_date(t, &iso),
        d.get_hours(),
        d.get_minutes()
    )
}

/// The due-date sentence, with "1 día" and "N días" told apart.
fn due_text(tt: &TrackingTexts, view: &CaseView) -> String {
    tt.due(
        &long_date(tt, &view.due_date),
        view.business_days_left,
        view.status.term_running(),
    )
}

/// The agency's latest answer, shown before anything else the person can do.
fn latest_answer(view: &CaseView) -> Option<CaseEvent> {
    view.events
        .iter()
        .rev()
        .find(|e| matches!(e.kind, EventKind::Answered) && e.message.is_some())
        .cloned()
}

#[component]
pub fn CaseDetail(
    view: CaseView,
    code: String,
    case: RwSignal<Option<CaseView>>,
    /// What just happened ("we sent your answer"), shown first and focused.
    notice: RwSignal<Option<String>>,
) -> impl IntoView {
    let deployment = use_deployment();
    let case_type = view.case_type.clone();
    let type_name = move || {
        deployment
            .get()
            .and_then(|d| {
                d.case_type_name(&case_type, use_lang().get().code())
                    .map(str::to_string)
            })
            .unwrap_or_else(|| case_type.clone())
    };
    // Agency messages are written in the content language.
    let agency_lang = content_lang();
    // Focus after this view is on screen: the notice when there is one, otherwise the
    // heading when the person arrived here from another page of the app.
    let navigated = navigation_check();
    request_animation_frame(move || {
        let doc = web_sys::window().and_then(|w| w.document());
        let target = if notice.get_untracked().is_some() {
            "#case-notice"
        } else if navigated() {
            "main h1"
        } else {
            return;
        };
        if let Some(el) = doc.and_then(|d| d.query_selector(target).ok().flatten()) {
            use wasm_bindgen::JsCast;
            let _ = el.unchecked_into::<web_sys::HtmlElement>().focus();
        }
    });
    let overdue = view.status.term_running() && view.business_days_left < 0;
    let ticket = view.ticket.clone();
    let answer = latest_answer(&view);
    let events = view.events.clone();
    let agency_name = view.agency_name.clone();
    let status = view.status;
    let view_for_due = view.clone();
    let caps = crate::api::backend().capabilities();
    // Another backend's own word for the status is shown as it gave it.
    let status_text = view.status_text.clone();
    let has_due = !view.due_date.is_empty();
    let legal_due = caps.legal_due_dates;
    let type_shown = caps.procedures;
    // How a case a staff member filed came in; the web's says nothing new.
    let received = view
        .channel
        .is_assisted()
        .then(|| (view.channel, view.filed_on.clone()));
    view! {
        {move || notice.get().map(|n| view! {
            <div class="cc-notification cc-notification--success" id="case-notice" tabindex="-1" role="status">
                <p class="cc-heading-s">{n}</p>
            </div>
        })}
        {if type_shown {
            view! { <p class="cc-caption">{type_name} " · " {move || agency_name.clone().unwrap_or_else(|| t().agency_unknown.to_string())}</p> }.into_any()
        } else {
            agency_name.clone().map(|a| view! { <p class="cc-caption">{a}</p> }).into_any()
        }}
        <h1 class="cc-heading-xl" tabindex="-1">{move || t().case_title(&view.ticket)}</h1>
        {received.map(|(channel, filed_on)| view! {
            <p class="cc-body-l" id="case-received">{move || t().received_via(channel, &long_date(t(), &filed_on))}</p>
        })}
        <div class="cc-status" class:cc-status--waiting=status == CaseStatus::WaitingForCitizen>
            <p class="cc-status__label">{move || t().case_status}</p>
            <p class="cc-status__value" id="case-status">{move || status_text.clone().unwrap_or_else(|| status_name(t(), status).to_string())}</p>
            <p>{move || status_explanation(t(), status)}</p>
            {view.reply_by.clone().map(|d| view! { <p><strong>{move || t().reply_by(&long_date(t(), &d))}</strong></p> })}
        </div>
        {(has_due && legal_due).then(|| view! {
            <div class="cc-due" class:cc-due--overdue=overdue>
                // "Vencido" is written out, with a border: never colour alone.
                {overdue.then(|| view! { <strong class="cc-due__flag">{move || t().overdue_flag}</strong> })}
                <p id="due-date">{move || due_text(t(), &view_for_due)}</p>
                <p class="cc-caption">{move || t().business_days_explained}</p>
            </div>
        })}
        {(has_due && !legal_due).then(|| {
            let date = view.due_date.clone();
            view! { <p class="cc-due" id="due-date">{move || t().expected_on(&long_date(t(), &date))}</p> }
        })}
        {answer.map(|a| {
            let (ticket, code) = (ticket.clone(), code.clone());
            view! {
                <section class="cc-answer" aria-labelledby="answer-title" id="case-answer">
                    <h2 id="answer-title" class="cc-heading-l">{move || t().ev_answered}</h2>
                    <p class="cc-caption"><time datetime=a.at.clone()>{date_time(t(), &a.at)}</time></p>
                    <p class="cc-pre-wrap cc-break-words" lang=move || agency_lang.get()>{a.message.clone()}</p>
                    {(!a.attachments.is_empty()).then(|| view! {
                        <ul class="cc-file-list">
                            {a.attachments.iter().map(|f| view! { <li><DownloadButton ticket=ticket.clone() code=code.clone() file=f.clone() /></li> }).collect_view()}
                        </ul>
                    })}
                </section>
            }
        })}
        {view.can_reply.then(|| view! { <ReplyForm ticket=ticket.clone() code=code.clone() case=case notice=notice /> })}
        {view.can_rate.then(|| view! { <RatingForm ticket=ticket.clone() code=code.clone() case=case notice=notice /> })}
        {view.rating.clone().map(|r| view! { <p class="cc-inset">{move || t().rating_thanks(r.score)}</p> })}
        <Timeline events=events ticket=ticket.clone() code=code.clone() agency_lang=agency_lang />
        <h2 class="cc-heading-m">{move || t().case_what_you_wrote}</h2>
        <p class="cc-pre-wrap cc-inset cc-break-words">{view.description.clone()}</p>
        <SaveOnDevice ticket=ticket.clone() access_code=code.clone() />
    }
}

#[component]
fn Timeline(
    events: Vec<CaseEvent>,
    ticket: String,
    code: String,
    agency_lang: Signal<Option<String>>,
) -> impl IntoView {
    let tt = t();
    view! {
        <h2 class="cc-heading-l">{tt.timeline_title}</h2>
        <ol class="cc-timeline">
            {events.into_iter().rev().map(|e| {
                let who = match e.actor { Actor::Citizen => tt.actor_citizen, Actor::Staff => tt.actor_agency, Actor::System => tt.actor_system };
                let from_agency = e.actor == Actor::Staff;
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
                        {e.message.clone().map(|m| view! {
                            <p class="cc-pre-wrap cc-break-words cc-timeline__message"
                                lang=move || if from_agency { agency_lang.get() } else { None }>{m}</p>
                        })}
                        {(!e.attachments.is_empty()).then(|| view! {
                            <ul class="cc-file-list">
                                {e.attachments.iter().map(|a| view! { <li><DownloadButton ticket=ticket.clone() code=code.clone() file=a.clone() /></li> }).collect_view()}
                            </ul>
                        })}
                    </li>
                }
            }).collect_view()}
        </ol>
    }
}
