//! `/tramites`: instant search over the whole catalog, in the browser.
//! The URL holds the whole state, so results can be shared and Back restores them.

use cc_core::catalog::{ModalityKind, ProcedureSummary};
use cc_core::search::{Filters, Hit};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

use crate::api::encode;
use crate::components::{ErrorPanel, Loading, PageHeading};
use crate::context::use_catalog;
use crate::context::use_deployment;
use crate::context::CatalogEngine;
use crate::i18n::{content_lang, fill, t, tr, tr_signal};

const PAGE_SIZE: usize = 20;

/// Search state as it lives in the URL.
#[derive(Clone, Default, PartialEq)]
struct SearchState {
    q: String,
    entidad: String,
    categoria: String,
    modalidad: String,
    gratis: bool,
}

impl SearchState {
    fn to_url(&self) -> String {
        let mut params = Vec::new();
        for (key, value) in [
            ("q", &self.q),
            ("entidad", &self.entidad),
            ("categoria", &self.categoria),
            ("modalidad", &self.modalidad),
        ] {
            if !value.is_empty() {
                params.push(format!("{key}={}", encode(value)));
            }
        }
        if self.gratis {
            params.push("gratis=true".into());
        }
        if params.is_empty() {
            "/tramites".into()
        } else {
            format!("/tramites?{}", params.join("&"))
        }
    }

    fn filters(&self) -> Filters {
        Filters {
            agency: Some(self.entidad.clone()).filter(|s| !s.is_empty()),
            category: Some(self.categoria.clone()).filter(|s| !s.is_empty()),
            modality: match self.modalidad.as_str() {
                "presencial" => Some(ModalityKind::InPerson),
                "en-linea" => Some(ModalityKind::Online),
                _ => None,
            },
            free_only: self.gratis,
        }
    }

    fn has_filters(&self) -> bool {
        !(self.entidad.is_empty()
            && self.categoria.is_empty()
            && self.modalidad.is_empty()
            && !self.gratis)
    }
}

