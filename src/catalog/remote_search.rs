//! Search answered by the backend (`GET /api/v1/catalog/search`), for catalogs too
//! large to download (`Deployment::search_mode`). The URL is still the whole state;
//! the backend is asked once typing pauses, not at every letter.

use std::sync::Arc;
use std::time::Duration;

use cc_core::search::SearchPage;
use leptos::prelude::*;

use super::results::{Found, ResultsView};
use super::search_state::{SearchState, UpdateSearch, PAGE_SIZE};
use crate::api;
use crate::components::{ErrorPanel, Loading};
use crate::context::CatalogEngine;

/// The pause in typing after which the backend is asked.
const TYPING_PAUSE: Duration = Duration::from_millis(250);
/// The endpoint answers at most this many results at once.
const MOST_PER_REQUEST: usize = 50;

#[component]
pub fn RemoteResults(
    engine: Arc<CatalogEngine>,
    state: Memo<SearchState>,
    update: UpdateSearch,
) -> impl IntoView {
    let (shown, set_shown) = signal(PAGE_SIZE);
    let asked = RwSignal::new(state.get_untracked());
    Effect::new(move |first: Option<()>| {
        let now = state.get();
        if first.is_some() {
            // A new search starts from the first page again (a set always notifies,
            // and would ask the backend again at every letter).
            if shown.get_untracked() != PAGE_SIZE {
                set_shown.set(PAGE_SIZE);
            }
            set_timeout(
                move || {
                    if state.get_untracked() == now {
                        asked.set(now);
                    }
                },
                TYPING_PAUSE,
            );
        }
    });
    let page = LocalResource::new(move || {
        let query = asked
            .get()
            .search_api_query(shown.get().min(MOST_PER_REQUEST));
        async move { api::backend().search(&query).await }
    });
    // The last answer stays on screen while the next one is on its way.
    let last = RwSignal::new(None::<SearchPage>);
    Effect::new(move |_| {
        if let Some(Ok(p)) = page.get() {
            last.set(Some(p));
        }
    });
    let from_last = move |f: fn(&SearchPage) -> usize| {
        Signal::derive(move || last.with(|p| p.as_ref().map(f).unwrap_or(0)))
    };
    let total = from_last(|p| p.total);
    let items = Signal::derive(move || {
        last.with(|p| {
            p.iter()
                .flat_map(|p| &p.items)
                .map(|hit| (hit.procedure.clone(), hit.highlights.clone()))
                .collect::<Vec<Found>>()
        })
    });
    view! {
        {move || match page.get() {
            Some(Err(error)) => Some(view! { <ErrorPanel error=error on_retry=Callback::new(move |_| page.refetch()) /> }.into_any()),
            None if last.with(Option::is_none) => Some(view! { <Loading /> }.into_any()),
            _ => None,
        }}
        <Show when=move || last.with(Option::is_some)>
            <ResultsView
                engine=engine.clone()
                state=state
                update=update
                facets=Signal::derive(move || last.with(|p| p.as_ref().map(|p| p.facets.clone()).unwrap_or_default()))
                total=total
                partial=Signal::derive(move || last.with(|p| p.as_ref().is_some_and(|p| p.partial)))
                suggestion=Signal::derive(move || last.with(|p| p.as_ref().and_then(|p| p.suggestion.clone())))
                items=items
                can_show_more=Signal::derive(move || {
                    let n = items.with(Vec::len);
                    total.get() > n && n < MOST_PER_REQUEST
                })
                // The endpoint gives at most 50 at once: past that, refine the search.
                on_more=Callback::new(move |_| set_shown.update(|n| *n = (*n + PAGE_SIZE).min(MOST_PER_REQUEST)))
            />
        </Show>
    }
}
