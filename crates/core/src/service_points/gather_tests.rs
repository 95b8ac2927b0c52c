//! Gathering the catalog's offices into points.

use serde_json::json;

use super::*;
use crate::catalog::{Procedure, Weekday};

fn procedure(
    slug: &str,
    name: &str,
    agency: &str,
    phone: Option<&str>,
    offices: serde_json::Value,
) -> Procedure {
    serde_json::from_value(json!({
        "slug": slug,
        "name": name,
        "summary": "Resumen.",
        "agency": {"acronym": agency, "slug": agency.to_lowercase(), "name": format!("Agencia {agency}"), "phone": phone},
        "modalities": [{"kind": "in_person", "hours": [{"day": "saturday", "ranges": [{"from": "09:00", "to": "12:00"}]}]}],
        "offices": offices,
    }))
    .unwrap()
}

fn office(name: &str, address: &str, city: Option<&str>) -> serde_json::Value {
    json!({
        "name": name, "address": address, "city": city, "latitude": -16.5, "longitude": -68.15,
        "hours": [{"day": "monday", "ranges": [{"from": "08:00", "to": "16:00"}]}],
    })
}

#[test]
fn an_office_listed_by_several_procedures_is_one_point_serving_them_all() {
    let points = gather(&[
        procedure(
            "pasaporte",
            "Pasaporte",
            "MIG",
            Some("800 10 1010"),
            json!([office("Oficina Central", "Av. Arce 2100", Some("La Paz"))]),
        ),
        procedure(
            "visa",
            "Visa de turismo",
            "MIG",
            None,
            json!([office(
                "  oficina central ",
                "Av.  Arce 2100",
                Some("La Paz")
            )]),
        ),
        procedure(
            "cedula",
            "Cédula",
            "SEG",
            None,
            json!([office("Oficina Central", "Calle Potosí 5", Some("La Paz"))]),
        ),
    ]);
    assert_eq!(
        points.len(),
        2,
        "same name and address (any case, spaces) is one point"
    );
    let central = points
        .iter()
        .find(|p| p.address == "Av. Arce 2100")
        .unwrap();
    let served: Vec<&str> = central.procedures.iter().map(|p| p.slug.as_str()).collect();
    assert_eq!(served, ["pasaporte", "visa"]);
    assert_eq!(central.city.as_deref(), Some("La Paz"));
    assert_eq!(central.phone.as_deref(), Some("800 10 1010"));
    assert_eq!(central.agencies, ["Agencia MIG"]);
    // Same name, other address: another point, with its own id.
    let ids: Vec<&str> = points.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, ["oficina-central", "oficina-central-2"]);
}

#[test]
fn points_are_sorted_by_place_then_name_and_procedures_by_name() {
    let points = gather(&[
        procedure(
            "b",
            "Zeta",
            "A",
            None,
            json!([
                office("Norte", "1", Some("Sucre")),
                office("Ábaco", "2", Some("Oruro"))
            ]),
        ),
        procedure(
            "a",
            "Alfa",
            "A",
            None,
            json!([
                office("Norte", "1", Some("Sucre")),
                office("Centro", "3", Some("Sucre"))
            ]),
        ),
    ]);
    let names: Vec<&str> = points.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["Ábaco", "Centro", "Norte"]);
    let norte: Vec<&str> = points[2]
        .procedures
        .iter()
        .map(|p| p.name.as_str())
        .collect();
    assert_eq!(norte, ["Alfa", "Zeta"]);
}

#[test]
fn an_office_without_hours_takes_the_in_person_modality_hours() {
    let mut bare = office("Ventanilla", "Plaza 1", None);
    bare["hours"] = json!([]);
    bare["latitude"] = json!(null);
    let points = gather(&[procedure("x", "X", "A", Some("  "), json!([bare]))]);
    assert_eq!(points[0].hours.len(), 1);
    assert_eq!(points[0].hours[0].day, Weekday::Saturday);
    assert_eq!(points[0].latitude, None, "a lone latitude is no position");
    assert_eq!(points[0].phone, None, "a blank phone is no phone");
    assert_eq!(points[0].city, None);
}

#[test]
fn a_later_office_fills_what_the_first_left_out() {
    let mut first = office("Ventanilla", "Plaza 1", Some(" "));
    first["latitude"] = json!(null);
    first["hours"] = json!([]);
    let mut p1 = procedure("x", "X", "A", None, json!([first]));
    p1.modalities.clear();
    let points = gather(&[
        p1,
        procedure(
            "y",
            "Y",
            "B",
            Some("2 222"),
            json!([office("Ventanilla", "Plaza 1", Some("Potosí"))]),
        ),
    ]);
    assert_eq!(points.len(), 1);
    let p = &points[0];
    assert_eq!(p.city.as_deref(), Some("Potosí"));
    assert_eq!((p.latitude, p.longitude), (Some(-16.5), Some(-68.15)));
    assert_eq!(p.hours[0].day, Weekday::Monday);
    assert_eq!(p.phone.as_deref(), Some("2 222"));
    assert_eq!(p.agencies, ["Agencia A", "Agencia B"]);
}

#[test]
fn the_demo_catalog_has_points_with_hours_and_places() {
    let procedures: Vec<Procedure> =
        serde_json::from_str(include_str!("../../../server/seed/catalog.json")).unwrap();
    let points = gather(&procedures);
    assert!(points.len() >= 5, "{}", points.len());
    assert!(points
        .iter()
        .all(|p| !p.procedures.is_empty() && p.city.is_some()));
    let mut ids: Vec<&str> = points.iter().map(|p| p.id.as_str()).collect();
    ids.dedup();
    assert_eq!(ids.len(), points.len(), "ids are unique");
}

#[test]
fn phone_and_map_links_are_safe_to_put_in_an_href() {
    let mut p = gather(&[procedure(
        "x",
        "X",
        "A",
        Some("+591 (2) 220-1010 int. 3"),
        json!([office("O", "A", None)]),
    )])
    .remove(0);
    assert_eq!(p.tel_href().as_deref(), Some("tel:+591222010103"));
    p.phone = Some("sin teléfono".into());
    assert_eq!(p.tel_href(), None);
    p.phone = None;
    assert_eq!(p.tel_href(), None);
    let links = p.map_links().unwrap();
    assert_eq!(links.geo, "geo:-16.5,-68.15");
    assert_eq!(
        links.osm,
        "https://www.openstreetmap.org/?mlat=-16.5&mlon=-68.15#map=17/-16.5/-68.15"
    );
    p.latitude = Some(-0.0000001);
    p.longitude = Some(10.0);
    assert_eq!(p.map_links().unwrap().geo, "geo:0,10");
    p.latitude = Some(91.0);
    assert_eq!(p.map_links(), None);
    p.latitude = Some(90.0);
    p.longitude = Some(-180.5);
    assert_eq!(p.map_links(), None);
    p.longitude = None;
    assert_eq!(p.map_links(), None);
}
