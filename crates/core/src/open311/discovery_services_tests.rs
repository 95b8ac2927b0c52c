//! discovery.json, services.json and services/{code}.json.

use super::samples::*;
use super::*;

fn endpoint(formats: &[&str]) -> Endpoint {
    Endpoint {
        url: "https://x".into(),
        formats: formats.iter().map(|f| f.to_string()).collect(),
        ..Default::default()
    }
}

#[test]
fn the_specs_discovery_file_is_read() {
    let d = parse_discovery(DISCOVERY).unwrap();
    assert_eq!(d.endpoints.len(), 2);
    assert_eq!(
        d.endpoints[1],
        Endpoint {
            url: "http://open311.mycity.gov/test/v2".into(),
            specification: "http://wiki.open311.org/GeoReport_v2".into(),
            kind: "test".into(),
            formats: vec!["text/xml".into(), "application/json".into()],
        }
    );
    assert!(d.offers_json());
    assert!(!d.endpoints[0].offers_json());
}

#[test]
fn discovery_in_other_shapes() {
    let wrapped = r#"{"discovery":{"endpoints":{"endpoint":{"url":"u","formats":{"format":"application/json"}}}}}"#;
    let d = parse_discovery(wrapped).unwrap();
    assert_eq!(d.endpoints.len(), 1);
    assert_eq!(d.endpoints[0].formats, vec!["application/json".to_string()]);
    assert_eq!(d.endpoints[0].specification, "");
    assert_eq!(d.endpoints[0].kind, "");
    // A bare list of endpoints; one without a URL is skipped.
    let d =
        parse_discovery(r#"[{"url":"a","formats":"text/xml, application/json"},{"type":"test"}]"#)
            .unwrap();
    assert_eq!(d.endpoints.len(), 1);
    assert_eq!(d.endpoints[0].formats.len(), 2);
    // No endpoints at all.
    assert_eq!(parse_discovery("{}").unwrap(), Discovery::default());
    assert_eq!(
        parse_discovery(r#"{"discovery":{}}"#).unwrap(),
        Discovery::default()
    );
    assert!(matches!(
        parse_discovery("\"x\""),
        Err(Open311Error::Unexpected(_))
    ));
    assert!(matches!(
        parse_discovery("null"),
        Err(Open311Error::Unexpected(_))
    ));
    assert_eq!(parse_discovery("<discovery/>"), Err(Open311Error::NotJson));
}

#[test]
fn json_is_refused_only_when_every_listed_format_is_something_else() {
    let d = |endpoints: Vec<Endpoint>| Discovery { endpoints };
    assert!(d(vec![]).offers_json());
    assert!(d(vec![endpoint(&[])]).offers_json());
    assert!(d(vec![endpoint(&["Application/JSON; charset=utf-8"])]).offers_json());
    assert!(d(vec![endpoint(&["json"])]).offers_json());
    assert!(!d(vec![endpoint(&["text/xml"])]).offers_json());
    assert!(!d(vec![endpoint(&["text/xml"]), endpoint(&["text/html"])]).offers_json());
    assert!(d(vec![
        endpoint(&["text/xml"]),
        endpoint(&["application/json"])
    ])
    .offers_json());
    assert!(d(vec![endpoint(&["text/xml"]), endpoint(&[])]).offers_json());
}

#[test]
fn the_specs_services_are_read_with_their_zero_padded_codes() {
    let s = parse_services(SERVICES).unwrap();
    assert_eq!(s.len(), 2);
    assert_eq!(
        s[0],
        Service {
            code: "001".into(),
            name: "Cans left out 24x7".into(),
            description: "Garbage or recycling cans that have been left out for more than 24 hours after collection.".into(),
            group: Some("sanitation".into()),
            keywords: vec!["lorem".into(), "ipsum".into(), "dolor".into()],
            metadata: true,
        }
    );
    assert_eq!(s[1].code, "002");
    assert!(!s[1].metadata);
}

#[test]
fn services_in_other_shapes() {
    // Numeric code, keywords as an array, metadata as text, no description or group.
    let s = parse_services(
        r#"{"services":{"service":{"service_code":4,"service_name":"Bache","keywords":["hueco"," calle "],"metadata":"true","group":""}}}"#,
    )
    .unwrap();
    assert_eq!(
        s,
        vec![Service {
            code: "4".into(),
            name: "Bache".into(),
            description: String::new(),
            group: None,
            keywords: vec!["hueco".into(), "calle".into()],
            metadata: true,
        }]
    );
    // Entries without a code or a name are skipped, and so are non-objects.
    let s = parse_services(
        r#"[{"service_name":"Sin código"},{"service_code":"X"},{"service_code":null,"service_name":"n"},3,{"service_code":"ok","service_name":"Bien"}]"#,
    )
    .unwrap();
    assert_eq!(s.len(), 1);
    assert_eq!(s[0].code, "ok");
    assert!(!s[0].metadata);
    assert!(s[0].keywords.is_empty());
    assert!(parse_services("[]").unwrap().is_empty());
    assert!(parse_services("null").unwrap().is_empty());
    assert!(parse_services("{}").unwrap().is_empty());
    assert!(matches!(
        parse_services("42"),
        Err(Open311Error::Unexpected(_))
    ));
    assert!(matches!(
        parse_services("true"),
        Err(Open311Error::Unexpected(_))
    ));
    assert_eq!(parse_services("<services/>"), Err(Open311Error::NotJson));
}

#[test]
fn the_specs_definition_is_read_and_sorted_by_order() {
    let attrs = parse_service_definition(DEFINITION).unwrap();
    assert_eq!(
        attrs.iter().map(|a| a.code.as_str()).collect::<Vec<_>>(),
        ["WHISHETN", "COLORS"]
    );
    let first = &attrs[0];
    assert!(first.variable && first.required);
    assert_eq!(first.datatype, Datatype::SingleValueList);
    assert_eq!(first.order, 1);
    assert_eq!(first.description, "What is the ticket/tag/DL number?");
    assert_eq!(first.datatype_description, None);
    assert_eq!(
        first.values,
        vec![
            AttributeValue {
                key: "123".into(),
                name: "Ford".into()
            },
            AttributeValue {
                key: "124".into(),
                name: "Chrysler".into()
            },
        ]
    );
    assert_eq!(attrs[1].datatype, Datatype::MultiValueList);
    assert!(!attrs[1].required);
}

#[test]
fn definitions_in_other_shapes() {
    // Wrapped the XML way, one attribute as a bare object, fields as text, a value
    // without a name and a bare scalar value.
    let body = r#"{"service_definition":{"service_code":"X","attributes":{"attribute":{
        "code":7,"variable":"false","datatype":"NUMBER","required":"1","order":"3",
        "datatype_description":" Metros ","description":"Largo",
        "values":[{"key":"a"},"b",{"name":"sin clave"},null]}}}}"#;
    let attrs = parse_service_definition(body).unwrap();
    assert_eq!(attrs.len(), 1);
    let a = &attrs[0];
    assert_eq!(a.code, "7");
    assert!(!a.variable);
    assert!(a.required);
    assert_eq!(a.datatype, Datatype::Number);
    assert_eq!(a.order, 3);
    assert_eq!(a.datatype_description.as_deref(), Some("Metros"));
    assert_eq!(
        a.values,
        vec![
            AttributeValue {
                key: "a".into(),
                name: "a".into()
            },
            AttributeValue {
                key: "b".into(),
                name: "b".into()
            },
        ]
    );
    // Defaults: variable yes, required no, no order → last, unknown datatype → string.
    let attrs = parse_service_definition(
        r#"[{"code":"late"},{"code":"b","order":2,"datatype":"date"},{"description":"no code"},{"code":"a","order":2},{"code":"first","order":-1}]"#,
    )
    .unwrap();
    assert_eq!(
        attrs.iter().map(|a| a.code.as_str()).collect::<Vec<_>>(),
        ["first", "b", "a", "late"]
    );
    let late = &attrs[3];
    assert!(late.variable && !late.required);
    assert_eq!(late.order, i64::MAX);
    assert_eq!(late.datatype, Datatype::String);
    assert_eq!(attrs[1].datatype, Datatype::String);
    assert_eq!(late.description, "");
    assert!(late.values.is_empty());
    // A definition without attributes, an unknown service answered with `[]`.
    assert!(parse_service_definition(r#"{"service_code":"X"}"#)
        .unwrap()
        .is_empty());
    assert!(
        parse_service_definition(r#"{"service_code":"X","attributes":[]}"#)
            .unwrap()
            .is_empty()
    );
    assert!(parse_service_definition("[]").unwrap().is_empty());
    assert!(parse_service_definition("null").unwrap().is_empty());
    assert!(matches!(
        parse_service_definition("\"x\""),
        Err(Open311Error::Unexpected(_))
    ));
    assert_eq!(parse_service_definition("nope"), Err(Open311Error::NotJson));
}

#[test]
fn datatypes_read_every_name_and_keep_the_specs_names_in_json() {
    for (name, datatype) in [
        ("string", Datatype::String),
        ("number", Datatype::Number),
        ("datetime", Datatype::Datetime),
        ("text", Datatype::Text),
        ("singlevaluelist", Datatype::SingleValueList),
        ("multivaluelist", Datatype::MultiValueList),
    ] {
        assert_eq!(Datatype::parse(name), datatype);
        assert_eq!(
            Datatype::parse(&format!(" {} ", name.to_uppercase())),
            datatype
        );
        let wire = serde_json::to_string(&datatype).unwrap();
        assert_eq!(wire, format!("\"{name}\""));
        assert_eq!(serde_json::from_str::<Datatype>(&wire).unwrap(), datatype);
    }
    assert_eq!(
        serde_json::from_str::<Datatype>("\"checkbox\"").unwrap(),
        Datatype::String
    );
    assert_eq!(Datatype::from("".to_string()), Datatype::String);
    // The app keeps attributes and services: they round-trip.
    let attrs = parse_service_definition(DEFINITION).unwrap();
    let json = serde_json::to_string(&attrs).unwrap();
    assert_eq!(
        serde_json::from_str::<Vec<Attribute>>(&json).unwrap(),
        attrs
    );
    let services = parse_services(SERVICES).unwrap();
    let json = serde_json::to_string(&services).unwrap();
    assert_eq!(
        serde_json::from_str::<Vec<Service>>(&json).unwrap(),
        services
    );
}
