//! The embed button: the app inside an agency's page, and `/integrar`, the guide for
//! agencies.
//!
//! `public/embed.js` (plain JS, served as is) puts a button on the agency's page; it
//! opens a `<dialog>` with an iframe of `/embed/contacto?origen=<page origin>&...`.
//! [`EmbedEntry`] turns that into the normal wizard route, and [`install_bridge`] talks
//! to the page with `postMessage`, in the fixed schema documented at the top of
//! `public/embed.js`:
//! `{source: "contacto-ciudadano", version: 1, type: "ready"|"resize"|"filed"|"close", ...}`.
//!
//! Trust: the app talks only to the origin named in `?origen=`, and only if the
//! deployment lists it in `embed_origins` (the same list the server sends as CSP
//! `frame-ancestors`, so no other page can frame the app at all). Messages from any
//! other origin, or from a window that is not the parent, are ignored.

mod integrate;
mod snippet;
pub(crate) mod texts;

pub use integrate::IntegratePage;

use std::cell::{Cell, RefCell};

use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate, use_params_map, use_query_map};
use leptos_router::NavigateOptions;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::components::Loading;
use crate::i18n::Lang;

/// `source` of every message, both ways.
const SOURCE: &str = "contacto-ciudadano";
const VERSION: f64 = 1.0;
/// sessionStorage (per tab and per frame): set when `/embed/...` opened this frame.
const FLAG_KEY: &str = "cc-embed";
/// sessionStorage: the parent origin given in `?origen=`, not yet checked.
const ORIGIN_KEY: &str = "cc-embed-origen";
/// sessionStorage: the last ticket announced, so a reload does not announce it again.
const FILED_KEY: &str = "cc-embed-filed";

thread_local! {
    static EMBEDDED: Cell<Option<bool>> = const { Cell::new(None) };
    /// The parent page's origin once checked against `embed_origins`; `None` means the
    /// app says nothing to anyone.
    static PARENT: RefCell<Option<String>> = const { RefCell::new(None) };
    /// The parent origin claimed in `?origen=` (this load's or an earlier one's).
    /// Kept in memory too: a third-party iframe may be refused sessionStorage.
    static CLAIMED: RefCell<Option<String>> = const { RefCell::new(None) };
    /// The last ticket announced (also in sessionStorage where it is allowed).
    static FILED: RefCell<Option<String>> = const { RefCell::new(None) };
    static LAST_HEIGHT: Cell<i32> = const { Cell::new(-1) };
}

fn session() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

fn session_get(key: &str) -> Option<String> {
    session()?.get_item(key).ok().flatten()
}

fn session_set(key: &str, value: &str) {
    if let Some(s) = session() {
        let _ = s.set_item(key, value);
    }
}

fn in_frame(w: &web_sys::Window) -> bool {
    match w.top() {
        Ok(Some(top)) => !js_sys::Object::is(&top, w),
        _ => false,
    }
}

fn query_param(w: &web_sys::Window, name: &str) -> Option<String> {
    let search = w.location().search().ok()?;
    search.trim_start_matches('?').split('&').find_map(|pair| {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        if key != name {
            return None;
        }
        js_sys::decode_uri_component(&value.replace('+', " "))
            .ok()
            .map(String::from)
    })
}

/// True when the app runs in an iframe that was opened through `/embed/...` (this
/// load, or an earlier one in the same frame: reloads and later pages keep it where
/// sessionStorage is allowed). Decided once per page load.
pub fn is_embedded() -> bool {
    if let Some(known) = EMBEDDED.get() {
        return known;
    }
    let embedded = detect();
    EMBEDDED.set(Some(embedded));
    embedded
}

fn detect() -> bool {
    let Some(w) = web_sys::window() else {
        return false;
    };
    // Opened as a page of its own, `/embed/...` is just a link into the wizard.
    if !in_frame(&w) {
        return false;
    }
    let path = w.location().pathname().unwrap_or_default();
    if path == "/embed" || path.starts_with("/embed/") {
        let claimed = query_param(&w, "origen");
        session_set(FLAG_KEY, "1");
        match &claimed {
            Some(origin) => session_set(ORIGIN_KEY, origin),
            None => {
                if let Some(s) = session() {
                    let _ = s.remove_item(ORIGIN_KEY);
                }
            }
        }
        CLAIMED.set(claimed);
        return true;
    }
    // A reload, or a new page load in the same frame.
    CLAIMED.set(session_get(ORIGIN_KEY));
    session_get(FLAG_KEY).is_some()
}

