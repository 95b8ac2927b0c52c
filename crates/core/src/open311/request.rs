//! The body of `POST requests.json`: `application/x-www-form-urlencoded`, as the spec
//! asks, built with `form_urlencoded` (the `url` crate's own encoder: UTF-8, spaces as
//! `+`, every reserved character escaped, brackets in `attribute[CODE]` included —
//! servers decode names before reading the brackets, as they do for any HTML form).

use super::checks::number;
use super::services::{Attribute, Datatype};

/// Where the problem is: a point, an address as the person wrote it, or nowhere
/// (some services do not need a place).
#[derive(Debug, Clone, PartialEq)]
pub enum Location {
    None,
    Point { lat: f64, long: f64 },
    Address(String),
}

/// Everything a request sends. Optional texts are trimmed and left out when blank.
#[derive(Debug, Clone, Copy)]
pub struct RequestForm<'a> {
    pub service_code: &'a str,
    pub description: &'a str,
    pub location: &'a Location,
    pub email: Option<&'a str>,
    pub first_name: Option<&'a str>,
    pub last_name: Option<&'a str>,
    pub phone: Option<&'a str>,
    pub media_url: Option<&'a str>,
    /// Each attribute with the person's answer (see [`super::check_attribute`]).
    pub attributes: &'a [(Attribute, Vec<String>)],
    pub api_key: Option<&'a str>,
    pub jurisdiction_id: Option<&'a str>,
}

/// The `application/x-www-form-urlencoded` body: `attribute[CODE]=v` for single
/// values, `attribute[CODE][]=v` once per value for a `multivaluelist`; empty optional
/// fields omitted; `variable: false` attributes never sent (they are information for
/// the person, not questions). A point whose coordinates are not finite numbers is
/// left out rather than sent as `NaN`.
pub fn encode_request(form: &RequestForm) -> String {
    let mut body = form_urlencoded::Serializer::new(String::new());
    let mut optional = |name: &str, value: Option<&str>| {
        if let Some(value) = value.map(str::trim).filter(|v| !v.is_empty()) {
            body.append_pair(name, value);
        }
    };
    optional("api_key", form.api_key);
    optional("jurisdiction_id", form.jurisdiction_id);
    optional("service_code", Some(form.service_code));
    match form.location {
        Location::Point { lat, long } if lat.is_finite() && long.is_finite() => {
            optional("lat", Some(&lat.to_string()));
            optional("long", Some(&long.to_string()));
        }
        Location::Address(address) => optional("address_string", Some(address)),
        _ => {}
    }
    optional("email", form.email);
    optional("first_name", form.first_name);
    optional("last_name", form.last_name);
    optional("phone", form.phone);
    optional("description", Some(form.description));
    optional("media_url", form.media_url);
    for (attr, answer) in form.attributes.iter().filter(|(a, _)| a.variable) {
        let values = answer.iter().map(|v| v.trim()).filter(|v| !v.is_empty());
        match attr.datatype {
            Datatype::MultiValueList => {
                let name = format!("attribute[{}][]", attr.code);
                for value in values {
                    body.append_pair(&name, value);
                }
            }
            _ => {
                if let Some(value) = values.into_iter().next() {
                    // A number typed with a decimal comma goes with a dot.
                    let value = match attr.datatype {
                        Datatype::Number => number(value).unwrap_or_else(|| value.into()),
                        _ => value.to_string(),
                    };
                    body.append_pair(&format!("attribute[{}]", attr.code), &value);
                }
            }
        }
    }
    body.finish()
}

/// Words that belong to the surname after them ("de la Cruz", "del Río", "y Gasset").
const PARTICLES: [&str; 11] = [
    "de", "del", "la", "las", "los", "y", "e", "da", "das", "do", "dos",
];

/// Splits one full name into (`first_name`, `last_name`), the Latin American way: the
/// last two names are the surnames (paternal and maternal) once there are four or
/// more, the last one or two after a single given name. Particles stay with the name
/// after them: "Juan de la Cruz" → ("Juan", "de la Cruz"). One word is all first name.
pub fn split_name(full: &str) -> (String, String) {
    let mut units: Vec<String> = Vec::new();
    let mut pending = String::new();
    for word in full.split_whitespace() {
        pending.push_str(word);
        if PARTICLES.contains(&word.to_lowercase().as_str()) {
            pending.push(' ');
        } else {
            units.push(std::mem::take(&mut pending));
        }
    }
    // Trailing particles ("Pedro de") stay with what came before.
    let pending = pending.trim_end();
    if !pending.is_empty() {
        match units.last_mut() {
            Some(last) => {
                last.push(' ');
                last.push_str(pending);
            }
            None => units.push(pending.to_string()),
        }
    }
    let given = if units.len() >= 4 {
        units.len() - 2
    } else {
        units.len().min(1)
    };
    (units[..given].join(" "), units[given..].join(" "))
}
