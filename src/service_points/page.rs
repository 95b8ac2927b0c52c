//! `/puntos-de-atencion`: the service points, filtered by place, procedure and a
//! tolerant search. The URL is the state (`?q=&lugar=&tramite=`), so a link (the
//! procedure page's, or one shared) reproduces the list, and Back leaves the page
//! instead of undoing letters.

use std::sync::Arc;

use cc_core::intake::dates::BusinessCalendar;
use cc_core::service_points::{LocalTime, PointFilter, PointSearch};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

use crate::api::{self, encode};
use crate::components::{ErrorPanel, Loading, PageHeading};
use crate::context::use_deployment;
use crate::i18n::content_lang;
use crate::service_points::clock::local_now;
use crate::service_points::point::PointCard;
use crate::service_points::texts::{t, tr, tr_signal};

pub const PATH: &str = "/puntos-de-atencion";

/// How often "open now" is worked out again while the page stays open.
const REFRESH_MS: u64 = 60_000;

/// The finder's state as it lives in the URL.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FinderState {
    pub q: String,
    pub lugar: String,
    pub tramite: String,
}

impl FinderState {
    pub fn to_url(&self) -> String {
        let params: Vec<String> = [
            ("q", &self.q),
            ("lugar", &self.lugar),
            ("tramite", &self.tramite),
        ]
        .into_iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(k, v)| format!("{k}={}", encode(v)))
        .collect();
        if params.is_empty() {
            PATH.into()
        } else {
            format!("{PATH}?{}", params.join("&"))
        }
    }

    fn has_filters(&self) -> bool {
        !(self.q.is_empty() && self.lugar.is_empty() && self.tramite.is_empty())
    }
}

type Update = Callback<Box<dyn FnOnce(&mut FinderState)>>;

#[component]
pub fn ServicePointsPage() -> impl IntoView {
    let query = use_query_map();
    let state = Memo::new(move |_| {
        let q = query.get();
        let get = |k: &str| q.get(k).unwrap_or_default();
        FinderState {
            q: get("q"),
            lugar: get("lugar"),
            tramite: get("tramite"),
        }
    });
    let navigate = use_navigate();
    let update: Update = Callback::new(move |change: Box<dyn FnOnce(&mut FinderState)>| {
        let mut next = state.get_untracked();
        change(&mut next);
        navigate(
            &next.to_url(),
            NavigateOptions {
                replace: true,
                scroll: false,
                ..Default::default()
            },
        );
    });
    let points = LocalResource::new(|| async {
        api::backend()
            .service_points()
            .await
            .map(|p| Arc::new(PointSearch::new(p.points, &[])))
    });

    view! {
        <div class="cc-width cc-page cc-points-page">
            <PageHeading title=tr_signal(|t| t.title) />
            <p class="cc-body-l">{tr(|t| t.lead)}</p>
            {move || match points.get() {
                None => view! { <Loading /> }.into_any(),
                Some(Err(error)) => view! { <ErrorPanel error=error on_retry=Callback::new(move |_| points.refetch()) /> }.into_any(),
                Some(Ok(search)) => view! { <Finder search=search state=state update=update /> }.into_any(),
            }}
        </div>
    }
}

