//! The shell's place for the display panel (`display::DisplayPanel`): its code is
//! downloaded the first time "Pantalla" is pressed, then it stays mounted and the
//! toggle only shows and hides it.

use leptos::prelude::*;

use crate::display::use_display;

#[component]
pub fn DisplaySlot() -> impl IntoView {
    let display = use_display();
    let opened = Memo::new(move |before: Option<&bool>| {
        before.copied().unwrap_or(false) || display.open.get()
    });
    move || opened.get().then(panel)
}

#[cfg(feature = "split")]
fn panel() -> impl IntoView {
    super::split::display_panel()
}

#[cfg(not(feature = "split"))]
fn panel() -> impl IntoView {
    view! { <crate::display::DisplayPanel /> }
}
