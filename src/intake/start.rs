//! `/contacto`: what this is, and — when a draft exists — "continue where you left
//! off" or "start again".

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

use super::draft::{use_draft, Draft};
use super::Step;
use crate::components::format::long_date;
use crate::components::PageHeading;

use crate::intake::texts::{t, tr, tr_signal};

#[component]
pub fn StartPage() -> impl IntoView {
    let draft = use_draft();
    let query = use_query_map();
    let navigate = use_navigate();

    // "Borramos sus respuestas": after deleting from a wizard page (`?borrado=1`) or
    // with "start again" here. The message takes focus so it is heard.
    let deleted = RwSignal::new(query.with_untracked(|q| q.get("borrado").is_some()));
    let notice = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        if deleted.get() {
            // Once it is on screen; the heading then leaves the focus here.
            request_animation_frame(move || {
                if let Some(n) = notice.get_untracked() {
                    let _ = n.focus();
                }
            });
        }
    });
    // A "contact us about this" link from a procedure page pre-fills the answers.
    let prefill = query.with_untracked(|q| (q.get("tramite"), q.get("entidad"), q.get("tipo")));
    if prefill.0.is_some() || prefill.1.is_some() || prefill.2.is_some() {
        draft.update(|d| {
            if let Some(p) = prefill.0.clone().filter(|p| !p.is_empty()) {
                d.procedure = Some(p);
                d.procedure_name = None;
            }
            if let Some(a) = prefill.1.clone().filter(|a| !a.is_empty()) {
                d.agency = Some(a);
            }
            if let Some(ty) = prefill.2.clone().filter(|t| !t.is_empty()) {
                d.case_type = Some(ty);
            }
        });
        navigate(
            "/contacto",
            NavigateOptions {
                replace: true,
                ..Default::default()
            },
        );
    }

    let has_draft = move || draft.0.with(|d| d.has_answers());
    let deployment = crate::context::use_deployment();
    // Continue at the first unanswered question (or the check page when all are).
    let continue_href = move || {
        deployment
            .get()
            .map(|dep| {
                draft
                    .0
                    .with(|d| super::allowed_step(&dep, d, Step::Review))
                    .href()
            })
            .unwrap_or_else(|| Step::Type.href())
    };
    // The first question: the type, unless the deployment has only one.
    let first_href = move || {
        deployment
            .get()
            .and_then(|dep| super::steps_for(&dep, &Draft::default()).first().copied())
            .unwrap_or(Step::Type)
            .href()
    };
    let saved_on = move || {
        let ms = draft.0.with(|d| d.updated_at);
        let date = js_sys::Date::new(&ms.into());
        let iso = format!(
            "{:04}-{:02}-{:02}",
            date.get_full_year(),
            date.get_month() + 1,
            date.get_date()
        );
        t().draft_saved_on(&long_date(t(), &iso))
    };
    view! {
        <div class="cc-width cc-page">
            <super::assisted_banner::AssistedBanner />
            <PageHeading title=Signal::derive(move || t().intake_title.to_string()) />
            <Show when=move || deleted.get()>
                <div class="cc-notification" role="status" tabindex="-1" node_ref=notice><p>{tr(|t| t.draft_deleted)}</p></div>
            </Show>
            <p class="cc-body-l">{tr(|t| t.intake_lead)}</p>
            <ul class="cc-list cc-list--bullet">
                <li>{tr(|t| t.intake_point_time)}</li>
                <li>{tr(|t| t.intake_point_ticket)}</li>
                <li>{tr(|t| t.intake_point_saved)}</li>
            </ul>
            {move || {
                if has_draft() {
                    view! {
                        <div class="cc-inset">
                            <h2 class="cc-heading-m">{t().draft_found_title}</h2>
                            <p>{saved_on()}</p>
                            <A href=continue_href() attr:class="cc-button">{t().draft_continue}</A>
                            <DiscardDraft label=tr_signal(|t| t.draft_start_again) on_deleted=Callback::new(move |_| deleted.set(true)) />
                        </div>
                    }
                        .into_any()
                } else {
                    view! { <A href=first_href attr:class="cc-button cc-button--start">{t().intake_start}</A> }.into_any()
                }
            }}
        </div>
    }
}

/// A button that deletes the draft after asking "are you sure?" in place. The question
/// takes focus so screen reader users hear it; "No" returns focus to the button.
#[component]
pub fn DiscardDraft(label: Signal<String>, on_deleted: Callback<()>) -> impl IntoView {
    let draft = use_draft();
    let asking = RwSignal::new(false);
    let question = NodeRef::<leptos::html::H2>::new();
    let button = NodeRef::<leptos::html::Button>::new();
    Effect::new(move |_| {
        if asking.get() {
            if let Some(h) = question.get() {
                let _ = h.focus();
            }
        }
    });
    view! {
        <Show
            when=move || asking.get()
            fallback=move || view! {
                <button type="button" class="cc-button cc-button--secondary" node_ref=button
                    on:click=move |_| asking.set(true)>
                    {move || label.get()}
                </button>
            }
        >
            <div class="cc-confirm" role="group" aria-labelledby="discard-title">
                <h2 id="discard-title" class="cc-heading-m" tabindex="-1" node_ref=question>{tr(|t| t.draft_delete_confirm_title)}</h2>
                <p>{tr(|t| t.draft_delete_confirm_text)}</p>
                <div class="cc-button-group">
                    <button type="button" class="cc-button cc-button--warning" on:click=move |_| {
                        draft.discard();
                        asking.set(false);
                        on_deleted.run(());
                    }>{tr(|t| t.draft_delete_yes)}</button>
                    <button type="button" class="cc-button cc-button--secondary" on:click=move |_| {
                        asking.set(false);
                        request_animation_frame(move || {
                            if let Some(b) = button.get_untracked() { let _ = b.focus(); }
                        });
                    }>{tr(|t| t.draft_delete_no)}</button>
                </div>
            </div>
        </Show>
    }
}
