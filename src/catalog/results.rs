//! How search results are shown, whichever engine found them (the browser's or the
//! backend's): the count, "part of your search", "Quizás quiso decir", the list and
//! "show more", beside the filters.

use cc_core::api::FacetCounts;
use cc_core::catalog::ProcedureSummary;
use leptos::prelude::*;
use leptos_router::components::A;

use super::filters::{FiltersDisclosure, SearchFilters};
use super::search_state::{SearchState, UpdateSearch};
use crate::catalog::texts::{t, tr};
use crate::context::CatalogEngine;
use crate::i18n::content_lang;

/// One found procedure and the byte ranges of its name that matched.
pub(super) type Found = (ProcedureSummary, Vec<[usize; 2]>);

#[component]
#[allow(clippy::too_many_arguments)] // each is one part of what the page shows
pub(super) fn ResultsView(
    engine: std::sync::Arc<CatalogEngine>,
    state: Memo<SearchState>,
    update: UpdateSearch,
    facets: Signal<FacetCounts>,
    /// Matching procedures in all (more than `items` may hold).
    total: Signal<usize>,
    partial: Signal<bool>,
    suggestion: Signal<Option<String>>,
    /// The procedures shown now.
    items: Signal<Vec<Found>>,
    /// Whether "show more" can show more.
    can_show_more: Signal<bool>,
    on_more: Callback<()>,
) -> impl IntoView {
    let count_text = move || t().search_results_count(total.get());
    let cl = content_lang();
    let engine_for_filters = engine.clone();
    view! {
        <div class="cc-search-layout">
            <FiltersDisclosure active=Signal::derive(move || state.with(SearchState::has_filters))>
                <SearchFilters engine=engine_for_filters.clone() state=state update=update facets=facets />
            </FiltersDisclosure>
            <section class="cc-results" aria-labelledby="results-count">
                // Polite live region: people using screen readers hear the new count
                // while typing, without losing their place in the search box. The region
                // wraps the heading (a heading may not itself take the status role).
                <div role="status"><h2 id="results-count" class="cc-heading-m">{count_text}</h2></div>
                // Better than "no results": what matches part of the search, said plainly,
                // and the closest words of the catalog when a word matches nothing.
                {move || partial.get().then(|| view! {
                    <p class="cc-inset" id="search-partial">{t().search_partial}</p>
                })}
                {move || suggestion.get().map(|suggestion| {
                    let href = state.with(|s| SearchState { q: suggestion.clone(), ..s.clone() }.to_url());
                    view! {
                        <p id="search-suggestion">
                            {t().search_did_you_mean} " "
                            <A href=href attr:class="cc-link" attr:lang=move || cl.get()>{suggestion}</A>
                        </p>
                    }
                })}
                {move || {
                    let found = items.get();
                    if found.is_empty() {
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
                            {found
                                .into_iter()
                                .map(|(summary, highlights)| {
                                    let agency = engine.agency_name(&summary.agency);
                                    view! { <ResultItem summary=summary agency=agency highlights=highlights lang=cl /> }
                                })
                                .collect_view()}
                        </ol>
                    }
                    .into_any()
                }}
                <Show when=move || can_show_more.get()>
                    <button type="button" class="cc-button cc-button--secondary" on:click=move |_| on_more.run(())>
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
pub(super) fn ResultItem(
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