#[component]
pub fn SearchPage() -> impl IntoView {
    let query = use_query_map();
    let state = Memo::new(move |_| {
        let q = query.get();
        let get = |k: &str| q.get(k).unwrap_or_default();
        SearchState {
            q: get("q"),
            entidad: get("entidad"),
            categoria: get("categoria"),
            modalidad: get("modalidad"),
            gratis: get("gratis") == "true",
        }
    });
    let navigate = use_navigate();
    // Typing replaces the history entry: Back should leave the search, not undo letters.
    let update = Callback::new(move |change: Box<dyn FnOnce(&mut SearchState)>| {
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
    let catalog = use_catalog().0;

    view! {
        <div class="cc-width cc-page">
            <PageHeading title=tr_signal(|t| t.search_title) />
            <form class="cc-search-form" role="search" on:submit=|ev| ev.prevent_default()>
                <label class="cc-label" for="q">{tr(|t| t.search_label)}</label>
                <SearchHint />
                <div class="cc-search-form__row">
                    <input
                        id="q"
                        name="q"
                        type="search"
                        class="cc-input"
                        autocomplete="off"
                        spellcheck="false"
                        aria-describedby="q-hint"
                        prop:value=move || state.get().q
                        on:input=move |ev| {
                            let value = event_target_value(&ev);
                            update.run(Box::new(move |s| s.q = value));
                        }
                    />
                    <button type="submit" class="cc-button">{tr(|t| t.search_button)}</button>
                </div>
            </form>
            {move || match catalog.get() {
                None => view! { <Loading /> }.into_any(),
                Some(Err(error)) => view! { <ErrorPanel error=error on_retry=Callback::new(move |_| catalog.refetch()) /> }.into_any(),
                Some(Ok(engine)) => view! { <Results engine=engine state=state update=update /> }.into_any(),
            }}
        </div>
    }
}

type UpdateSearch = Callback<Box<dyn FnOnce(&mut SearchState)>>;

#[component]
fn Results(
    engine: std::sync::Arc<CatalogEngine>,
    state: Memo<SearchState>,
    update: UpdateSearch,
) -> impl IntoView {
    let outcome = {
        let engine = engine.clone();
        Memo::new(move |_| {
            let s = state.get();
            let outcome = engine.search.search(&s.q, &s.filters());
            (
                outcome.hits,
                outcome.facets,
                outcome.partial,
                outcome.suggestion,
            )
        })
    };
    let (shown, set_shown) = signal(PAGE_SIZE);
    // A new search starts from the first page again.
    Effect::new(move |_| {
        state.track();
        set_shown.set(PAGE_SIZE);
    });

    let count_text = move || {
        let n = outcome.with(|(hits, ..)| hits.len());
        if n == 1 {
            t().search_results_one.to_string()
        } else {
            fill(t().search_results_count, &[&n.to_string()])
        }
    };
    let engine_for_filters = engine.clone();
    let cl = content_lang();
    view! {
        <div class="cc-search-layout">
            <FiltersDisclosure active=Signal::derive(move || state.with(SearchState::has_filters))>
                <Filters engine=engine_for_filters.clone() state=state update=update facets=Signal::derive(move || outcome.with(|o| o.1.clone())) />
            </FiltersDisclosure>
            <section class="cc-results" aria-labelledby="results-count">
                // Polite live region: people using screen readers hear the new count
                // while typing, without losing their place in the search box.
                <h2 id="results-count" class="cc-heading-m" role="status">{count_text}</h2>
                // Better than "no results": what matches part of the search, said plainly,
                // and the closest words of the catalog when a word matches nothing.
                {move || outcome.with(|o| o.2).then(|| view! {
                    <p class="cc-inset" id="search-partial">{t().search_partial}</p>
                })}
                {move || outcome.with(|o| o.3.clone()).map(|suggestion| {
                    let href = state.with(|s| SearchState { q: suggestion.clone(), ..s.clone() }.to_url());
                    view! {
                        <p id="search-suggestion">
                            {t().search_did_you_mean} " "
                            <A href=href attr:class="cc-link" attr:lang=move || cl.get()>{suggestion}</A>
                        </p>
                    }
                })}
                {move || {
                    let hits = outcome.with(|(hits, ..)| hits.iter().take(shown.get()).cloned().collect::<Vec<Hit>>());
                    if hits.is_empty() {
                        return view! {
                            <div class="cc-inset">
                                <p>{t().search_no_results}</p>
                                <p>{t().search_no_results_help}</p>
                            </div>
                        }
                        .into_any();
                    }
                    let engine = engine.clone();
                    view! {
                        <ol class="cc-result-list">
                            {hits
                                .into_iter()
                                .map(|hit| {
                                    let summary = engine.index.procedures[hit.doc].clone();
                                    let agency = engine.agency_name(&summary.agency);
                                    view! { <ResultItem summary=summary agency=agency highlights=hit.highlights lang=cl /> }
                                })
                                .collect_view()}
                        </ol>
                    }
                    .into_any()
                }}
                <Show when=move || outcome.with(|(hits, ..)| hits.len() > shown.get())>
                    <button type="button" class="cc-button cc-button--secondary" on:click=move |_| set_shown.update(|n| *n += PAGE_SIZE)>
                        {tr(|t| t.show_more)}
                    </button>
                </Show>
            </section>
        </div>
    }
}

/// Splits `text` into plain and highlighted runs; `<mark>` is announced as highlighted
/// text and also shown in bold, not only by colour.
fn highlighted(text: &str, ranges: &[[usize; 2]]) -> Vec<AnyView> {
    let mut out = Vec::new();
    let mut pos = 0;
    for &[start, end] in ranges {
        if start < pos
            || end > text.len()
            || !text.is_char_boundary(start)
            || !text.is_char_boundary(end)
        {
            continue;
        }
        if start > pos {
            out.push(text[pos..start].to_string().into_any());
        }
        out.push(view! { <mark class="cc-mark">{text[start..end].to_string()}</mark> }.into_any());
        pos = end;
    }
    out.push(text[pos..].to_string().into_any());
    out
}

#[component]
fn ResultItem(
    summary: ProcedureSummary,
    agency: String,
    highlights: Vec<[usize; 2]>,
    /// The catalog's language when the interface is in another one.
    lang: Signal<Option<String>>,
) -> impl IntoView {
    let href = format!("/tramites/{}", summary.slug);
    let name = highlighted(&summary.name, &highlights);
    let lang = move || lang.get();
    view! {
        <li class="cc-result">
            <h3 class="cc-heading-s cc-result__title" lang=lang>
                <A href=href attr:class="cc-link">{name}</A>
            </h3>
            <p class="cc-result__agency" lang=lang>{agency}</p>
            <p class="cc-result__summary" lang=lang>{summary.summary.clone()}</p>
            <ul class="cc-tags">
                {summary.online.then(|| view! { <li class="cc-tag">{t().tag_online}</li> })}
                {summary.in_person.then(|| view! { <li class="cc-tag">{t().tag_in_person}</li> })}
                {summary.free.then(|| view! { <li class="cc-tag cc-tag--free">{t().tag_free}</li> })}
            </ul>
        </li>
    }
}

/// The search hint with the deployment's example searches. The examples are in the
/// catalog's language (marked so) because those are the words that find something.
#[component]
fn SearchHint() -> impl IntoView {
    let deployment = use_deployment();
    let cl = content_lang();
    let examples = move || {
        deployment
            .get()
            .map(|d| d.search_examples.join(", "))
            .filter(|e| !e.is_empty())
    };
    view! {
        <p class="cc-hint" id="q-hint">
            {tr(|t| t.search_hint)}
            {move || examples().map(|e| view! {
                " " {t().search_examples_lead} " " <span lang=move || cl.get() class="cc-search-examples">{e}</span> "."
            })}
        </p>
    }
}

/// On a phone the filters fold behind "Filtrar" so the results come first; on wider
/// screens they are open beside the results. A native `<details>`: keyboard and
/// screen readers know it. While folded, the filters are not drawn at all, so typing
/// on a slow phone does not redraw facet counts nobody sees.
#[component]
fn FiltersDisclosure(active: Signal<bool>, children: ChildrenFn) -> impl IntoView {
    let wide = web_sys::window()
        .and_then(|w| w.match_media("(min-width: 48rem)").ok().flatten())
        .is_some_and(|m| m.matches());
    let open = RwSignal::new(wide || active.get_untracked());
    view! {
        <details
            class="cc-filters-disclosure"
            prop:open=move || open.get()
            on:toggle=move |ev| {
                let details: web_sys::HtmlDetailsElement = event_target(&ev);
                open.set(details.open());
            }
        >
            <summary class="cc-filters-disclosure__summary">
                <span class="cc-filters-disclosure__label">{tr(|t| t.filters_show)}</span>
            </summary>
            <Show when=move || open.get()>{children()}</Show>
        </details>
    }
}

#[component]
fn Filters(
    engine: std::sync::Arc<CatalogEngine>,
    state: Memo<SearchState>,
    update: UpdateSearch,
    facets: Signal<cc_core::api::FacetCounts>,
) -> impl IntoView {
    let engine_a = engine.clone();
    let agency_options = move || {
        facets
            .get()
            .agencies
            .into_iter()
            .map(|f| {
                let label = format!("{} ({})", engine_a.agency_name(&f.value), f.count);
                let selected = state.with(|s| s.entidad == f.value);
                view! { <option value=f.value selected=selected>{label}</option> }
            })
            .collect_view()
    };
    let category_options = move || {
        facets
            .get()
            .categories
            .into_iter()
            .map(|f| {
                let name = engine.index.category(&f.value).map(|c| c.name.clone()).unwrap_or_else(|| f.value.clone());
                let selected = state.with(|s| s.categoria == f.value);
                view! { <option value=f.value selected=selected>{format!("{name} ({})", f.count)}</option> }
            })
            .collect_view()
    };
    view! {
        <section class="cc-filters" aria-labelledby="filters-title">
            <h2 id="filters-title" class="cc-heading-m">{tr(|t| t.filters_title)}</h2>
            <div class="cc-field">
                <label class="cc-label" for="f-entidad">{tr(|t| t.filter_agency)}</label>
                <select
                    id="f-entidad"
                    class="cc-select"
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        update.run(Box::new(move |s| s.entidad = v));
                    }
                >
                    <option value="" selected=move || state.with(|s| s.entidad.is_empty())>{tr(|t| t.filter_any)}</option>
                    {agency_options}
                </select>
            </div>
            <div class="cc-field">
                <label class="cc-label" for="f-categoria">{tr(|t| t.filter_category)}</label>
                <select
                    id="f-categoria"
                    class="cc-select"
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        update.run(Box::new(move |s| s.categoria = v));
                    }
                >
                    <option value="" selected=move || state.with(|s| s.categoria.is_empty())>{tr(|t| t.filter_any)}</option>
                    {category_options}
                </select>
            </div>
            <fieldset class="cc-fieldset">
                <legend class="cc-label">{tr(|t| t.filter_modality)}</legend>
                <ModalityRadio state=state update=update value="" id="f-mod-todas"
                    label=tr_signal(|t| t.filter_any) />
                <ModalityRadio state=state update=update value="en-linea" id="f-mod-en-linea"
                    label=Signal::derive(move || format!("{} ({})", t().filter_online, facets.get().online)) />
                <ModalityRadio state=state update=update value="presencial" id="f-mod-presencial"
                    label=Signal::derive(move || format!("{} ({})", t().filter_in_person, facets.get().in_person)) />
            </fieldset>
            <div class="cc-checkbox">
                <input
                    class="cc-checkbox__input"
                    type="checkbox"
                    id="f-gratis"
                    prop:checked=move || state.with(|s| s.gratis)
                    on:change=move |ev| {
                        let checked = event_target_checked(&ev);
                        update.run(Box::new(move |s| s.gratis = checked));
                    }
                />
                <label class="cc-checkbox__label" for="f-gratis">
                    {move || format!("{} ({})", t().filter_free, facets.get().free)}
                </label>
            </div>
            <Show when=move || state.with(SearchState::has_filters)>
                <button
                    type="button"
                    class="cc-button cc-button--secondary"
                    on:click=move |_| update.run(Box::new(|s| *s = SearchState { q: std::mem::take(&mut s.q), ..Default::default() }))
                >
                    {tr(|t| t.filters_clear)}
                </button>
            </Show>
        </section>
    }
}

#[component]
fn ModalityRadio(
    state: Memo<SearchState>,
    update: UpdateSearch,
    value: &'static str,
    id: &'static str,
    label: Signal<String>,
) -> impl IntoView {
    view! {
        <div class="cc-radio">
            <input
                class="cc-radio__input"
                type="radio"
                name="modalidad"
                id=id
                value=value
                prop:checked=move || state.with(|s| s.modalidad == value)
                on:change=move |_| update.run(Box::new(move |s| s.modalidad = value.to_string()))
            />
            <label class="cc-radio__label" for=id>{move || label.get()}</label>
        </div>
    }
}
