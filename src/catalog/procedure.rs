//! `/tramites/:slug`: everything a person needs to do one procedure.

use cc_core::catalog::{Modality, ModalityKind, OpeningHours, Procedure};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::api::{self, encode, ApiError};
use crate::catalog::texts::{t, CatalogTexts};
use crate::components::format::{decimal, duration, long_date, money};
use crate::components::NotFound;
use crate::components::{ErrorPanel, Loading, PageHeading, ReadAloud, RichTextView};
use crate::i18n::content_lang;

#[component]
pub fn ProcedurePage() -> impl IntoView {
    let params = use_params_map();
    let slug = move || params.with(|p| p.get("slug").unwrap_or_default());
    let procedure = LocalResource::new(move || {
        let slug = slug();
        async move { api::backend().procedure(&slug).await }
    });
    move || match procedure.get() {
        None => view! { <div class="cc-width cc-page"><Loading /></div> }.into_any(),
        Some(Err(ApiError::Problem(p))) if p.status == 404 => view! { <NotFound /> }.into_any(),
        Some(Err(ApiError::Http(404))) => view! { <NotFound /> }.into_any(),
        Some(Err(error)) => view! {
            <div class="cc-width cc-page">
                <ErrorPanel error=error on_retry=Callback::new(move |_| procedure.refetch()) />
            </div>
        }
        .into_any(),
        Some(Ok(p)) => view! { <ProcedureDetail procedure=p /> }.into_any(),
    }
}

#[component]
fn ProcedureDetail(procedure: Procedure) -> impl IntoView {
    let p = procedure;
    let name = p.name.clone();
    let contact_href = format!(
        "/contacto?tramite={}&entidad={}",
        encode(&p.slug),
        encode(&p.agency.acronym)
    );
    let tt = t();
    // The catalog is written in the deployment's language; in an English or
    // Portuguese page its texts are marked so screen readers use the right voice.
    let cl = content_lang();
    let cl = move || cl.get();
    // A backend with topics instead of procedures (Open311) gives a name, a sentence
    // and keywords: sections with nothing in them are left out, and the way forward
    // is to report the problem.
    let topic = !crate::api::backend().capabilities().procedures;
    let (contact_title, contact_text) = if topic {
        (tt.topic_report, tt.topic_report_text)
    } else {
        (tt.proc_contact_about, tt.proc_contact_about_text)
    };
    let has_description = !p.description.is_empty();
    let has_modalities = !p.modalities.is_empty();
    view! {
        <div class="cc-width cc-page cc-procedure" id="cc-procedure">
            <p class="cc-caption" lang=cl>{p.agency.name.clone()}</p>
            <PageHeading title=Signal::derive(move || name.clone()) lang=Signal::derive(cl) />
            <p class="cc-body-l" lang=cl>{p.summary.clone()}</p>
            <ReadAloud region="cc-procedure" />
            <ul class="cc-tags">
                {p.modalities.iter().any(|m| m.kind == ModalityKind::Online).then(|| view! { <li class="cc-tag">{tt.tag_online}</li> })}
                {p.modalities.iter().any(|m| m.kind == ModalityKind::InPerson).then(|| view! { <li class="cc-tag">{tt.tag_in_person}</li> })}
            </ul>

            {has_description.then(|| view! {
                <h2 class="cc-heading-l">{tt.proc_what_is}</h2>
                <div lang=cl><RichTextView blocks=p.description.clone() /></div>
            })}
            {p.audience.clone().map(|a| view! { <h2 class="cc-heading-l">{tt.proc_who_for}</h2><p lang=cl>{a}</p> })}
            {p.result.clone().map(|r| view! { <h2 class="cc-heading-l">{tt.proc_result}</h2><p lang=cl>{r}</p> })}

            {has_modalities.then(|| view! { <h2 class="cc-heading-l">{tt.proc_how}</h2> })}
            {p.modalities.iter().map(|m| view! { <ModalityView modality=m.clone() lang=Signal::derive(cl) /> }).collect_view()}

            {(!p.offices.is_empty()).then(|| view! {
                <h2 class="cc-heading-l">{tt.proc_offices}</h2>
                <ul class="cc-offices">
                    {p.offices.iter().map(|o| {
                        let map = o.latitude.zip(o.longitude).map(|(lat, lon)| {
                            let (lat, lon) = (decimal(lat), decimal(lon));
                            format!("https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=17/{lat}/{lon}")
                        });
                        view! {
                            <li class="cc-office">
                                <h3 class="cc-heading-s" lang=cl>{o.name.clone()}</h3>
                                <p lang=cl>{o.address.clone()}{o.city.clone().map(|c| format!(", {c}"))}</p>
                                {map.map(|href| view! { <p><a class="cc-link" href=href rel="noopener noreferrer">{tt.proc_map}</a></p> })}
                                {(!o.hours.is_empty()).then(|| view! { <HoursTable hours=o.hours.clone() caption=tt.proc_hours /> })}
                            </li>
                        }
                    }).collect_view()}
                </ul>
                {crate::api::backend().capabilities().service_points.then(|| view! {
                    <p><A href=format!("/puntos-de-atencion?tramite={}", crate::api::encode(&p.slug)) attr:class="cc-link cc-link--alone">{tt.service_points_of_procedure}</A></p>
                })}
            })}

            <h2 class="cc-heading-l">{tt.proc_agency}</h2>
            <p lang=cl>{p.agency.name.clone()}</p>
            <ul class="cc-list">
                {p.agency.website.clone().map(|w| view! { <li><a class="cc-link" href=w.clone() rel="noopener noreferrer">{w.clone()}</a></li> })}
                {p.agency.phone.clone().map(|ph| view! { <li>{tt.footer_phone}": "<a class="cc-link" href=format!("tel:{}", ph.replace(' ', ""))>{ph.clone()}</a></li> })}
                {p.agency.email.clone().map(|e| view! { <li>{tt.footer_email}": "<a class="cc-link" href=format!("mailto:{e}")>{e.clone()}</a></li> })}
            </ul>

            {(!p.legal_basis.is_empty()).then(|| view! {
                <h2 class="cc-heading-l">{tt.proc_legal}</h2>
                <ul class="cc-list cc-list--bullet" lang=cl>{p.legal_basis.iter().map(|l| view! { <li>{l.clone()}</li> }).collect_view()}</ul>
            })}
            {(!p.links.is_empty()).then(|| view! {
                <h2 class="cc-heading-l">{tt.proc_links}</h2>
                <ul class="cc-list" lang=cl>{p.links.iter().filter_map(|l| Some((web_link(&l.url)?, l.name.clone()))).map(|(url, name)| view! {
                    <li><a class="cc-link" href=url rel="noopener noreferrer">{name}</a></li>
                }).collect_view()}</ul>
            })}

            <div class="cc-inset cc-contact-about">
                <h2 class="cc-heading-m">{contact_title}</h2>
                <p>{contact_text}</p>
                <A href=contact_href attr:class="cc-button">{contact_title}</A>
            </div>
            {p.updated.clone().map(|u| view! { <p class="cc-caption">{tt.proc_updated(&long_date(tt, &u))}</p> })}
        </div>
    }
}

