//! Accessible form building blocks, GOV.UK pattern: a visible label, an optional hint,
//! and — when the check fails — an error message that is part of the field's
//! accessible description (`aria-describedby`) and `aria-invalid="true"`.
//! Errors come from the "Continuar" check, never from blur, and never clear input.

use cc_core::api::FieldError;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use cc_core::intake::char_count::{self, CountBand};

use super::dictation::Dictation;
use super::ErrorMessage;
use crate::i18n::{t, tr};

/// The errors of the current page.
pub type Errors = RwSignal<Vec<FieldError>>;

/// First error message for `field`, if any.
pub fn error_for(errors: Errors, field: &'static str) -> Signal<Option<String>> {
    Signal::derive(move || {
        errors.with(|e| {
            e.iter()
                .find(|e| e.field == field)
                .map(|e| e.message.clone())
        })
    })
}

/// `aria-describedby` value: the hint and error ids that exist.
fn described_by(id: &str, has_hint: bool, error: Option<String>) -> Option<String> {
    let mut ids = Vec::new();
    if has_hint {
        ids.push(format!("{id}-hint"));
    }
    if error.is_some() {
        ids.push(format!("{id}-error"));
    }
    (!ids.is_empty()).then(|| ids.join(" "))
}

/// The error summary at the top of the page. It takes focus when it appears so
/// keyboard and screen reader users land on it; each link moves to its field. It is
/// also an alert (as GOV.UK's is, and as the check-answers page's summary already was):
/// focus alone is not heard when the summary comes back while focus is already on it.
#[component]
pub fn ErrorSummary(errors: Errors) -> impl IntoView {
    let node = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        if !errors.with(Vec::is_empty) {
            if let Some(el) = node.get() {
                let el: &web_sys::HtmlElement = el.unchecked_ref();
                let _ = el.focus();
            }
        }
    });
    view! {
        <Show when=move || !errors.with(Vec::is_empty)>
            <div class="cc-error-summary" role="alert" tabindex="-1" node_ref=node aria-labelledby="error-summary-title">
                <h2 id="error-summary-title" class="cc-heading-m">{tr(|t| t.error_summary_title)}</h2>
                <ul class="cc-error-summary__list">
                    {move || {
                        // One message that concerns two fields (e.g. "number or code
                        // wrong") is listed once, linking to the first.
                        let mut seen = Vec::<String>::new();
                        errors
                            .get()
                            .into_iter()
                            .filter(|e| {
                                let new = !seen.contains(&e.message);
                                seen.push(e.message.clone());
                                new
                            })
                            .map(|e| {
                                let target = field_anchor(&e.field);
                                view! {
                                    <li>
                                        <a
                                            href=format!("#{target}")
                                            on:click=move |ev| {
                                                // Focus the field itself; a plain jump would only scroll.
                                                ev.prevent_default();
                                                focus_by_id(&target);
                                            }
                                        >
                                            {e.message}
                                        </a>
                                    </li>
                                }
                            })
                            .collect_view()
                    }}
                </ul>
            </div>
        </Show>
    }
}

/// The element an error links to: the field, or the first option of a radio group.
fn field_anchor(field: &str) -> String {
    match field {
        "case_type" | "identity" | "agency" | "rating_answered" | "rating_clear"
        | "rating_score" => format!("{field}-0"),
        "contact" => "email".into(),
        other => other.to_string(),
    }
}

pub fn focus_by_id(id: &str) {
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
    {
        let el: web_sys::HtmlElement = el.unchecked_into();
        el.scroll_into_view();
        let _ = el.focus();
    }
}

