//! The POST body and the name split.

use super::*;

fn attr(code: &str, datatype: Datatype, variable: bool) -> Attribute {
    Attribute {
        code: code.into(),
        variable,
        datatype,
        required: false,
        description: String::new(),
        datatype_description: None,
        order: 1,
        values: Vec::new(),
    }
}

fn form<'a>(location: &'a Location, attributes: &'a [(Attribute, Vec<String>)]) -> RequestForm<'a> {
    RequestForm {
        service_code: "001",
        description: "Hay un bache",
        location,
        email: None,
        first_name: None,
        last_name: None,
        phone: None,
        media_url: None,
        attributes,
        api_key: None,
        jurisdiction_id: None,
    }
}

fn strings(values: &[&str]) -> Vec<String> {
    values.iter().map(|v| v.to_string()).collect()
}

#[test]
fn the_smallest_request() {
    assert_eq!(
        encode_request(&form(&Location::None, &[])),
        "service_code=001&description=Hay+un+bache"
    );
}

#[test]
fn every_field_in_the_specs_order_trimmed_and_escaped() {
    let location = Location::Point {
        lat: -16.5,
        long: -68.15,
    };
    let f = RequestForm {
        email: Some(" ana+311@correo.bo "),
        first_name: Some("Ana María"),
        last_name: Some("Pérez"),
        phone: Some("+591 71234567"),
        media_url: Some("https://x.bo/a.jpg?s=1&t=2"),
        api_key: Some("k=1"),
        jurisdiction_id: Some("lapaz.bo"),
        ..form(&location, &[])
    };
    assert_eq!(
        encode_request(&f),
        "api_key=k%3D1&jurisdiction_id=lapaz.bo&service_code=001&lat=-16.5&long=-68.15\
         &email=ana%2B311%40correo.bo&first_name=Ana+Mar%C3%ADa&last_name=P%C3%A9rez\
         &phone=%2B591+71234567&description=Hay+un+bache\
         &media_url=https%3A%2F%2Fx.bo%2Fa.jpg%3Fs%3D1%26t%3D2"
    );
}

#[test]
fn blank_optional_fields_and_unusable_points_are_left_out() {
    let blank = Location::Address("  ".into());
    let f = RequestForm {
        email: Some("  "),
        first_name: Some(""),
        phone: None,
        api_key: Some(" "),
        ..form(&blank, &[])
    };
    assert_eq!(
        encode_request(&f),
        "service_code=001&description=Hay+un+bache"
    );
    for (lat, long) in [
        (f64::NAN, 1.0),
        (1.0, f64::INFINITY),
        (f64::NEG_INFINITY, f64::NAN),
    ] {
        let point = Location::Point { lat, long };
        assert_eq!(
            encode_request(&form(&point, &[])),
            "service_code=001&description=Hay+un+bache"
        );
    }
    let address = Location::Address(" Av. 6 de Agosto & Calle 20 ".into());
    assert_eq!(
        encode_request(&form(&address, &[])),
        "service_code=001&address_string=Av.+6+de+Agosto+%26+Calle+20&description=Hay+un+bache"
    );
    let zero = Location::Point {
        lat: 0.0,
        long: 0.0,
    };
    assert!(encode_request(&form(&zero, &[])).contains("&lat=0&long=0&"));
}

#[test]
fn attributes_single_multi_hidden_and_empty() {
    let attributes = vec![
        (
            attr("TIPO", Datatype::SingleValueList, true),
            strings(&["", " a&b=c "]),
        ),
        (
            attr("COLOR", Datatype::MultiValueList, true),
            strings(&["rojo vivo", "", "ñandú & co=1", "á"]),
        ),
        (
            attr("INFO", Datatype::String, false),
            strings(&["no se envía"]),
        ),
        (attr("VACIO", Datatype::Text, true), strings(&[" ", ""])),
        (attr("NADA", Datatype::MultiValueList, true), Vec::new()),
        (attr("LARGO", Datatype::Number, true), strings(&["3,5"])),
        (attr("ANCHO", Datatype::Number, true), strings(&["x,y"])),
        (
            attr("DIA", Datatype::Datetime, true),
            strings(&["2026-03-27T10:30"]),
        ),
        (attr("C&D", Datatype::String, true), strings(&["1", "2"])),
    ];
    let body = encode_request(&form(&Location::None, &attributes));
    assert_eq!(
        body,
        "service_code=001&description=Hay+un+bache\
         &attribute%5BTIPO%5D=a%26b%3Dc\
         &attribute%5BCOLOR%5D%5B%5D=rojo+vivo\
         &attribute%5BCOLOR%5D%5B%5D=%C3%B1and%C3%BA+%26+co%3D1\
         &attribute%5BCOLOR%5D%5B%5D=%C3%A1\
         &attribute%5BLARGO%5D=3.5\
         &attribute%5BANCHO%5D=x%2Cy\
         &attribute%5BDIA%5D=2026-03-27T10%3A30\
         &attribute%5BC%26D%5D=1"
    );
    // What a server decodes is what was answered.
    let pairs: Vec<(String, String)> = form_urlencoded::parse(body.as_bytes())
        .into_owned()
        .collect();
    let colors: Vec<&str> = pairs
        .iter()
        .filter(|(k, _)| k == "attribute[COLOR][]")
        .map(|(_, v)| v.as_str())
        .collect();
    assert_eq!(colors, ["rojo vivo", "ñandú & co=1", "á"]);
}

#[test]
fn names_split_into_given_names_and_surnames() {
    let split = |s: &str| {
        let (first, last) = split_name(s);
        (first, last)
    };
    let pair = |a: &str, b: &str| (a.to_string(), b.to_string());
    assert_eq!(split(""), pair("", ""));
    assert_eq!(split("   "), pair("", ""));
    assert_eq!(split(" Ana "), pair("Ana", ""));
    assert_eq!(split("Ana Pérez"), pair("Ana", "Pérez"));
    assert_eq!(split("Ana Pérez Gómez"), pair("Ana", "Pérez Gómez"));
    assert_eq!(
        split("Ana  María\tPérez Gómez"),
        pair("Ana María", "Pérez Gómez")
    );
    assert_eq!(
        split("Ana María José Pérez Gómez"),
        pair("Ana María José", "Pérez Gómez")
    );
    // Particles go with the name after them.
    assert_eq!(split("Juan de la Cruz"), pair("Juan", "de la Cruz"));
    assert_eq!(
        split("María de los Ángeles Pérez Gómez"),
        pair("María de los Ángeles", "Pérez Gómez")
    );
    assert_eq!(split("Luis Del Río Y Soto"), pair("Luis", "Del Río Y Soto"));
    // A trailing or lone particle stays where it is.
    assert_eq!(split("Pedro Pérez de"), pair("Pedro", "Pérez de"));
    assert_eq!(split("de"), pair("de", ""));
    assert_eq!(split("de la"), pair("de la", ""));
}
