//! `/integrar`: the guide for agencies. What the button does, a form that builds the
//! snippet (with a copy button and a live preview), every option, the no-JavaScript
//! fallback and the allowed-origins setting.

use leptos::prelude::*;

use super::snippet::{label_of, noscript_snippet, plain_href, script_snippet, Choice};
use super::texts::et;
use crate::components::form::{RadioOption, Radios, TextField};
use crate::components::PageHeading;
use crate::context::{use_catalog, use_deployment};
use crate::i18n::{use_lang, Lang};

/// The message schema, shown to developers (the same as at the top of embed.js).
const SCHEMA: &str = r#"{source: "contacto-ciudadano", version: 1, type, ...}

app  -> page  "ready"   {title?: string}
app  -> page  "resize"  {height: number}
app  -> page  "filed"   {ticket: string}
app  -> page  "close"   {}
page -> app   "ready"   {}"#;

fn page_origin() -> String {
    web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default()
}

#[component]
pub fn IntegratePage() -> impl IntoView {
    let deployment = use_deployment();
    let catalog = use_catalog().0;
    let lang = use_lang();
    let origin = page_origin();

    let choice = RwSignal::new(Choice {
        lang: lang.get_untracked().code().to_string(),
        ..Default::default()
    });
    let no_errors = RwSignal::new(Vec::new());

    let origin_for_script = origin.clone();
    let script = Signal::derive(move || choice.with(|c| script_snippet(&origin_for_script, c)));
    let origin_for_nojs = origin.clone();
    let nojs = Signal::derive(move || choice.with(|c| noscript_snippet(&origin_for_nojs, c)));
    let origin_for_preview = origin.clone();
    let preview_href = move || choice.with(|c| plain_href(&origin_for_preview, c));
    let origin = StoredValue::new(origin);

    // Options lists: re-drawn when the catalog or deployment arrive, not on every key.
    let agency_options = move || {
        let selected = choice.with_untracked(|c| c.agency.clone());
        let mut agencies = match catalog.get() {
            Some(Ok(engine)) => engine.index.agencies.clone(),
            _ => Vec::new(),
        };
        agencies.sort_by(|a, b| a.name.cmp(&b.name));
        agencies
            .into_iter()
            .map(|a| {
                let is = a.acronym == selected;
                let text = format!("{} ({})", a.name, a.acronym);
                view! { <option value=a.acronym selected=is>{text}</option> }
            })
            .collect_view()
    };
    let type_options = move || {
        let selected = choice.with_untracked(|c| c.case_type.clone());
        let code = lang.get().code();
        deployment
            .get()
            .map(|d| d.case_types)
            .unwrap_or_default()
            .into_iter()
            .map(|ty| {
                let name = ty.text(code).map(|x| x.name.clone()).unwrap_or_default();
                let is = ty.slug == selected;
                let text = format!("{name} ({})", ty.slug);
                view! { <option value=ty.slug selected=is>{text}</option> }
            })
            .collect_view()
    };
    let origins = move || {
        let origins = deployment
            .get()
            .map(|d| d.embed_origins)
            .unwrap_or_default();
        if origins.is_empty() {
            view! { <p>{et().origins_none}</p> }.into_any()
        } else {
            view! {
                <ul class="cc-list cc-list--bullet">
                    {origins.into_iter().map(|o| view! { <li><code class="cc-embed-inline-code">{o}</code></li> }).collect_view()}
                </ul>
            }
            .into_any()
        }
    };

    // The texts are drawn once per language (one closure rather than one per text keeps
    // the wasm small); only the snippet, the preview and the lists react to the form.
    // The form's state lives in `choice`, so a language change keeps every answer.
    let body = move || {
        let tx = et();
        let selected_lang = choice.with_untracked(|c| c.lang.clone());
        let position_options = vec![
            RadioOption {
                value: "inline".into(),
                label: tx.position_inline.into(),
                hint: Some(tx.position_inline_hint.into()),
            },
            RadioOption {
                value: "bottom-right".into(),
                label: tx.position_floating.into(),
                hint: Some(tx.position_floating_hint.into()),
            },
        ];
        let preview_href = preview_href.clone();
        view! {
            <p class="cc-body-l">{tx.lead}</p>

            <h2 class="cc-heading-l">{tx.what_title}</h2>
            <ul class="cc-list cc-list--bullet">
                {tx.what_points.iter().map(|p| view! { <li>{*p}</li> }).collect_view()}
            </ul>

            <h2 class="cc-heading-l">{tx.config_title}</h2>
            <div class="cc-embed-builder">
                <div class="cc-embed-builder__form">
                    <div class="cc-field">
                        <label class="cc-label" for="embed-agency">{tx.field_agency}</label>
                        <p class="cc-hint" id="embed-agency-hint">{tx.agency_hint}</p>
                        <select
                            id="embed-agency"
                            class="cc-select"
                            aria-describedby="embed-agency-hint"
                            on:change=move |ev| choice.update(|c| c.agency = event_target_value(&ev))
                        >
                            <option value="" selected=choice.with_untracked(|c| c.agency.is_empty())>{tx.any_agency}</option>
                            {agency_options}
                        </select>
                    </div>
                    <div class="cc-field">
                        <label class="cc-label" for="embed-type">{tx.field_type}</label>
                        <select
                            id="embed-type"
                            class="cc-select"
                            on:change=move |ev| choice.update(|c| c.case_type = event_target_value(&ev))
                        >
                            <option value="" selected=choice.with_untracked(|c| c.case_type.is_empty())>{tx.any_type}</option>
                            {type_options}
                        </select>
                    </div>
                    <TextField
                        id="embed-procedure"
                        label=tx.field_procedure.to_string()
                        hint={Signal::<String>::from(tx.procedure_hint.to_string())}
                        value=Signal::derive(move || choice.with(|c| c.procedure.clone()))
                        on_input=Callback::new(move |v: String| choice.update(|c| c.procedure = v))
                        errors=no_errors
                    />
                    <TextField
                        id="embed-label"
                        label=tx.field_label.to_string()
                        hint={Signal::<String>::from(tx.label_hint.to_string())}
                        value=Signal::derive(move || choice.with(|c| c.label.clone()))
                        on_input=Callback::new(move |v: String| choice.update(|c| c.label = v))
                        errors=no_errors
                    />
                    <div class="cc-field">
                        <label class="cc-label" for="embed-lang">{tx.field_lang}</label>
                        <select
                            id="embed-lang"
                            class="cc-select"
                            on:change=move |ev| choice.update(|c| c.lang = event_target_value(&ev))
                        >
                            {Lang::ALL
                                .into_iter()
                                .map(|l| {
                                    let is = selected_lang == l.code();
                                    view! { <option value=l.code() lang=l.code() selected=is>{l.native_name()}</option> }
                                })
                                .collect_view()}
                        </select>
                    </div>
                    <Radios
                        id="embed-position"
                        legend=tx.field_position.to_string()
                        options=position_options
                        value=Signal::derive(move || {
                            Some(if choice.with(|c| c.floating) { "bottom-right" } else { "inline" }.to_string())
                        })
                        on_change=Callback::new(move |v: String| choice.update(|c| c.floating = v == "bottom-right"))
                        errors=no_errors
                    />
                </div>
                <div class="cc-embed-builder__result">
                    <h3 class="cc-heading-m">{tx.snippet_title}</h3>
                    <p class="cc-hint">{tx.snippet_hint}</p>
                    <CodeBlock code=script copy_label=tx.copy_snippet />

                    <h3 class="cc-heading-m">{tx.preview_title}</h3>
                    <p class="cc-hint" id="embed-preview-hint">{tx.preview_hint}</p>
                    <div
                        class="cc-embed-preview"
                        class:cc-embed-preview--floating=move || choice.with(|c| c.floating)
                    >
                        <p class="cc-embed-preview__page">{tx.preview_page}</p>
                        <a
                            class="cc-embed-preview__button"
                            href=preview_href
                            lang=move || choice.with(|c| c.lang.clone())
                            aria-describedby="embed-preview-hint"
                        >
                            {move || choice.with(label_of)}
                        </a>
                    </div>
                </div>
            </div>

            <h2 class="cc-heading-l">{tx.options_title}</h2>
            <OptionTable first=tx.option_col second=tx.meaning_col rows=tx.options />
            <h3 class="cc-heading-m">{tx.style_title}</h3>
            <p>{tx.style_text}</p>
            <OptionTable first=tx.property_col second=tx.meaning_col rows=tx.style_props />
            <h3 class="cc-heading-m">{tx.events_title}</h3>
            <p>{tx.events_text}</p>

            <h2 class="cc-heading-l">{tx.nojs_title}</h2>
            <p>{tx.nojs_text}</p>
            <CodeBlock code=nojs copy_label=tx.copy_nojs />

            <h2 class="cc-heading-l" id="origenes">{tx.origins_title}</h2>
            {tx.origins_text.iter().map(|p| view! { <p>{*p}</p> }).collect_view()}
            <p class="cc-label">{tx.origins_current}</p>
            {origins}
            <p>{tx.origins_csp(&origin.get_value())}</p>

            <h2 class="cc-heading-l">{tx.messages_title}</h2>
            <p>{tx.messages_text}</p>
            <pre class="cc-embed-code"><code>{SCHEMA}</code></pre>
        }
    };

    view! {
        <div class="cc-width cc-page cc-embed-guide">
            <PageHeading title=Signal::derive(move || et().title.to_string()) />
            {body}
        </div>
    }
}

