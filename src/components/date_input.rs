//! GOV.UK date input: day, month and year as three labelled boxes in one fieldset.
//! Easier than a date picker on cheap phones and with screen readers; the three boxes
//! share one error (the date as a whole is wrong), linked from the error summary to
//! the day box, whose id is the field's name.

use leptos::prelude::*;

use super::form::{error_for, Errors};
use super::ErrorMessage;
use crate::i18n::tr_signal;

#[component]
pub fn DateInput(
    /// The field's name in errors, and the id of the day box (`{id}_month`, `{id}_year`
    /// for the others).
    id: &'static str,
    legend: Signal<String>,
    hint: Signal<String>,
    day: Signal<String>,
    month: Signal<String>,
    year: Signal<String>,
    on_day: Callback<String>,
    on_month: Callback<String>,
    on_year: Callback<String>,
    errors: Errors,
) -> impl IntoView {
    let error = error_for(errors, id);
    let hint_id = format!("{id}-hint");
    let described_by = {
        let hint_id = hint_id.clone();
        move || match error.get() {
            Some(_) => format!("{hint_id} {id}-error"),
            None => hint_id.clone(),
        }
    };
    view! {
        <div class="cc-field" class:cc-field--error=move || error.get().is_some()>
            <fieldset class="cc-fieldset" role="group" aria-describedby=described_by>
                <legend class="cc-label">{move || legend.get()}</legend>
                <p class="cc-hint" id=hint_id>{move || hint.get()}</p>
                <ErrorMessage id=id.to_string() error=error />
                <div class="cc-date-input">
                    <DatePart id=id label=tr_signal(|t| t.date_day) wide=false
                        value=day on_input=on_day invalid=error />
                    <DatePart id=format!("{id}_month") label=tr_signal(|t| t.date_month) wide=false
                        value=month on_input=on_month invalid=error />
                    <DatePart id=format!("{id}_year") label=tr_signal(|t| t.date_year) wide=true
                        value=year on_input=on_year invalid=error />
                </div>
            </fieldset>
        </div>
    }
}

/// One of the day / month / year boxes.
#[component]
fn DatePart(
    #[prop(into)] id: String,
    label: Signal<String>,
    /// Four digits (the year) instead of two.
    wide: bool,
    value: Signal<String>,
    on_input: Callback<String>,
    invalid: Signal<Option<String>>,
) -> impl IntoView {
    // Whole class names, so a search for one finds where it is used.
    let class = if wide {
        "cc-input cc-input--width-4"
    } else {
        "cc-input cc-input--width-2"
    };
    view! {
        <div class="cc-date-input__item">
            <label class="cc-label cc-date-input__label" for=id.clone()>{move || label.get()}</label>
            <input
                id=id
                class=class
                class:cc-input--error=move || invalid.get().is_some()
                type="text"
                inputmode="numeric"
                autocomplete="off"
                aria-invalid=move || invalid.get().map(|_| "true")
                prop:value=move || value.get()
                on:input=move |ev| on_input.run(event_target_value(&ev))
            />
        </div>
    }
}