/// A single-line text input.
#[component]
pub fn TextField(
    id: &'static str,
    #[prop(into)] label: Signal<String>,
    #[prop(optional, into)] hint: Option<Signal<String>>,
    value: Signal<String>,
    on_input: Callback<String>,
    errors: Errors,
    #[prop(default = "text")] input_type: &'static str,
    #[prop(optional)] autocomplete: Option<&'static str>,
    #[prop(optional)] inputmode: Option<&'static str>,
    #[prop(optional)] class: Option<&'static str>,
    /// For fields whose errors are reported under another name (e.g. `contact`).
    #[prop(optional)]
    error_field: Option<&'static str>,
    /// An error about this field and others together ("give an e-mail or a phone"),
    /// shown once after them with the id `<name>-error`: while it shows, each of the
    /// fields is invalid and is described by it.
    #[prop(optional)]
    shared_error: Option<&'static str>,
    /// Render the label as the page's h1 (one question per page).
    #[prop(optional)]
    label_is_heading: bool,
) -> impl IntoView {
    let error = error_for(errors, error_field.unwrap_or(id));
    let shared = shared_error.map(|name| (name, error_for(errors, name)));
    let shared_shows = move || shared.is_some_and(|(_, e)| e.get().is_some());
    let has_hint = hint.is_some();
    let label_view = move || view! { <label class="cc-label" for=id>{move || label.get()}</label> };
    view! {
        <div class="cc-field" class:cc-field--error=move || error.get().is_some()>
            {if label_is_heading {
                view! { <h1 class="cc-heading-xl cc-label-wrapper" tabindex="-1">{label_view()}</h1> }.into_any()
            } else {
                label_view().into_any()
            }}
            {hint.map(|h| view! { <p class="cc-hint" id=format!("{id}-hint")>{move || h.get()}</p> })}
            <ErrorMessage id=id.to_string() error=error />
            <input
                id=id
                name=id
                type=input_type
                class=format!("cc-input {}", class.unwrap_or(""))
                class:cc-input--error=move || error.get().is_some()
                autocomplete=autocomplete
                inputmode=inputmode
                spellcheck="false"
                aria-describedby=move || {
                    let own = described_by(id, has_hint, error.get());
                    match shared.filter(|_| shared_shows()) {
                        Some((name, _)) => Some(format!("{} {name}-error", own.unwrap_or_default()).trim().to_string()),
                        None => own,
                    }
                }
                aria-invalid=move || (error.get().is_some() || shared_shows()).then_some("true")
                prop:value=move || value.get()
                on:input=move |ev| on_input.run(event_target_value(&ev))
            />
        </div>
    }
}

/// A multi-line text area with a character count (GOV.UK character count). The
/// visible count follows every key; what screen readers hear changes only when the
/// text crosses a threshold (`cc_core::intake::char_count`), so typing is not
/// interrupted by a number after each letter.
#[component]
pub fn TextArea(
    id: &'static str,
    #[prop(into)] label: Signal<String>,
    #[prop(optional, into)] hint: Option<Signal<String>>,
    value: Signal<String>,
    on_input: Callback<String>,
    errors: Errors,
    max: usize,
    /// Render the label as the page's h1 (one question per page).
    #[prop(optional)]
    label_is_heading: bool,
    /// Offer dictation (free-text answers people may find hard to type).
    #[prop(optional)]
    dictation: bool,
) -> impl IntoView {
    let error = error_for(errors, id);
    let has_hint = hint.is_some();
    let used = Memo::new(move |_| value.with(|v| v.chars().count()));
    let count_text = move |used: usize| {
        let tt = t();
        if used > max {
            tt.chars_over(used - max)
        } else {
            tt.chars_left(max - used)
        }
    };
    let count = move || count_text(used.get());
    // The spoken count: set when the band changes, not on every key.
    let band = Memo::new(move |_| char_count::band(used.get(), max));
    let spoken = RwSignal::new(String::new());
    Effect::new(move |previous: Option<CountBand>| {
        let now = band.get();
        if previous.is_some_and(|p| p != now) && now != CountBand::Plenty {
            spoken.set(count_text(used.get_untracked()));
        }
        now
    });
    let label_view = move || view! { <label class="cc-label" for=id>{move || label.get()}</label> };
    view! {
        <div class="cc-field" class:cc-field--error=move || error.get().is_some()>
            {if label_is_heading {
                view! { <h1 class="cc-heading-xl cc-label-wrapper" tabindex="-1">{label_view()}</h1> }.into_any()
            } else {
                label_view().into_any()
            }}
            {hint.map(|h| view! { <p class="cc-hint" id=format!("{id}-hint")>{move || h.get()}</p> })}
            <ErrorMessage id=id.to_string() error=error />
            <textarea
                id=id
                name=id
                class="cc-textarea"
                class:cc-textarea--error=move || error.get().is_some()
                rows="8"
                aria-describedby=move || {
                    let base = described_by(id, has_hint, error.get()).unwrap_or_default();
                    format!("{base} {id}-count").trim().to_string()
                }
                aria-invalid=move || error.get().map(|_| "true")
                prop:value=move || value.get()
                on:input=move |ev| on_input.run(event_target_value(&ev))
            ></textarea>
            <p class="cc-hint cc-count" id=format!("{id}-count")>{count}</p>
            <p class="cc-visually-hidden" aria-live="polite" id=format!("{id}-count-status")>{move || spoken.get()}</p>
            {dictation.then(|| view! { <Dictation id=id text=value on_text=on_input /> })}
        </div>
    }
}

