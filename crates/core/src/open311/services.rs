//! `services.json` (what can be reported) and `services/{code}.json` (the extra
//! questions of one service, its "attributes").
//!
//! These types are `Serialize`/`Deserialize` so the app can keep them (a cached
//! service list, a draft's answers); the wire format they are read from is Open311's,
//! through [`parse_services`] and [`parse_service_definition`].

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::json::{flag, integer, items, parse_body, scalar_text, text, text_list, wrapped};
use super::{kind_of, Open311Error};

/// One kind of report a jurisdiction takes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Service {
    /// `service_code`, sent back when filing.
    pub code: String,
    /// `service_name`.
    pub name: String,
    pub description: String,
    pub group: Option<String>,
    /// The spec's comma-separated `keywords`, split and trimmed.
    pub keywords: Vec<String>,
    /// Whether the service has extra questions (then ask for its definition).
    pub metadata: bool,
}

/// Reads `services.json`. Entries without a code or a name are skipped: they cannot
/// be shown or filed.
pub fn parse_services(body: &str) -> Result<Vec<Service>, Open311Error> {
    let value = parse_body(body)?;
    let list = list_or_error(&value, "la lista de servicios")?;
    Ok(items(list, "services", "service")
        .into_iter()
        .filter_map(Value::as_object)
        .filter_map(service)
        .collect())
}

fn service(map: &Map<String, Value>) -> Option<Service> {
    Some(Service {
        code: text(map, "service_code")?,
        name: text(map, "service_name")?,
        description: text(map, "description").unwrap_or_default(),
        group: text(map, "group"),
        keywords: text_list(map.get("keywords"), "keyword"),
        metadata: flag(map, "metadata", false),
    })
}

/// Arrays, objects and `null` can hold a list; a bare number, text or yes/no cannot.
fn list_or_error<'a>(value: &'a Value, what: &str) -> Result<&'a Value, Open311Error> {
    match value {
        Value::Array(_) | Value::Object(_) | Value::Null => Ok(value),
        other => Err(Open311Error::Unexpected(format!(
            "se esperaba {what} y llegó {}",
            kind_of(other)
        ))),
    }
}

/// What kind of answer an attribute takes. Serialized with the spec's names
/// (`singlevaluelist`…); a name we do not know reads as [`Datatype::String`], the
/// plainest input, so the question can still be answered.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase", from = "String")]
pub enum Datatype {
    String,
    Number,
    Datetime,
    Text,
    SingleValueList,
    MultiValueList,
}

impl Datatype {
    /// The spec's name, any case and spacing; unknown names are `String`.
    pub fn parse(name: &str) -> Datatype {
        match name.trim().to_ascii_lowercase().as_str() {
            "number" => Datatype::Number,
            "datetime" => Datatype::Datetime,
            "text" => Datatype::Text,
            "singlevaluelist" => Datatype::SingleValueList,
            "multivaluelist" => Datatype::MultiValueList,
            _ => Datatype::String,
        }
    }
}

impl From<String> for Datatype {
    fn from(name: String) -> Self {
        Datatype::parse(&name)
    }
}

/// One option of a list attribute: `key` is sent, `name` is shown.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AttributeValue {
    pub key: String,
    pub name: String,
}

/// One extra question of a service.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Attribute {
    pub code: String,
    /// `false`: only information to show, never asked nor sent.
    pub variable: bool,
    pub datatype: Datatype,
    pub required: bool,
    /// The question, in the jurisdiction's words.
    pub description: String,
    /// A hint on how to answer.
    pub datatype_description: Option<String>,
    /// Position among the questions (1 first); `i64::MAX` when the server gave none,
    /// so those come last in the order they came.
    pub order: i64,
    /// The options of a list attribute.
    pub values: Vec<AttributeValue>,
}

/// Reads `services/{code}.json`: the attributes, sorted by `order` (stable: equal or
/// missing orders keep the server's order). Attributes without a code are skipped:
/// their answers could not be sent. A bare list of attributes is read too.
pub fn parse_service_definition(body: &str) -> Result<Vec<Attribute>, Open311Error> {
    let value = parse_body(body)?;
    let value = list_or_error(&value, "la definición del servicio")?;
    // `{"service_definition": {...}}` is the XML root kept as a wrapper.
    let root = value
        .as_object()
        .and_then(|map| wrapped(map, &["service_definition"]))
        .unwrap_or(value);
    let list = match root {
        Value::Object(map) => map.get("attributes").unwrap_or(&Value::Null),
        other => other,
    };
    let mut attributes: Vec<Attribute> = items(list, "attributes", "attribute")
        .into_iter()
        .filter_map(Value::as_object)
        .filter_map(attribute)
        .collect();
    attributes.sort_by_key(|a| a.order);
    Ok(attributes)
}

fn attribute(map: &Map<String, Value>) -> Option<Attribute> {
    let values = items(map.get("values").unwrap_or(&Value::Null), "values", "value")
        .into_iter()
        .filter_map(option)
        .collect();
    Some(Attribute {
        code: text(map, "code")?,
        variable: flag(map, "variable", true),
        datatype: Datatype::parse(&text(map, "datatype").unwrap_or_default()),
        required: flag(map, "required", false),
        description: text(map, "description").unwrap_or_default(),
        datatype_description: text(map, "datatype_description"),
        order: integer(map, "order").unwrap_or(i64::MAX),
        values,
    })
}

/// An option: `{key, name}` (a missing name shows the key), or a bare scalar used as
/// both.
fn option(value: &Value) -> Option<AttributeValue> {
    let Some(map) = value.as_object() else {
        let key = scalar_text(value)?;
        return Some(AttributeValue {
            name: key.clone(),
            key,
        });
    };
    let key = text(map, "key")?;
    Some(AttributeValue {
        name: text(map, "name").unwrap_or_else(|| key.clone()),
        key,
    })
}
