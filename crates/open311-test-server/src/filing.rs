//! `POST requests.json`: a form-encoded filing, checked the way a real server checks
//! it (every problem reported at once), stored, and answered with an id or, for
//! token-only services, a token.

use std::collections::BTreeMap;

use axum::body::Bytes;
use axum::extract::{RawQuery, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::Response;
use serde_json::{json, Map, Value};

use crate::seed::{Attribute, Service};
use crate::store::{timestamp_in_days, timestamp_now};
use crate::{answer, errors, query_value, AppState};

/// Longest description taken, in characters.
pub const MAX_DESCRIPTION_CHARS: usize = 4000;

/// The form as sent: each key with all its values, in order.
struct Form {
    pairs: Vec<(String, String)>,
}

impl Form {
    fn parse(body: &[u8]) -> Self {
        Form {
            pairs: form_urlencoded::parse(body).into_owned().collect(),
        }
    }

    /// The first non-empty value of `name` (trimmed).
    fn get(&self, name: &str) -> Option<&str> {
        self.pairs
            .iter()
            .filter(|(k, _)| k == name)
            .map(|(_, v)| v.trim())
            .find(|v| !v.is_empty())
    }

    /// `attribute[CODE]` and `attribute[CODE][]` values by code (empty ones dropped).
    fn attributes(&self) -> BTreeMap<String, Vec<String>> {
        let mut out: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for (key, value) in &self.pairs {
            let Some(rest) = key.strip_prefix("attribute[") else {
                continue;
            };
            let code = rest
                .strip_suffix("][]")
                .or_else(|| rest.strip_suffix(']'))
                .filter(|c| !c.is_empty() && !c.contains(['[', ']']));
            if let (Some(code), false) = (code, value.trim().is_empty()) {
                out.entry(code.to_owned())
                    .or_default()
                    .push(value.trim().to_owned());
            }
        }
        out
    }
}

/// A coordinate in `range`, or a description of what is wrong with it.
fn coordinate(form: &Form, name: &str, limit: f64) -> Result<Option<f64>, String> {
    match form.get(name) {
        None => Ok(None),
        Some(text) => match text.parse::<f64>() {
            Ok(v) if v.is_finite() && v.abs() <= limit => Ok(Some(v)),
            _ => Err(format!(
                "{name} debe ser un número entre -{limit} y {limit}"
            )),
        },
    }
}

/// The problems of one attribute's values (none when fine).
fn check_attribute(attribute: &Attribute, given: Option<&Vec<String>>, problems: &mut Vec<String>) {
    let code = attribute.code;
    let Some(values) = given else {
        if attribute.required {
            problems.push(format!("Falta attribute[{code}], que es obligatorio"));
        }
        return;
    };
    if attribute.datatype != "multivaluelist" && values.len() > 1 {
        problems.push(format!("attribute[{code}] admite un solo valor"));
    }
    for value in values {
        let fine = match attribute.datatype {
            "number" => value.parse::<f64>().is_ok_and(f64::is_finite),
            "datetime" => {
                time::OffsetDateTime::parse(value, &time::format_description::well_known::Rfc3339)
                    .is_ok()
            }
            "singlevaluelist" | "multivaluelist" => attribute.values.iter().any(|v| v.key == value),
            _ => true,
        };
        if !fine {
            let expected = match attribute.datatype {
                "number" => "un número".to_owned(),
                "datetime" => "una fecha ISO 8601 con zona horaria".to_owned(),
                _ => {
                    let keys: Vec<&str> = attribute.values.iter().map(|v| v.key).collect();
                    format!("uno de: {}", keys.join(", "))
                }
            };
            problems.push(format!(
                "attribute[{code}] = {value:?} no es válido: debe ser {expected}"
            ));
        }
    }
}

/// Every problem of the filing, in the order a person would fix them.
fn problems(form: &Form, service: Option<&Service>) -> Vec<String> {
    let mut problems = Vec::new();
    match (form.get("service_code"), service) {
        (None, _) => problems.push("Falta service_code".to_owned()),
        (Some(code), None) => problems.push(format!("No existe el servicio {code:?}")),
        _ => {}
    }
    let lat = coordinate(form, "lat", 90.0);
    let long = coordinate(form, "long", 180.0);
    for bad in [&lat, &long].into_iter().filter_map(|c| c.as_ref().err()) {
        problems.push(bad.clone());
    }
    let has_point = matches!((&lat, &long), (Ok(Some(_)), Ok(Some(_))));
    let half_point = matches!(
        (&lat, &long),
        (Ok(Some(_)), Ok(None)) | (Ok(None), Ok(Some(_)))
    );
    if half_point {
        problems.push("lat y long van juntos: falta uno de los dos".to_owned());
    } else if !has_point && form.get("address_string").is_none() && lat.is_ok() && long.is_ok() {
        problems.push("Falta la ubicación: envíe lat y long, o address_string".to_owned());
    }
    if let Some(description) = form.get("description") {
        let chars = description.chars().count();
        if chars > MAX_DESCRIPTION_CHARS {
            problems.push(format!(
                "description tiene {chars} caracteres; el máximo es {MAX_DESCRIPTION_CHARS}"
            ));
        }
    }
    if let Some(media) = form.get("media_url") {
        if !(media.starts_with("https://") || media.starts_with("http://")) {
            problems.push("media_url debe ser una dirección http(s)".to_owned());
        }
    }
    if let Some(email) = form.get("email") {
        let fine = email
            .split_once('@')
            .is_some_and(|(user, host)| !user.is_empty() && host.contains('.'));
        if !fine {
            problems.push(format!("email {email:?} no es una dirección de correo"));
        }
    }
    if let Some(service) = service {
        let given = form.attributes();
        for attribute in service.attributes.iter().filter(|a| a.variable) {
            check_attribute(attribute, given.get(attribute.code), &mut problems);
        }
    }
    problems
}

/// The public fields of a new request.
fn public_fields(form: &Form, service: &Service) -> Map<String, Value> {
    let now = timestamp_now();
    let number = |name| form.get(name).and_then(|v| v.parse::<f64>().ok());
    let fields = json!({
        "service_request_id": null,
        "status": "open",
        "status_notes": null,
        "service_name": service.name,
        "service_code": service.code,
        "description": form.get("description"),
        "agency_responsible": service.agency,
        "service_notice": service.notice,
        "requested_datetime": now,
        "updated_datetime": now,
        "expected_datetime": service.expected_days.map(timestamp_in_days),
        "address": form.get("address_string"),
        "lat": number("lat"),
        "long": number("long"),
        "media_url": form.get("media_url"),
    });
    match fields {
        Value::Object(map) => map,
        _ => Map::new(),
    }
}

/// `POST requests.json`.
pub async fn create(
    State(state): State<AppState>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let is_form = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| {
            v.split(';').next().is_some_and(|t| {
                t.trim()
                    .eq_ignore_ascii_case("application/x-www-form-urlencoded")
            })
        });
    if !is_form {
        return errors(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            ["El cuerpo debe ser application/x-www-form-urlencoded"],
        );
    }
    let form = Form::parse(&body);
    // The key and the jurisdiction may come in the form or in the query string.
    let param = |name: &str| {
        form.get(name)
            .map(str::to_owned)
            .or_else(|| query_value(query.as_deref(), name))
    };
    if let Some(key) = &state.config.api_key {
        if param("api_key").as_deref() != Some(key.as_str()) {
            return errors(StatusCode::FORBIDDEN, ["api_key no válida o ausente"]);
        }
    }
    if let Some(e) = state.jurisdiction_refusal(param("jurisdiction_id").as_deref()) {
        return e;
    }
    let service = form.get("service_code").and_then(|c| state.service(c));
    let problems = problems(&form, service);
    let Some(service) = service.filter(|_| problems.is_empty()) else {
        return errors(StatusCode::BAD_REQUEST, problems);
    };
    let private = json!({
        "attributes": form.attributes(),
        "email": form.get("email"),
        "first_name": form.get("first_name"),
        "last_name": form.get("last_name"),
        "phone": form.get("phone"),
        "jurisdiction_id": param("jurisdiction_id"),
    });
    let (id, token) =
        state
            .store()
            .file(public_fields(&form, service), private, service.token_only);
    let receipt = match token {
        Some(token) => json!([{ "token": token }]),
        None => json!([{
            "service_request_id": id,
            "service_notice": service.notice,
            "account_id": null,
        }]),
    };
    answer(StatusCode::OK, &receipt)
}
