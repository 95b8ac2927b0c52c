//! Component tests in headless Chromium (`make test-wasm`) for what keeps the app
//! usable on a bad day: the offline banner, the update banner, storage refused or full
//! (drafts kept in memory, the warning), and the screen that replaces a crashed page.
//! A file of its own: the storage test leaves this page's storage in memory mode.
#![cfg(target_arch = "wasm32")]

use contacto_ciudadano::components::{OfflineBanner, StorageWarning, UpdateBanner};
use contacto_ciudadano::i18n::Lang;
use contacto_ciudadano::{kept_cases, panic_screen, storage};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen(inline_js = "
export function set_online(on) {
  Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => on });
  window.dispatchEvent(new Event(on ? 'online' : 'offline'));
}
export function storage_full(full) {
  const p = Storage.prototype;
  if (full && !p.ccSetItem) {
    p.ccSetItem = p.setItem;
    p.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); };
  } else if (!full && p.ccSetItem) {
    p.setItem = p.ccSetItem;
    delete p.ccSetItem;
  }
}
")]
extern "C" {
    /// Makes `navigator.onLine` say `on` and fires the matching window event.
    fn set_online(on: bool);
    /// Makes every `setItem` throw QuotaExceededError, as a full store does.
    fn storage_full(full: bool);
}

fn mount<F, V>(view: F) -> web_sys::HtmlElement
where
    F: FnOnce() -> V + 'static,
    V: IntoView + 'static,
{
    let document = web_sys::window().unwrap().document().unwrap();
    let container: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&container).unwrap();
    let handle = leptos::mount::mount_to(container.clone(), move || {
        provide_context(RwSignal::new(Lang::Es));
        view()
    });
    handle.forget();
    container
}

/// Lets Leptos run its scheduled render effects.
async fn tick() {
    gloo_timers::future::TimeoutFuture::new(10).await;
}

fn status_text(el: &web_sys::HtmlElement) -> String {
    let region = el
        .query_selector("[role=status]")
        .unwrap()
        .expect("a live region, present before any notice");
    region.text_content().unwrap_or_default()
}

#[wasm_bindgen_test]
async fn offline_banner_follows_the_connection_in_a_live_region() {
    set_online(true);
    let el = mount(|| view! { <OfflineBanner /> });
    assert_eq!(status_text(&el), "", "online: the region is there, empty");
    set_online(false);
    tick().await;
    assert!(
        status_text(&el).starts_with("No hay conexión. Puede seguir llenando el formulario"),
        "{}",
        status_text(&el)
    );
    set_online(true);
    tick().await;
    assert_eq!(status_text(&el), "");
}

#[wasm_bindgen_test]
async fn update_banner_asks_first_and_updates_once_on_the_tap() {
    let ready = RwSignal::new(false);
    let taps = RwSignal::new(0);
    let el = mount(move || {
        view! {
            <UpdateBanner ready=ready.into() on_update=Callback::new(move |_| taps.update(|n| *n += 1)) />
        }
    });
    assert!(el.query_selector("button").unwrap().is_none());
    ready.set(true);
    tick().await;
    assert!(status_text(&el).contains("Hay una versión nueva."));
    let button: web_sys::HtmlElement = el
        .query_selector("button")
        .unwrap()
        .expect("Actualizar")
        .unchecked_into();
    assert_eq!(button.text_content().unwrap(), "Actualizar");
    assert_eq!(taps.get_untracked(), 0, "nothing happens before the tap");
    button.click();
    button.click();
    tick().await;
    assert_eq!(taps.get_untracked(), 1, "one update, however many taps");
    assert_eq!(
        button.get_attribute("aria-disabled").as_deref(),
        Some("true")
    );
}

#[wasm_bindgen_test]
async fn a_full_storage_keeps_the_draft_in_memory_and_warns() {
    storage_full(false);
    assert!(!storage::device_in_memory(), "this browser stores");
    let el = mount(|| view! { <StorageWarning when=Signal::derive(storage::device_in_memory) /> });
    assert_eq!(status_text(&el), "");

    kept_cases::save_draft(&serde_json::json!({ "description": "antes" }));
    storage_full(true);
    kept_cases::save_draft(&serde_json::json!({ "description": "después" }));
    storage_full(false);
    let draft: serde_json::Value = kept_cases::load_draft().expect("the draft");
    assert_eq!(
        draft["description"], "después",
        "the newest draft, from memory"
    );
    // Writes stay in memory for the page's life, even once the store has room again.
    kept_cases::save_draft(&serde_json::json!({ "description": "luego" }));
    let draft: serde_json::Value = kept_cases::load_draft().expect("the draft");
    assert_eq!(draft["description"], "luego");

    tick().await;
    assert!(storage::device_in_memory());
    assert_eq!(
        status_text(&el),
        "Este navegador no deja guardar en el teléfono. No cierre esta página hasta enviar."
    );
    kept_cases::remove_draft();
    assert!(
        kept_cases::load_draft::<serde_json::Value>().is_none(),
        "removed from both"
    );
}

#[wasm_bindgen_test]
fn the_crash_screen_replaces_the_page_in_its_language_and_offers_a_reload() {
    let document = web_sys::window().unwrap().document().unwrap();
    let html = document.document_element().unwrap();
    let host = document.create_element("div").unwrap();
    let broken = document.create_element("p").unwrap();
    broken.set_text_content(Some("la página rota"));
    host.append_child(&broken).unwrap();
    document.body().unwrap().append_child(&host).unwrap();

    html.set_attribute("lang", "en").unwrap();
    panic_screen::show(&host);
    html.set_attribute("lang", "es").unwrap();

    assert!(
        !host.text_content().unwrap().contains("rota"),
        "the broken page is gone"
    );
    let h1 = host.query_selector("main h1").unwrap().expect("a heading");
    assert_eq!(
        h1.text_content().unwrap(),
        "Something went wrong on this page"
    );
    assert_eq!(
        host.query_selector("main p")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap(),
        "What you wrote is saved on this phone."
    );
    let button = host.query_selector("main button").unwrap().expect("reload");
    assert_eq!(button.text_content().unwrap(), "Reload");
    assert_eq!(button.get_attribute("type").as_deref(), Some("button"));
    assert_eq!(
        document.active_element().as_ref(),
        Some(&h1),
        "focus on the heading, so it is heard"
    );

    panic_screen::show(&host);
    assert_eq!(
        host.query_selector("h1")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap(),
        "Algo falló en esta página",
        "Spanish by <html lang>"
    );
    assert_eq!(host.query_selector_all("main").unwrap().length(), 1);
}
