//! Choosing and uploading attachments, shared by the wizard and the reply form.
//! Files are checked by their content (never their name) in the browser, uploaded at
//! once, and only their receipts are kept in the draft.

use cc_core::api::FieldError;
use cc_core::intake::attachments::check_attachment;
use cc_core::intake::{AttachmentReceipt, IntakeRules};
use leptos::prelude::*;

use super::form::{error_for, Errors};
use crate::api::{self, ApiError};
use crate::i18n::{t, tr, use_lang};

/// The types people can pick; the backend decides again by content.
const ACCEPT: &str = "image/jpeg,image/png,image/webp,image/gif,image/heic,application/pdf";

/// Checks a file by its content, then uploads it.
pub async fn upload_attachment(
    file: &web_sys::File,
    rules: &IntakeRules,
    already: usize,
) -> Result<AttachmentReceipt, FieldError> {
    let name = file.name();
    let problem = |p: cc_core::intake::attachments::AttachmentProblem| p.to_field_error(&name);
    let size = file.size() as u64;
    // Count and size are checked before the content: with no bytes yet only the
    // content check can fail, so a 2 GB video is refused without reading it.
    if let Err(p) = check_attachment(&name, size, &[], rules, already) {
        if p.code() != "wrong_type" {
            return Err(problem(p));
        }
    }
    let unreadable = || FieldError::new("attachments", "unreadable", t().err_attachment_type);
    let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| unreadable())?;
    let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
    check_attachment(&name, size, &bytes[..bytes.len().min(64)], rules, already)
        .map_err(problem)?;
    api::backend()
        .upload(&name, bytes)
        .await
        .map_err(|e| match e {
            ApiError::Problem(p) if !p.errors.is_empty() => p.errors[0].clone(),
            other => FieldError::new("attachments", "upload", other.message(t())),
        })
}

/// The attached files (each removable) and the file input.
#[component]
pub fn AttachmentPicker(
    id: &'static str,
    #[prop(into)] label: Signal<String>,
    /// Id of a hint shown above, for `aria-describedby`.
    #[prop(optional)]
    hint_id: Option<&'static str>,
    #[prop(optional, into)] list_title: Option<Signal<String>>,
    files: Signal<Vec<AttachmentReceipt>>,
    on_add: Callback<AttachmentReceipt>,
    on_remove: Callback<String>,
    errors: Errors,
    rules: IntakeRules,
) -> impl IntoView {
    let (uploading, set_uploading) = signal(false);
    let error = error_for(errors, "attachments");
    let error_id = format!("{id}-error");
    let on_change = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(list) = input.files() else { return };
        let chosen: Vec<web_sys::File> = (0..list.length()).filter_map(|i| list.get(i)).collect();
        input.set_value("");
        let rules = rules.clone();
        let lang = use_lang().get_untracked();
        set_uploading.set(true);
        leptos::task::spawn_local_scoped(async move {
            let mut problems = Vec::new();
            for file in chosen {
                let already = files.with_untracked(Vec::len);
                match upload_attachment(&file, &rules, already).await {
                    Ok(receipt) => on_add.run(receipt),
                    Err(e) => problems.push(e),
                }
            }
            let _ = set_uploading.try_set(false);
            let _ = errors.try_update(|all| {
                all.retain(|e| e.field != "attachments");
                all.extend(crate::i18n::localize(lang, problems, &rules));
            });
        });
    };
    let described_by = move || {
        let mut ids: Vec<String> = hint_id.map(String::from).into_iter().collect();
        if error.get().is_some() {
            ids.push(format!("{id}-error"));
        }
        (!ids.is_empty()).then(|| ids.join(" "))
    };
    view! {
        {move || {
            let list = files.get();
            (!list.is_empty()).then(|| view! {
                {list_title.map(|title| view! { <h2 class="cc-heading-m">{move || title.get()}</h2> })}
                <ul class="cc-file-list">
                    {list.into_iter().map(|a| {
                        let file_id = a.id.clone();
                        view! {
                            <li class="cc-file">
                                <span class="cc-file__name">{a.name.clone()}</span>
                                <span class="cc-caption">{format!(" ({} KB)", a.size.div_ceil(1024))}</span>
                                <button type="button" class="cc-button cc-button--secondary cc-file__remove"
                                    on:click=move |_| on_remove.run(file_id.clone())>
                                    {t().remove}<span class="cc-visually-hidden">{format!(" {}", a.name)}</span>
                                </button>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            })
        }}
        <div class="cc-field" class:cc-field--error=move || error.get().is_some()>
            <label class="cc-label" for=id>{move || label.get()}</label>
            {move || error.get().map(|m| view! {
                <p class="cc-error-message" id=error_id.clone()><span class="cc-visually-hidden">{t().error_prefix}</span>{m}</p>
            })}
            <input id=id type="file" multiple class="cc-file-input" accept=ACCEPT
                aria-describedby=described_by on:change=on_change />
        </div>
        <p role="status" class="cc-caption">{move || uploading.get().then(|| tr(|t| t.attachments_uploading)())}</p>
    }
}
