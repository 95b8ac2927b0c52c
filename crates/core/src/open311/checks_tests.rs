//! The description and the attributes' answers, at their limits and one past them.

use super::*;
use crate::api::FieldError;

fn attr(datatype: Datatype, required: bool) -> Attribute {
    Attribute {
        code: "C1".into(),
        variable: true,
        datatype,
        required,
        description: "¿Cuántos?".into(),
        datatype_description: None,
        order: 1,
        values: vec![
            AttributeValue {
                key: "a".into(),
                name: "A".into(),
            },
            AttributeValue {
                key: "b c".into(),
                name: "B".into(),
            },
        ],
    }
}

fn answer(values: &[&str]) -> Vec<String> {
    values.iter().map(|v| v.to_string()).collect()
}

fn code(result: Result<(), FieldError>) -> Option<String> {
    result.err().map(|e| e.code)
}

/// Messages follow the content rules: a sentence, no blame, no banned words.
fn assert_plain(e: &FieldError) {
    let m = e.message.to_lowercase();
    for banned in [
        "inválid",
        "por favor",
        "lo sentimos",
        "ilegal",
        "prohibid",
        "error",
    ] {
        assert!(!m.contains(banned), "{:?}", e.message);
    }
    assert!(e.message.ends_with('.'), "{:?}", e.message);
}

#[test]
fn descriptions_are_required_limited_in_characters_and_free_of_html() {
    let e = check_description(" \n ").unwrap_err();
    assert_eq!(
        (e.field.as_str(), e.code.as_str()),
        ("description", "required")
    );
    assert_eq!(e.message, "Escriba qué pasó.");
    // 4000 characters of two bytes each pass; 4001 do not. Spaces around don't count.
    let at_limit = "ñ".repeat(DESCRIPTION_MAX);
    assert_eq!(check_description(&format!("  {at_limit}\n")), Ok(()));
    let e = check_description(&format!("{at_limit}é")).unwrap_err();
    assert_eq!(
        (e.field.as_str(), e.code.as_str()),
        ("description", "too_long")
    );
    assert_eq!(
        e.message,
        "Escriba 4000 caracteres o menos. Ahora tiene 4001."
    );
    assert_plain(&e);
    for html in [
        "Hay un <b>bache</b>",
        "texto</p>",
        "a <!-- nota --> b",
        "<!DOCTYPE html>",
        "<?xml version='1.0'?>",
        "<script>alert(1)</script>",
        "x<br/>y",
    ] {
        let e = check_description(html).unwrap_err();
        assert_eq!(e.code, "html_not_allowed", "{html:?}");
        assert_plain(&e);
    }
    for fine in [
        "3 < 5 y 7 > 2",
        "te quiero <3",
        "a <",
        "<<",
        "< b",
        "precio <= 10",
        "Calle 5",
    ] {
        assert_eq!(check_description(fine), Ok(()), "{fine:?}");
    }
    // Too long is said before HTML.
    assert_eq!(
        code(check_description(&format!("<b>{at_limit}"))).as_deref(),
        Some("too_long")
    );
}

#[test]
fn required_answers_and_information_only_attributes() {
    for datatype in [
        Datatype::String,
        Datatype::Number,
        Datatype::SingleValueList,
    ] {
        let e = check_attribute(&attr(datatype.clone(), true), &answer(&["  ", ""])).unwrap_err();
        assert_eq!(
            (e.field.as_str(), e.code.as_str()),
            ("attribute[C1]", "required")
        );
        assert_plain(&e);
        assert_eq!(
            check_attribute(&attr(datatype.clone(), true), &[]).map_err(|e| e.code),
            Err("required".into())
        );
        assert_eq!(check_attribute(&attr(datatype, false), &[]), Ok(()));
    }
    assert_eq!(
        check_attribute(&attr(Datatype::String, true), &[])
            .unwrap_err()
            .message,
        "Responda «¿Cuántos?»."
    );
    assert_eq!(
        check_attribute(&attr(Datatype::SingleValueList, true), &[])
            .unwrap_err()
            .message,
        "Elija una opción en «¿Cuántos?»."
    );
    assert_eq!(
        check_attribute(&attr(Datatype::MultiValueList, true), &[])
            .unwrap_err()
            .message,
        "Elija al menos una opción en «¿Cuántos?»."
    );
    // Without a description the question is named by its code.
    let mut unnamed = attr(Datatype::Text, true);
    unnamed.description = "  ".into();
    assert_eq!(
        check_attribute(&unnamed, &[]).unwrap_err().message,
        "Responda «C1»."
    );
    // `variable: false` is information only: never required, never checked.
    let mut info = attr(Datatype::Number, true);
    info.variable = false;
    assert_eq!(check_attribute(&info, &[]), Ok(()));
    assert_eq!(check_attribute(&info, &answer(&["no es número"])), Ok(()));
}

