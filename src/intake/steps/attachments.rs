//! Files (optional): photos or documents, checked by content and uploaded at once.

use cc_core::config::Deployment;
use leptos::prelude::*;

use crate::components::form::Errors;
use crate::components::AttachmentPicker;

use crate::intake::draft::DraftStore;
use crate::intake::texts::{t, tr, tr_signal};

#[component]
pub fn AttachmentsStep(deployment: Deployment, draft: DraftStore, errors: Errors) -> impl IntoView {
    let rules = deployment.intake.clone();
    let max_mb = rules.max_attachment_bytes / (1024 * 1024);
    let max_files = rules.max_attachments;
    let hint = Signal::derive(move || t().attachments_hint(max_files, max_mb));
    view! {
        <h1 class="cc-heading-xl" tabindex="-1">{tr(|t| t.q_attachments)}</h1>
        <p class="cc-hint" id="attachments-hint">{move || hint.get()}</p>
        <AttachmentPicker
            id="attachments"
            label=tr_signal(|t| t.attachments_choose)
            hint_id="attachments-hint"
            list_title=tr_signal(|t| t.attachments_list_title)
            files=Signal::derive(move || draft.0.with(|d| d.attachments.clone()))
            on_add=Callback::new(move |r| draft.update(|d| d.attachments.push(r)))
            on_remove=Callback::new(move |id: String| draft.update(|d| d.attachments.retain(|x| x.id != id)))
            errors=errors
            rules=rules
        />
    }
}
