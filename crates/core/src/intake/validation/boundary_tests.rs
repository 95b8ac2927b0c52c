//! The edges of the intake rules, one by one: lengths at their limit and one past it,
//! the first allowed year, each reason a date part is refused, each kind of contact
//! on an anonymous case. (Found by cargo-mutants: the main tests passed with these
//! comparisons changed.)

use super::email::EMAIL_LOCAL_MAX;
use super::event_date::MSG_DATE_FORMAT;
use super::test_support::{case_type, today};
use super::*;
use crate::intake::{CaseType, CaseTypeText, Identity, IntakeRules, NewCase};
use std::collections::BTreeMap;

#[test]
fn an_email_may_be_exactly_254_characters_with_a_64_character_local_part() {
    let local = "a".repeat(EMAIL_LOCAL_MAX);
    let domain = format!("{}.{}.{}", "b".repeat(63), "c".repeat(63), "d".repeat(61));
    let longest = format!("{local}@{domain}");
    assert_eq!(longest.chars().count(), EMAIL_MAX);
    assert_eq!(validate_email(&longest), Ok(()));
    let one_more = format!("{local}@{domain}d");
    assert_eq!(validate_email(&one_more), Err("format"));
    let long_local = format!("{}@correo.bo", "a".repeat(EMAIL_LOCAL_MAX + 1));
    assert_eq!(validate_email(&long_local), Err("format"));
    assert_eq!(
        validate_email(&format!("{}@correo.bo", "a".repeat(EMAIL_LOCAL_MAX))),
        Ok(())
    );
}

#[test]
fn an_email_with_a_control_character_or_a_space_is_refused() {
    assert_eq!(validate_email("ana\u{7}@correo.bo"), Err("format"));
    assert_eq!(validate_email("ana maria@correo.bo"), Err("format"));
    assert_eq!(validate_email("ana;maria@correo.bo"), Err("format"));
}

#[test]
fn the_first_allowed_year_is_1900() {
    assert_eq!(validate_event_date(Some("1900-01-01"), today()), None);
    let before = validate_event_date(Some("1899-12-31"), today()).unwrap();
    assert_eq!(before.code, "format");
    assert!(before.message.contains("cuatro cifras"));
}

#[test]
fn a_date_part_is_a_number_of_at_most_four_digits() {
    let message = |raw: &str| validate_event_date(Some(raw), today()).unwrap().message;
    let day = "Escriba el día con un número del 1 al 31.";
    assert_eq!(message("2026-02-"), day, "empty day");
    assert_eq!(message("2026-02-00012"), day, "five digits");
    assert_eq!(message("2026-02-1x"), day, "not a number");
    // The last day of a month written loosely is a format problem, not a short month.
    assert_eq!(message("2026-2-28"), MSG_DATE_FORMAT);
    assert_eq!(
        message("2026-2-29"),
        "Febrero de 2026 tiene 28 días. Revise el día."
    );
}

#[test]
fn a_name_may_have_exactly_the_maximum_length() {
    let rules = IntakeRules::default();
    let exact = "a".repeat(rules.name_max);
    let errors = |name: &str| {
        validate_contact(
            Identity::Identified,
            Some(name),
            Some("ana@correo.bo"),
            None,
            &case_type("queja", "QUE", false),
            &rules,
        )
    };
    assert_eq!(errors(&exact), vec![]);
    assert_eq!(errors(&format!("{exact}a"))[0].code, "too_long");
}

#[test]
fn any_one_kind_of_contact_on_an_anonymous_case_is_refused() {
    let denuncia = case_type("denuncia", "DEN", true);
    let bare = NewCase {
        case_type: "denuncia".into(),
        description: "Cobran por un trámite que es gratuito en la oficina.".into(),
        identity: Identity::Anonymous,
        consent: true,
        ..Default::default()
    };
    let rules = IntakeRules::default();
    let check = |case: NewCase| {
        validate_new_case(&case, std::slice::from_ref(&denuncia), &rules, today())
            .into_iter()
            .map(|e| e.code)
            .collect::<Vec<_>>()
    };
    assert_eq!(check(bare.clone()), Vec::<String>::new());
    for case in [
        NewCase {
            name: Some("Ana".into()),
            ..bare.clone()
        },
        NewCase {
            email: Some("ana@correo.bo".into()),
            ..bare.clone()
        },
        NewCase {
            phone: Some("71234567".into()),
            ..bare.clone()
        },
    ] {
        assert_eq!(check(case), vec!["anonymous_with_contact".to_string()]);
    }
}

#[test]
fn a_case_type_speaks_the_language_asked_then_spanish() {
    let text = |name: &str| CaseTypeText {
        name: name.into(),
        explanation: String::new(),
        example: None,
    };
    let mut names = BTreeMap::new();
    names.insert("es".to_string(), text("Queja"));
    names.insert("en".to_string(), text("Complaint"));
    let queja = CaseType {
        names,
        ..case_type("queja", "QUE", false)
    };
    assert_eq!(queja.text("en").unwrap().name, "Complaint");
    assert_eq!(queja.text("pt").unwrap().name, "Queja");
}
