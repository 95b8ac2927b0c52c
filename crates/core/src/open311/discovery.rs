//! `discovery.json` (<http://wiki.open311.org/Service_Discovery>): where a
//! jurisdiction's endpoints are and which formats each answers in.

use serde_json::Value;

use super::json::{items, parse_body, text, text_list, wrapped};
use super::{kind_of, Open311Error};

/// What a discovery file says (the parts a client acts on).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Discovery {
    pub endpoints: Vec<Endpoint>,
}

/// One endpoint: `specification` names the API and version (e.g.
/// `http://wiki.open311.org/GeoReport_v2`), `kind` is the spec's `type`
/// (`production` or `test`), `formats` the MIME types it answers in.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Endpoint {
    pub url: String,
    pub specification: String,
    pub kind: String,
    pub formats: Vec<String>,
}

impl Endpoint {
    /// Whether this endpoint answers in JSON: yes when it lists no formats (we cannot
    /// tell, so we try), otherwise when one of them is JSON.
    pub fn offers_json(&self) -> bool {
        self.formats.is_empty() || self.formats.iter().any(|f| is_json(f))
    }
}

impl Discovery {
    /// Whether the app can talk to this jurisdiction in JSON: false only when formats
    /// are listed and none is JSON (XML is the only format the spec requires). An
    /// endpoint that lists no formats might still answer JSON, so it counts as yes.
    pub fn offers_json(&self) -> bool {
        self.endpoints.is_empty() || self.endpoints.iter().any(Endpoint::offers_json)
    }
}

/// `application/json`, `json`, `application/json; charset=utf-8`, any case.
fn is_json(format: &str) -> bool {
    format.to_ascii_lowercase().contains("json")
}

/// Reads `discovery.json`. Endpoints without a URL are skipped; other missing fields
/// are empty. A list of endpoints without the surrounding object is read too.
pub fn parse_discovery(body: &str) -> Result<Discovery, Open311Error> {
    let value = parse_body(body)?;
    // The XML root may be kept as a wrapper: `{"discovery": {...}}`.
    let root = value
        .as_object()
        .and_then(|map| wrapped(map, &["discovery"]))
        .unwrap_or(&value);
    let list = match root {
        Value::Object(map) => map.get("endpoints").unwrap_or(&Value::Null),
        Value::Array(_) => root,
        other => {
            return Err(Open311Error::Unexpected(format!(
                "se esperaba el archivo de descubrimiento y llegó {}",
                kind_of(other)
            )))
        }
    };
    Ok(Discovery {
        endpoints: endpoints(list),
    })
}

fn endpoints(list: &Value) -> Vec<Endpoint> {
    items(list, "endpoints", "endpoint")
        .into_iter()
        .filter_map(Value::as_object)
        .filter_map(|map| {
            Some(Endpoint {
                url: text(map, "url")?,
                specification: text(map, "specification").unwrap_or_default(),
                kind: text(map, "type").unwrap_or_default(),
                formats: text_list(map.get("formats"), "format"),
            })
        })
        .collect()
}
