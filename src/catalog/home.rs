//! `/`: three big choices and the search box.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

use crate::api::encode;
use crate::catalog::texts::{tr, tr_signal};
use crate::components::PageHeading;

#[component]
pub fn HomePage() -> impl IntoView {
    let navigate = use_navigate();
    let (query, set_query) = signal(String::new());
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        navigate(
            &format!("/tramites?q={}", encode(query.get_untracked().trim())),
            Default::default(),
        );
    };
    view! {
        <div class="cc-width cc-page">
            <PageHeading title=tr_signal(|t| t.home_title) />
            <p class="cc-body-l">{tr(|t| t.home_lead)}</p>
            <form class="cc-search-form" role="search" action="/tramites" method="get" on:submit=on_submit>
                <label class="cc-label" for="home-q">{tr(|t| t.home_search_label)}</label>
                <div class="cc-search-form__row">
                    <input
                        id="home-q"
                        name="q"
                        type="search"
                        class="cc-input"
                        autocomplete="off"
                        prop:value=query
                        on:input=move |ev| set_query.set(event_target_value(&ev))
                    />
                    <button type="submit" class="cc-button">{tr(|t| t.search_button)}</button>
                </div>
            </form>
            <ul class="cc-choices">
                <li class="cc-choice">
                    <h2 class="cc-heading-m"><A href="/tramites" attr:class="cc-choice__link">{tr(|t| t.home_find_title)}</A></h2>
                    <p>{tr(|t| t.home_find_text)}</p>
                </li>
                <li class="cc-choice">
                    <h2 class="cc-heading-m"><A href="/contacto" attr:class="cc-choice__link">{tr(|t| t.home_contact_title)}</A></h2>
                    <p>{tr(|t| t.home_contact_text)}</p>
                </li>
                <li class="cc-choice">
                    <h2 class="cc-heading-m"><A href="/seguimiento" attr:class="cc-choice__link">{tr(|t| t.home_track_title)}</A></h2>
                    <p>{tr(|t| t.home_track_text)}</p>
                </li>
            </ul>
        </div>
    }
}
