//! Attachment downloads on the case page.

use cc_core::intake::AttachmentReceipt;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::api;
use crate::tracking::texts::tr;

/// Attachments need the access code, so they are fetched and handed to the browser
/// as a download instead of being plain links.
#[component]
pub fn DownloadButton(ticket: String, code: String, file: AttachmentReceipt) -> impl IntoView {
    let name = file.name.clone();
    let on_click = move |_| {
        let (ticket, code, file) = (ticket.clone(), code.clone(), file.clone());
        leptos::task::spawn_local_scoped(async move {
            let download = api::backend().download(&ticket, &file.id, &code);
            if let Ok(bytes) = download.await {
                save_bytes(&bytes, &file.name, &file.media_type);
            }
        });
    };
    view! {
        <button type="button" class="cc-button cc-button--secondary" on:click=on_click>
            {tr(|t| t.download)}" "{name.clone()}
        </button>
    }
}

fn save_bytes(bytes: &[u8], name: &str, media_type: &str) {
    let array = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(media_type);
    let Ok(blob) = web_sys::Blob::new_with_u8_array_sequence_and_options(&array, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let Ok(a) = doc.create_element("a") {
        let a: web_sys::HtmlElement = a.unchecked_into();
        let _ = a.set_attribute("href", &url);
        let _ = a.set_attribute("download", name);
        a.click();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}
