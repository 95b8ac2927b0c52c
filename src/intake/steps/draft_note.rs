//! The note under every question: where the answers are kept, and deleting them.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use crate::intake::draft::use_draft;
use crate::intake::start::DiscardDraft;
use crate::intake::texts::{tr, tr_signal};

/// "Your answers are saved on this device", "delete them when I quick-exit" and
/// "delete my answers" (which asks first: a tap by mistake must not lose a case).
#[component]
pub fn DraftNote() -> impl IntoView {
    let draft = use_draft();
    let navigate = use_navigate();
    let on_deleted = Callback::new(move |_| {
        navigate("/contacto?borrado=1", Default::default());
    });
    view! {
        <div class="cc-draft-note">
            <p class="cc-caption">{tr(|t| t.draft_saved_note)}</p>
            <div class="cc-checkbox cc-checkbox--small">
                <input
                    class="cc-checkbox__input"
                    type="checkbox"
                    id="clear-on-exit"
                    prop:checked=move || draft.0.with(|d| d.clear_on_exit)
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        draft.update(|d| d.clear_on_exit = on);
                    }
                />
                <label class="cc-checkbox__label" for="clear-on-exit">{tr(|t| t.quick_exit_clear_label)}</label>
            </div>
            <DiscardDraft label=tr_signal(|t| t.draft_delete) on_deleted=on_deleted />
        </div>
    }
}
