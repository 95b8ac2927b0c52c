//! One question of the chosen topic, generated from what the backend asks (Open311
//! service attributes): a text, a number, a date and time, a long text, one choice or
//! several. One question per page, like the wizard's own; a display-only attribute is
//! a page to read.

use cc_core::api::FieldError;
use cc_core::open311::{check_attribute, Attribute, Datatype};
use leptos::prelude::*;

use crate::components::form::{error_for, Errors, RadioOption, Radios, TextArea, TextField};
use crate::components::ErrorMessage;
use crate::intake::draft::{Draft, DraftStore};
use crate::intake::texts::{t, tr};

/// The longest answer a long-text question takes (Open311's description limit).
const TEXT_MAX: usize = 4000;

/// The question's words: its description, marked when optional.
pub fn question_text(attr: &Attribute) -> String {
    if attr.required || !attr.variable {
        attr.description.clone()
    } else {
        format!("{}{}", attr.description, t().optional_suffix)
    }
}

/// The check of one answer, with our words for the backend's rule it broke.
pub fn validate_detail(attr: &Attribute, d: &Draft) -> Vec<FieldError> {
    let Err(e) = check_attribute(attr, d.topic_answer(&attr.code)) else {
        return Vec::new();
    };
    let tt = t();
    let message = match e.code.as_str() {
        "required" => tt.err_detail_required,
        "not_a_number" => tt.err_detail_number,
        "not_a_date" => tt.err_detail_date,
        "not_an_option" => tt.err_detail_option,
        _ => tt.err_detail_too_long,
    };
    vec![FieldError::new("detail", e.code, message)]
}

#[component]
pub fn DetailStep(n: u8, draft: DraftStore, errors: Errors) -> impl IntoView {
    let Some(attr) = draft
        .0
        .with_untracked(|d| d.topic_questions().get(usize::from(n)).cloned())
    else {
        return view! { <crate::components::NotFound /> }.into_any();
    };
    let code = StoredValue::new(attr.code.clone());
    let label = Signal::stored(question_text(&attr));
    let hint = attr.datatype_description.clone().filter(|h| !h.is_empty());
    let one = Signal::derive(move || {
        draft
            .0
            .with(|d| d.topic_answer(&code.get_value()).first().cloned())
            .unwrap_or_default()
    });
    let set_one = Callback::new(move |v: String| {
        draft.update(|d| {
            let values = if v.trim().is_empty() { vec![] } else { vec![v] };
            d.topic_answers.insert(code.get_value(), values);
        })
    });
    if !attr.variable {
        return view! {
            <h1 class="cc-heading-xl" tabindex="-1">{tr(|t| t.detail_note_title)}</h1>
            <p class="cc-body-l">{attr.description.clone()}</p>
        }
        .into_any();
    }
    let options: Vec<RadioOption> = attr
        .values
        .iter()
        .map(|v| RadioOption {
            value: v.key.clone(),
            label: v.name.clone(),
            hint: None,
        })
        .collect();
    match attr.datatype {
        Datatype::SingleValueList => view! {
            <Radios id="detail" legend=label hint=Signal::stored(hint.unwrap_or_default())
                options=Signal::stored(options)
                value=Signal::derive(move || Some(one.get()).filter(|v| !v.is_empty()))
                on_change=set_one errors=errors legend_is_heading=true />
        }
        .into_any(),
        Datatype::MultiValueList => view! {
            <Checkboxes legend=label hint=hint options=options draft=draft code=code.get_value() errors=errors />
        }
        .into_any(),
        Datatype::Text => view! {
            <TextArea id="detail" label=label hint=Signal::stored(hint.unwrap_or_default())
                value=one on_input=set_one errors=errors max=TEXT_MAX label_is_heading=true dictation=true />
        }
        .into_any(),
        Datatype::Number => view! {
            <TextField id="detail" label=label hint=Signal::stored(hint.unwrap_or_else(|| t().detail_number_hint.into()))
                value=one on_input=set_one errors=errors inputmode="decimal" class="cc-input--width-10" label_is_heading=true />
        }
        .into_any(),
        Datatype::Datetime => view! {
            <TextField id="detail" label=label hint=Signal::stored(hint.unwrap_or_else(|| t().detail_datetime_hint.into()))
                value=one on_input=set_one errors=errors input_type="datetime-local" class="cc-input--width-20" label_is_heading=true />
        }
        .into_any(),
        Datatype::String => view! {
            <TextField id="detail" label=label hint=Signal::stored(hint.unwrap_or_default())
                value=one on_input=set_one errors=errors label_is_heading=true />
        }
        .into_any(),
    }
}

/// "Choose all that apply": one checkbox per option in a fieldset whose legend is the
/// page's question.
#[component]
fn Checkboxes(
    legend: Signal<String>,
    hint: Option<String>,
    options: Vec<RadioOption>,
    draft: DraftStore,
    code: String,
    errors: Errors,
) -> impl IntoView {
    let error = error_for(errors, "detail");
    let code = StoredValue::new(code);
    let hint_text = hint.unwrap_or_else(|| t().detail_several_hint.into());
    view! {
        <div class="cc-field" class:cc-field--error=move || error.get().is_some()>
            <fieldset class="cc-fieldset" aria-describedby=move || {
                if error.get().is_some() { "detail-hint detail-error" } else { "detail-hint" }
            }>
                <legend class="cc-legend"><h1 class="cc-heading-xl" tabindex="-1">{move || legend.get()}</h1></legend>
                <p class="cc-hint" id="detail-hint">{hint_text}</p>
                <ErrorMessage id="detail".to_string() error=error />
                {options.into_iter().enumerate().map(|(i, opt)| {
                    let id = format!("detail-{i}");
                    let key = StoredValue::new(opt.value.clone());
                    let checked = move || draft.0.with(|d| d.topic_answer(&code.get_value()).contains(&key.get_value()));
                    view! {
                        <div class="cc-checkbox">
                            <input class="cc-checkbox__input" type="checkbox" id=id.clone() name="detail"
                                value=opt.value.clone()
                                prop:checked=checked
                                on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    draft.update(|d| {
                                        let values = d.topic_answers.entry(code.get_value()).or_default();
                                        values.retain(|v| *v != key.get_value());
                                        if on {
                                            values.push(key.get_value());
                                        }
                                    });
                                } />
                            <label class="cc-checkbox__label" for=id>{opt.label}</label>
                        </div>
                    }
                }).collect_view()}
            </fieldset>
        </div>
    }
}
