//! `/mis-casos`: the cases filed or looked up on this device, refreshed on open.

use cc_core::tracking::{CaseStatus, CaseView};
use leptos::prelude::*;
use leptos_router::components::A;

use super::case_page::status_name;
use super::lookup;
use crate::components::PageHeading;
use crate::kept_cases;
use crate::tracking::texts::{t, tr, tr_signal};

#[derive(Clone)]
enum Row {
    Loading(String),
    Found(Box<CaseView>),
    /// The code no longer opens the case (or never did).
    Missing(String),
    /// No answer now; the status last seen, when this device kept one.
    Offline(String, Option<(CaseStatus, f64)>),
}

impl Row {
    fn ticket(&self) -> String {
        match self {
            Row::Found(v) => v.ticket.clone(),
            Row::Loading(t) | Row::Missing(t) | Row::Offline(t, _) => t.clone(),
        }
    }
}

/// "26 de noviembre de 2026" for a moment in milliseconds, in the person's time zone.
fn seen_on(ms: f64) -> String {
    use crate::components::format::{local_iso_date, long_date};
    let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms));
    long_date(t(), &local_iso_date(&d))
}

#[component]
pub fn MyCasesPage() -> impl IntoView {
    let rows = RwSignal::new(
        kept_cases::saved_cases()
            .into_iter()
            .map(|c| Row::Loading(c.ticket))
            .collect::<Vec<_>>(),
    );
    for saved in kept_cases::saved_cases() {
        leptos::task::spawn_local_scoped(async move {
            let row = match lookup(&saved.ticket, &saved.access_code).await {
                Ok(view) => Row::Found(Box::new(view)),
                Err(e) if e.status() == Some(404) => Row::Missing(saved.ticket.clone()),
                Err(_) => {
                    let seen = saved
                        .last_status
                        .as_deref()
                        .and_then(CaseStatus::parse)
                        .zip(saved.seen_at);
                    Row::Offline(saved.ticket.clone(), seen)
                }
            };
            let _ = rows.try_update(|rs| {
                if let Some(slot) = rs.iter_mut().find(|r| r.ticket() == saved.ticket) {
                    *slot = row;
                }
            });
        });
    }
    let forget = move |ticket: String| {
        kept_cases::forget_case(&ticket);
        rows.update(|rs| rs.retain(|r| r.ticket() != ticket));
    };
    view! {
        <div class="cc-width cc-page">
            <PageHeading title=tr_signal(|t| t.my_cases_title) />
            <p>{tr(|t| t.my_cases_lead)}</p>
            {move || {
                let list = rows.get();
                if list.is_empty() {
                    return view! {
                        <p class="cc-inset">{t().my_cases_empty}</p>
                        <A href="/seguimiento" attr:class="cc-button">{t().nav_track}</A>
                    }.into_any();
                }
                view! {
                    <ul class="cc-case-list">
                        {list.into_iter().map(|row| {
                            let ticket = row.ticket();
                            let href = format!("/seguimiento/{ticket}");
                            let detail = match &row {
                                Row::Loading(_) => t().loading.to_string(),
                                Row::Found(v) => format!("{} · {}", status_name(t(), v.status), v.agency_name.clone().unwrap_or_else(|| t().agency_unknown.to_string())),
                                Row::Missing(_) => t().my_cases_missing.to_string(),
                                Row::Offline(_, None) => t().my_cases_offline.to_string(),
                                Row::Offline(_, Some((status, at))) => t().my_cases_last_known(status_name(t(), *status), &seen_on(*at)),
                            };
                            let ticket_forget = ticket.clone();
                            let hidden = format!(" {ticket}");
                            view! {
                                <li class="cc-case">
                                    <h2 class="cc-heading-s"><A href=href attr:class="cc-link">{ticket.clone()}</A></h2>
                                    <p>{detail}</p>
                                    <button type="button" class="cc-button cc-button--secondary"
                                        on:click=move |_| forget(ticket_forget.clone())>
                                        {t().my_cases_remove}<span class="cc-visually-hidden">{hidden}</span>
                                    </button>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                    <button type="button" class="cc-button cc-button--warning" on:click=move |_| {
                        kept_cases::forget_all();
                        rows.set(Vec::new());
                    }>{t().my_cases_forget_all}</button>
                }.into_any()
            }}
        </div>
    }
}
