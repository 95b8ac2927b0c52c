//! The shell's place for the outbox notice (`intake::OutboxNotice`): mounted from the
//! moment a case waits on this device and for the rest of the visit (so it can say
//! the case went out), its code downloaded only then.

use leptos::prelude::*;

use crate::intake::use_draft;

#[component]
pub fn OutboxSlot() -> impl IntoView {
    let draft = use_draft();
    let seen = Memo::new(move |before: Option<&bool>| {
        before.copied().unwrap_or(false) || draft.0.with(|d| d.queued_at.is_some())
    });
    move || seen.get().then(notice)
}

#[cfg(feature = "split")]
fn notice() -> impl IntoView {
    super::split::outbox_notice()
}

#[cfg(not(feature = "split"))]
fn notice() -> impl IntoView {
    view! { <crate::intake::OutboxNotice /> }
}