#[component]
fn ModalityView(modality: Modality, lang: Signal<Option<String>>) -> impl IntoView {
    let cl = move || lang.get();
    let tt = t();
    let m = modality;
    let title = match m.kind {
        ModalityKind::Online => tt.proc_online,
        ModalityKind::InPerson => tt.proc_in_person,
    };
    let cost = if m.is_free() {
        tt.proc_free.to_string()
    } else {
        m.costs
            .iter()
            .filter(|c| c.amount_minor > 0)
            .map(|c| format!("{}: {}", c.concept, money(c)))
            .collect::<Vec<_>>()
            .join("; ")
    };
    let safe_url = |u: &Option<String>| u.as_deref().and_then(web_link);
    view! {
        <section class="cc-modality">
            <h3 class="cc-heading-m">{title}</h3>
            {m.audience.clone().map(|a| view! { <p class="cc-caption" lang=cl>{a}</p> })}
            <dl class="cc-summary-list">
                <div class="cc-summary-list__row">
                    <dt>{tt.proc_cost}</dt>
                    <dd lang=cl>{cost}</dd>
                </div>
                {m.duration.as_ref().map(|d| view! {
                    <div class="cc-summary-list__row"><dt>{tt.proc_duration}</dt><dd>{duration(tt, d)}</dd></div>
                })}
            </dl>
            {safe_url(&m.url).map(|u| view! { <p><a class="cc-button" href=u rel="noopener noreferrer">{tt.proc_do_online}</a></p> })}
            {safe_url(&m.tracking_url).map(|u| view! { <p><a class="cc-link" href=u rel="noopener noreferrer">{tt.proc_track_online}</a></p> })}
            <h4 class="cc-heading-s">{tt.proc_requirements}</h4>
            {if m.requirements.is_empty() {
                view! { <p>{tt.proc_no_requirements}</p> }.into_any()
            } else {
                view! {
                    <ul class="cc-list cc-list--bullet cc-requirements" lang=cl>
                        {m.requirements.iter().map(|r| view! {
                            <li>{r.name.clone()}{r.comment.clone().map(|c| view! { <span class="cc-caption">" — "{c}</span> })}</li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
            {(!m.steps.is_empty()).then(|| view! { <h4 class="cc-heading-s">{tt.proc_steps}</h4><div lang=cl><RichTextView blocks=m.steps.clone() /></div> })}
            {(!m.hours.is_empty()).then(|| view! { <HoursTable hours=m.hours.clone() caption=tt.proc_hours /> })}
        </section>
    }
}

fn hours_text(t: &CatalogTexts, h: &OpeningHours) -> String {
    if h.ranges.is_empty() {
        return t.closed.to_string();
    }
    h.ranges
        .iter()
        .map(|r| format!("{} – {} h", r.from, r.to))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Opening hours as a real table so the day/time relation is announced.
#[component]
fn HoursTable(hours: Vec<OpeningHours>, caption: &'static str) -> impl IntoView {
    let tt = t();
    view! {
        <table class="cc-table">
            <caption class="cc-table__caption">{caption}</caption>
            <tbody>
                {hours.iter().map(|h| view! {
                    <tr><th scope="row">{tt.weekdays[h.day as usize]}</th><td>{hours_text(tt, h)}</td></tr>
                }).collect_view()}
            </tbody>
        </table>
    }
}

/// Links out of the app: web links only (cc-core's check, schemes in any case).
fn web_link(url: &str) -> Option<String> {
    cc_core::links::safe_href(url).filter(|u| u.starts_with("http"))
}
