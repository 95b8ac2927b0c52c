//! The search filters (agency, category, how, free) and the "Filtrar" disclosure
//! that folds them on a phone. Shared by the browser search and the backend search.

use leptos::prelude::*;

use super::search_state::{SearchState, UpdateSearch};
use crate::catalog::texts::{t, tr, tr_signal};
use crate::context::CatalogEngine;

/// On a phone the filters fold behind "Filtrar" so the results come first; on wider
/// screens they are open beside the results. A native `<details>`: keyboard and
/// screen readers know it. While folded, the filters are not drawn at all, so typing
/// on a slow phone does not redraw facet counts nobody sees.
#[component]
pub(super) fn FiltersDisclosure(active: Signal<bool>, children: ChildrenFn) -> impl IntoView {
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
pub(super) fn SearchFilters(
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
