//! Field checks of a new case, shared by the wizard (page by page) and the backend
//! (the whole case, [`validate_new_case`]).
//!
//! Every error carries a stable `field` (the form control id, see [`fields`]) and
//! `code`; the message is plain Spanish following the content rules (say what is wrong
//! and how to fix it), and the app translates other languages by `(field, code)`.

use crate::api::FieldError;
use crate::intake::dates::{days_in_month, month_name_es, Date};
use crate::intake::{CaseType, Identity, IntakeRules, NewCase};

/// Stable field names: form control ids and `errors[].field` in problem+json.
pub mod fields {
    pub const CASE_TYPE: &str = "case_type";
    pub const AGENCY: &str = "agency";
    pub const DESCRIPTION: &str = "description";
    pub const EVENT_DATE: &str = "event_date";
    pub const PLACE: &str = "place";
    pub const ATTACHMENTS: &str = "attachments";
    pub const IDENTITY: &str = "identity";
    pub const NAME: &str = "name";
    pub const EMAIL: &str = "email";
    pub const PHONE: &str = "phone";
    /// Neither e-mail nor phone was given.
    pub const CONTACT: &str = "contact";
    pub const CONSENT: &str = "consent";
}

/// Longest e-mail address (RFC 5321 path limit).
pub const EMAIL_MAX: usize = 254;
/// Longest local part of an e-mail address.
const EMAIL_LOCAL_MAX: usize = 64;
/// Fewest digits of a phone number (short local numbers).
pub const PHONE_MIN_DIGITS: usize = 7;
/// Most digits of a phone number (E.164).
pub const PHONE_MAX_DIGITS: usize = 15;
/// Longest agency acronym.
const AGENCY_MAX: usize = 20;
/// Earliest year accepted for "when did it happen".
pub const EVENT_YEAR_MIN: i32 = 1900;

const MSG_EMAIL: &str = "Escriba su correo electrónico completo, por ejemplo nombre@ejemplo.com.";
const MSG_PHONE: &str = "Escriba su número de teléfono con el código de país, por ejemplo +57 601 123 4567 o +591 2 123 4567.";
const MSG_CONTACT: &str =
    "Escriba su correo electrónico o su número de teléfono para que podamos responderle.";
const MSG_CONSENT: &str = "Marque la casilla para aceptar la política de datos personales. Sin ella no podemos recibir su caso.";
const MSG_DATE_FORMAT: &str =
    "Escriba la fecha con números: día, mes y año. Por ejemplo: 27 3 2026.";

fn error(field: &str, code: &str, message: impl Into<String>) -> FieldError {
    FieldError::new(field, code, message)
}

/// `Some(trimmed)` when the optional text has something besides spaces.
fn present(s: Option<&str>) -> Option<&str> {
    s.map(str::trim).filter(|s| !s.is_empty())
}

/// Pragmatic e-mail check of the trimmed address: one `@`, a local part, a domain with a
/// dot and no empty labels, no spaces, at most 254 characters. Non-ASCII letters are
/// allowed (`josé@correo.bo`). The only error code is `"format"`.
pub fn validate_email(s: &str) -> Result<(), &'static str> {
    const FORMAT: &str = "format";
    let s = s.trim();
    if s.is_empty() || s.chars().count() > EMAIL_MAX {
        return Err(FORMAT);
    }
    let (local, domain) = s.split_once('@').ok_or(FORMAT)?;
    if domain.contains('@') {
        return Err(FORMAT);
    }
    let bad_char = |c: char| {
        c.is_whitespace()
            || c.is_control()
            || matches!(
                c,
                '<' | '>' | '(' | ')' | '[' | ']' | '\\' | ',' | ';' | ':' | '"'
            )
    };
    if local.is_empty()
        || local.chars().count() > EMAIL_LOCAL_MAX
        || local.chars().any(bad_char)
        || local.starts_with('.')
        || local.ends_with('.')
        || local.contains("..")
    {
        return Err(FORMAT);
    }
    let labels: Vec<&str> = domain.split('.').collect();
    if labels.len() < 2 {
        return Err(FORMAT);
    }
    for label in &labels {
        let ok = !label.is_empty()
            && !label.starts_with('-')
            && !label.ends_with('-')
            && label.chars().all(|c| c == '-' || c.is_alphanumeric());
        if !ok {
            return Err(FORMAT);
        }
    }
    let tld = labels[labels.len() - 1];
    if tld.chars().count() < 2 || tld.chars().all(|c| c.is_ascii_digit()) {
        return Err(FORMAT);
    }
    Ok(())
}

