//! `/contacto/resuelto/:slug`: the end of the wizard when a suggested procedure
//! answered the question. Nothing was sent; the draft stays on the device for a week
//! (then `DraftStore::load` deletes it), with a way back to it and a way to delete it now.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::api::encode;
use crate::components::PageHeading;
use crate::context::use_catalog;
use crate::intake::draft::use_draft;
use crate::intake::texts::{t, tr};
use crate::intake::Step;

#[component]
pub fn ResolvedPage() -> impl IntoView {
    let params = use_params_map();
    let slug = move || params.with(|p| p.get("slug").unwrap_or_default());
    let catalog = use_catalog().0;
    // The procedure's name from the catalog the wizard already downloaded; its address
    // alone while that is not here (or the slug is not in it).
    let name = move || {
        let slug = slug();
        catalog
            .get()
            .and_then(Result::ok)
            .and_then(|c| {
                c.index
                    .procedures
                    .iter()
                    .find(|p| p.slug == slug)
                    .map(|p| p.name.clone())
            })
            .unwrap_or(slug)
    };
    let draft = use_draft();
    let (deleted, set_deleted) = signal(false);
    let back = move |_| {
        draft.update(|d| {
            d.set_aside_at = None;
            d.suggestions_declined = true;
        });
    };
    let go = NodeRef::<leptos::html::A>::new();
    let delete = move |_| {
        draft.discard();
        set_deleted.set(true);
        // The button is gone: focus goes to what is left to do.
        if let Some(link) = go.get() {
            let _ = link.focus();
        }
    };
    let title = Signal::derive(|| t().resolved_title.to_string());
    view! {
        <div class="cc-width cc-page">
            <div class="cc-panel">
                <PageHeading title=title />
                <p>{tr(|t| t.resolved_nothing_sent)}</p>
            </div>
            <p>
                <a class="cc-button" node_ref=go href=move || format!("/tramites/{}", encode(&slug()))>
                    {tr(|t| t.resolved_go)}": "{name}
                </a>
            </p>
            <div role="status">
                {move || deleted.get().then(|| view! { <p>{tr(|t| t.resolved_deleted)}</p> })}
            </div>
            <Show when=move || !deleted.get()>
                <p>{tr(|t| t.resolved_kept)}</p>
                <ul class="cc-list cc-actions">
                    <li>
                        <A href=Step::WhatHappened.href() on:click=back attr:class="cc-link">
                            {tr(|t| t.resolved_back)}
                        </A>
                    </li>
                    <li>
                        <button type="button" class="cc-button cc-button--secondary" on:click=delete>
                            {tr(|t| t.resolved_delete)}
                        </button>
                    </li>
                </ul>
            </Show>
        </div>
    }
}
