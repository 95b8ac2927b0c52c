//! The whole submitted case: valid, every error in the wizard's order, anonymity.

use super::test_support::*;
use super::*;
use crate::intake::{Identity, NewCase};

#[test]
fn whole_case_valid() {
    let (r, t) = (rules(), types());
    assert_eq!(validate_new_case(&good_case(), &t, &r, today()), vec![]);
    let minimal = NewCase {
        case_type: "peticion".into(),
        description: "Necesito una copia de mi certificado de estudios de 2019.".into(),
        name: Some("Pedro Mamani".into()),
        phone: Some("77712345".into()),
        consent: true,
        ..Default::default()
    };
    assert_eq!(validate_new_case(&minimal, &t, &r, today()), vec![]);
    let anonymous = NewCase {
        case_type: "denuncia".into(),
        agency: None,
        identity: Identity::Anonymous,
        name: Some(" ".into()),
        email: None,
        phone: Some("".into()),
        event_date: None,
        place: None,
        ..good_case()
    };
    assert_eq!(validate_new_case(&anonymous, &t, &r, today()), vec![]);
}

#[test]
fn whole_case_errors_in_wizard_order() {
    let (r, t) = (rules(), types());
    let bad = NewCase {
        case_type: "queja".into(),
        agency: Some("M D T".into()),
        description: "corto".into(),
        event_date: Some("2027-01-01".into()),
        place: Some("x".repeat(300)),
        attachments: (0..6).map(|i| format!("att_{i}")).collect(),
        identity: Identity::Identified,
        name: None,
        email: Some("ana@".into()),
        phone: Some("+57 300".into()),
        consent: false,
        ..Default::default()
    };
    let errors = validate_new_case(&bad, &t, &r, today());
    assert_eq!(
        codes(&errors),
        [
            ("agency", "unknown"),
            ("description", "too_short"),
            ("event_date", "future"),
            ("place", "too_long"),
            ("attachments", "too_many"),
            ("name", "required"),
            ("email", "format"),
            ("phone", "format"),
            ("consent", "required"),
        ]
    );
    assert_plain(&errors);
}

#[test]
fn whole_case_anonymous_rules() {
    let (r, t) = (rules(), types());
    let with_contact = NewCase {
        case_type: "denuncia".into(),
        identity: Identity::Anonymous,
        ..good_case()
    };
    assert_eq!(
        codes(&validate_new_case(&with_contact, &t, &r, today())),
        [("identity", "anonymous_with_contact")]
    );
    let not_allowed = anonymous(good_case());
    assert_eq!(
        codes(&validate_new_case(&not_allowed, &t, &r, today())),
        [("identity", "anonymous_not_allowed")]
    );
}

#[test]
fn whole_case_unknown_type() {
    let (r, t) = (rules(), types());
    let c = NewCase {
        case_type: "tutela".into(),
        ..anonymous(good_case())
    };
    assert_eq!(
        codes(&validate_new_case(&c, &t, &r, today())),
        [("case_type", "unknown")]
    );
    let empty = NewCase::default();
    assert_eq!(
        codes(&validate_new_case(&empty, &t, &r, today())),
        [
            ("case_type", "required"),
            ("description", "required"),
            ("name", "required"),
            ("contact", "required"),
            ("consent", "required"),
        ]
    );
}
