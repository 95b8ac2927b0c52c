//! A crash (a Rust panic) never leaves a blank or frozen page: the panic hook logs it
//! to the console and replaces the page with a small screen that says what happened,
//! that the draft is kept (it is saved on every keystroke), and offers "Volver a
//! cargar".
//!
//! The release build aborts on panic: the hook runs first, then the wasm instance
//! traps and none of the app's code can be trusted any more (a signal or a `RefCell`
//! may be left borrowed). So the screen is plain DOM built here and now with web-sys,
//! in the language of `<html lang>` (kept current by the shell), with no Leptos, no
//! storage and no `inner_html`; and the button's click calls `location.reload`
//! itself, a JS function bound to `location`, so it works without the wasm.
//!
//! A trap that is no panic (an out-of-memory abort, or any other `unreachable`) runs
//! no hook: an uncaught `WebAssembly.RuntimeError` (a page error or an unhandled
//! rejection) shows the same screen. A trap leaves the instance callable, and the
//! screen needs only a few small strings from the wasm's memory.

use std::sync::atomic::{AtomicBool, Ordering};

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Element};

use crate::i18n::Lang;

static SHOWN: AtomicBool = AtomicBool::new(false);
static LISTENING: AtomicBool = AtomicBool::new(false);

/// Installs the panic hook: the console message (with the Rust location), then the
/// recovery screen in place of the page; and the same screen on an uncaught trap.
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_once();
    }));
    if !LISTENING.swap(true, Ordering::SeqCst) {
        show_on_trap();
    }
}

/// The recovery screen, once: a crash while it is built, or a second one, adds nothing.
fn show_once() {
    if SHOWN.swap(true, Ordering::SeqCst) {
        return;
    }
    if let Some(body) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.body())
    {
        show(&body);
    }
}

/// Shows the screen when a `WebAssembly.RuntimeError` reaches the page uncaught: from
/// an event handler (`error`'s `error`) or a promise (`unhandledrejection`'s `reason`).
/// Leptos' window listener: the same closure type as every event handler, so next to
/// nothing is added to the first download.
fn show_on_trap() {
    for name in ["error", "unhandledrejection"] {
        // Listens for the life of the page (the handle is dropped, not removed).
        let _ = leptos::prelude::window_event_listener_untyped(name, |event| {
            // By its name: one import less than `instanceof`.
            let trapped = ["error", "reason"].into_iter().any(|field| {
                js_sys::Reflect::get(&event, &field.into())
                    .and_then(|e| js_sys::Reflect::get(&e, &"name".into()))
                    .is_ok_and(|name| name.as_string().as_deref() == Some("RuntimeError"))
            });
            if trapped {
                show_once();
            }
        });
    }
}

/// Replaces everything in `host` (the page's `<body>`) with the recovery screen and
/// moves focus to its heading, so a screen reader says what happened.
pub fn show(host: &Element) {
    let Some(document) = host.owner_document() else {
        return;
    };
    let lang = document
        .document_element()
        .and_then(|html| html.get_attribute("lang"))
        .and_then(|code| Lang::from_code(&code))
        .unwrap_or(Lang::Es);
    let texts = lang.texts();
    host.set_text_content(None);
    let Some(main) = element(&document, "main", "cc-width cc-page") else {
        return;
    };
    let _ = main.set_attribute("id", "contenido");
    let heading = element(&document, "h1", "cc-heading-xl");
    let text = element(&document, "p", "cc-body-l");
    let button = element(&document, "button", "cc-button");
    if let (Some(heading), Some(text), Some(button)) = (heading, text, button) {
        heading.set_text_content(Some(texts.crash_title));
        let _ = heading.set_attribute("tabindex", "-1");
        text.set_text_content(Some(texts.crash_text));
        button.set_text_content(Some(texts.crash_reload));
        let _ = button.set_attribute("type", "button");
        if let Some(reload) = reload_function() {
            let _ = button.add_event_listener_with_callback("click", &reload);
        }
        for child in [&heading, &text, &button] {
            let _ = main.append_child(child);
        }
        let _ = host.append_child(&main);
        if let Some(heading) = heading.dyn_ref::<web_sys::HtmlElement>() {
            let _ = heading.focus();
        }
    }
}

fn element(document: &Document, tag: &str, class: &str) -> Option<Element> {
    let el = document.create_element(tag).ok()?;
    el.set_class_name(class);
    Some(el)
}

/// `location.reload.bind(location)`: runs in JS alone, even after the wasm trapped.
fn reload_function() -> Option<js_sys::Function> {
    let location: JsValue = web_sys::window()?.location().into();
    let reload = js_sys::Reflect::get(&location, &"reload".into()).ok()?;
    let reload: js_sys::Function = reload.dyn_into().ok()?;
    Some(reload.bind0(&location))
}
