//! The lenient readers every decoder shares.

use serde_json::{json, Map, Value};

use super::json::*;
use super::Open311Error;

fn obj(value: Value) -> Map<String, Value> {
    value.as_object().unwrap().clone()
}

#[test]
fn bodies_with_zero_padded_numbers_are_read_with_the_zeros_kept() {
    assert_eq!(
        parse_body(r#"{"a":001,"b":-02,"c":0,"d":10,"e":0.5,"f":"007"}"#).unwrap(),
        json!({"a":"001","b":"-02","c":0,"d":10,"e":0.5,"f":"007"})
    );
    // Inside strings nothing changes, escaped quotes included.
    assert_eq!(
        parse_body(r#"["a \"01\" b", 01]"#).unwrap(),
        json!(["a \"01\" b", "01"])
    );
    assert_eq!(parse_body(r#"["\\", 05]"#).unwrap(), json!(["\\", "05"]));
    // Valid JSON is read as it is; a byte-order mark and spaces are ignored.
    assert_eq!(
        parse_body("\u{feff} [1, true, null] \n").unwrap(),
        json!([1, true, null])
    );
    assert_eq!(parse_body(r#"{"x":"0"}"#).unwrap(), json!({"x":"0"}));
}

#[test]
fn what_is_not_json_says_so() {
    for body in [
        "",
        "   ",
        "<html>Error</html>",
        "Invalid key",
        "[1,",
        "{\"a\":01",
    ] {
        assert_eq!(parse_body(body), Err(Open311Error::NotJson), "{body:?}");
    }
    // A token that only looks like a zero-padded number is not touched.
    assert_eq!(parse_body("[0x1]"), Err(Open311Error::NotJson));
    assert_eq!(parse_body("[00.5]"), Err(Open311Error::NotJson));
}

#[test]
fn lists_come_in_every_shape() {
    let a = json!({"k": 1});
    let b = json!({"k": 2});
    let both = vec![&a, &b];
    for value in [
        json!([{"k": 1}, {"k": 2}]),
        json!({"things": [{"k": 1}, {"k": 2}]}),
        json!({"things": {"thing": [{"k": 1}, {"k": 2}]}}),
        json!({"thing": [{"k": 1}, {"k": 2}]}),
        json!([{"thing": {"k": 1}}, {"thing": {"k": 2}}]),
        json!([{"thing": [{"k": 1}, {"k": 2}]}]),
    ] {
        assert_eq!(items(&value, "things", "thing"), both, "{value}");
    }
    let one = json!({"k": 1});
    assert_eq!(items(&one, "things", "thing"), vec![&a]);
    assert_eq!(
        items(&json!({"things": {"k": 1}}), "things", "thing"),
        vec![&a]
    );
    for empty in [
        json!(null),
        json!({}),
        json!([]),
        json!("x"),
        json!(3),
        json!({"things": null}),
    ] {
        assert!(items(&empty, "things", "thing").is_empty(), "{empty}");
    }
    // An element with more fields than the wrapper's name is the element itself.
    let element = json!({"thing": "a name", "k": 1});
    assert_eq!(
        items(&json!([element.clone()]), "things", "thing"),
        vec![&element]
    );
    assert_eq!(items(&element, "things", "thing"), vec![&element]);
}

#[test]
fn wrappers_have_exactly_one_key_of_the_names_given() {
    let m = obj(json!({"a": 1}));
    assert_eq!(wrapped(&m, &["a", "b"]), Some(&json!(1)));
    assert_eq!(wrapped(&m, &["b"]), None);
    assert_eq!(wrapped(&obj(json!({"a": 1, "b": 2})), &["a", "b"]), None);
    assert_eq!(wrapped(&Map::new(), &["a"]), None);
}

#[test]
fn texts_are_trimmed_and_numbers_written_out() {
    let m = obj(
        json!({"s": " x ", "n": 7, "f": 1.5, "b": true, "e": "  ", "z": null, "l": [1], "o": {}}),
    );
    assert_eq!(text(&m, "s").as_deref(), Some("x"));
    assert_eq!(text(&m, "n").as_deref(), Some("7"));
    assert_eq!(text(&m, "f").as_deref(), Some("1.5"));
    assert_eq!(text(&m, "b").as_deref(), Some("true"));
    for absent in ["e", "z", "l", "o", "missing"] {
        assert_eq!(text(&m, absent), None, "{absent}");
    }
}

#[test]
fn flags_read_every_spelling_and_fall_back() {
    let m = obj(json!({
        "t1": true, "t2": "true", "t3": "TRUE", "t4": 1, "t5": "1", "t6": "yes",
        "f1": false, "f2": "false", "f3": "False", "f4": 0, "f5": "0", "f6": "no",
        "odd": "maybe", "null": null
    }));
    for key in ["t1", "t2", "t3", "t4", "t5", "t6"] {
        assert!(flag(&m, key, false), "{key}");
    }
    for key in ["f1", "f2", "f3", "f4", "f5", "f6"] {
        assert!(!flag(&m, key, true), "{key}");
    }
    for key in ["odd", "null", "missing"] {
        assert!(flag(&m, key, true), "{key}");
        assert!(!flag(&m, key, false), "{key}");
    }
}

#[test]
fn integers_from_numbers_fractions_and_texts() {
    let m = obj(json!({"i": 3, "neg": -2, "f": 2.9, "s": " 4 ", "bad": "x", "b": true}));
    assert_eq!(integer(&m, "i"), Some(3));
    assert_eq!(integer(&m, "neg"), Some(-2));
    assert_eq!(integer(&m, "f"), Some(2));
    assert_eq!(integer(&m, "s"), Some(4));
    assert_eq!(integer(&m, "bad"), None);
    assert_eq!(integer(&m, "b"), None);
    assert_eq!(integer(&m, "missing"), None);
    let big = obj(json!({"u": u64::MAX}));
    assert_eq!(integer(&big, "u"), Some(i64::MAX));
}

#[test]
fn text_lists_from_commas_arrays_and_wrappers() {
    let want = vec!["a".to_string(), "b c".to_string()];
    assert_eq!(text_list(Some(&json!(" a , b c ,, ")), "x"), want);
    assert_eq!(text_list(Some(&json!(["a", " b c ", "", null])), "x"), want);
    assert_eq!(text_list(Some(&json!({"x": ["a", "b c"]})), "x"), want);
    assert_eq!(text_list(Some(&json!({"x": "a, b c"})), "x"), want);
    assert_eq!(text_list(Some(&json!(5)), "x"), vec!["5".to_string()]);
    assert!(text_list(Some(&json!(null)), "x").is_empty());
    assert!(text_list(Some(&json!({"y": "a"})), "x").is_empty());
    assert!(text_list(None, "x").is_empty());
}

#[test]
fn unexpected_answers_say_what_came() {
    use super::{kind_of, parse_services};
    assert_eq!(
        parse_services("42"),
        Err(Open311Error::Unexpected(
            "se esperaba la lista de servicios y llegó un número".into()
        ))
    );
    assert_eq!(
        Open311Error::Unexpected("x".into()).to_string(),
        "respuesta inesperada: x"
    );
    assert_eq!(Open311Error::NotJson.to_string(), "la respuesta no es JSON");
    for (value, kind) in [
        (json!(null), "null"),
        (json!(true), "un sí/no"),
        (json!(1), "un número"),
        (json!("x"), "un texto"),
        (json!([]), "una lista"),
        (json!({}), "un objeto"),
    ] {
        assert_eq!(kind_of(&value), kind);
    }
}
