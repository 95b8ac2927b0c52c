//! The POST's answer, the token's answer and the errors.

use super::samples::*;
use super::*;

fn item(code: &str, description: &str) -> ErrorItem {
    ErrorItem {
        code: code.into(),
        description: description.into(),
    }
}

#[test]
fn filing_answers_an_id_or_a_token() {
    assert_eq!(parse_post_answer(POSTED), Ok(Filed::Id("293944".into())));
    assert_eq!(
        parse_post_answer(r#"[{"token":"12345","service_notice":null}]"#),
        Ok(Filed::Token("12345".into()))
    );
    // A bare object, a numeric token, the XML-style wrapper.
    assert_eq!(
        parse_post_answer(r#"{"token":77}"#),
        Ok(Filed::Token("77".into()))
    );
    assert_eq!(
        parse_post_answer(r#"{"service_requests":{"request":{"service_request_id":"A-1"}}}"#),
        Ok(Filed::Id("A-1".into()))
    );
    // The id wins over a token, wherever they are; empty ones don't count.
    assert_eq!(
        parse_post_answer(r#"[{"token":"t","service_request_id":"9"}]"#),
        Ok(Filed::Id("9".into()))
    );
    assert_eq!(
        parse_post_answer(r#"[{"service_request_id":"","token":"t"}]"#),
        Ok(Filed::Token("t".into()))
    );
    assert_eq!(
        parse_post_answer(r#"[{"service_request_id":null},{"service_request_id":5}]"#),
        Ok(Filed::Id("5".into()))
    );
    for nothing in [
        "[]",
        "{}",
        "null",
        r#"[{"service_notice":"x"}]"#,
        "\"ok\"",
        "[1]",
    ] {
        assert!(
            matches!(parse_post_answer(nothing), Err(Open311Error::Unexpected(_))),
            "{nothing}"
        );
    }
    assert_eq!(parse_post_answer("OK"), Err(Open311Error::NotJson));
}

#[test]
fn a_token_gives_the_id_once_known() {
    assert_eq!(parse_token_answer(TOKEN), Ok(Some("638344".into())));
    assert_eq!(
        parse_token_answer(r#"{"service_request_id":"X9"}"#),
        Ok(Some("X9".into()))
    );
    for pending in [
        "[]",
        "null",
        "{}",
        r#"[{"token":"12345"}]"#,
        r#"[{"token":"12345","service_request_id":null}]"#,
        r#"[{"token":"12345","service_request_id":""}]"#,
    ] {
        assert_eq!(parse_token_answer(pending), Ok(None), "{pending}");
    }
    assert!(matches!(
        parse_token_answer("12"),
        Err(Open311Error::Unexpected(_))
    ));
    assert!(matches!(
        parse_token_answer("\"x\""),
        Err(Open311Error::Unexpected(_))
    ));
    assert_eq!(parse_token_answer("pending"), Err(Open311Error::NotJson));
}

#[test]
fn errors_in_the_specs_shape_and_others() {
    assert_eq!(
        parse_errors(ERRORS),
        vec![item(
            "403",
            "Invalid api_key received -- can't proceed with create_request."
        )]
    );
    let cases: [(&str, Vec<ErrorItem>); 12] = [
        (
            r#"{"code":"400","description":"Falta service_code"}"#,
            vec![item("400", "Falta service_code")],
        ),
        (
            r#"{"errors":[{"code":400,"description":"a"},{"code":404,"description":"b"}]}"#,
            vec![item("400", "a"), item("404", "b")],
        ),
        (
            r#"{"errors":{"error":{"code":403,"description":"Clave"}}}"#,
            vec![item("403", "Clave")],
        ),
        (r#"{"error":"Invalid key"}"#, vec![item("", "Invalid key")]),
        (
            r#"{"error":{"code":"E1","message":"No"}}"#,
            vec![item("E1", "No")],
        ),
        (
            r#"{"message":"Not found","status":404}"#,
            vec![item("404", "Not found")],
        ),
        (
            r#"{"errors":"Servicio caído"}"#,
            vec![item("", "Servicio caído")],
        ),
        (
            r#"{"title":"Bad","detail":"Falta lat","status":422}"#,
            vec![item("422", "Falta lat")],
        ),
        (r#"{"error_code":"X","message":"m"}"#, vec![item("X", "m")]),
        (r#""Texto en JSON""#, vec![item("", "Texto en JSON")]),
        (
            r#"[{"code":1,"description":"a"},"b",{"nada":1}]"#,
            vec![item("1", "a"), item("", "b")],
        ),
        (
            "Service unavailable\n",
            vec![item("", "Service unavailable")],
        ),
    ];
    for (body, want) in cases {
        assert_eq!(parse_errors(body), want, "{body}");
    }
}

#[test]
fn errors_are_never_empty_for_a_body_that_says_something() {
    assert!(parse_errors("").is_empty());
    assert!(parse_errors(" \n ").is_empty());
    assert_eq!(
        parse_errors("<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>"),
        vec![item("", "502 Bad Gateway 502 Bad Gateway")]
    );
    // Only markup: the markup itself rather than nothing.
    assert_eq!(parse_errors("<br/>"), vec![item("", "<br/>")]);
    // JSON without any error in it is shown as it came.
    assert_eq!(
        parse_errors(r#"{"ok":false}"#),
        vec![item("", r#"{"ok":false}"#)]
    );
    assert_eq!(parse_errors("[]"), vec![item("", "[]")]);
    // A "3 > 2" outside a tag is kept.
    assert_eq!(parse_errors("3 > 2 falla"), vec![item("", "3 > 2 falla")]);
}

#[test]
fn long_plain_text_is_cut() {
    let long = "á".repeat(300);
    assert_eq!(parse_errors(&long), vec![item("", &long)]);
    let longer = format!("{long}b");
    assert_eq!(parse_errors(&longer), vec![item("", &format!("{long}…"))]);
    let spaced = format!("{} b", "a".repeat(299));
    assert_eq!(
        parse_errors(&spaced)[0].description,
        format!("{}…", "a".repeat(299))
    );
    let markup = format!("<{}>", "x".repeat(400));
    assert_eq!(parse_errors(&markup)[0].description.chars().count(), 301);
}