/// A two-column table: option name (as code) and what it does.
#[component]
fn OptionTable(
    first: &'static str,
    second: &'static str,
    rows: &'static [(&'static str, &'static str)],
) -> impl IntoView {
    view! {
        <table class="cc-table cc-embed-table">
            <thead>
                <tr>
                    <th scope="col">{first}</th>
                    <th scope="col">{second}</th>
                </tr>
            </thead>
            <tbody>
                {rows
                    .iter()
                    .map(|(name, meaning)| {
                        view! {
                            <tr>
                                <th scope="row"><code class="cc-embed-inline-code">{*name}</code></th>
                                <td>{*meaning}</td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>
    }
}

/// Code to paste, with a copy button. The result is announced in a status region.
#[component]
fn CodeBlock(code: Signal<String>, copy_label: &'static str) -> impl IntoView {
    let status = RwSignal::new(None::<bool>);
    // A new snippet has not been copied yet.
    Effect::new(move |_| {
        code.track();
        status.set(None);
    });
    let copy = move |_| {
        let text = code.get_untracked();
        let clipboard = web_sys::window()
            .map(|w| w.navigator())
            .and_then(|n| js_sys::Reflect::get(&n, &"clipboard".into()).ok())
            .filter(|c| !c.is_undefined() && !c.is_null());
        let Some(clipboard) = clipboard else {
            status.set(Some(false));
            return;
        };
        let clipboard: web_sys::Clipboard = wasm_bindgen::JsCast::unchecked_into(clipboard);
        let promise = clipboard.write_text(&text);
        leptos::task::spawn_local(async move {
            let ok = wasm_bindgen_futures::JsFuture::from(promise).await.is_ok();
            let _ = status.try_set(Some(ok));
        });
    };
    view! {
        <pre class="cc-embed-code"><code>{move || code.get()}</code></pre>
        <button type="button" class="cc-button cc-button--secondary" on:click=copy>
            {copy_label}
        </button>
        <p class="cc-embed-copy-status" role="status">
            {move || match status.get() {
                Some(true) => et().copied,
                Some(false) => et().copy_failed,
                None => "",
            }}
        </p>
    }
}