/// The address as stored: trimmed, domain in lower case. `None` when it fails
/// [`validate_email`].
pub fn normalize_email(s: &str) -> Option<String> {
    validate_email(s).ok()?;
    let (local, domain) = s.trim().split_once('@')?;
    Some(format!("{local}@{}", domain.to_lowercase()))
}

/// A phone number as digits, with a leading `+` when the person wrote the country code
/// (`+57 (601) 123-4567` → `+576011234567`, `7123 4567` → `71234567`). Spaces, dashes,
/// dots and parentheses are allowed between digits; 7 to 15 digits (E.164). `None` for
/// letters, a misplaced `+`, or a country code starting with 0.
pub fn normalize_phone(s: &str) -> Option<String> {
    let s = s.trim();
    let (plus, rest) = match s.strip_prefix('+').or_else(|| s.strip_prefix('＋')) {
        Some(rest) => (true, rest),
        None => (false, s),
    };
    let mut digits = String::with_capacity(PHONE_MAX_DIGITS + 1);
    if plus {
        digits.push('+');
    }
    let mut count = 0;
    for c in rest.chars() {
        if c.is_ascii_digit() {
            count += 1;
            if count > PHONE_MAX_DIGITS {
                return None;
            }
            digits.push(c);
        } else if !(c.is_whitespace()
            || matches!(
                c,
                '-' | '.' | '(' | ')' | '/' | '\u{2010}' | '\u{2011}' | '\u{2013}' | '\u{2014}'
            ))
        {
            return None;
        }
    }
    if count < PHONE_MIN_DIGITS || (plus && digits.as_bytes()[1] == b'0') {
        return None;
    }
    Some(digits)
}

/// The case type must be one the deployment offers.
pub fn validate_case_type(slug: &str, types: &[CaseType]) -> Option<FieldError> {
    let slug = slug.trim();
    if slug.is_empty() {
        return Some(error(
            fields::CASE_TYPE,
            "required",
            "Elija qué tipo de caso quiere presentar.",
        ));
    }
    if types.iter().any(|t| t.slug == slug) {
        None
    } else {
        Some(error(
            fields::CASE_TYPE,
            "unknown",
            "Elija uno de los tipos de caso de la lista.",
        ))
    }
}

/// The agency is optional (`None` or empty: the person does not know); when given it
/// must be one of `known` acronyms (compared without regard to case).
pub fn validate_agency<S: AsRef<str>>(agency: Option<&str>, known: &[S]) -> Option<FieldError> {
    let agency = present(agency)?;
    if known
        .iter()
        .any(|k| k.as_ref().trim().eq_ignore_ascii_case(agency))
    {
        None
    } else {
        Some(error(
            fields::AGENCY,
            "unknown",
            "Elija la entidad de la lista. Si no sabe cuál es, elija «No sé cuál es la entidad».",
        ))
    }
}

/// Shape of an agency acronym when the list of agencies is not at hand: letters and
/// digits, at most 20.
fn validate_agency_shape(agency: Option<&str>) -> Option<FieldError> {
    let agency = present(agency)?;
    let ok =
        agency.chars().count() <= AGENCY_MAX && agency.chars().all(|c| c.is_ascii_alphanumeric());
    (!ok).then(|| {
        error(
            fields::AGENCY,
            "unknown",
            "Elija la entidad de la lista. Si no sabe cuál es, elija «No sé cuál es la entidad».",
        )
    })
}

/// "What happened": required, between `description_min` and `description_max`
/// characters (not bytes) once trimmed.
pub fn validate_description(text: &str, rules: &IntakeRules) -> Option<FieldError> {
    let len = text.trim().chars().count();
    if len == 0 {
        Some(error(fields::DESCRIPTION, "required", "Escriba qué pasó."))
    } else if len < rules.description_min {
        Some(error(
            fields::DESCRIPTION,
            "too_short",
            format!(
                "Escriba al menos {} caracteres para que la entidad entienda su caso. Ahora tiene {len}.",
                rules.description_min
            ),
        ))
    } else if len > rules.description_max {
        Some(error(
            fields::DESCRIPTION,
            "too_long",
            format!(
                "Escriba {} caracteres o menos. Ahora tiene {len}.",
                rules.description_max
            ),
        ))
    } else {
        None
    }
}

