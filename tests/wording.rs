//! The app's wording rules that need no browser: translated API errors, dates, money
//! and durations in words, plurals. Native (`cargo test`); components are tested in
//! the browser by `tests/components.rs`.
#![cfg(not(target_arch = "wasm32"))]

use cc_core::catalog::{Amount, Duration, DurationUnit};
use contacto_ciudadano::api::ApiError;
use contacto_ciudadano::components::format::{duration, long_date, money};
use contacto_ciudadano::i18n::Lang;

#[test]
fn problem_details_for_404_and_5xx_become_translated_messages() {
    let es = Lang::Es.texts();
    let en = Lang::En.texts();
    assert_eq!(ApiError::Http(404).message(es), es.error_not_found);
    assert_eq!(ApiError::Http(503).message(en), en.error_server);
    assert_eq!(ApiError::Malformed.message(en), en.error_malformed);
    assert!(ApiError::Http(503).is_transient());
    assert!(!ApiError::Http(422).is_transient());
}

#[test]
fn every_fault_has_its_own_translated_message() {
    for lang in Lang::ALL {
        let t = lang.texts();
        let said = |e: ApiError| e.message(t);
        assert_eq!(said(ApiError::Network), t.error_network);
        assert_eq!(said(ApiError::Timeout), t.error_timeout);
        assert_eq!(said(ApiError::Http(408)), t.error_timeout);
        assert_eq!(said(ApiError::Http(401)), t.error_forbidden);
        assert_eq!(said(ApiError::Http(403)), t.error_forbidden);
        assert_eq!(said(ApiError::Http(409)), t.error_conflict);
        assert_eq!(said(ApiError::Http(413)), t.error_too_large);
        assert_eq!(said(ApiError::Http(400)), t.error_rejected);
        assert_eq!(said(ApiError::Http(500)), t.error_server);
        assert_eq!(said(ApiError::Unsupported), t.error_unsupported);
        assert_eq!(said(ApiError::NotJson), t.error_not_json);
        // Another backend's refusal, in its own words, inside ours.
        let refused = ApiError::Refused {
            status: 400,
            said: vec!["service_code not found".into()],
        };
        assert!(said(refused).contains("service_code not found"));
        // Without words, a refusal is a plain rejection.
        let silent = ApiError::Refused {
            status: 400,
            said: vec![],
        };
        assert_eq!(said(silent), t.error_rejected);
    }
    // A problem's Spanish title is shown in Spanish only.
    let problem = ApiError::Problem(Box::new(cc_core::api::Problem {
        kind: "/problems/validation".into(),
        title: "La descripción es muy corta".into(),
        status: 422,
        detail: None,
        instance: None,
        errors: vec![],
    }));
    assert_eq!(
        problem.message(Lang::Es.texts()),
        "La descripción es muy corta"
    );
    assert_eq!(
        problem.message(Lang::En.texts()),
        Lang::En.texts().error_rejected
    );
}

#[test]
fn too_many_attempts_say_how_long_to_wait_and_why() {
    let es = Lang::Es.texts();
    let limited = |secs, kind: &str| ApiError::RateLimited {
        retry_after_secs: secs,
        kind: kind.into(),
    };
    assert_eq!(
        limited(1, "/problems/too-many-attempts").message(es),
        "Hubo demasiados intentos. Espere 1 segundo y vuelva a intentarlo."
    );
    assert_eq!(
        limited(8, "").message(es),
        "Hubo demasiados intentos. Espere 8 segundos y vuelva a intentarlo."
    );
    // Past a minute, whole minutes rounded up.
    assert_eq!(
        limited(61, "").message(Lang::En.texts()),
        "There were too many attempts. Wait 2 minutes and try again."
    );
    assert!(limited(3600, "/problems/upload-quota")
        .message(es)
        .starts_with("Se subieron demasiados archivos en poco tiempo. Espere 60 minutos"));
    assert!(limited(5, "").is_transient());
}

#[test]
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

#[test]
fn one_of_something_is_singular_in_every_language() {
    use contacto_ciudadano::i18n::plural;
    let one_day = |lang: Lang, unit| duration(lang.texts(), &Duration { amount: 1, unit });
    assert_eq!(one_day(Lang::Es, DurationUnit::Days), "1 día");
    assert_eq!(one_day(Lang::Es, DurationUnit::BusinessDays), "1 día hábil");
    assert_eq!(one_day(Lang::Es, DurationUnit::Months), "1 mes");
    assert_eq!(
        one_day(Lang::En, DurationUnit::BusinessDays),
        "1 working day"
    );
    assert_eq!(one_day(Lang::Pt, DurationUnit::Hours), "1 hora");
    let es = Lang::Es.texts();
    assert_eq!(es.chars_left(1), "Le queda 1 carácter");
    assert_eq!(es.chars_left(2), "Le quedan 2 caracteres");
    assert_eq!(es.chars_left(0), "Le quedan 0 caracteres");
    assert_eq!(
        Lang::En.texts().chars_over(1),
        "You have 1 character too many"
    );
    assert_eq!(plural(3, "1 día", "{n} días"), "3 días");
}
