//! E-mail addresses and phone numbers: what is accepted and the form kept.

use super::*;

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
