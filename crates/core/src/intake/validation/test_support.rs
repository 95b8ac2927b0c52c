//! What the validation tests share: the demo case types, a good case, today, and the
//! check that messages follow the content rules.

use crate::api::FieldError;
use crate::intake::dates::Date;
use crate::intake::{CaseType, Identity, IntakeRules, NewCase};
use std::collections::BTreeMap;

pub(super) fn case_type(slug: &str, code: &str, anonymous_allowed: bool) -> CaseType {
    CaseType {
        slug: slug.into(),
        code: code.into(),
        response_days: 15,
        anonymous_allowed,
        emergency_notice: false,
        asks_when_where: true,
        names: BTreeMap::new(),
    }
}

pub(super) fn types() -> Vec<CaseType> {
    vec![
        case_type("peticion", "PET", false),
        case_type("queja", "QUE", false),
        case_type("denuncia", "DEN", true),
    ]
}

pub(super) fn rules() -> IntakeRules {
    IntakeRules::default()
}

pub(super) fn today() -> Date {
    Date::parse("2026-03-27").unwrap()
}

pub(super) fn codes(errors: &[FieldError]) -> Vec<(&str, &str)> {
    errors
        .iter()
        .map(|e| (e.field.as_str(), e.code.as_str()))
        .collect()
}

pub(super) fn good_case() -> NewCase {
    NewCase {
        case_type: "queja".into(),
        agency: Some("MDT".into()),
        description: "El funcionario de la ventanilla 3 no me quiso recibir los papeles.".into(),
        event_date: Some("2026-03-20".into()),
        place: Some("Oficina central, La Paz".into()),
        attachments: vec!["att_1".into()],
        identity: Identity::Identified,
        name: Some("Ana María Quispe".into()),
        email: Some("ana.quispe@correo.bo".into()),
        phone: Some("+591 71234567".into()),
        consent: true,
        ..Default::default()
    }
}

pub(super) const BANNED: [&str; 8] = [
    "inválid",
    "por favor",
    "lo sentimos",
    "ups",
    "ilegal",
    "prohibid",
    "usted olvidó",
    "error desconocido",
];

pub(super) fn assert_plain(errors: &[FieldError]) {
    for e in errors {
        let m = e.message.to_lowercase();
        for b in BANNED {
            assert!(!m.contains(b), "{:?} contains {b:?}", e.message);
        }
        assert!(e.message.ends_with('.'), "{:?}", e.message);
    }
}

/// `case` made anonymous: no name, e-mail or phone.
pub(super) fn anonymous(case: NewCase) -> NewCase {
    NewCase {
        identity: Identity::Anonymous,
        name: None,
        email: None,
        phone: None,
        ..case
    }
}
