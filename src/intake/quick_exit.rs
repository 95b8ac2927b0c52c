//! "Salir rápido": leave the wizard at once for a neutral site (someone may be looking
//! over the person's shoulder). Also Shift pressed three times on its own (the rule is
//! `cc_core::quick_exit`: typing capitals or Shift+Tab never counts). When the person
//! asked for it, the draft is deleted from the device on the way out.
//!
//! Browsers do not let a page delete history entries, so the current entry is
//! *replaced*, and a per-tab flag makes any wizard page reached with Back/Forward
//! replace itself with the neutral site again before anything is drawn.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;

use cc_core::quick_exit::{Key, Outcome, ShiftCounter};

use super::draft::use_draft;
use crate::context::use_deployment;
use crate::intake::texts::tr;
use crate::kept_cases;

const EXITED_KEY: &str = "cc-exited";
const DEFAULT_EXIT_URL: &str = "https://www.google.com/";

fn session() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

/// Leaves now. `url` is the deployment's neutral site.
pub fn quick_exit(url: &str) {
    if let Some(s) = session() {
        let _ = s.set_item(EXITED_KEY, url);
    }
    // Inside an agency's page (embed button): the whole tab leaves, not just the frame.
    if crate::embed::quick_exit(url) {
        return;
    }
    if let Some(w) = web_sys::window() {
        let _ = w.location().replace(url);
    }
}

/// Called before the app mounts. Returns `false` when the page is leaving again.
pub fn install_quick_exit_guard() -> bool {
    let Some(window) = web_sys::window() else {
        return true;
    };
    let Some(url) = session().and_then(|s| s.get_item(EXITED_KEY).ok().flatten()) else {
        return true;
    };
    let path = window.location().pathname().unwrap_or_default();
    let by_history = navigation_type().as_deref() == Some("back_forward");
    if by_history && (path.starts_with("/contacto") || path.starts_with("/embed")) {
        let _ = window.location().replace(&url);
        return false;
    }
    // Any other visit (typed address, link) means the person came back on purpose.
    if let Some(s) = session() {
        let _ = s.remove_item(EXITED_KEY);
    }
    true
}

/// `performance.getEntriesByType("navigation")[0].type`, read loosely so it needs no
/// extra web-sys features.
fn navigation_type() -> Option<String> {
    let perf = web_sys::window()?.performance()?;
    let entries = perf.get_entries_by_type("navigation");
    let first = entries.get(0);
    js_sys::Reflect::get(&first, &JsValue::from_str("type"))
        .ok()?
        .as_string()
}

/// The quick-exit button, first in the wizard's content, plus the Shift×3 shortcut
/// while the wizard is shown.
#[component]
pub fn QuickExit() -> impl IntoView {
    let deployment = use_deployment();
    let url = Signal::derive(move || {
        deployment
            .get()
            .map(|d| d.quick_exit_url)
            .unwrap_or_else(|| DEFAULT_EXIT_URL.to_string())
    });

    let draft = use_draft();
    let leave = move || {
        if draft.0.with_untracked(|d| d.clear_on_exit) {
            kept_cases::remove_draft();
        }
        quick_exit(&url.get_untracked());
    };

    let counter = StoredValue::new(ShiftCounter::default());
    let down = window_event_listener(leptos::ev::keydown, move |ev: web_sys::KeyboardEvent| {
        let key = match (ev.key().as_str(), ev.repeat()) {
            ("Shift", false) => Key::Shift,
            ("Shift", true) => Key::ShiftRepeat,
            _ => Key::Other,
        };
        counter.update_value(|c| {
            c.key_down(key, js_sys::Date::now());
        });
    });
    let up = window_event_listener(leptos::ev::keyup, move |ev: web_sys::KeyboardEvent| {
        if ev.key() != "Shift" {
            return;
        }
        let mut outcome = Outcome::Counting { count: 0 };
        counter.update_value(|c| outcome = c.shift_up(js_sys::Date::now()));
        if outcome == Outcome::Exit {
            leave();
        }
    });
    on_cleanup(move || {
        down.remove();
        up.remove();
    });

    view! {
        <div class="cc-quick-exit">
            <button
                type="button"
                class="cc-button cc-button--warning cc-quick-exit__button"
                on:click=move |_| leave()
            >
                {tr(|t| t.quick_exit)}
                <span class="cc-visually-hidden">{tr(|t| t.quick_exit_hint)}</span>
            </button>
        </div>
    }
}
