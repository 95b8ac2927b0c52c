//! Component tests of the service-point finder in headless Chromium (`make test-wasm`):
//! "open now" and "closed" as the page words them, with the badge's class only
//! repeating what the text says, and the week table marking today.
#![cfg(target_arch = "wasm32")]

use cc_core::catalog::{OpeningHours, TimeRange, Weekday};
use cc_core::intake::dates::{BusinessCalendar, Date};
use cc_core::service_points::{LocalTime, ServicePoint};
use contacto_ciudadano::i18n::Lang;
use contacto_ciudadano::service_points::point::PointCard;
use contacto_ciudadano::service_points::status::PointStatus;
use leptos::prelude::*;
use leptos_router::components::Router;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn mount<F, V>(lang: Lang, view: F) -> web_sys::HtmlElement
where
    F: FnOnce() -> V + 'static,
    V: IntoView + 'static,
{
    let document = web_sys::window().unwrap().document().unwrap();
    let container: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&container).unwrap();
    let handle = leptos::mount::mount_to(container.clone(), move || {
        provide_context(RwSignal::new(lang));
        view()
    });
    handle.forget();
    container
}

/// Monday to Friday, 08:00–12:00 and 14:00–18:00.
fn weekday_hours() -> Vec<OpeningHours> {
    use Weekday::*;
    [Monday, Tuesday, Wednesday, Thursday, Friday]
        .into_iter()
        .map(|day| OpeningHours {
            day,
            ranges: vec![
                TimeRange {
                    from: "08:00".into(),
                    to: "12:00".into(),
                },
                TimeRange {
                    from: "14:00".into(),
                    to: "18:00".into(),
                },
            ],
        })
        .collect()
}

/// 2026-11-25 is a Wednesday.
fn at(day: u8, hour: u16, minute: u16) -> LocalTime {
    LocalTime {
        date: Date::new(2026, 11, day).unwrap(),
        minutes: hour * 60 + minute,
    }
}

fn status(lang: Lang, now: LocalTime, holidays: &[&str]) -> (String, String) {
    let holidays =
        BusinessCalendar::new(&holidays.iter().map(|h| h.to_string()).collect::<Vec<_>>());
    let container = mount(lang, move || {
        view! {
            <PointStatus
                hours=weekday_hours()
                holidays=Signal::derive(move || holidays.clone())
                now=Signal::derive(move || now)
            />
        }
    });
    let p = container
        .query_selector(".cc-point-status")
        .unwrap()
        .unwrap();
    let text = p.text_content().unwrap_or_default();
    (p.get_attribute("class").unwrap_or_default(), text)
}

#[wasm_bindgen_test]
fn open_in_the_afternoon_says_when_it_closes() {
    let (class, text) = status(Lang::Es, at(25, 15, 0), &[]);
    assert!(class.contains("cc-point-status--open"), "{class}");
    assert_eq!(text, "Abierto ahora, cierra a las 18:00");
}

#[wasm_bindgen_test]
fn a_lunch_break_is_closed_until_the_afternoon() {
    let (class, text) = status(Lang::Es, at(25, 12, 0), &[]);
    assert!(class.contains("cc-point-status--closed"), "{class}");
    assert_eq!(text, "Cerrado, abre hoy a las 14:00");
}

#[wasm_bindgen_test]
fn saturday_opens_on_monday_in_every_language() {
    assert_eq!(
        status(Lang::Es, at(28, 10, 0), &[]).1,
        "Cerrado, abre el lunes a las 08:00"
    );
    assert_eq!(
        status(Lang::En, at(28, 10, 0), &[]).1,
        "Closed, opens on Monday at 08:00"
    );
    assert_eq!(
        status(Lang::Pt, at(28, 10, 0), &[]).1,
        "Fechado, abre na segunda-feira às 08:00"
    );
    // Sunday: tomorrow.
    assert_eq!(
        status(Lang::Es, at(29, 10, 0), &[]).1,
        "Cerrado, abre mañana a las 08:00"
    );
}

#[wasm_bindgen_test]
fn a_holiday_says_so() {
    let (class, text) = status(Lang::Es, at(25, 10, 0), &["2026-11-25"]);
    assert!(class.contains("cc-point-status--closed"), "{class}");
    assert_eq!(text, "Cerrado por feriado, abre mañana a las 08:00");
}

#[wasm_bindgen_test]
fn without_hours_nothing_is_claimed() {
    let container = mount(Lang::Es, || {
        view! {
            <PointStatus
                hours=Vec::new()
                holidays=Signal::derive(BusinessCalendar::default)
                now=Signal::derive(move || at(25, 10, 0))
            />
        }
    });
    let p = container
        .query_selector(".cc-point-status")
        .unwrap()
        .unwrap();
    assert!(p.get_attribute("class").unwrap().contains("--unknown"));
    assert_eq!(
        p.text_content().unwrap(),
        "Horario no publicado. Llame antes de ir."
    );
}

#[wasm_bindgen_test]
fn a_card_shows_the_week_today_and_its_links() {
    let point = ServicePoint {
        id: "oficina-central".into(),
        name: "Oficina Central".into(),
        address: "Av. Arce 2100".into(),
        city: Some("La Paz".into()),
        latitude: Some(-16.5),
        longitude: Some(-68.15),
        hours: weekday_hours(),
        phone: Some("800 10 1010".into()),
        agencies: vec!["Migración".into()],
        procedures: vec![cc_core::service_points::ServedProcedure {
            slug: "pasaporte".into(),
            name: "Pasaporte".into(),
        }],
    };
    let container = mount(Lang::Es, move || {
        view! {
            <Router>
                <ul>
                    <PointCard
                        point=point.clone()
                        holidays=Signal::derive(BusinessCalendar::default)
                        now=Signal::derive(move || at(25, 10, 0))
                        lang=Signal::derive(|| None)
                    />
                </ul>
            </Router>
        }
    });
    let rows = container.query_selector_all(".cc-point__hours tr").unwrap();
    assert_eq!(rows.length(), 7, "the whole week");
    let today = container
        .query_selector("tr.cc-point__today")
        .unwrap()
        .unwrap();
    assert_eq!(
        today.text_content().unwrap(),
        "Miércoles (hoy)08:00 a 12:00 y 14:00 a 18:00"
    );
    let link = |selector: &str| {
        container
            .query_selector(selector)
            .unwrap()
            .and_then(|a| a.get_attribute("href"))
            .unwrap_or_default()
    };
    assert_eq!(link("a[href^='tel:']"), "tel:800101010");
    assert_eq!(link("a[href^='geo:']"), "geo:-16.5,-68.15");
    assert_eq!(link(".cc-point__procedures a"), "/tramites/pasaporte");
    assert!(container.text_content().unwrap().contains("Abierto ahora"));
}
