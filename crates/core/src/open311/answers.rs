//! What a server answers to a POST (`[{service_request_id}]` or `[{token}]`), to a
//! token look-up (`tokens/{token}.json`), and when it refuses (`[{code, description}]`
//! and the other shapes servers use instead).

use serde_json::{Map, Value};

use super::json::{items, parse_body, scalar_text, text};
use super::{kind_of, Open311Error};

/// What filing gave back: the request's id at once (a "realtime" service), or a token
/// to ask for the id later (a "batch" one).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Filed {
    Id(String),
    Token(String),
}

/// The first element that is an object (the answer is a list of one, or the bare
/// object, or the XML-style `{"service_requests": {"request": …}}`).
fn requests(value: &Value) -> Vec<&Map<String, Value>> {
    items(value, "service_requests", "request")
        .into_iter()
        .filter_map(Value::as_object)
        .collect()
}

/// Reads the answer to `POST requests.json`: `[{service_request_id|token, …}]` or a
/// bare object. The id wins over a token when both come (the spec says only one
/// should); an answer with neither is [`Open311Error::Unexpected`].
pub fn parse_post_answer(body: &str) -> Result<Filed, Open311Error> {
    let value = parse_body(body)?;
    let found = requests(&value).into_iter().find_map(|map| {
        text(map, "service_request_id")
            .map(Filed::Id)
            .or_else(|| text(map, "token").map(Filed::Token))
    });
    found.ok_or_else(|| {
        Open311Error::Unexpected(format!(
            "la respuesta no trae número de solicitud ni token ({})",
            kind_of(&value)
        ))
    })
}

/// Reads the answer to `tokens/{token}.json`: the request's id once the server has
/// one, `None` while it is still pending (no id yet, an empty list). A bare text or
/// number is [`Open311Error::Unexpected`].
pub fn parse_token_answer(body: &str) -> Result<Option<String>, Open311Error> {
    let value = parse_body(body)?;
    match value {
        Value::Array(_) | Value::Object(_) | Value::Null => Ok(requests(&value)
            .into_iter()
            .find_map(|map| text(map, "service_request_id"))),
        other => Err(Open311Error::Unexpected(format!(
            "se esperaba la respuesta del token y llegó {}",
            kind_of(&other)
        ))),
    }
}

/// One error meant for the person: `code` as the server gave it (often the HTTP
/// status; empty when none), `description` its words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ErrorItem {
    pub code: String,
    pub description: String,
}

/// Longest plain-text error kept, in characters: enough for a sentence or two, not a
/// whole HTML error page.
const PLAIN_TEXT_MAX: usize = 300;

/// Errors meant for the user: `[{code, description}]`, a single object,
/// `{errors:[…]}`, `{error:"…"}`, `{message:"…"}`, or plain text (→ one item, code
/// ""). Never empty for a non-empty body: what cannot be read is kept as text (tags
/// of an HTML page removed, cut at 300 characters).
pub fn parse_errors(body: &str) -> Vec<ErrorItem> {
    let found = match parse_body(body) {
        Ok(value) => errors_in(&value),
        Err(_) => Vec::new(),
    };
    if !found.is_empty() {
        return found;
    }
    // A page that is only markup keeps its markup rather than saying nothing.
    let text = Some(plain_text(body))
        .filter(|t| !t.is_empty())
        .unwrap_or_else(|| cut(body.trim()));
    description_only(&text)
}

/// The errors in a JSON answer, whatever its shape; empty when there are none.
fn errors_in(value: &Value) -> Vec<ErrorItem> {
    match value {
        Value::String(s) => description_only(s),
        Value::Array(list) => list.iter().flat_map(errors_in).collect(),
        Value::Object(map) => {
            // `{errors: […]}`, `{error: {…}}`, and the XML-style
            // `{errors: {error: […]}}` (the recursion unwraps one level at a time).
            for key in ["errors", "error"] {
                if let Some(inner @ (Value::Array(_) | Value::Object(_))) = map.get(key) {
                    let found = errors_in(inner);
                    if !found.is_empty() {
                        return found;
                    }
                }
            }
            match error_item(map) {
                Some(item) => vec![item],
                // `{errors: "…"}`
                None => map
                    .get("errors")
                    .and_then(Value::as_str)
                    .map(description_only)
                    .unwrap_or_default(),
            }
        }
        _ => Vec::new(),
    }
}

fn description_only(text: &str) -> Vec<ErrorItem> {
    let text = text.trim();
    if text.is_empty() {
        return Vec::new();
    }
    vec![ErrorItem {
        code: String::new(),
        description: text.to_string(),
    }]
}

/// One error object: its words from `description` (the spec), `message`, `error`,
/// `detail` or `title` (RFC 9457), its code from `code`, `error_code` or `status`.
fn error_item(map: &Map<String, Value>) -> Option<ErrorItem> {
    let description = ["description", "message", "error", "detail", "title"]
        .into_iter()
        .find_map(|key| map.get(key).and_then(scalar_text))?;
    let code = ["code", "error_code", "status"]
        .into_iter()
        .find_map(|key| text(map, key))
        .unwrap_or_default();
    Some(ErrorItem { code, description })
}

/// A body as plain text: tags removed (an HTML error page says its message between
/// them), spaces collapsed, cut.
fn plain_text(body: &str) -> String {
    let mut text = String::new();
    let mut in_tag = false;
    for c in body.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                text.push(' ');
            }
            _ if !in_tag => text.push(c),
            _ => {}
        }
    }
    cut(&text.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// `text` cut at [`PLAIN_TEXT_MAX`] characters, with "…" when cut.
fn cut(text: &str) -> String {
    if text.chars().count() > PLAIN_TEXT_MAX {
        let cut: String = text.chars().take(PLAIN_TEXT_MAX).collect();
        format!("{}…", cut.trim_end())
    } else {
        text.to_string()
    }
}
