//! `/tramites`: instant search over the whole catalog, in the browser.
//! The URL holds the whole state, so results can be shared and Back restores them.

use cc_core::search::SearchMode;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

use super::remote_search::RemoteResults;
use super::results::ResultsView;
use super::search_state::{SearchState, UpdateSearch, PAGE_SIZE};
use crate::catalog::texts::{t, tr, tr_signal};
use crate::components::{ErrorPanel, Loading, PageHeading};
use crate::context::{use_catalog, use_deployment, CatalogEngine};
use crate::i18n::content_lang;

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
                Some(Ok(engine)) if engine.mode == SearchMode::Server => {
                    view! { <RemoteResults engine=engine state=state update=update /> }.into_any()
                }
                Some(Ok(engine)) => view! { <Results engine=engine state=state update=update /> }.into_any(),
            }}
        </div>
    }
}

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
        // Only when it changes: a set always notifies, and the list would be drawn
        // twice for every letter.
        if shown.get_untracked() != PAGE_SIZE {
            set_shown.set(PAGE_SIZE);
        }
    });

    let engine_for_items = engine.clone();
    let items = Signal::derive(move || {
        outcome.with(|(hits, ..)| {
            hits.iter()
                .take(shown.get())
                .map(|hit| {
                    let summary = engine_for_items.index.procedures[hit.doc].clone();
                    (summary, hit.highlights.clone())
                })
                .collect::<Vec<_>>()
        })
    });
    view! {
        <ResultsView
            engine=engine
            state=state
            update=update
            facets=Signal::derive(move || outcome.with(|o| o.1.clone()))
            total=Signal::derive(move || outcome.with(|o| o.0.len()))
            partial=Signal::derive(move || outcome.with(|o| o.2))
            suggestion=Signal::derive(move || outcome.with(|o| o.3.clone()))
            items=items
            can_show_more=Signal::derive(move || outcome.with(|o| o.0.len() > shown.get()))
            on_more=Callback::new(move |_| set_shown.update(|n| *n += PAGE_SIZE))
        />
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