#[component]
fn Finder(search: Arc<PointSearch>, state: Memo<FinderState>, update: Update) -> impl IntoView {
    let deployment = use_deployment();
    let holidays = Signal::derive(move || {
        deployment.with(|d| {
            d.as_ref()
                .map(|d| BusinessCalendar::new(&d.holidays))
                .unwrap_or_default()
        })
    });
    let zone = Signal::derive(move || {
        deployment.with(|d| d.as_ref().map(|d| d.time_zone.clone()).unwrap_or_default())
    });
    let tick = RwSignal::new(0u32);
    if let Ok(handle) = set_interval_with_handle(
        move || tick.set(tick.get_untracked().wrapping_add(1)),
        std::time::Duration::from_millis(REFRESH_MS),
    ) {
        on_cleanup(move || handle.clear());
    }
    let now: Signal<LocalTime> = Signal::derive(move || {
        tick.track();
        local_now(&zone.get())
    });

    let found = {
        let search = search.clone();
        Memo::new(move |_| {
            state.with(|s| {
                search.find(&PointFilter {
                    text: &s.q,
                    place: &s.lugar,
                    procedure: &s.tramite,
                })
            })
        })
    };
    let places = search.places();
    let procedures = search.procedures();
    let cl = content_lang();
    let count = move || t().count(found.with(|f| f.points.len()));
    let search_for_list = search.clone();

    view! {
        <form class="cc-search-form cc-points-form" role="search" on:submit=|ev| ev.prevent_default()>
            <div class="cc-field">
                <label class="cc-label" for="pq">{tr(|t| t.search_label)}</label>
                <p class="cc-hint" id="pq-hint">{tr(|t| t.search_hint)}</p>
                <div class="cc-search-form__row">
                    <input
                        id="pq"
                        name="q"
                        type="search"
                        class="cc-input"
                        autocomplete="off"
                        spellcheck="false"
                        aria-describedby="pq-hint"
                        prop:value=move || state.get().q
                        on:input=move |ev| {
                            let value = event_target_value(&ev);
                            update.run(Box::new(move |s| s.q = value));
                        }
                    />
                    <button type="submit" class="cc-button">{tr(|t| t.search_button)}</button>
                </div>
            </div>
            <div class="cc-points-form__filters">
                <div class="cc-field">
                    <label class="cc-label" for="plugar">{tr(|t| t.place_label)}</label>
                    <select
                        id="plugar"
                        class="cc-select"
                        on:change=move |ev| {
                            let value = event_target_value(&ev);
                            update.run(Box::new(move |s| s.lugar = value));
                        }
                    >
                        <option value="" selected=move || state.with(|s| s.lugar.is_empty())>{tr(|t| t.place_any)}</option>
                        {places.into_iter().map(|place| {
                            let (value, label) = (place.clone(), place.clone());
                            let selected = move || state.with(|s| s.lugar == value);
                            view! { <option value=place selected=selected lang=move || cl.get()>{label}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <div class="cc-field">
                    <label class="cc-label" for="ptramite">{tr(|t| t.procedure_label)}</label>
                    <select
                        id="ptramite"
                        class="cc-select"
                        on:change=move |ev| {
                            let value = event_target_value(&ev);
                            update.run(Box::new(move |s| s.tramite = value));
                        }
                    >
                        <option value="" selected=move || state.with(|s| s.tramite.is_empty())>{tr(|t| t.procedure_any)}</option>
                        {procedures.into_iter().map(|(slug, name)| {
                            let value = slug.clone();
                            let selected = move || state.with(|s| s.tramite == value);
                            view! { <option value=slug selected=selected lang=move || cl.get()>{name}</option> }
                        }).collect_view()}
                    </select>
                </div>
            </div>
            <Show when=move || state.with(FinderState::has_filters)>
                <p><A href=PATH attr:class="cc-link cc-link--alone">{tr(|t| t.clear_filters)}</A></p>
            </Show>
        </form>

        <section class="cc-points" aria-labelledby="points-count">
            // Polite live region around the heading: the new count is read while typing
            // or choosing a filter, without moving the person's focus.
            <div role="status"><h2 id="points-count" class="cc-heading-m">{count}</h2></div>
            {move || found.with(|f| f.partial).then(|| view! { <p class="cc-inset" id="points-partial">{t().partial}</p> })}
            {move || found.with(|f| f.suggestion.clone()).map(|suggestion| {
                let href = state.with(|s| FinderState { q: suggestion.clone(), ..s.clone() }.to_url());
                view! {
                    <p id="points-suggestion">
                        {t().did_you_mean} " "
                        <A href=href attr:class="cc-link" attr:lang=move || cl.get()>{suggestion}</A>
                    </p>
                }
            })}
            {move || {
                let shown = found.with(|f| f.points.clone());
                if shown.is_empty() {
                    return view! {
                        <div class="cc-inset">
                            <p>{t().none}</p>
                            <p>{t().none_help}</p>
                        </div>
                    }
                    .into_any();
                }
                let all = search_for_list.points();
                view! {
                    <ul class="cc-point-list">
                        {shown.into_iter().map(|i| view! {
                            <PointCard point=all[i].clone() holidays=holidays now=now lang=cl />
                        }).collect_view()}
                    </ul>
                }
                .into_any()
            }}
        </section>
    }
}
