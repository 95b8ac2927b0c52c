//! Component tests in headless Chromium (`make test-wasm`).
#![cfg(target_arch = "wasm32")]

use cc_core::catalog::{Amount, Block, Duration, DurationUnit, Inline};
use contacto_ciudadano::api::ApiError;
use contacto_ciudadano::components::format::{duration, long_date, money};
use contacto_ciudadano::components::{ErrorPanel, RichTextView};
use contacto_ciudadano::i18n::Lang;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts `view` in a fresh container with the contexts the shell provides.
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
        provide_context(Signal::<Option<cc_core::config::Deployment>>::derive(
            || None,
        ));
        view()
    });
    handle.forget();
    container
}

#[wasm_bindgen_test]
fn rich_text_renders_markup_as_text_and_drops_unsafe_links() {
    let blocks = vec![
        Block::Paragraph {
            content: vec![
                Inline::Text {
                    text: "<script>alert(1)</script>".into(),
                },
                Inline::Link {
                    text: "malo".into(),
                    href: "javascript:alert(1)".into(),
                },
                Inline::Link {
                    text: "bueno".into(),
                    href: "https://gob.example".into(),
                },
            ],
        },
        Block::List {
            ordered: true,
            items: vec![vec![Inline::Strong {
                text: "Paso 1".into(),
            }]],
        },
    ];
    let el = mount(move || view! { <RichTextView blocks=blocks /> });
    assert!(
        el.query_selector("script").unwrap().is_none(),
        "no element created from text"
    );
    assert!(el
        .text_content()
        .unwrap()
        .contains("<script>alert(1)</script>"));
    let links = el.query_selector_all("a").unwrap();
    assert_eq!(links.length(), 1, "only the https link is a link");
    let a: web_sys::Element = links.get(0).unwrap().unchecked_into();
    assert_eq!(a.get_attribute("href").unwrap(), "https://gob.example");
    assert_eq!(
        el.query_selector("ol li strong")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap(),
        "Paso 1"
    );
}

#[wasm_bindgen_test]
fn error_panel_is_an_alert_with_a_plain_message_and_retry() {
    let el =
        mount(|| view! { <ErrorPanel error=ApiError::Timeout on_retry=Callback::new(|_| ()) /> });
    let panel = el
        .query_selector("[role=alert]")
        .unwrap()
        .expect("role=alert");
    let text = panel.text_content().unwrap();
    assert!(text.contains("tardó demasiado"), "{text}");
    let button = el.query_selector("button").unwrap().expect("retry button");
    assert_eq!(button.text_content().unwrap(), "Intentar de nuevo");
    assert_eq!(button.get_attribute("type").as_deref(), Some("button"));
}

#[wasm_bindgen_test]
fn problem_details_for_404_and_5xx_become_translated_messages() {
    let es = Lang::Es.texts();
    let en = Lang::En.texts();
    assert_eq!(ApiError::Http(404).message(es), es.error_not_found);
    assert_eq!(ApiError::Http(503).message(en), en.error_server);
    assert_eq!(ApiError::Malformed.message(en), en.error_malformed);
    assert!(ApiError::Http(503).is_transient());
    assert!(!ApiError::Http(422).is_transient());
}

#[wasm_bindgen_test]
fn formats_dates_money_and_durations_in_words() {
    let es = Lang::Es.texts();
    assert_eq!(long_date(es, "2026-12-15"), "15 de diciembre de 2026");
    assert_eq!(long_date(Lang::En.texts(), "2026-01-02"), "2 January 2026");
    assert_eq!(long_date(es, "no es fecha"), "no es fecha");
    let amount = Amount {
        concept: "Emisión".into(),
        amount_minor: 123456,
        currency: "USD".into(),
    };
    assert_eq!(money(&amount), "USD 1.234,56");
    let bob = Amount {
        concept: "x".into(),
        amount_minor: 2500,
        currency: "BOB".into(),
    };
    assert_eq!(money(&bob), "Bs 25,00");
    assert_eq!(
        duration(
            es,
            &Duration {
                amount: 15,
                unit: DurationUnit::BusinessDays
            }
        ),
        "15 días hábiles"
    );
}
