//! The notices under the header about this phone rather than the page: no connection,
//! a new version ready, and (in the wizard) a browser that does not let the draft be
//! stored. Each sits in a live region that is always in the page, so a screen reader
//! hears a notice when it appears, once, and not again while it stays.

use leptos::ev;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

use super::connection::browser_online;
use crate::i18n::tr;
use crate::{service_worker, storage};

/// All three, as the shell shows them (inside the router: the storage warning is for
/// the wizard's pages only).
#[component]
pub fn SiteNotices() -> impl IntoView {
    let location = use_location();
    let in_wizard = move || {
        location.pathname.with(|p| {
            (p == "/contacto" || p.starts_with("/contacto/"))
                && !p.starts_with("/contacto/enviado/")
        })
    };
    view! {
        <OfflineBanner />
        <UpdateBanner
            ready=Signal::derive(service_worker::update_ready)
            on_update=Callback::new(|_| service_worker::apply_update())
        />
        <StorageWarning when=Signal::derive(move || in_wizard() && storage::device_in_memory()) />
    }
}

/// "No hay conexión…" while the browser says it is offline (`navigator.onLine` and the
/// `offline`/`online` events). Offline the service worker answers from what it kept:
/// the wizard, the catalog and the pages already opened.
#[component]
pub fn OfflineBanner() -> impl IntoView {
    let online = RwSignal::new(browser_online());
    let went_online = window_event_listener(ev::online, move |_| online.set(true));
    let went_offline = window_event_listener(ev::offline, move |_| online.set(false));
    on_cleanup(move || {
        went_online.remove();
        went_offline.remove();
    });
    view! {
        <div class="cc-site-notice-region" role="status">
            <Show when=move || !online.get()>
                <div class="cc-site-notice cc-site-notice--offline">
                    <p class="cc-width cc-site-notice__inner">{tr(|t| t.offline_banner)}</p>
                </div>
            </Show>
        </div>
    }
}

/// "Hay una versión nueva. [Actualizar]": the new version takes over only on this tap.
#[component]
pub fn UpdateBanner(ready: Signal<bool>, on_update: Callback<()>) -> impl IntoView {
    let updating = RwSignal::new(false);
    view! {
        <div class="cc-site-notice-region" role="status">
            <Show when=move || ready.get()>
                <div class="cc-site-notice">
                    <div class="cc-width cc-site-notice__inner">
                        <p class="cc-site-notice__text">{tr(|t| t.update_available)}</p>
                        <button
                            type="button"
                            class="cc-button cc-site-notice__button"
                            aria-disabled=move || updating.get().then_some("true")
                            on:click=move |_| {
                                if !updating.get_untracked() {
                                    updating.set(true);
                                    on_update.run(());
                                }
                            }
                        >
                            {tr(|t| t.update_button)}
                        </button>
                    </div>
                </div>
            </Show>
        </div>
    }
}

/// "Este navegador no deja guardar en el teléfono…": the draft lives only in this
/// page (storage refused or full, see `storage`), so closing it would lose it.
#[component]
pub fn StorageWarning(when: Signal<bool>) -> impl IntoView {
    view! {
        <div class="cc-site-notice-region" role="status">
            <Show when=move || when.get()>
                <div class="cc-site-notice cc-site-notice--warning">
                    <p class="cc-width cc-site-notice__inner">
                        <strong>{tr(|t| t.storage_memory_warning)}</strong>
                    </p>
                </div>
            </Show>
        </div>
    }
}