/// Builds `{source, version, type, ...extra}` and posts it to the parent, only to the
/// checked origin (the browser drops it if the parent has any other origin).
fn post(kind: &str, extra: Option<(&str, JsValue)>) -> bool {
    let Some(origin) = PARENT.with_borrow(|p| p.clone()) else {
        return false;
    };
    let Some(parent) = web_sys::window().and_then(|w| w.parent().ok().flatten()) else {
        return false;
    };
    let message = js_sys::Object::new();
    let fields = [
        ("source", JsValue::from_str(SOURCE)),
        ("version", JsValue::from_f64(VERSION)),
        ("type", JsValue::from_str(kind)),
    ];
    for (key, value) in fields.into_iter().chain(extra) {
        let _ = js_sys::Reflect::set(&message, &JsValue::from_str(key), &value);
    }
    parent.post_message(&message, &origin).is_ok()
}

/// Height of the app's content: `<html>` is as tall as its content, whatever the
/// iframe's height is, so the dialog can also shrink.
fn content_height() -> i32 {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .map(|e| e.unchecked_into::<web_sys::HtmlElement>().offset_height())
        .unwrap_or(0)
}

fn post_height(force: bool) {
    let height = content_height();
    if height <= 0 || (!force && LAST_HEIGHT.get() == height) {
        return;
    }
    if post("resize", Some(("height", JsValue::from(height)))) {
        LAST_HEIGHT.set(height);
    }
}

fn get_str(value: &JsValue, key: &str) -> Option<String> {
    js_sys::Reflect::get(value, &JsValue::from_str(key))
        .ok()?
        .as_string()
}

/// Handles a message from the page. Only `ready` (the dialog shows the app) means
/// anything: the app answers with its height and puts focus on its page heading.
fn on_message(event: web_sys::MessageEvent) {
    let data = event.data();
    if !data.is_object() || get_str(&data, "source").as_deref() != Some(SOURCE) {
        return; // not ours: other scripts may use postMessage too
    }
    let allowed = PARENT.with_borrow(|p| p.clone());
    let from_parent = match (
        event.source(),
        web_sys::window().and_then(|w| w.parent().ok().flatten()),
    ) {
        (Some(source), Some(parent)) => js_sys::Object::is(&source, &parent),
        _ => false,
    };
    if allowed.as_deref() != Some(event.origin().as_str()) || !from_parent {
        leptos::logging::warn!(
            "contacto-ciudadano: ignored a message from {} (not the allowed embedding page)",
            event.origin()
        );
        return;
    }
    let version = js_sys::Reflect::get(&data, &JsValue::from_str("version"))
        .ok()
        .and_then(|v| v.as_f64());
    if version != Some(VERSION) {
        return;
    }
    if get_str(&data, "type").as_deref() == Some("ready") {
        post_height(true);
        crate::components::focus_heading();
    }
}

/// Starts talking to the page, once its origin is known to be allowed.
fn start(title: String) {
    if let Some(w) = web_sys::window() {
        // Resize before ready, so the dialog has its height when focus moves in.
        post_height(true);
        post("ready", Some(("title", JsValue::from_str(&title))));

        // The content's height, whenever it changes (new page, errors, typing).
        if let Some(body) = w.document().and_then(|d| d.body()) {
            let callback = Closure::<dyn FnMut()>::new(|| post_height(false));
            if let Ok(observer) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) {
                observer.observe(&body);
                // Both live as long as the page.
                std::mem::forget(observer);
            }
            callback.forget();
        }
    }
    // Esc inside the iframe never reaches the page's dialog: ask the page to close it.
    let keys = window_event_listener(leptos::ev::keydown, |ev: web_sys::KeyboardEvent| {
        if ev.key() == "Escape" && !ev.default_prevented() {
            post("close", None);
        }
    });
    let messages = window_event_listener(leptos::ev::message, on_message);
    // For the life of the page.
    std::mem::forget((keys, messages));
}

