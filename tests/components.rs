//! Component tests in headless Chromium (`make test-wasm`).
#![cfg(target_arch = "wasm32")]

use cc_core::catalog::{Block, Inline};
use contacto_ciudadano::api::ApiError;
use contacto_ciudadano::components::format::decimal;
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
fn rich_text_links_with_upper_case_schemes_are_links() {
    let link = |href: &str| Inline::Link {
        text: "sitio".into(),
        href: href.into(),
    };
    let blocks = vec![Block::Paragraph {
        content: vec![
            link("HTTPS://Gob.example/Tramite"),
            link("JavaScript:alert(1)"),
        ],
    }];
    let el = mount(move || view! { <RichTextView blocks=blocks /> });
    let links = el.query_selector_all("a").unwrap();
    assert_eq!(links.length(), 1, "HTTPS:// is a link, JavaScript: is not");
    let a: web_sys::Element = links.get(0).unwrap().unchecked_into();
    assert_eq!(
        a.get_attribute("href").unwrap(),
        "https://Gob.example/Tramite"
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

mod form {
    use super::*;
    use cc_core::api::FieldError;
    use contacto_ciudadano::components::form::{ErrorSummary, RadioOption, Radios, TextField};

    fn error(field: &str, message: &str) -> FieldError {
        FieldError {
            field: field.into(),
            code: "required".into(),
            message: message.into(),
        }
    }

    /// Lets Leptos run its scheduled render effects.
    async fn tick() {
        gloo_timers::future::TimeoutFuture::new(10).await;
    }

    #[wasm_bindgen_test]
    async fn text_field_wires_hint_and_error_to_the_input() {
        let errors = RwSignal::new(Vec::<FieldError>::new());
        let el = mount(move || {
            view! {
                <TextField id="email" label="Correo electrónico" hint=Signal::derive(|| "Por ejemplo: nombre@ejemplo.com".to_string())
                    value=Signal::derive(|| "ana@".to_string()) on_input=Callback::new(|_| ()) errors=errors />
            }
        });
        let input = el.query_selector("input#email").unwrap().unwrap();
        assert_eq!(
            input.get_attribute("aria-describedby").as_deref(),
            Some("email-hint")
        );
        assert!(input.get_attribute("aria-invalid").is_none());
        assert_eq!(
            el.query_selector("label[for=email]")
                .unwrap()
                .unwrap()
                .text_content()
                .unwrap(),
            "Correo electrónico"
        );

        errors.set(vec![error(
            "email",
            "Escriba su correo electrónico completo",
        )]);
        tick().await;
        assert_eq!(
            input.get_attribute("aria-describedby").as_deref(),
            Some("email-hint email-error")
        );
        assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("true"));
        let message = el
            .query_selector("#email-error")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap();
        assert!(
            message.contains("Escriba su correo electrónico completo"),
            "{message}"
        );
        assert!(
            message.starts_with("Error:"),
            "error is not conveyed by colour alone: {message}"
        );
        // What the person typed is never cleared by an error.
        let input: web_sys::HtmlInputElement = input.unchecked_into();
        assert_eq!(input.value(), "ana@");
    }

    #[wasm_bindgen_test]
    fn radios_put_hints_outside_labels_and_errors_on_the_fieldset() {
        let errors = RwSignal::new(vec![error("case_type", "Elija qué quiere hacer")]);
        let options = Signal::derive(|| {
            vec![
                RadioOption {
                    value: "queja".into(),
                    label: "Queja".into(),
                    hint: Some("Contar que le atendieron mal.".into()),
                },
                RadioOption {
                    value: "peticion".into(),
                    label: "Petición".into(),
                    hint: None,
                },
            ]
        });
        let el = mount(move || {
            view! {
                <Radios id="case_type" legend="¿Qué quiere hacer?" options=options value=Signal::derive(|| None)
                    on_change=Callback::new(|_| ()) errors=errors legend_is_heading=true />
            }
        });
        assert_eq!(
            el.query_selector("legend h1")
                .unwrap()
                .unwrap()
                .text_content()
                .unwrap(),
            "¿Qué quiere hacer?"
        );
        let first = el.query_selector("#case_type-0").unwrap().unwrap();
        assert_eq!(
            first.get_attribute("aria-describedby").as_deref(),
            Some("case_type-0-hint")
        );
        assert_eq!(
            el.query_selector("label[for=case_type-0]")
                .unwrap()
                .unwrap()
                .text_content()
                .unwrap(),
            "Queja"
        );
        let fieldset = el.query_selector("fieldset").unwrap().unwrap();
        assert_eq!(
            fieldset.get_attribute("aria-describedby").as_deref(),
            Some("case_type-error")
        );
    }

    #[wasm_bindgen_test]
    async fn error_summary_links_to_the_first_radio_and_takes_focus() {
        let errors = RwSignal::new(Vec::<FieldError>::new());
        let el = mount(move || view! { <ErrorSummary errors=errors /> });
        assert!(
            el.query_selector(".cc-error-summary").unwrap().is_none(),
            "hidden without errors"
        );
        errors.set(vec![
            error("case_type", "Elija qué quiere hacer"),
            error("email", "Escriba su correo"),
        ]);
        tick().await;
        let summary = el
            .query_selector(".cc-error-summary")
            .unwrap()
            .expect("summary shown");
        assert!(summary.text_content().unwrap().contains("Hay un problema"));
        let links = summary.query_selector_all("a").unwrap();
        assert_eq!(links.length(), 2);
        let first: web_sys::Element = links.get(0).unwrap().unchecked_into();
        assert_eq!(first.get_attribute("href").as_deref(), Some("#case_type-0"));
        let second: web_sys::Element = links.get(1).unwrap().unchecked_into();
        assert_eq!(second.get_attribute("href").as_deref(), Some("#email"));
        let active = web_sys::window()
            .unwrap()
            .document()
            .unwrap()
            .active_element()
            .unwrap();
        assert!(
            active.class_list().contains("cc-error-summary"),
            "the summary takes focus"
        );
    }
}

#[wasm_bindgen_test]
fn decimal_writes_numbers_like_rust_display() {
    for x in [
        0.0,
        -0.0,
        1.0,
        -16.4897,
        -68.1193,
        0.1 + 0.2,
        1e-6,
        1.5e-7,
        -2.5e-300,
        5e-324,
        1e20,
        1e21,
        1.2345e22,
        f64::MAX,
        f64::NAN,
        f64::INFINITY,
        f64::NEG_INFINITY,
    ] {
        assert_eq!(decimal(x), format!("{x}"));
    }
}