/// Capitalised Spanish month name, to start a sentence.
fn month_title_es(month: u8) -> String {
    let name = month_name_es(month).unwrap_or("");
    let mut chars = name.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// "When did it happen" (optional): strict `YYYY-MM-DD`, not in the future and not
/// before 1900. The wizard joins its day, month and year fields as `YYYY-MM-DD` (raw
/// parts when they are not numbers); the message then names the part to fix.
pub fn validate_event_date(date: Option<&str>, today: Date) -> Option<FieldError> {
    let raw = present(date)?;
    let format = |message: String| Some(error(fields::EVENT_DATE, "format", message));
    let Some(date) = Date::parse(raw) else {
        return format(describe_bad_date(raw));
    };
    if date.year < EVENT_YEAR_MIN {
        return format("Escriba el año con cuatro cifras, por ejemplo 2026.".to_string());
    }
    if date > today {
        return Some(error(
            fields::EVENT_DATE,
            "future",
            "La fecha debe ser hoy o antes. Revise el día, el mes y el año.",
        ));
    }
    None
}

/// The specific message for a date that is not `YYYY-MM-DD`.
fn describe_bad_date(raw: &str) -> String {
    let parts: Vec<&str> = raw.split('-').map(str::trim).collect();
    let [year, month, day] = parts.as_slice() else {
        return MSG_DATE_FORMAT.to_string();
    };
    let number = |s: &str| -> Option<u32> {
        (!s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    let (y, m, d) = (number(year), number(month), number(day));
    let Some(d) = d.filter(|d| (1..=31).contains(d)) else {
        return "Escriba el día con un número del 1 al 31.".to_string();
    };
    let Some(m) = m.filter(|m| (1..=12).contains(m)) else {
        return "Escriba el mes con un número del 1 al 12.".to_string();
    };
    let Some(y) = y.filter(|_| year.len() == 4) else {
        return "Escriba el año con cuatro cifras, por ejemplo 2026.".to_string();
    };
    let (y, m) = (y as i32, m as u8);
    let max = u32::from(days_in_month(y, m));
    if d > max {
        return if m == 2 {
            format!("Febrero de {y} tiene {max} días. Revise el día.")
        } else {
            format!("{} tiene {max} días. Revise el día.", month_title_es(m))
        };
    }
    MSG_DATE_FORMAT.to_string()
}

/// "Where did it happen" (optional): at most `place_max` characters once trimmed.
pub fn validate_place(place: &str, rules: &IntakeRules) -> Option<FieldError> {
    let len = place.trim().chars().count();
    (len > rules.place_max).then(|| {
        error(
            fields::PLACE,
            "too_long",
            format!(
                "Escriba el lugar en {} caracteres o menos. Ahora tiene {len}.",
                rules.place_max
            ),
        )
    })
}

/// At most `max_attachments` files.
pub fn validate_attachments(count: usize, rules: &IntakeRules) -> Option<FieldError> {
    (count > rules.max_attachments).then(|| {
        error(
            fields::ATTACHMENTS,
            "too_many",
            format!(
                "Puede adjuntar hasta {} archivos. Ahora tiene {count}. Quite los que sobran.",
                rules.max_attachments
            ),
        )
    })
}

/// Who is filing and how to answer them. Empty or blank values count as not given.
///
/// - Anonymous: only when the case type allows it (`identity`, `anonymous_not_allowed`).
///   Name, e-mail and phone are not checked (the wizard may still hold what was typed
///   before switching; [`validate_new_case`] refuses them in a submitted case).
/// - Identified or confidential: name required (`name`: `required`, `too_long`,
///   `format` when it has no letters), e-mail and phone checked when given (`format`),
///   and at least one of them (`contact`, `required`).
pub fn validate_contact(
    identity: Identity,
    name: Option<&str>,
    email: Option<&str>,
    phone: Option<&str>,
    case_type: &CaseType,
    rules: &IntakeRules,
) -> Vec<FieldError> {
    contact_errors(
        identity,
        name,
        email,
        phone,
        case_type.anonymous_allowed,
        rules,
    )
}

fn contact_errors(
    identity: Identity,
    name: Option<&str>,
    email: Option<&str>,
    phone: Option<&str>,
    anonymous_allowed: bool,
    rules: &IntakeRules,
) -> Vec<FieldError> {
    let mut out = Vec::new();
    if identity == Identity::Anonymous {
        if !anonymous_allowed {
            out.push(error(
                fields::IDENTITY,
                "anonymous_not_allowed",
                "Este tipo de caso no puede ser anónimo. Elija dar sus datos para que la entidad pueda responderle.",
            ));
        }
        return out;
    }
    match present(name) {
        None => out.push(error(
            fields::NAME,
            "required",
            "Escriba su nombre y apellido.",
        )),
        Some(name) => {
            let len = name.chars().count();
            if len > rules.name_max {
                out.push(error(
                    fields::NAME,
                    "too_long",
                    format!(
                        "Escriba su nombre en {} caracteres o menos. Ahora tiene {len}.",
                        rules.name_max
                    ),
                ));
            } else if !name.chars().any(char::is_alphabetic) {
                out.push(error(
                    fields::NAME,
                    "format",
                    "Escriba su nombre con letras, por ejemplo Ana María Quispe.",
                ));
            }
        }
    }
    let (email, phone) = (present(email), present(phone));
    if email.is_none() && phone.is_none() {
        out.push(error(fields::CONTACT, "required", MSG_CONTACT));
    }
    if let Some(email) = email {
        if let Err(code) = validate_email(email) {
            out.push(error(fields::EMAIL, code, MSG_EMAIL));
        }
    }
    if let Some(phone) = phone {
        if normalize_phone(phone).is_none() {
            out.push(error(fields::PHONE, "format", MSG_PHONE));
        }
    }
    out
}

/// The personal-data policy must be accepted.
pub fn validate_consent(consent: bool) -> Option<FieldError> {
    (!consent).then(|| error(fields::CONSENT, "required", MSG_CONSENT))
}

/// Every check of a submitted case, in the wizard's order: type, agency (shape only:
/// the backend also calls [`validate_agency`] with its list), description, date, place,
/// attachments, identity and contact, consent. An anonymous case must not carry a name,
/// e-mail or phone (`identity`, `anonymous_with_contact`). `today` is the filing date.
pub fn validate_new_case(
    case: &NewCase,
    types: &[CaseType],
    rules: &IntakeRules,
    today: Date,
) -> Vec<FieldError> {
    let mut out = Vec::new();
    out.extend(validate_case_type(&case.case_type, types));
    out.extend(validate_agency_shape(case.agency.as_deref()));
    out.extend(validate_description(&case.description, rules));
    out.extend(validate_event_date(case.event_date.as_deref(), today));
    out.extend(validate_place(case.place.as_deref().unwrap_or(""), rules));
    out.extend(validate_attachments(case.attachments.len(), rules));

    let case_type = types.iter().find(|t| t.slug == case.case_type.trim());
    // An unknown type is already reported; do not add a second error about anonymity.
    let anonymous_allowed = case_type.is_none_or(|t| t.anonymous_allowed);
    let (name, email, phone) = (
        case.name.as_deref(),
        case.email.as_deref(),
        case.phone.as_deref(),
    );
    out.extend(contact_errors(
        case.identity,
        name,
        email,
        phone,
        anonymous_allowed,
        rules,
    ));
    if case.identity == Identity::Anonymous
        && anonymous_allowed
        && (present(name).is_some() || present(email).is_some() || present(phone).is_some())
    {
        out.push(error(
            fields::IDENTITY,
            "anonymous_with_contact",
            "Un caso anónimo no lleva nombre, correo ni teléfono. Borre esos datos o elija dar sus datos.",
        ));
    }
    out.extend(validate_consent(case.consent));
    out
}

#[cfg(test)]
#[path = "validation_boundary_tests.rs"]
mod boundary_tests;

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    fn case_type(slug: &str, code: &str, anonymous_allowed: bool) -> CaseType {
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

    fn types() -> Vec<CaseType> {
        vec![
            case_type("peticion", "PET", false),
            case_type("queja", "QUE", false),
            case_type("denuncia", "DEN", true),
        ]
    }

    fn rules() -> IntakeRules {
        IntakeRules::default()
    }

    fn today() -> Date {
        Date::parse("2026-03-27").unwrap()
    }

    fn codes(errors: &[FieldError]) -> Vec<(&str, &str)> {
        errors
            .iter()
            .map(|e| (e.field.as_str(), e.code.as_str()))
            .collect()
    }

    fn good_case() -> NewCase {
        NewCase {
            case_type: "queja".into(),
            agency: Some("MDT".into()),
            description: "El funcionario de la ventanilla 3 no me quiso recibir los papeles."
                .into(),
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

    const BANNED: [&str; 8] = [
        "inválid",
        "por favor",
        "lo sentimos",
        "ups",
        "ilegal",
        "prohibid",
        "usted olvidó",
        "error desconocido",
    ];

    fn assert_plain(errors: &[FieldError]) {
        for e in errors {
            let m = e.message.to_lowercase();
            for b in BANNED {
                assert!(!m.contains(b), "{:?} contains {b:?}", e.message);
            }
            assert!(e.message.ends_with('.'), "{:?}", e.message);
        }
    }

    #[test]
    fn emails() {
        for ok in [
            "nombre@ejemplo.com",
            "ana.quispe@correo.gob.bo",
            "juan+pqrs@gmail.com",
            "  maria_lopez@hotmail.es ",
            "josé@correo.com.co",
            "soporte@municipio-quito.gob.ec",
            "a@b.mx",
            "NOMBRE@EJEMPLO.COM",
        ] {
            assert_eq!(validate_email(ok), Ok(()), "{ok:?}");
        }
        let long_local = format!("{}@ejemplo.com", "a".repeat(65));
        let too_long = format!("{}@{}.com", "a".repeat(60), "b".repeat(200));
        for bad in [
            "",
            "   ",
            "nombre",
            "nombre@",
            "@ejemplo.com",
            "nombre@gmail",
            "nombre@gmail.",
            "nombre@.com",
            "nombre@gmail..com",
            "nombre@gmail,com",
            "nombre@@gmail.com",
            "nombre@gmail.com@otro.com",
            "nom bre@gmail.com",
            "nombre@gm ail.com",
            ".nombre@gmail.com",
            "nombre.@gmail.com",
            "nom..bre@gmail.com",
            "nombre@-gmail.com",
            "nombre@gmail.c",
            "nombre@192.168.0.1",
            "<nombre@gmail.com>",
            "nombre@gmail_com.co",
            long_local.as_str(),
            too_long.as_str(),
        ] {
            assert_eq!(validate_email(bad), Err("format"), "{bad:?}");
        }
        assert_eq!(
            normalize_email(" Ana@Correo.GOB.BO "),
            Some("Ana@correo.gob.bo".into())
        );
        assert_eq!(normalize_email("ana@"), None);
    }

    #[test]
    fn phones() {
        let cases = [
            // Colombia: Bogotá landline and mobile.
            ("+57 601 123 4567", "+576011234567"),
            ("+57 300 123 4567", "+573001234567"),
            ("(601) 123-4567", "6011234567"),
            ("300.123.4567", "3001234567"),
            // Bolivia: La Paz landline and mobile, local 8 digits.
            ("+591 2 123 4567", "+59121234567"),
            ("+591 71234567", "+59171234567"),
            ("7123 4567", "71234567"),
            ("2-2123456", "22123456"),
            // Ecuador.
            ("+593 99 123 4567", "+593991234567"),
            ("099 123 4567", "0991234567"),
            ("+593 (2) 298-1300", "+59322981300"),
            // Mexico.
            ("+52 55 1234 5678", "+525512345678"),
            ("+52 1 55 1234 5678", "+5215512345678"),
            // Short local number and E.164 maximum.
            ("123 4567", "1234567"),
            ("+123 456 789 012 345", "+123456789012345"),
            ("  +57\u{a0}601\u{a0}123\u{a0}4567 ", "+576011234567"),
            ("＋57 601 123 4567", "+576011234567"),
        ];
        for (input, want) in cases {
            assert_eq!(normalize_phone(input).as_deref(), Some(want), "{input:?}");
        }
        for bad in [
            "",
            "+",
            "123456",
            "+57 1234",
            "1234 5678 9012 3456",
            "+57 601 123 4567 ext 2",
            "tel 3001234567",
            "300123456a",
            "57+3001234567",
            "+57 +601 1234567",
            "+0 601 123 4567",
            "300_123_4567",
            "３００１２３４５６７",
        ] {
            assert_eq!(normalize_phone(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn case_types() {
        let t = types();
        assert_eq!(validate_case_type("queja", &t), None);
        assert_eq!(validate_case_type(" denuncia ", &t), None);
        let e = validate_case_type("", &t).unwrap();
        assert_eq!(
            (e.field.as_str(), e.code.as_str()),
            ("case_type", "required")
        );
        let e = validate_case_type("tutela", &t).unwrap();
        assert_eq!(e.code, "unknown");
        assert_eq!(
            validate_case_type("Queja", &t).map(|e| e.code),
            Some("unknown".into())
        );
        assert_plain(&validate_case_type("x", &t).into_iter().collect::<Vec<_>>());
    }

    #[test]
    fn agencies() {
        let known = ["MDT", "MINSALUD"];
        assert_eq!(validate_agency(None, &known), None);
        assert_eq!(validate_agency(Some("  "), &known), None);
        assert_eq!(validate_agency(Some("mdt"), &known), None);
        let e = validate_agency(Some("XYZ"), &known).unwrap();
        assert_eq!((e.field.as_str(), e.code.as_str()), ("agency", "unknown"));
        assert_eq!(validate_agency_shape(Some("MDT")), None);
        assert!(validate_agency_shape(Some("MDT; DROP")).is_some());
        assert!(validate_agency_shape(Some(&"A".repeat(21))).is_some());
    }

    #[test]
    fn descriptions() {
        let r = rules();
        let e = validate_description("   \n ", &r).unwrap();
        assert_eq!(
            (e.code.as_str(), e.message.as_str()),
            ("required", "Escriba qué pasó.")
        );
        let e = validate_description("Me atendieron mal", &r).unwrap();
        assert_eq!(e.code, "too_short");
        assert_eq!(
            e.message,
            "Escriba al menos 20 caracteres para que la entidad entienda su caso. Ahora tiene 17."
        );
        // Exactly 20 characters, with accents (more bytes than characters).
        let twenty = "ñandú ñandú ñandú ñá";
        assert_eq!(twenty.chars().count(), 20);
        assert!(twenty.len() > 20);
        assert_eq!(validate_description(twenty, &r), None);
        assert_eq!(validate_description(&format!("  {twenty}  "), &r), None);
        let long = "á".repeat(4312);
        let e = validate_description(&long, &r).unwrap();
        assert_eq!(e.code, "too_long");
        assert_eq!(
            e.message,
            "Escriba 4000 caracteres o menos. Ahora tiene 4312."
        );
        assert_eq!(validate_description(&"é".repeat(4000), &r), None);
        assert_eq!(e.field, "description");
    }

    #[test]
    fn event_dates() {
        let t = today();
        assert_eq!(validate_event_date(None, t), None);
        assert_eq!(validate_event_date(Some(""), t), None);
        assert_eq!(validate_event_date(Some("2026-03-27"), t), None);
        assert_eq!(validate_event_date(Some("2020-02-29"), t), None);
        let e = validate_event_date(Some("2026-03-28"), t).unwrap();
        assert_eq!(
            (e.field.as_str(), e.code.as_str()),
            ("event_date", "future")
        );
        assert!(e.message.starts_with("La fecha debe ser hoy o antes"));

        let msg = |raw: &str| {
            let e = validate_event_date(Some(raw), t).unwrap();
            assert_eq!(e.code, "format", "{raw:?}");
            e.message
        };
        assert_eq!(msg("2026-03-"), "Escriba el día con un número del 1 al 31.");
        assert_eq!(
            msg("2026-03-32"),
            "Escriba el día con un número del 1 al 31."
        );
        assert_eq!(msg("2026-3-x"), "Escriba el día con un número del 1 al 31.");
        assert_eq!(msg("2026--27"), "Escriba el mes con un número del 1 al 12.");
        assert_eq!(
            msg("2026-13-27"),
            "Escriba el mes con un número del 1 al 12."
        );
        assert_eq!(
            msg("-3-27"),
            "Escriba el año con cuatro cifras, por ejemplo 2026."
        );
        assert_eq!(
            msg("26-3-27"),
            "Escriba el año con cuatro cifras, por ejemplo 2026."
        );
        assert_eq!(
            msg("0026-03-27"),
            "Escriba el año con cuatro cifras, por ejemplo 2026."
        );
        assert_eq!(
            msg("2025-02-29"),
            "Febrero de 2025 tiene 28 días. Revise el día."
        );
        assert_eq!(msg("2026-04-31"), "Abril tiene 30 días. Revise el día.");
        assert_eq!(msg("27/03/2026"), MSG_DATE_FORMAT);
        assert_eq!(msg("2026-3-27"), MSG_DATE_FORMAT);
        assert_eq!(msg("ayer"), MSG_DATE_FORMAT);
    }

    #[test]
    fn places() {
        let r = rules();
        assert_eq!(validate_place("", &r), None);
        assert_eq!(validate_place("Av. 16 de Julio, El Prado", &r), None);
        assert_eq!(validate_place(&"ñ".repeat(200), &r), None);
        let e = validate_place(&"ñ".repeat(201), &r).unwrap();
        assert_eq!((e.field.as_str(), e.code.as_str()), ("place", "too_long"));
        assert_eq!(
            e.message,
            "Escriba el lugar en 200 caracteres o menos. Ahora tiene 201."
        );
    }

    #[test]
    fn contact_identified() {
        let (r, t) = (rules(), types());
        let queja = &t[1];
        let ok = |name, email, phone| {
            validate_contact(Identity::Identified, name, email, phone, queja, &r)
        };
        assert!(ok(Some("Ana"), Some("ana@correo.bo"), None).is_empty());
        assert!(ok(Some("Ana"), None, Some("+591 71234567")).is_empty());
        assert!(ok(Some("Ana"), Some("ana@correo.bo"), Some("71234567")).is_empty());
        assert!(ok(Some("Ana"), Some(""), Some("+593 99 123 4567")).is_empty());

        let errors = ok(None, None, None);
        assert_eq!(
            codes(&errors),
            [("name", "required"), ("contact", "required")]
        );
        assert_eq!(errors[1].message, MSG_CONTACT);
        assert_plain(&errors);
        assert_eq!(
            codes(&ok(Some("  "), Some(" "), Some(" "))),
            [("name", "required"), ("contact", "required")]
        );

        let errors = ok(Some("Ana"), Some("ana@gmail"), Some("12345"));
        assert_eq!(codes(&errors), [("email", "format"), ("phone", "format")]);
        assert_eq!(
            errors[0].message,
            "Escriba su correo electrónico completo, por ejemplo nombre@ejemplo.com."
        );
        assert!(errors[1].message.contains("+57 601 123 4567"));
        assert_plain(&errors);

        let long_name = "a".repeat(121);
        assert_eq!(
            codes(&ok(Some(long_name.as_str()), Some("a@b.co"), None)),
            [("name", "too_long")]
        );
        assert_eq!(
            codes(&ok(Some("12345"), Some("a@b.co"), None)),
            [("name", "format")]
        );
    }

    #[test]
    fn contact_confidential_same_rules() {
        let (r, t) = (rules(), types());
        let errors = validate_contact(Identity::Confidential, None, None, None, &t[2], &r);
        assert_eq!(
            codes(&errors),
            [("name", "required"), ("contact", "required")]
        );
        assert!(validate_contact(
            Identity::Confidential,
            Some("Luis"),
            None,
            Some("+52 55 1234 5678"),
            &t[2],
            &r
        )
        .is_empty());
    }

    #[test]
    fn contact_anonymous() {
        let (r, t) = (rules(), types());
        assert!(validate_contact(Identity::Anonymous, None, None, None, &t[2], &r).is_empty());
        // The wizard may still hold what was typed before choosing anonymous.
        assert!(
            validate_contact(Identity::Anonymous, Some("Ana"), Some("x"), None, &t[2], &r)
                .is_empty()
        );
        let errors = validate_contact(Identity::Anonymous, None, None, None, &t[1], &r);
        assert_eq!(codes(&errors), [("identity", "anonymous_not_allowed")]);
        assert_plain(&errors);
    }

    #[test]
    fn consent() {
        assert_eq!(validate_consent(true), None);
        let e = validate_consent(false).unwrap();
        assert_eq!((e.field.as_str(), e.code.as_str()), ("consent", "required"));
        assert_eq!(e.message, MSG_CONSENT);
    }

    #[test]
    fn attachments_count() {
        let r = rules();
        assert_eq!(validate_attachments(5, &r), None);
        let e = validate_attachments(6, &r).unwrap();
        assert_eq!(
            (e.field.as_str(), e.code.as_str()),
            ("attachments", "too_many")
        );
    }

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
        let not_allowed = NewCase {
            identity: Identity::Anonymous,
            name: None,
            email: None,
            phone: None,
            ..good_case()
        };
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
            identity: Identity::Anonymous,
            name: None,
            email: None,
            phone: None,
            ..good_case()
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
}