/// When embedded: checks the parent origin against the deployment, then posts `ready`
/// and `resize`, announces `filed` on `/contacto/enviado/:ticket`, and listens to the
/// page. Call once, inside the `<Router>` (it watches the route).
pub fn install_bridge() {
    if !is_embedded() {
        return;
    }
    if let Some(html) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        // Styles for the embedded view (style/embed.css).
        let _ = html.set_attribute("data-cc-embedded", "");
    }
    let deployment = crate::context::use_deployment();
    let location = use_location();
    let allowed = RwSignal::new(false);
    let decided = StoredValue::new(false);
    Effect::new(move |_| {
        let Some(dep) = deployment.get() else {
            return;
        };
        if decided.get_value() {
            return;
        }
        decided.set_value(true);
        match CLAIMED.with_borrow(|c| c.clone()) {
            Some(origin) if dep.embed_origins.contains(&origin) => {
                PARENT.set(Some(origin));
                start(dep.name.clone());
                allowed.set(true);
            }
            claimed => leptos::logging::warn!(
                "contacto-ciudadano: embedded by {:?}, which is not in embed_origins; not talking to it",
                claimed.unwrap_or_default()
            ),
        }
    });
    Effect::new(move |_| {
        let path = location.pathname.get();
        if !allowed.get() {
            return;
        }
        if let Some(ticket) = path.strip_prefix("/contacto/enviado/") {
            let announced = FILED
                .with_borrow(|f| f.clone())
                .or_else(|| session_get(FILED_KEY));
            if !ticket.is_empty()
                && announced.as_deref() != Some(ticket)
                && post("filed", Some(("ticket", JsValue::from_str(ticket))))
            {
                FILED.set(Some(ticket.to_string()));
                session_set(FILED_KEY, ticket);
            }
        }
    });
}

/// "Salir rápido" inside the dialog: the page is asked to close it, and the whole tab
/// (not just the frame, which the agency's page would still surround) goes to the
/// neutral site. Returns `false` when not embedded.
pub fn quick_exit(url: &str) -> bool {
    if !is_embedded() {
        return false;
    }
    post("close", None);
    let top = web_sys::window().and_then(|w| w.top().ok().flatten());
    // Allowed for a frame with user activation (the click or the keys that got here).
    top.is_some_and(|top| top.location().replace(url).is_ok())
}

/// `/embed/*rest`: the entry of the iframe. Applies the language and goes to the
/// wizard (`/embed/contacto?entidad=&tipo=&tramite=`) or to tracking
/// (`/embed/seguimiento`), replacing the history entry.
#[component]
pub fn EmbedEntry() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let navigate = use_navigate();
    let lang = crate::i18n::use_lang();

    let rest = params.with_untracked(|p| p.get("rest")).unwrap_or_default();
    let (target, keys): (&str, &[&str]) = match rest.split('/').next() {
        Some("seguimiento") => ("/seguimiento", &[]),
        _ => ("/contacto", &["entidad", "tipo", "tramite"]),
    };
    let forwarded: Vec<String> = query.with_untracked(|q| {
        keys.iter()
            .filter_map(|k| {
                q.get(k)
                    .filter(|v| !v.is_empty())
                    .map(|v| format!("{k}={}", String::from(js_sys::encode_uri_component(&v))))
            })
            .collect()
    });
    let href = if forwarded.is_empty() {
        target.to_string()
    } else {
        format!("{target}?{}", forwarded.join("&"))
    };
    let wanted = query
        .with_untracked(|q| q.get("idioma"))
        .and_then(|c| Lang::from_code(&c));
    if let Some(l) = wanted {
        crate::i18n::choose_lang(l);
    }
    // On once the language is on (its texts may be fetched first), or could not be.
    let unavailable = use_context::<crate::i18n::LanguageChoice>().map(|c| c.unavailable);
    let gone = StoredValue::new(false);
    Effect::new(move |_| {
        let ready = wanted.is_none_or(|l| lang.get() == l) || unavailable.is_some_and(|u| u.get());
        if ready && !gone.get_value() {
            gone.set_value(true);
            navigate(
                &href,
                NavigateOptions {
                    replace: true,
                    ..Default::default()
                },
            );
        }
    });
    view! { <div class="cc-width cc-page"><Loading /></div> }
}

/// The navigation of the embedded view: only what the dialog is for (file a case,
/// follow one up), so it fits one line on a phone.
#[component]
pub fn EmbedNav() -> impl IntoView {
    use crate::i18n::tr;
    use leptos_router::components::A;
    view! {
        <nav class="cc-nav" aria-label=tr(|t| t.main_nav)>
            <ul class="cc-nav__list">
                <li><A href="/contacto" attr:class="cc-nav__link">{tr(|t| t.nav_contact)}</A></li>
                <li><A href="/seguimiento" attr:class="cc-nav__link">{tr(|t| t.nav_track)}</A></li>
            </ul>
        </nav>
    }
}
