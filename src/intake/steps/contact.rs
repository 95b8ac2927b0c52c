//! How the person wants to be identified, and how to reach them.

use cc_core::config::Deployment;
use cc_core::intake::Identity;
use leptos::prelude::*;

use crate::components::form::{Errors, RadioOption, Radios, TextField};
use crate::intake::case_type;
use crate::intake::draft::{Draft, DraftStore};
use crate::intake::texts::{t, tr, tr_signal};

#[component]
pub fn ContactStep(deployment: Deployment, draft: DraftStore, errors: Errors) -> impl IntoView {
    let anonymous_allowed = draft
        .0
        .with_untracked(|d| case_type(&deployment, d).is_some_and(|c| c.anonymous_allowed));
    let options = Signal::derive(move || {
        let tt = t();
        let mut opts = vec![
            RadioOption {
                value: Identity::Identified.as_str().into(),
                label: tt.identity_identified.into(),
                hint: Some(tt.identity_identified_hint.into()),
            },
            RadioOption {
                value: Identity::Confidential.as_str().into(),
                label: tt.identity_confidential.into(),
                hint: Some(tt.identity_confidential_hint.into()),
            },
        ];
        // A backend that cannot keep the name from third parties must not promise it.
        if !crate::api::backend().capabilities().confidential {
            opts.retain(|o| o.value != Identity::Confidential.as_str());
        }
        if anonymous_allowed {
            opts.push(RadioOption {
                value: Identity::Anonymous.as_str().into(),
                label: tt.identity_anonymous.into(),
                hint: Some(tt.identity_anonymous_hint.into()),
            });
        }
        opts
    });
    let identity_value =
        Signal::derive(move || draft.0.with(|d| d.identity.map(|i| i.as_str().to_string())));
    let set =
        move |f: fn(&mut Draft, String)| Callback::new(move |v: String| draft.update(|d| f(d, v)));
    let shows_fields = move || {
        draft.0.with(|d| {
            matches!(
                d.identity,
                Some(Identity::Identified | Identity::Confidential)
            )
        })
    };
    view! {
        <Radios
            id="identity"
            legend=tr_signal(|t| t.q_contact)
            options=options
            value=identity_value
            on_change=Callback::new(move |v: String| draft.update(|d| {
                d.identity = Some(Identity::parse(&v).unwrap_or_default());
            }))
            errors=errors
            legend_is_heading=true
        />
        <Show when=shows_fields>
            <div class="cc-conditional">
                <TextField id="name" label=tr_signal(|t| t.name_label)
                    value=Signal::derive(move || draft.0.with(|d| d.name.clone())) on_input=set(|d, v| d.name = v)
                    errors=errors autocomplete="name" />
                <p class="cc-body">{tr(|t| t.contact_either)}</p>
                <TextField id="email" label=tr_signal(|t| t.email_label)
                    hint=tr_signal(|t| t.email_hint)
                    value=Signal::derive(move || draft.0.with(|d| d.email.clone())) on_input=set(|d, v| d.email = v)
                    errors=errors input_type="email" autocomplete="email" shared_error="contact" />
                <TextField id="phone" label=tr_signal(|t| t.phone_label)
                    hint=tr_signal(|t| t.phone_hint)
                    value=Signal::derive(move || draft.0.with(|d| d.phone.clone())) on_input=set(|d, v| d.phone = v)
                    errors=errors input_type="tel" autocomplete="tel" shared_error="contact" />
                {move || crate::components::form::error_for(errors, "contact").get().map(|m| view! {
                    <p class="cc-error-message" id="contact-error"><span class="cc-visually-hidden">{t().error_prefix}</span>{m}</p>
                })}
            </div>
        </Show>
    }
}
