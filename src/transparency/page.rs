//! `/transparencia`: the state's figures for a period and an agency. The URL is the
//! state (`?desde=YYYY-MM&hasta=YYYY-MM&entidad=slug`), so a link reproduces the view;
//! the form navigates to its new address instead of reloading the page.

use cc_core::transparency::{parse_month, AgencyCases};
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;
use wasm_bindgen::JsCast;

use crate::api::{self, encode};
use crate::components::{ErrorPanel, Loading, PageHeading};
use crate::transparency::format::month;
use crate::transparency::sections::Figures;
use crate::transparency::texts::{t, tr, tr_signal};

/// How many months back the period chooser offers (the API answers up to 36 at once).
const MONTHS_OFFERED: i64 = 36;

/// The current month and the `n`-th before it, as `YYYY-MM`.
fn months_back(n: i64) -> String {
    let now = js_sys::Date::new_0();
    let index = i64::from(now.get_full_year()) * 12 + i64::from(now.get_month()) - n;
    format!(
        "{:04}-{:02}",
        index.div_euclid(12),
        index.rem_euclid(12) + 1
    )
}

/// The period and agency asked for: a month not written `YYYY-MM` falls back to the
/// last 12 months.
#[derive(Debug, Clone, PartialEq)]
struct Query {
    from: String,
    to: String,
    agency: Option<String>,
}

fn read_query(get: impl Fn(&str) -> Option<String>) -> Query {
    let month = |key: &str, default: i64| {
        get(key)
            .filter(|m| parse_month(m).is_some())
            .unwrap_or_else(|| months_back(default))
    };
    Query {
        from: month("desde", 11),
        to: month("hasta", 0),
        agency: get("entidad").filter(|a| !a.is_empty()),
    }
}

fn href(q: &Query) -> String {
    let mut url = format!(
        "/transparencia?desde={}&hasta={}",
        encode(&q.from),
        encode(&q.to)
    );
    if let Some(agency) = &q.agency {
        url.push_str(&format!("&entidad={}", encode(agency)));
    }
    url
}

#[component]
pub fn TransparencyPage() -> impl IntoView {
    let query_map = use_query_map();
    let query = Memo::new(move |_| query_map.with(|q| read_query(|k| q.get(k))));
    let backwards = move || query.with(|q| q.from > q.to);
    let data = LocalResource::new(move || {
        let q = query.get();
        async move {
            api::backend()
                .transparency(&q.from, &q.to, q.agency.as_deref())
                .await
        }
    });
    // Kept across loads, so the agency chooser stays while another period loads.
    let agencies = RwSignal::new(Vec::<AgencyCases>::new());
    Effect::new(move |_| {
        if let Some(Ok(d)) = data.get() {
            agencies.set(d.agencies.clone());
        }
    });
    let from_ref = NodeRef::<leptos::html::Select>::new();
    let to_ref = NodeRef::<leptos::html::Select>::new();
    let agency_ref = NodeRef::<leptos::html::Select>::new();
    let navigate = use_navigate();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let value = |r: NodeRef<leptos::html::Select>| {
            r.get()
                .map(|s| s.unchecked_into::<web_sys::HtmlSelectElement>().value())
                .unwrap_or_default()
        };
        let agency = value(agency_ref);
        let next = Query {
            from: value(from_ref),
            to: value(to_ref),
            agency: (!agency.is_empty()).then_some(agency),
        };
        navigate(&href(&next), NavigateOptions::default());
    };
    let month_options = move |selected: fn(&Query) -> &String| {
        let tt = t();
        (0..MONTHS_OFFERED)
            .rev()
            .map(|n| {
                let m = months_back(n);
                let is = query.with(|q| selected(q) == &m);
                let label = month(tt, &m);
                view! { <option value=m selected=is>{label}</option> }
            })
            .collect_view()
    };
    let agency_options = move || {
        agencies
            .get()
            .into_iter()
            .map(|a| {
                let is = query.with(|q| q.agency.as_deref() == Some(a.slug.as_str()));
                view! { <option value=a.slug selected=is>{a.name}</option> }
            })
            .collect_view()
    };
    view! {
        <div class="cc-width cc-page cc-transparency">
            <PageHeading title=tr_signal(|t| t.title) />
            <p class="cc-body-l">{tr(|t| t.lead)}</p>
            <form class="cc-transparency__filters" on:submit=on_submit>
                <fieldset class="cc-fieldset">
                    <legend class="cc-legend">{tr(|t| t.filter_legend)}</legend>
                    <div class="cc-transparency__choosers">
                        <div class="cc-field">
                            <label class="cc-label" for="tr-desde">{tr(|t| t.from_label)}</label>
                            <select id="tr-desde" name="desde" class="cc-select" node_ref=from_ref>
                                {move || month_options(|q| &q.from)}
                            </select>
                        </div>
                        <div class="cc-field">
                            <label class="cc-label" for="tr-hasta">{tr(|t| t.to_label)}</label>
                            <select id="tr-hasta" name="hasta" class="cc-select" node_ref=to_ref>
                                {move || month_options(|q| &q.to)}
                            </select>
                        </div>
                        <div class="cc-field">
                            <label class="cc-label" for="tr-entidad">{tr(|t| t.agency_label)}</label>
                            <select id="tr-entidad" name="entidad" class="cc-select" node_ref=agency_ref>
                                <option value="" selected=move || query.with(|q| q.agency.is_none())>
                                    {tr(|t| t.agency_all)}
                                </option>
                                {agency_options}
                            </select>
                        </div>
                    </div>
                    <button type="submit" class="cc-button">{tr(|t| t.show)}</button>
                </fieldset>
            </form>
            <p class="cc-transparency__note">{tr(|t| t.reserved_note)}</p>
            {move || {
                if backwards() {
                    return view! {
                        <p class="cc-error-message" role="alert">{tr(|t| t.period_backwards)}</p>
                    }
                    .into_any();
                }
                match data.get() {
                    None => view! { <Loading /> }.into_any(),
                    Some(Err(error)) => view! {
                        <ErrorPanel error=error on_retry=Callback::new(move |_| data.refetch()) />
                    }
                    .into_any(),
                    Some(Ok(d)) => view! { <Figures data=d /> }.into_any(),
                }
            }}
        </div>
    }
}
