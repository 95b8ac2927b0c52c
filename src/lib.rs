//! Contacto Ciudadano: the citizen self-service app (Leptos, client-side rendered).
//!
//! Code is organised by feature (`catalog`, `intake`, `tracking`, `embed`) over a
//! single `api` client, shared `components` and `i18n`. Pure logic lives in `cc-core`.

pub mod api;
pub mod app;
pub mod assisted;
pub mod catalog;
pub mod components;
pub mod context;
pub mod display;
pub mod embed;
pub mod i18n;
pub mod intake;
pub mod kept_cases;
pub mod panic_screen;
pub mod service_points;
pub mod service_worker;
pub mod storage;
pub mod tracking;
pub mod transparency;

/// Mounts the app on `<body>`; called by `main` (and by tests).
pub fn mount() {
    // A crash logs to the console and shows a "reload" screen, never a blank page.
    panic_screen::install();
    // After "Salir rápido", Back must not bring the wizard on screen again.
    if !intake::install_quick_exit_guard() {
        return;
    }
    // The person's display settings before the first paint of the app.
    display::apply(display::saved());
    // The static "loading" shell of index.html gives way to the app.
    if let Some(boot) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("cc-boot"))
    {
        boot.remove();
    }
    leptos::mount::mount_to_body(app::App);
    // Offline use and updates (public/sw.js); after mounting, never in its way.
    service_worker::register();
}
