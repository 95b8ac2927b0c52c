//! What happened (or what the person needs), and for some case types when and where;
//! under the text, the procedures that may already answer it (`suggestions`).

use cc_core::config::Deployment;
use leptos::prelude::*;

use super::question;
use super::suggestions::Suggestions;
use crate::components::form::{Errors, TextArea, TextField};
use crate::components::DateInput;
use crate::intake::draft::{Draft, DraftStore};
use crate::intake::texts::tr_signal;
use crate::intake::{case_type, Step};

#[component]
pub fn WhatHappenedStep(
    deployment: Deployment,
    draft: DraftStore,
    errors: Errors,
) -> impl IntoView {
    let max = deployment.intake.description_max;
    let asks = draft
        .0
        .with_untracked(|d| case_type(&deployment, d).is_some_and(|c| c.asks_when_where));
    let dep = deployment.clone();
    let for_suggestions = deployment.clone();
    let label = Signal::derive(move || draft.0.with(|d| question(Step::WhatHappened, &dep, d)));
    let set =
        move |f: fn(&mut Draft, String)| Callback::new(move |v: String| draft.update(|d| f(d, v)));
    view! {
        <TextArea
            id="description"
            label=label
            hint=tr_signal(|t| t.description_hint)
            value=Signal::derive(move || draft.0.with(|d| d.description.clone()))
            on_input=set(|d, v| d.description = v)
            errors=errors
            max=max
            label_is_heading=true
            dictation=true
        />
        <Suggestions deployment=for_suggestions draft=draft />
        {asks.then(|| view! {
            <DateInput
                id="event_date"
                legend=tr_signal(|t| t.date_legend)
                hint=tr_signal(|t| t.date_hint)
                day=Signal::derive(move || draft.0.with(|d| d.day.clone()))
                month=Signal::derive(move || draft.0.with(|d| d.month.clone()))
                year=Signal::derive(move || draft.0.with(|d| d.year.clone()))
                on_day=set(|d, v| d.day = v)
                on_month=set(|d, v| d.month = v)
                on_year=set(|d, v| d.year = v)
                errors=errors
            />
            <TextField
                id="place"
                label=tr_signal(|t| t.place_label)
                hint=tr_signal(|t| t.place_hint)
                value=Signal::derive(move || draft.0.with(|d| d.place.clone()))
                on_input=set(|d, v| d.place = v)
                errors=errors
            />
        })}
    }
}
