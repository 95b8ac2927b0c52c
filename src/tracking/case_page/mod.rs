//! `/seguimiento/:ticket`: where the case is, its timeline, replying and rating.

mod detail;
mod download;
mod rating;
mod reply;

pub use detail::status_name;

use cc_core::tracking::CaseView;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use super::lookup;
use super::lookup::LookupForm;
use crate::api::ApiError;
use crate::components::form::Errors;
use crate::components::{use_page_title, Loading};

use crate::kept_cases;
use crate::tracking::texts::t;
use detail::CaseDetail;

/// Reads `#codigo=…` from the address (the confirmation's link puts the code there:
/// fragments never reach servers or logs) and removes it from the address bar.
fn take_code_from_fragment() -> Option<String> {
    // The router's location: during an in-app navigation the new URL (with its
    // fragment) is written to the address bar only after the page renders.
    let hash = leptos_router::hooks::use_location().hash.get_untracked();
    let code = hash
        .strip_prefix("#codigo=")
        .or_else(|| hash.strip_prefix("codigo="))?
        .to_string();
    // After the router has finished this navigation (it writes the URL after the new
    // page renders), drop the fragment so the code is not bookmarked or shared.
    set_timeout(
        || {
            if let Some(w) = web_sys::window() {
                let path = w.location().pathname().unwrap_or_default();
                if let Ok(history) = w.history() {
                    let _ = history.replace_state_with_url(
                        &wasm_bindgen::JsValue::NULL,
                        "",
                        Some(&path),
                    );
                }
            }
        },
        std::time::Duration::from_millis(50),
    );
    cc_core::intake::access_code::normalize_code(&code)
}

#[component]
pub fn CasePage() -> impl IntoView {
    let params = use_params_map();
    let ticket = params.with_untracked(|p| p.get("ticket").unwrap_or_default());
    let ticket = cc_core::intake::ticket::normalize_ticket(&ticket).unwrap_or(ticket);
    // A backend without access codes shows a case by its number alone.
    let public = !crate::api::backend().capabilities().access_codes;
    let code = RwSignal::new(
        take_code_from_fragment()
            .or_else(|| kept_cases::code_for(&ticket))
            .or_else(|| public.then(String::new)),
    );
    let case = RwSignal::new(None::<CaseView>);
    let notice = RwSignal::new(None::<String>);
    let (failure, set_failure) = signal(None::<ApiError>);
    let (loading, set_loading) = signal(false);
    let title = Signal::derive(move || {
        case.with(|c| c.as_ref().map(|c| t().case_title(&c.ticket)))
            .unwrap_or_else(|| t().track_title.to_string())
    });
    let form_errors: Errors = RwSignal::new(Vec::new());
    use_page_title(title, super::lookup::error_prefix(form_errors));

    let load = {
        let ticket = ticket.clone();
        move || {
            let Some(c) = code.get_untracked() else {
                return;
            };
            let ticket = ticket.clone();
            set_loading.set(true);
            set_failure.set(None);
            leptos::task::spawn_local_scoped(async move {
                let result = lookup(&ticket, &c).await;
                let _ = set_loading.try_set(false);
                match result {
                    Ok(view) => {
                        kept_cases::refresh_code(&view.ticket, &c);
                        let _ = case.try_set(Some(view));
                    }
                    Err(e) if e.status() == Some(404) => {
                        // The saved code no longer works: ask for it again.
                        let _ = code.try_set(None);
                    }
                    Err(e) => {
                        let _ = set_failure.try_set(Some(e));
                    }
                }
            });
        }
    };
    let load_again = load.clone();
    load();
    let on_found = Callback::new(move |(_t, c, view): (String, String, CaseView)| {
        // The form is replaced by the case: say so, with focus on the message.
        notice.set(Some(t().case_opened.to_string()));
        code.set(Some(c));
        case.set(Some(view));
    });
    let ticket_for_form = ticket.clone();
    view! {
        <div class="cc-width cc-page">
            {move || {
                if let Some(view) = case.get() {
                    let c = code.get().unwrap_or_default();
                    return view! { <CaseDetail view=view code=c case=case notice=notice /> }.into_any();
                }
                if let Some(e) = failure.get() {
                    let retry = load_again.clone();
                    return view! {
                        <h1 class="cc-heading-xl" tabindex="-1">{t().track_title}</h1>
                        <crate::components::ErrorPanel error=e on_retry=Callback::new(move |_| retry()) />
                    }.into_any();
                }
                if loading.get() || code.get().is_some() {
                    return view! { <Loading /> }.into_any();
                }
                view! {
                    <h1 class="cc-heading-xl" tabindex="-1">{t().case_title(&ticket_for_form)}</h1>
                    <p>{t().track_code_needed}</p>
                    <LookupForm fixed_ticket=ticket_for_form.clone() errors=form_errors on_found=on_found />
                }.into_any()
            }}
        </div>
    }
}