#[test]
fn numbers() {
    let a = attr(Datatype::Number, false);
    for fine in ["12", " 12 ", "-3", "+3", "3.5", "3,5", "0", "007"] {
        assert_eq!(check_attribute(&a, &answer(&[fine])), Ok(()), "{fine:?}");
    }
    for bad in [
        "doce", "1e3", "3.", ".5", "-", "1.2.3", "3,5,1", "12 m", "--1", "١٢",
    ] {
        let e = check_attribute(&a, &answer(&[bad])).unwrap_err();
        assert_eq!(e.code, "not_a_number", "{bad:?}");
        assert_plain(&e);
    }
    // Only the first value of a single-value answer counts.
    assert_eq!(check_attribute(&a, &answer(&["", "5", "x"])), Ok(()));
}

#[test]
fn dates_and_date_times() {
    let a = attr(Datatype::Datetime, false);
    for fine in [
        "2026-03-27",
        "2024-02-29",
        "2026-03-27T00:00",
        "2026-03-27T23:59",
        "2026-03-27T23:59:59",
    ] {
        assert_eq!(check_attribute(&a, &answer(&[fine])), Ok(()), "{fine:?}");
    }
    for bad in [
        "27/03/2026",
        "2026-02-29",
        "2026-13-01",
        "2026-3-27",
        "2026-03-27T24:00",
        "2026-03-27T23:60",
        "2026-03-27T23:59:60",
        "2026-03-27T9:30",
        "2026-03-27 10:00",
        "2026-03-27T10",
        "2026-03-27T10:00:00Z",
        "2026-03-27T10:00:00:00",
        "2026-03-27T1a:00",
        "2026-03-2",
        "ayer",
        "2026-03-27T",
        "2026-03-27T+1:00",
    ] {
        let e = check_attribute(&a, &answer(&[bad])).unwrap_err();
        assert_eq!(e.code, "not_a_date", "{bad:?}");
        assert_plain(&e);
    }
}

#[test]
fn options() {
    let single = attr(Datatype::SingleValueList, true);
    assert_eq!(check_attribute(&single, &answer(&["a"])), Ok(()));
    assert_eq!(check_attribute(&single, &answer(&[" b c "])), Ok(()));
    let e = check_attribute(&single, &answer(&["A"])).unwrap_err();
    assert_eq!(e.code, "not_an_option");
    assert_eq!(
        e.message,
        "En «¿Cuántos?», elija una de las opciones de la lista."
    );
    let multi = attr(Datatype::MultiValueList, true);
    assert_eq!(check_attribute(&multi, &answer(&["a", "b c"])), Ok(()));
    // Every value of a multi-value answer is checked, not only the first.
    assert_eq!(
        code(check_attribute(&multi, &answer(&["a", "z"]))).as_deref(),
        Some("not_an_option")
    );
    // A list sent without options cannot be checked.
    let mut open = attr(Datatype::SingleValueList, true);
    open.values.clear();
    assert_eq!(check_attribute(&open, &answer(&["lo que sea"])), Ok(()));
}

#[test]
fn lengths_at_the_limit_and_one_past() {
    let string = attr(Datatype::String, false);
    assert_eq!(
        check_attribute(&string, &answer(&[&"á".repeat(STRING_MAX)])),
        Ok(())
    );
    let e = check_attribute(&string, &answer(&[&"á".repeat(STRING_MAX + 1)])).unwrap_err();
    assert_eq!(e.code, "too_long");
    assert_eq!(
        e.message,
        "En «¿Cuántos?», escriba 200 caracteres o menos. Ahora tiene 201."
    );
    let text = attr(Datatype::Text, false);
    assert_eq!(
        check_attribute(&text, &answer(&[&"á".repeat(TEXT_MAX)])),
        Ok(())
    );
    let e = check_attribute(&text, &answer(&[&"á".repeat(TEXT_MAX + 1)])).unwrap_err();
    assert_eq!(
        e.message,
        "En «¿Cuántos?», escriba 4000 caracteres o menos. Ahora tiene 4001."
    );
    // Spaces around an answer are not counted; other types have no length limit here.
    assert_eq!(
        check_attribute(
            &string,
            &answer(&[&format!("  {}  ", "x".repeat(STRING_MAX))])
        ),
        Ok(())
    );
    let mut long_option = attr(Datatype::SingleValueList, false);
    long_option.values[0].key = "k".repeat(STRING_MAX + 1);
    assert_eq!(
        check_attribute(&long_option, &answer(&[&"k".repeat(STRING_MAX + 1)])),
        Ok(())
    );
}
