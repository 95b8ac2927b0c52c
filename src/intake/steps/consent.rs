//! Consent to the use of personal data, with what it means in plain words.

use cc_core::config::Deployment;
use leptos::prelude::*;

use crate::components::form::{Checkbox, Errors};
use crate::intake::draft::DraftStore;
use crate::intake::texts::{tr, tr_signal};

#[component]
pub fn ConsentStep(deployment: Deployment, draft: DraftStore, errors: Errors) -> impl IntoView {
    let policy = deployment.privacy_policy_url.clone();
    // A staff member filing for a person reads the points out and ticks for them.
    let assisting = crate::api::staff::assisting();
    let (heading, what, label) = if assisting {
        (
            tr(|t| t.q_consent_assisted),
            tr(|t| t.consent_assisted_what),
            tr_signal(|t| t.consent_assisted_label),
        )
    } else {
        (
            tr(|t| t.q_consent),
            tr(|t| t.consent_what),
            tr_signal(|t| t.consent_label),
        )
    };
    view! {
        <h1 class="cc-heading-xl" tabindex="-1">{heading}</h1>
        <p>{what}</p>
        <ul class="cc-list cc-list--bullet">
            <li>{tr(|t| t.consent_point_use)}</li>
            <li>{tr(|t| t.consent_point_share)}</li>
            <li>{tr(|t| t.consent_point_rights)}</li>
        </ul>
        <p><a class="cc-link" href=policy target="_blank" rel="noopener">{tr(|t| t.consent_read_policy)}</a></p>
        <Checkbox
            id="consent"
            label=label
            checked=Signal::derive(move || draft.0.with(|d| d.consent))
            on_change=Callback::new(move |v: bool| draft.update(|d| d.consent = v))
            errors=errors
        />
    }
}
