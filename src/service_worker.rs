//! The app's side of the service worker (public/sw.js, built into dist/sw.js by
//! scripts/build-app.sh): registers it once the page has loaded, and knows when a new
//! version has been downloaded and waits.
//!
//! A new version never takes over by itself: the shell shows "Hay una versión nueva"
//! ([`update_ready`]) and only the person's tap ([`apply_update`]) tells the waiting
//! worker to take over, then reloads once it controls the page. The wizard's draft is
//! saved on every keystroke, so the reload loses nothing; and the page never runs with
//! half of one build's files and half of another's.
//!
//! Where service workers do not exist (plain http other than localhost, some in-app
//! browsers) or `sw.js` is absent (`trunk serve`), nothing happens.
//!
//! Background Sync ([`sync_later`], [`drop_synced`]): where the browser has
//! `SyncManager`, a case or reply waiting in the app's outbox is also handed to the
//! worker, which sends it when the connection is back even with every tab closed
//! (public/sw.js). Elsewhere the app's own outbox is all there is, as before.

use std::cell::RefCell;

use leptos::prelude::{ArcRwSignal, Get, Set};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{
    ServiceWorker, ServiceWorkerContainer, ServiceWorkerRegistration, ServiceWorkerState,
};

const SCRIPT: &str = "/sw.js";

thread_local! {
    static WAITING: RefCell<Option<ServiceWorker>> = const { RefCell::new(None) };
    static UPDATE_READY: ArcRwSignal<bool> = ArcRwSignal::new(false);
}

/// Whether a new version waits for the person's tap. Reactive.
pub fn update_ready() -> bool {
    UPDATE_READY.with(|ready| ready.get())
}

fn container() -> Option<ServiceWorkerContainer> {
    let navigator = web_sys::window()?.navigator();
    let present = js_sys::Reflect::get(&navigator, &"serviceWorker".into())
        .is_ok_and(|sw| !sw.is_undefined() && !sw.is_null());
    present.then(|| navigator.service_worker())
}

/// Registers the service worker after the page's `load` event, so its downloads of
/// the whole app never compete with the first visit's own.
pub fn register() {
    let Some(window) = web_sys::window() else {
        return;
    };
    if container().is_none() {
        return;
    }
    let loaded = window
        .document()
        .is_some_and(|d| d.ready_state() == "complete");
    if loaded {
        start();
    } else {
        let on_load = Closure::once_into_js(start);
        let _ = window.add_event_listener_with_callback("load", on_load.unchecked_ref());
    }
}

fn start() {
    let Some(container) = container() else {
        return;
    };
    let registering = container.register(SCRIPT);
    wasm_bindgen_futures::spawn_local(async move {
        // No sw.js (a development build) or refused: the app works as before.
        if let Ok(registration) = wasm_bindgen_futures::JsFuture::from(registering).await {
            watch(&container, registration.unchecked_into());
        }
    });
}

/// Offers the update when a new worker is installed while an older one controls the
/// page (on the very first install there is nothing to update). The browser may have
/// found the new worker before this page asked: it is then already installing or
/// waiting.
fn watch(container: &ServiceWorkerContainer, registration: ServiceWorkerRegistration) {
    if let Some(waiting) = registration.waiting() {
        offer_if_update(container, waiting);
    }
    if let Some(installing) = registration.installing() {
        follow(container, installing);
    }
    let on_found = Closure::<dyn Fn()>::new({
        let registration = registration.clone();
        let container = container.clone();
        move || {
            if let Some(installing) = registration.installing() {
                follow(&container, installing);
            }
        }
    });
    let _ = registration
        .add_event_listener_with_callback("updatefound", on_found.as_ref().unchecked_ref());
    // One registration for the life of the page.
    on_found.forget();
}

/// Offers `worker` once it has installed.
fn follow(container: &ServiceWorkerContainer, worker: ServiceWorker) {
    let container = container.clone();
    let installing = worker.clone();
    let on_state = Closure::<dyn Fn()>::new(move || {
        if installing.state() == ServiceWorkerState::Installed {
            offer_if_update(&container, installing.clone());
        }
    });
    let _ =
        worker.add_event_listener_with_callback("statechange", on_state.as_ref().unchecked_ref());
    on_state.forget();
}

fn offer_if_update(container: &ServiceWorkerContainer, worker: ServiceWorker) {
    if container.controller().is_some() {
        offer(worker);
    }
}

