//! The kit's HTTP client and the check of every answer against the OpenAPI document:
//! documented status, media type and schema; errors as problem+json.

use serde_json::Value;

use super::validate;

/// One HTTP answer, read whole.
pub(super) struct Answer {
    pub(super) status: u16,
    pub(super) media_type: String,
    pub(super) headers: Vec<(String, String)>,
    pub(super) body: Vec<u8>,
}

impl Answer {
    pub(super) fn json(&self) -> Option<Value> {
        serde_json::from_slice(&self.body).ok()
    }

    pub(super) fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    pub(super) fn field(&self, pointer: &str) -> Value {
        self.json()
            .and_then(|v| v.pointer(pointer).cloned())
            .unwrap_or(Value::Null)
    }

    pub(super) fn is_problem(&self) -> bool {
        self.media_type == cc_core::api::PROBLEM_JSON
    }
}

pub(super) struct Kit {
    pub(super) agent: ureq::Agent,
    pub(super) base: String,
    pub(super) doc: Value,
    pub(super) staff_token: Option<String>,
    pub(super) rows: Vec<(String, Result<String, String>)>,
}

type Check = Result<String, String>;

pub(super) fn fail<T>(msg: impl Into<String>) -> Result<T, String> {
    Err(msg.into())
}

impl Kit {
    pub(super) fn request(
        &self,
        method: &str,
        path: &str,
        headers: &[(&str, &str)],
        body: Option<Vec<u8>>,
    ) -> Result<Answer, String> {
        let url = format!("{}{path}", self.base);
        let mut builder = ureq::http::Request::builder().method(method).uri(&url);
        for (name, value) in headers {
            builder = builder.header(*name, *value);
        }
        let result = match body {
            Some(bytes) => {
                let request = builder
                    .header("Content-Type", "application/json")
                    .body(bytes)
                    .map_err(|e| e.to_string())?;
                self.agent.run(request)
            }
            None => {
                let request = builder.body(()).map_err(|e| e.to_string())?;
                self.agent.run(request)
            }
        };
        let mut response = result.map_err(|e| format!("{method} {url}: {e}"))?;
        let headers = response
            .headers()
            .iter()
            .map(|(n, v)| (n.to_string(), v.to_str().unwrap_or("").to_owned()))
            .collect::<Vec<_>>();
        let media_type = response
            .headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .split(';')
            .next()
            .unwrap_or("")
            .trim()
            .to_ascii_lowercase();
        let body = response
            .body_mut()
            .with_config()
            .limit(64 * 1024 * 1024)
            .read_to_vec()
            .map_err(|e| format!("{method} {url}: {e}"))?;
        Ok(Answer {
            status: response.status().as_u16(),
            media_type,
            headers,
            body,
        })
    }

    pub(super) fn get(&self, path: &str) -> Result<Answer, String> {
        self.request("GET", path, &[], None)
    }

    pub(super) fn post(
        &self,
        path: &str,
        headers: &[(&str, &str)],
        body: &Value,
    ) -> Result<Answer, String> {
        self.request("POST", path, headers, Some(body.to_string().into_bytes()))
    }

    /// The operation of `template` (a path of the contract, e.g. `/cases/{ticket}`) in
    /// the document, whether its paths carry the `/api/v1` prefix or a server does.
    fn operation(&self, method: &str, template: &str) -> Result<&Value, String> {
        let paths = &self.doc["paths"];
        let path = [format!("/api/v1{template}"), template.to_owned()]
            .into_iter()
            .find(|p| paths.get(p).is_some())
            .ok_or_else(|| format!("the document has no path {template}"))?;
        paths[&path]
            .get(method.to_ascii_lowercase())
            .ok_or_else(|| format!("the document has no {method} {template}"))
    }

    /// Checks `answer` against what the document says `method template` answers with
    /// its status: the status must be documented, and a JSON body must match the
    /// schema of its media type.
    fn conforms(&self, method: &str, template: &str, answer: &Answer) -> Result<(), String> {
        let operation = self.operation(method, template)?;
        let responses = &operation["responses"];
        let class = format!("{}XX", answer.status / 100);
        let response = [answer.status.to_string(), class, "default".into()]
            .iter()
            .find_map(|key| responses.get(key))
            .ok_or_else(|| {
                format!(
                    "{method} {template}: status {} is not documented",
                    answer.status
                )
            })?;
        let Some(content) = response.get("content").and_then(Value::as_object) else {
            return Ok(());
        };
        let media = content.get(&answer.media_type).ok_or_else(|| {
            format!(
                "{method} {template} {}: content type {:?} is not documented",
                answer.status, answer.media_type
            )
        })?;
        if !answer.media_type.ends_with("json") {
            return Ok(());
        }
        let Some(schema) = media.get("schema") else {
            return Ok(());
        };
        let instance = answer.json().ok_or_else(|| {
            format!(
                "{method} {template} {}: the body is not JSON",
                answer.status
            )
        })?;
        self.validate(schema, &instance).map_err(|errors| {
            format!(
                "{method} {template} {}: body does not match the schema: {errors}",
                answer.status
            )
        })
    }

    fn validate(&self, schema: &Value, instance: &Value) -> Result<(), String> {
        validate(&self.doc, schema, instance)
    }

    /// Expects `status` and a body that conforms; returns the answer.
    pub(super) fn expect(
        &self,
        method: &str,
        template: &str,
        answer: Result<Answer, String>,
        status: &[u16],
    ) -> Result<Answer, String> {
        let answer = answer?;
        if !status.contains(&answer.status) {
            let body = String::from_utf8_lossy(&answer.body);
            return fail(format!(
                "{method} {template}: expected {status:?}, got {} {}",
                answer.status,
                body.chars().take(300).collect::<String>()
            ));
        }
        self.conforms(method, template, &answer)?;
        if answer.status >= 400 && !answer.is_problem() {
            return fail(format!(
                "{method} {template}: a {} must be problem+json, not {:?}",
                answer.status, answer.media_type
            ));
        }
        Ok(answer)
    }

    pub(super) fn record(&mut self, name: &str, check: Check) -> bool {
        let ok = check.is_ok();
        self.rows.push((name.to_owned(), check));
        ok
    }

    pub(super) fn staff(&self, ticket: &str, action: &Value) -> Result<Answer, String> {
        let token = self.staff_token.as_deref().unwrap_or("");
        let auth = format!("Bearer {token}");
        let answer = self.post(
            &format!("/staff/cases/{ticket}/events"),
            &[("Authorization", &auth)],
            action,
        );
        self.expect("POST", "/staff/cases/{ticket}/events", answer, &[201])
    }
}

/// A fresh key for one submission, marked as the kit's.
pub(super) fn new_key() -> String {
    use rand::RngCore;
    let mut bytes = [0u8; 12];
    rand::rng().fill_bytes(&mut bytes);
    format!("conformance-{}", hex::encode(bytes))
}
