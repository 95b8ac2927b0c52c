//! Identity and contact: identified, confidential and anonymous.

use super::contact::MSG_CONTACT;
use super::test_support::*;
use super::*;
use crate::intake::Identity;

#[test]
fn contact_identified() {
    let (r, t) = (rules(), types());
    let queja = &t[1];
    let ok =
        |name, email, phone| validate_contact(Identity::Identified, name, email, phone, queja, &r);
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
        validate_contact(Identity::Anonymous, Some("Ana"), Some("x"), None, &t[2], &r).is_empty()
    );
    let errors = validate_contact(Identity::Anonymous, None, None, None, &t[1], &r);
    assert_eq!(codes(&errors), [("identity", "anonymous_not_allowed")]);
    assert_plain(&errors);
}
