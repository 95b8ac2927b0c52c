//! The outbox's part in the shell: a case waiting on this device (see
//! `intake::outbox`) is tried when the app starts, when the connection comes back and
//! every half minute, whatever page is open; a notice under the header says that it
//! waits, and then that it went out (with its number) or that answers need a look.
//! The sending code lives in the wizard's chunk, downloaded only when a case waits.

use std::time::Duration;

use cc_core::config::Deployment;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_location;

use crate::context::use_deployment;
use crate::i18n::{t, use_lang, Lang};
use crate::intake::{use_draft, DraftStore, OutboxEvent};

/// How often a waiting case is tried while the page is open (the backend may be back
/// without the browser noticing a change of connection).
const RETRY_EVERY: Duration = Duration::from_secs(30);

async fn flush(draft: DraftStore, deployment: Deployment, lang: Lang) -> Option<OutboxEvent> {
    #[cfg(feature = "split")]
    return super::split::flush_outbox(draft, deployment, lang).await;
    #[cfg(not(feature = "split"))]
    return crate::intake::flush_outbox(draft, deployment, lang).await;
}

#[component]
pub fn OutboxNotice() -> impl IntoView {
    let draft = use_draft();
    let deployment = use_deployment();
    let lang = use_lang();
    let location = use_location();
    let event = RwSignal::new(None::<OutboxEvent>);
    let waiting = Memo::new(move |_| draft.0.with(|d| d.queued_at.is_some()));
    let try_now = move || {
        let Some(deployment) = deployment.get_untracked() else {
            return;
        };
        if !waiting.get_untracked() {
            return;
        }
        leptos::task::spawn_local_scoped(async move {
            if let Some(happened) = flush(draft, deployment, lang.get_untracked()).await {
                let _ = event.try_set(Some(happened));
                request_animation_frame(|| crate::components::form::focus_by_id("outbox-notice"));
            }
        });
    };
    // Once the settings are here (at start): a case left waiting goes now.
    Effect::new(move |done: Option<bool>| {
        if done == Some(true) {
            return true;
        }
        let ready = deployment.with(Option::is_some);
        if ready {
            try_now();
        }
        ready
    });
    let online = window_event_listener(leptos::ev::online, move |_| try_now());
    let timer = set_interval_with_handle(try_now, RETRY_EVERY).ok();
    on_cleanup(move || {
        online.remove();
        if let Some(timer) = timer {
            timer.clear();
        }
    });
    // The check page says it itself, next to the button.
    let on_review = move || location.pathname.with(|p| p.ends_with("/contacto/revisar"));
    view! {
        <div class="cc-width" role="status">
            {move || {
                let tt = t();
                match event.get() {
                    Some(OutboxEvent::Sent { ticket }) => Some(view! {
                        <div class="cc-notification cc-notification--success cc-outbox" id="outbox-notice" tabindex="-1">
                            <p class="cc-heading-s">{tt.outbox_sent(&ticket)}</p>
                            <p><A href=format!("/contacto/enviado/{ticket}") attr:class="cc-link">{tt.outbox_see_receipt}</A></p>
                        </div>
                    }.into_any()),
                    Some(OutboxEvent::Refused) => Some(view! {
                        <div class="cc-notification cc-outbox" id="outbox-notice" tabindex="-1">
                            <p class="cc-heading-s">{tt.outbox_refused}</p>
                            <p><A href="/contacto/revisar" attr:class="cc-link">{tt.outbox_review}</A></p>
                        </div>
                    }.into_any()),
                    None if waiting.get() && !on_review() => Some(view! {
                        <div class="cc-notification cc-outbox" id="outbox-notice" tabindex="-1">
                            <p>{tt.outbox_waiting}</p>
                        </div>
                    }.into_any()),
                    None => None,
                }
            }}
        </div>
    }
}
