//! `/atencion`: a staff member signs in with their token (checked against the backend,
//! `GET /staff/me`), kept for this tab only; once in, the page says who is signed in
//! and offers to file a case for a person, or to sign out.

use cc_core::api::FieldError;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use crate::api::staff::{self, StaffSession};
use crate::api::{self, ApiError};
use crate::assisted::texts::{t, tr, tr_signal};
use crate::components::form::{ErrorSummary, Errors, TextField};
use crate::components::PageHeading;
use crate::intake::use_draft;
use crate::kept_cases;

/// The field errors of a failed check: a wrong or revoked token, or the backend's
/// own message (too many tries, no connection).
fn refusal(e: &ApiError) -> FieldError {
    let message = match e {
        ApiError::Problem(p) if p.status == 401 => t().err_token_wrong.to_string(),
        other => other.message(t()),
    };
    FieldError::new("token", "wrong", message)
}

#[component]
pub fn SignInPage() -> impl IntoView {
    let signed_in = RwSignal::new(staff::session());
    let signed_out = RwSignal::new(false);
    let errors: Errors = RwSignal::new(Vec::new());
    let prefix = Signal::derive(move || {
        if errors.with(Vec::is_empty) {
            String::new()
        } else {
            t().error_title_prefix.to_string()
        }
    });
    let available = api::backend().capabilities().assisted;
    view! {
        <div class="cc-width cc-page cc-assisted">
            <PageHeading title=tr_signal(|t| t.sign_in_title) title_prefix=prefix />
            {move || signed_out.get().then(|| view! {
                <div class="cc-notification" role="status" id="signed-out" tabindex="-1"><p>{t().signed_out}</p></div>
            })}
            {if !available {
                view! { <p>{tr(|t| t.unavailable)}</p> }.into_any()
            } else {
                (move || match signed_in.get() {
                    Some(session) => view! { <SignedIn session=session signed_in=signed_in signed_out=signed_out /> }.into_any(),
                    None => view! { <SignInForm signed_in=signed_in errors=errors /> }.into_any(),
                })
                .into_any()
            }}
        </div>
    }
}

#[component]
fn SignInForm(signed_in: RwSignal<Option<StaffSession>>, errors: Errors) -> impl IntoView {
    let token = RwSignal::new(String::new());
    let checking = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if checking.get_untracked() {
            return;
        }
        let typed = token.get_untracked().trim().to_string();
        if typed.is_empty() {
            errors.set(vec![FieldError::new(
                "token",
                "required",
                t().err_token_required,
            )]);
            return;
        }
        checking.set(true);
        leptos::task::spawn_local_scoped(async move {
            let answer = api::backend().staff_me(&typed).await;
            let _ = checking.try_set(false);
            match answer {
                Ok(member) => {
                    let session = StaffSession {
                        token: typed,
                        name: member.name,
                    };
                    staff::sign_in(&session);
                    let _ = errors.try_set(Vec::new());
                    let _ = signed_in.try_set(Some(session));
                    request_animation_frame(|| crate::components::form::focus_by_id("signed-in"));
                }
                Err(e) => {
                    let _ = errors.try_set(vec![refusal(&e)]);
                }
            }
        });
    };
    view! {
        <p class="cc-body-l">{tr(|t| t.sign_in_lead)}</p>
        <ErrorSummary errors=errors />
        <form novalidate on:submit=submit>
            <TextField
                id="token"
                label=tr_signal(|t| t.token_label)
                hint=tr_signal(|t| t.token_hint)
                value=Signal::derive(move || token.get())
                on_input=Callback::new(move |v: String| token.set(v))
                errors=errors
                input_type="password"
                autocomplete="off"
            />
            <button type="submit" class="cc-button" aria-disabled=move || checking.get().then_some("true")>
                {tr(|t| t.sign_in_button)}
            </button>
            <p role="status" class="cc-caption">{move || checking.get().then(|| t().checking)}</p>
        </form>
        <p>{tr(|t| t.session_note)}</p>
    }
}

#[component]
fn SignedIn(
    session: StaffSession,
    signed_in: RwSignal<Option<StaffSession>>,
    signed_out: RwSignal<bool>,
) -> impl IntoView {
    let navigate = use_navigate();
    let draft = use_draft();
    let start = move |_| {
        // A case for a new person starts from a blank draft, never someone else's.
        draft.discard();
        navigate("/contacto", Default::default());
    };
    let sign_out = move |_| {
        for ticket in staff::sign_out() {
            kept_cases::forget_case(&ticket);
        }
        // What was being typed for a person is theirs: it goes with the session.
        draft.discard();
        signed_in.set(None);
        signed_out.set(true);
        request_animation_frame(|| crate::components::form::focus_by_id("signed-out"));
    };
    let name = session.name.clone();
    view! {
        <div class="cc-notification" id="signed-in" tabindex="-1" role="status">
            <p class="cc-heading-s">{move || t().signed_in_as(&name)}</p>
            <p>{tr(|t| t.session_note)}</p>
        </div>
        <div class="cc-button-group">
            <button type="button" class="cc-button cc-button--start" on:click=start>{tr(|t| t.start_case)}</button>
            <button type="button" class="cc-button cc-button--secondary" on:click=sign_out>{tr(|t| t.sign_out)}</button>
        </div>
    }
}
