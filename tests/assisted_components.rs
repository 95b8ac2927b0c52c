//! Component tests of assisted mode in headless Chromium (`make test-wasm`): the staff
//! sign-in refuses an empty key without asking the backend, and a member signed in on
//! the tab is named, with "Cerrar sesión" forgetting them and what they filed.
#![cfg(target_arch = "wasm32")]

use contacto_ciudadano::api::staff::{self, AssistedFiling, StaffSession};
use contacto_ciudadano::assisted::SignInPage;
use contacto_ciudadano::components::NavigatedFlag;
use contacto_ciudadano::i18n::Lang;
use contacto_ciudadano::intake::DraftStore;
use leptos::prelude::*;
use leptos_router::components::Router;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// The sign-in page in a fresh container, with the contexts the shell provides.
fn mount_sign_in() -> web_sys::HtmlElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let container: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&container).unwrap();
    let handle = leptos::mount::mount_to(container.clone(), move || {
        provide_context(RwSignal::new(Lang::Es));
        provide_context(Signal::<Option<cc_core::config::Deployment>>::derive(
            || None,
        ));
        provide_context(DraftStore::load());
        provide_context(NavigatedFlag::new("/atencion".into()));
        view! { <Router><SignInPage /></Router> }
    });
    handle.forget();
    container
}

async fn tick() {
    gloo_timers::future::TimeoutFuture::new(20).await;
}

fn click(el: &web_sys::HtmlElement, selector: &str) {
    let target: web_sys::HtmlElement = el
        .query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("{selector} on the page"))
        .unchecked_into();
    target.click();
}

#[wasm_bindgen_test]
async fn an_empty_key_is_refused_in_the_error_summary_without_asking_the_backend() {
    staff::sign_out();
    let el = mount_sign_in();
    tick().await;
    click(&el, "button[type=submit]");
    tick().await;
    let summary = el
        .query_selector(".cc-error-summary")
        .unwrap()
        .expect("summary");
    assert!(summary
        .text_content()
        .unwrap()
        .contains("Escriba su clave de funcionario"));
    let input = el.query_selector("#token").unwrap().unwrap();
    assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert_eq!(input.get_attribute("type").as_deref(), Some("password"));
    assert!(staff::session().is_none());
    el.remove();
}

#[wasm_bindgen_test]
async fn a_signed_in_member_is_named_and_signing_out_forgets_them_and_their_cases() {
    staff::sign_in(&StaffSession {
        token: "ccstaff_prueba".into(),
        name: "Luisa Mamani".into(),
    });
    staff::keep_filing("MDT-PET-2026-00001", &AssistedFiling::default());
    let el = mount_sign_in();
    tick().await;
    let notice = el.query_selector("#signed-in").unwrap().expect("signed in");
    assert_eq!(
        notice
            .query_selector("p")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap(),
        "Sesión iniciada: Luisa Mamani"
    );
    let sign_out = el.query_selector_all("button").unwrap();
    let sign_out: web_sys::HtmlElement = (0..sign_out.length())
        .filter_map(|i| sign_out.get(i))
        .map(|n| n.unchecked_into::<web_sys::HtmlElement>())
        .find(|b| b.text_content().as_deref() == Some("Cerrar sesión"))
        .expect("Cerrar sesión");
    sign_out.click();
    tick().await;
    assert!(staff::session().is_none());
    assert!(staff::find_filing("MDT-PET-2026-00001").is_none());
    assert!(el.query_selector("#signed-out").unwrap().is_some());
    assert!(
        el.query_selector("#token").unwrap().is_some(),
        "the form again"
    );
    el.remove();
}
