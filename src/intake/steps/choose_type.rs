//! The first questions: which kind of case, and the emergency notice before a
//! denuncia.

use cc_core::config::Deployment;
use leptos::prelude::*;

use crate::components::form::{Errors, RadioOption, Radios};
use crate::intake::draft::DraftStore;
use crate::intake::texts::{t, tr, tr_signal};

#[component]
pub fn TypeStep(deployment: Deployment, draft: DraftStore, errors: Errors) -> impl IntoView {
    let types = deployment.case_types.clone();
    let options = Signal::derive(move || {
        let texts = t();
        let lang = texts.lang;
        types
            .iter()
            .map(|ct| {
                let text = ct.text(lang.code());
                RadioOption {
                    value: ct.slug.clone(),
                    label: text
                        .map(|x| x.name.clone())
                        .unwrap_or_else(|| ct.slug.clone()),
                    // What the type is for, then a case of it: people recognise their
                    // own case in an example sooner than in a definition.
                    hint: text.map(|x| match &x.example {
                        Some(example) => {
                            format!("{} {}", x.explanation, texts.type_example(example))
                        }
                        None => x.explanation.clone(),
                    }),
                }
            })
            .collect()
    });
    view! {
        <Radios
            id="case_type"
            legend=tr_signal(|t| t.q_type)
            hint=tr_signal(|t| t.q_type_hint)
            options=options
            value=Signal::derive(move || draft.0.with(|d| d.case_type.clone()))
            on_change=Callback::new(move |v: String| draft.update(|d| {
                // A different type may not allow the identity chosen before.
                if d.case_type.as_deref() != Some(v.as_str()) {
                    d.emergency_seen = false;
                    d.identity = None;
                }
                d.case_type = Some(v);
            }))
            errors=errors
            legend_is_heading=true
        />
    }
}

#[component]
pub fn EmergencyStep(deployment: Deployment) -> impl IntoView {
    let phone = deployment.emergency_phone.clone();
    let tel = format!("tel:{}", phone.replace(' ', ""));
    view! {
        <h1 class="cc-heading-xl" tabindex="-1">{tr(|t| t.q_emergency)}</h1>
        <div class="cc-warning-text">
            <strong>
                {tr(|t| t.emergency_danger_before)} " "
                <a class="cc-link" href=tel.clone()>{phone.clone()}</a>
                {tr(|t| t.emergency_danger_after)}
            </strong>
        </div>
        <p>{tr(|t| t.emergency_safe_1)}</p>
        <p>{tr(|t| t.emergency_safe_2)}</p>
    }
}
