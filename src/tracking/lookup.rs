//! `/seguimiento`: ticket + access code, typed however people type them.

use cc_core::api::FieldError;
use cc_core::intake::access_code::normalize_code;
use cc_core::intake::ticket::normalize_ticket;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use super::{lookup, not_found_errors};
use crate::api::{self, ApiError};
use crate::components::form::{ErrorSummary, Errors, TextField};
use crate::components::use_page_title;
use crate::kept_cases;
use crate::tracking::texts::{t, tr, tr_signal};

/// Checks the two fields; returns the normalized values or the errors. A backend
/// without access codes has numbers of its own shape and no code to ask for.
fn validate(ticket: &str, code: &str) -> Result<(String, String), Vec<FieldError>> {
    if !api::backend().capabilities().access_codes {
        let ticket = ticket.trim();
        if ticket.is_empty() {
            let e = FieldError::new("ticket", "required", t().track_ticket_required);
            return Err(vec![e]);
        }
        return Ok((ticket.to_string(), String::new()));
    }
    let mut errors = Vec::new();
    let ticket = if ticket.trim().is_empty() {
        errors.push(FieldError::new(
            "ticket",
            "required",
            t().track_ticket_required,
        ));
        None
    } else {
        let n = normalize_ticket(ticket);
        if n.is_none() {
            errors.push(FieldError::new("ticket", "format", t().track_ticket_format));
        }
        n
    };
    let code = if code.trim().is_empty() {
        errors.push(FieldError::new(
            "access_code",
            "required",
            t().track_code_required,
        ));
        None
    } else {
        let n = normalize_code(code);
        if n.is_none() {
            errors.push(FieldError::new(
                "access_code",
                "format",
                t().track_code_format,
            ));
        }
        n
    };
    match (ticket, code) {
        (Some(t), Some(c)) if errors.is_empty() => Ok((t, c)),
        _ => Err(errors),
    }
}

/// The look-up form; also used on `/seguimiento/:ticket` when the code is not known
/// (then the ticket is fixed and only the code is asked).
#[component]
pub fn LookupForm(
    #[prop(optional)] fixed_ticket: Option<String>,
    /// Owned by the page, which prefixes its title with "Error:" while they show.
    errors: Errors,
    on_found: Callback<(String, String, cc_core::tracking::CaseView)>,
) -> impl IntoView {
    let (ticket, set_ticket) = signal(fixed_ticket.clone().unwrap_or_default());
    let (code, set_code) = signal(String::new());
    let (busy, set_busy) = signal(false);
    let (failure, set_failure) = signal(None::<ApiError>);
    let show_ticket = fixed_ticket.is_none();
    let asks_code = api::backend().capabilities().access_codes;
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        match validate(&ticket.get_untracked(), &code.get_untracked()) {
            Err(found) => errors.set(found),
            Ok((ticket, code)) => {
                errors.set(Vec::new());
                set_failure.set(None);
                set_busy.set(true);
                leptos::task::spawn_local_scoped(async move {
                    let result = lookup(&ticket, &code).await;
                    let _ = set_busy.try_set(false);
                    match result {
                        Ok(view) => {
                            kept_cases::refresh_code(&view.ticket, &code);
                            on_found.run((view.ticket.clone(), code, view));
                        }
                        Err(e) if e.status() == Some(404) => {
                            let _ = errors.try_set(not_found_errors());
                        }
                        Err(e) => {
                            let _ = set_failure.try_set(Some(e));
                        }
                    }
                });
            }
        }
    };
    view! {
        <ErrorSummary errors=errors />
        {move || failure.get().map(|e| view! {
            <div class="cc-error-panel" role="alert"><p>{e.message(t())}</p></div>
        })}
        <form novalidate on:submit=on_submit>
            {show_ticket.then(|| view! {
                <TextField id="ticket" label=tr_signal(|t| t.track_ticket_label)
                    hint=tr_signal(|t| t.track_ticket_hint)
                    value=ticket.into() on_input=Callback::new(move |v| set_ticket.set(v)) errors=errors
                    autocomplete="off" class="cc-input--code" />
            })}
            {asks_code.then(|| view! {
                <TextField id="access_code" label=tr_signal(|t| t.track_code_label)
                    hint=tr_signal(|t| t.track_code_hint)
                    value=code.into() on_input=Callback::new(move |v| set_code.set(v)) errors=errors
                    autocomplete="off" class="cc-input--code" />
            })}
            <button type="submit" class="cc-button" aria-disabled=move || busy.get().then_some("true")>{tr(|t| t.track_button)}</button>
            <p role="status" class="cc-caption">{move || busy.get().then(|| t().loading)}</p>
        </form>
    }
}

#[component]
pub fn LookupPage() -> impl IntoView {
    let navigate = use_navigate();
    let errors: Errors = RwSignal::new(Vec::new());
    let title = tr_signal(|t| t.track_title);
    use_page_title(title, error_prefix(errors));
    let on_found = Callback::new(
        move |(ticket, _code, _view): (String, String, cc_core::tracking::CaseView)| {
            navigate(&format!("/seguimiento/{ticket}"), Default::default());
        },
    );
    view! {
        <div class="cc-width cc-page cc-narrow">
            <h1 class="cc-heading-xl" tabindex="-1">{tr(|t| t.track_title)}</h1>
            <p class="cc-body-l">{tr(|t| t.track_lead)}</p>
            <LookupForm errors=errors on_found=on_found />
        </div>
    }
}

/// "Error: " while the form shows errors (GOV.UK: the title says so first).
pub fn error_prefix(errors: Errors) -> Signal<String> {
    Signal::derive(move || {
        if errors.with(Vec::is_empty) {
            String::new()
        } else {
            t().error_title_prefix.to_string()
        }
    })
}