fn offer(worker: ServiceWorker) {
    WAITING.with_borrow_mut(|w| *w = Some(worker));
    UPDATE_READY.with(|ready| ready.set(true));
}

/// "Actualizar": the waiting worker takes over, and the page reloads as soon as it
/// controls it (so every file then comes from the new version).
pub fn apply_update() {
    let (Some(worker), Some(container), Some(window)) = (
        WAITING.with_borrow(Clone::clone),
        container(),
        web_sys::window(),
    ) else {
        return;
    };
    // Already in control (another tab updated first): reload now.
    if worker.state() != ServiceWorkerState::Installed {
        let _ = window.location().reload();
        return;
    }
    let reload = Closure::<dyn Fn()>::new(move || {
        let _ = window.location().reload();
    });
    let _ = container
        .add_event_listener_with_callback("controllerchange", reload.as_ref().unchecked_ref());
    reload.forget();
    let _ = worker.post_message(&"SKIP_WAITING".into());
}

// --- Background Sync ------------------------------------------------------------------

/// Whether this browser has Background Sync (Chromium-based ones, today).
fn has_background_sync() -> bool {
    web_sys::window().is_some_and(|w| {
        js_sys::Reflect::get(&w, &"SyncManager".into()).is_ok_and(|s| !s.is_undefined())
    })
}

/// Posts `message` to the worker that controls this page, at once (no future to wait
/// on: this is in the first download). A page without one (a hard reload, or before
/// the first worker took it) hands nothing over, and the app's own outbox still sends;
/// but it cannot drop what an earlier page handed over either.
fn post(message: &JsValue) {
    if let Some(worker) = container().and_then(|c| c.controller()) {
        let _ = worker.post_message(message);
    }
}

fn set(target: &js_sys::Object, name: &str, value: &JsValue) {
    let _ = js_sys::Reflect::set(target, &name.into(), value);
}

/// Hands a waiting POST to the backend (`path` under its base, with JSON `body`) to the
/// service worker, exactly as the app sends it, to go out by Background Sync. `kind` is
/// "case" or "reply" (with its `ticket`), for [`drop_synced`].
///
/// Only for a backend with idempotency keys (`Capabilities::safe_retries`, our own
/// `/api/v1`): the worker's answer reaches no page, so the app sends the same request
/// again later and must get the same case back, not a second one. Open311 has no such
/// key (its sends are tried once, `SEND_ONCE`): a case filed by the worker and then
/// again by the app would be filed twice, so it never comes here.
pub fn sync_later(
    kind: &str,
    ticket: Option<&str>,
    path: &str,
    idempotency_key: &str,
    extra_headers: &[(&str, &str)],
    body: String,
) {
    let backend = crate::api::backend();
    let crate::api::Backend::Native(native) = backend else {
        return;
    };
    if !backend.capabilities().safe_retries || !has_background_sync() {
        return;
    }
    let headers = js_sys::Object::new();
    set(&headers, "Accept", &JsValue::from("application/json"));
    set(&headers, "Content-Type", &JsValue::from("application/json"));
    set(&headers, "Idempotency-Key", &JsValue::from(idempotency_key));
    for (name, value) in extra_headers {
        set(&headers, name, &JsValue::from(*value));
    }
    let request = js_sys::Object::new();
    set(&request, "key", &JsValue::from(idempotency_key));
    set(&request, "kind", &JsValue::from(kind));
    if let Some(ticket) = ticket {
        set(&request, "ticket", &JsValue::from(ticket));
    }
    set(
        &request,
        "url",
        &JsValue::from(format!("{}{path}", native.base)),
    );
    set(&request, "method", &JsValue::from("POST"));
    set(&request, "headers", &JsValue::from(headers));
    set(&request, "body", &JsValue::from(body));
    let message = js_sys::Object::new();
    set(&message, "type", &JsValue::from("SYNC_LATER"));
    set(&message, "request", &JsValue::from(request));
    post(&message);
}

/// Tells the worker to drop what it keeps for Background Sync: `"case"` (the waiting
/// case), `"reply TICKET"` (a case's reply) or `""` (everything). A plain string, as
/// SKIP_WAITING: this runs in the first download.
pub fn drop_synced(what: &str) {
    post(&JsValue::from(format!("SYNC_DROP {what}")));
}
