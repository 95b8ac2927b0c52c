//! Which agency the case is for, with an optional procedure search (the catalog's
//! engine) that answers it.

use cc_core::search::SearchMode;
use leptos::prelude::*;

use crate::api::{self, encode};

use crate::components::form::{Errors, RadioOption, Radios};
use crate::components::Loading;
use crate::context::use_catalog;
use crate::intake::draft::DraftStore;
use crate::intake::texts::{t, tr_signal};

/// Agency question, with an optional procedure search (the catalog engine) that fills it.
#[component]
pub fn AgencyStep(draft: DraftStore, errors: Errors) -> impl IntoView {
    let catalog = use_catalog().0;
    let (search, set_search) = signal(String::new());
    // A catalog too large to download is searched by the backend: the first 5 answers.
    let remote = LocalResource::new(move || {
        let q = search.get();
        let server = catalog
            .get()
            .and_then(Result::ok)
            .is_some_and(|e| e.mode == SearchMode::Server);
        async move {
            if !server || q.trim().chars().count() < 3 {
                return Vec::new();
            }
            let query = format!("q={}&per_page=5", encode(q.trim()));
            api::backend()
                .search(&query)
                .await
                .map(|p| p.items.into_iter().map(|h| h.procedure).collect())
                .unwrap_or_default()
        }
    });
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
                    if engine_search.mode == SearchMode::Server {
                        return remote.get().unwrap_or_default();
                    }
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
