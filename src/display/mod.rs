//! "Pantalla": the person's display settings (larger text, high contrast, the simple
//! view), reachable from the header of every page and kept on the device. The phone's
//! own preferences (text size, `prefers-contrast`, `prefers-color-scheme`,
//! `prefers-reduced-motion`) apply without any setting: the stylesheet follows them.
//!
//! The settings are attributes on `<html>` that the stylesheet reads
//! (style/preferences.css), set before the app is drawn so the first paint is right.
//! The panel itself is in its own wasm chunk, downloaded when first opened.

mod panel;

pub use panel::DisplayPanel;

use cc_core::display::DisplaySettings;
use leptos::prelude::*;

use crate::i18n::tr;
use crate::storage;

const KEY: &str = "cc-display";
const TOGGLE_ID: &str = "cc-display-toggle";

/// What this device keeps (the default when nothing, or something unreadable, is kept).
pub fn saved() -> DisplaySettings {
    storage::get_string(KEY)
        .map(|s| DisplaySettings::parse(&s))
        .unwrap_or_default()
}

/// Sets the `<html>` attributes the stylesheet reads.
pub fn apply(settings: DisplaySettings) {
    let Some(html) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    else {
        return;
    };
    for (name, value) in settings.attributes() {
        let _ = match value {
            Some(v) => html.set_attribute(name, v),
            None => html.remove_attribute(name),
        };
    }
}

/// Applies and keeps a change (nothing is kept for the default).
fn save(settings: DisplaySettings) {
    apply(settings);
    if settings.is_default() {
        storage::remove_in(storage::Area::Device, KEY);
    } else {
        storage::set_string(KEY, &settings.encode());
    }
}

/// The settings and whether the panel is open, shared by the toggle and the panel.
#[derive(Clone, Copy)]
pub struct Display {
    pub settings: RwSignal<DisplaySettings>,
    pub open: RwSignal<bool>,
}

impl Display {
    pub fn set(&self, settings: DisplaySettings) {
        self.settings.set(settings);
        save(settings);
    }

    /// Closes the panel and gives focus back to the button that opened it.
    pub fn close(&self) {
        self.open.set(false);
        crate::components::form::focus_by_id(TOGGLE_ID);
    }
}

pub fn provide_display() {
    provide_context(Display {
        settings: RwSignal::new(saved()),
        open: RwSignal::new(false),
    });
}

pub fn use_display() -> Display {
    expect_context::<Display>()
}

/// The header's "Pantalla" button (a disclosure for the panel under the header).
#[component]
pub fn DisplayToggle() -> impl IntoView {
    let display = use_display();
    view! {
        <button type="button" id=TOGGLE_ID class="cc-display-toggle"
            aria-controls="cc-display" aria-expanded=move || display.open.get().to_string()
            on:click=move |_| if display.open.get_untracked() { display.close() } else { display.open.set(true) }>
            <span class="cc-display-toggle__icon" aria-hidden="true">"Aa"</span>
            {tr(|t| t.display_button)}
        </button>
    }
}
