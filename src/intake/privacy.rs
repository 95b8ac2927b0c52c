//! `/privacidad`: the personal-data policy the consent step links to, in plain words.

use leptos::prelude::*;

use crate::components::PageHeading;
use crate::context::use_deployment;

use crate::intake::texts::{t, tr, tr_signal};

#[component]
pub fn PrivacyPage() -> impl IntoView {
    let deployment = use_deployment();
    let owner = move || deployment.get().map(|d| d.owner).unwrap_or_default();
    let email = move || {
        deployment
            .get()
            .map(|d| d.channels.email)
            .unwrap_or_default()
    };
    view! {
        <div class="cc-width cc-page cc-narrow">
            <PageHeading title=tr_signal(|t| t.privacy_title) />
            <p class="cc-body-l">{move || t().privacy_who(&owner())}</p>
            <h2 class="cc-heading-m">{tr(|t| t.privacy_what_title)}</h2>
            <p>{tr(|t| t.privacy_what)}</p>
            <h2 class="cc-heading-m">{tr(|t| t.privacy_why_title)}</h2>
            <p>{tr(|t| t.privacy_why)}</p>
            <h2 class="cc-heading-m">{tr(|t| t.privacy_who_sees_title)}</h2>
            <p>{tr(|t| t.privacy_who_sees)}</p>
            <h2 class="cc-heading-m">{tr(|t| t.privacy_keep_title)}</h2>
            <p>{tr(|t| t.privacy_keep)}</p>
            <h2 class="cc-heading-m">{tr(|t| t.privacy_device_title)}</h2>
            <p>{tr(|t| t.privacy_device)}</p>
            <h2 class="cc-heading-m">{tr(|t| t.privacy_rights_title)}</h2>
            <p>{move || t().privacy_rights(&email())}</p>
        </div>
    }
}
