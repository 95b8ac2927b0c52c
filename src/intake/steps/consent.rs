//! Consent to the use of personal data, with what it means in plain words.

use cc_core::config::Deployment;
use leptos::prelude::*;

use crate::components::form::{Checkbox, Errors};
use crate::intake::draft::DraftStore;
use crate::intake::texts::{tr, tr_signal};

#[component]
pub fn ConsentStep(deployment: Deployment, draft: DraftStore, errors: Errors) -> impl IntoView {
    let policy = deployment.privacy_policy_url.clone();
    view! {
        <h1 class="cc-heading-xl" tabindex="-1">{tr(|t| t.q_consent)}</h1>
        <p>{tr(|t| t.consent_what)}</p>
        <ul class="cc-list cc-list--bullet">
            <li>{tr(|t| t.consent_point_use)}</li>
            <li>{tr(|t| t.consent_point_share)}</li>
            <li>{tr(|t| t.consent_point_rights)}</li>
        </ul>
        <p><a class="cc-link" href=policy target="_blank" rel="noopener">{tr(|t| t.consent_read_policy)}</a></p>
        <Checkbox
            id="consent"
            label=tr_signal(|t| t.consent_label)
            checked=Signal::derive(move || draft.0.with(|d| d.consent))
            on_change=Callback::new(move |v: bool| draft.update(|d| d.consent = v))
            errors=errors
        />
    }
}