/// One option of a radio group.
#[derive(Clone)]
pub struct RadioOption {
    pub value: String,
    pub label: String,
    pub hint: Option<String>,
}

/// A radio group in a fieldset whose legend is the question. With `legend_is_heading`
/// the legend holds the page's h1 (GOV.UK: one question per page).
#[component]
pub fn Radios(
    id: &'static str,
    #[prop(into)] legend: Signal<String>,
    #[prop(optional, into)] hint: Option<Signal<String>>,
    #[prop(into)] options: Signal<Vec<RadioOption>>,
    value: Signal<Option<String>>,
    on_change: Callback<String>,
    errors: Errors,
    #[prop(optional)] legend_is_heading: bool,
) -> impl IntoView {
    let error = error_for(errors, id);
    let has_hint = hint.is_some();
    view! {
        <div class="cc-field" class:cc-field--error=move || error.get().is_some()>
            <fieldset class="cc-fieldset" aria-describedby=move || described_by(id, has_hint, error.get())>
                <legend class="cc-legend">
                    {if legend_is_heading {
                        view! { <h1 class="cc-heading-xl" tabindex="-1">{move || legend.get()}</h1> }.into_any()
                    } else {
                        view! { <span class="cc-label">{move || legend.get()}</span> }.into_any()
                    }}
                </legend>
                {hint.map(|h| view! { <p class="cc-hint" id=format!("{id}-hint")>{move || h.get()}</p> })}
                <ErrorMessage id=id.to_string() error=error />
                {move || {
                    options
                        .get()
                        .into_iter()
                        .enumerate()
                        .map(|(i, opt)| {
                            let input_id = format!("{id}-{i}");
                            let hint_id = format!("{input_id}-hint");
                            let v = opt.value.clone();
                            let checked_value = opt.value.clone();
                            view! {
                                <div class="cc-radio">
                                    <input
                                        class="cc-radio__input"
                                        type="radio"
                                        id=input_id.clone()
                                        name=id
                                        value=opt.value.clone()
                                        aria-describedby=opt.hint.as_ref().map(|_| hint_id.clone())
                                        prop:checked=move || value.get().as_deref() == Some(checked_value.as_str())
                                        on:change=move |_| on_change.run(v.clone())
                                    />
                                    <label class="cc-radio__label" for=input_id>{opt.label}</label>
                                    // The hint sits outside the label (referenced by
                                    // aria-describedby) so it is not read twice.
                                    {opt.hint.map(|h| view! { <div class="cc-radio__hint" id=hint_id>{h}</div> })}
                                </div>
                            }
                        })
                        .collect_view()
                }}
            </fieldset>
        </div>
    }
}

/// A single checkbox (e.g. consent).
#[component]
pub fn Checkbox(
    id: &'static str,
    #[prop(into)] label: Signal<String>,
    checked: Signal<bool>,
    on_change: Callback<bool>,
    errors: Errors,
) -> impl IntoView {
    let error = error_for(errors, id);
    view! {
        <div class="cc-field" class:cc-field--error=move || error.get().is_some()>
            <ErrorMessage id=id.to_string() error=error />
            <div class="cc-checkbox">
                <input
                    class="cc-checkbox__input"
                    type="checkbox"
                    id=id
                    name=id
                    aria-describedby=move || described_by(id, false, error.get())
                    aria-invalid=move || error.get().map(|_| "true")
                    prop:checked=move || checked.get()
                    on:change=move |ev| on_change.run(event_target_checked(&ev))
                />
                <label class="cc-checkbox__label" for=id>{move || label.get()}</label>
            </div>
        </div>
    }
}
