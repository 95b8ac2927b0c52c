//! The outbox's notice, shown under the header on every page while a case waits on
//! this device (see `outbox.rs`): it tries the case when it appears (the app started
//! with one waiting, or "Enviar" just kept one), when the connection comes back and
//! every half minute, then says that it went out (with its number) or that answers
//! need a look. It is part of the wizard's chunk: the shell downloads it only when a
//! case waits.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_location;

use super::draft::use_draft;
use super::outbox::{flush, OutboxEvent};
use crate::components::connection::retry_while_mounted;
use crate::context::use_deployment;
use crate::i18n::{t, use_lang};

#[component]
pub fn OutboxNotice() -> impl IntoView {
    let draft = use_draft();
    let deployment = use_deployment();
    let lang = use_lang();
    let location = use_location();
    let event = RwSignal::new(None::<OutboxEvent>);
    let waiting = Memo::new(move |_| draft.0.with(|d| d.queued_at.is_some()));
    // Timers and the "online" event run outside any reactive owner: the send runs
    // under this notice's.
    let owner = Owner::current().expect("a component has an owner");
    let try_now = Callback::new(move |()| {
        let Some(deployment) = deployment.get_untracked() else {
            return;
        };
        if !waiting.get_untracked() {
            return;
        }
        owner.clone().with(|| {
            leptos::task::spawn_local_scoped(async move {
                if let Some(happened) = flush(draft, deployment, lang.get_untracked()).await {
                    let _ = event.try_set(Some(happened));
                    request_animation_frame(|| {
                        crate::components::form::focus_by_id("outbox-notice")
                    });
                }
            })
        });
    });
    // Once the settings are here (at start): a case left waiting goes now.
    Effect::new(move |done: Option<bool>| {
        if done == Some(true) {
            return true;
        }
        let ready = deployment.with(Option::is_some);
        if ready {
            try_now.run(());
        }
        ready
    });
    retry_while_mounted(try_now);
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
