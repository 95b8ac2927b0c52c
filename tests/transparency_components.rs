//! Component tests of the transparency charts in headless Chromium (`make test-wasm`):
//! the right bars, lengths proportional to the counts, reserved counts written out
//! with no bar.
#![cfg(target_arch = "wasm32")]

use contacto_ciudadano::i18n::Lang;
use contacto_ciudadano::transparency::charts::{Bar, BarChart, MonthBar, TrendChart};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts `view` in a fresh container with the language the shell provides.
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

fn bars_of(container: &web_sys::HtmlElement) -> Vec<(u64, f64, f64)> {
    let rects = container.query_selector_all("rect.cc-chart__bar").unwrap();
    (0..rects.length())
        .map(|i| {
            let rect: web_sys::Element = rects.item(i).unwrap().unchecked_into();
            let attr = |name: &str| rect.get_attribute(name).unwrap();
            (
                attr("data-value").parse().unwrap(),
                attr("width").parse().unwrap(),
                attr("height").parse().unwrap(),
            )
        })
        .collect()
}

#[wasm_bindgen_test]
fn bar_chart_draws_one_bar_per_published_count_and_writes_reserved_ones() {
    let container = mount(|| {
        let bars = vec![
            Bar {
                label: "Petición".into(),
                value: Some(120),
            },
            Bar {
                label: "Queja".into(),
                value: Some(60),
            },
            Bar {
                label: "Denuncia".into(),
                value: None,
            },
            Bar {
                label: "Sugerencia".into(),
                value: Some(30),
            },
        ];
        view! { <BarChart bars=bars summary="Lo más frecuente: Petición." /> }
    });
    let bars = bars_of(&container);
    assert_eq!(bars.len(), 3, "one bar per published count");
    let (_, longest, _) = bars[0];
    for (value, width, _) in &bars {
        let expected = longest * *value as f64 / 120.0;
        assert!(
            (width - expected).abs() <= 1.0,
            "{value}: {width} vs {expected}"
        );
    }
    let reserved = container.query_selector_all(".cc-chart__reserved").unwrap();
    assert_eq!(reserved.length(), 1);
    assert_eq!(
        reserved.item(0).unwrap().text_content().unwrap(),
        "Reservado"
    );
    // The drawing is decoration; the caption says it in words.
    let svg = container.query_selector("svg").unwrap().unwrap();
    assert_eq!(svg.get_attribute("aria-hidden").as_deref(), Some("true"));
    let caption = container.query_selector("figcaption").unwrap().unwrap();
    assert_eq!(
        caption.text_content().unwrap(),
        "Lo más frecuente: Petición."
    );
}

#[wasm_bindgen_test]
fn trend_chart_heights_follow_the_months() {
    let container = mount(|| {
        let months = vec![
            MonthBar {
                label: "ene".into(),
                filed: Some(40),
                closed: Some(20),
            },
            MonthBar {
                label: "feb".into(),
                filed: Some(80),
                closed: None,
            },
            MonthBar {
                label: "mar".into(),
                filed: Some(10),
                closed: Some(10),
            },
        ];
        view! { <TrendChart months=months summary="De enero a marzo." /> }
    });
    let bars = bars_of(&container);
    assert_eq!(bars.len(), 5, "two series, one count reserved");
    let (_, _, tallest) = bars.iter().copied().find(|b| b.0 == 80).unwrap();
    for (value, _, height) in &bars {
        let expected = tallest * *value as f64 / 80.0;
        assert!(
            (height - expected).abs() <= 1.0,
            "{value}: {height} vs {expected}"
        );
    }
    // Closed cases are striped, not only another colour.
    assert_eq!(
        container
            .query_selector_all("rect.cc-chart__bar--closed")
            .unwrap()
            .length(),
        2
    );
    let reserved = container
        .query_selector(".cc-chart__reserved")
        .unwrap()
        .unwrap();
    assert_eq!(reserved.text_content().unwrap().trim(), "Reservado");
}
