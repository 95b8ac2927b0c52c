//! `cc-server conformance --url http://host/api/v1`: drives any backend through the
//! contract the way the app does (configuration, catalog and search, filing with an
//! `Idempotency-Key`, look-up, replies, rating) and validates every answer against the
//! OpenAPI document's schemas for its operation and status. Prints a pass/fail table;
//! any failure makes the exit code 1.
//!
//! What it leaves behind is marked: one case whose description starts with
//! [`MARK`], filed by "Prueba de conformidad". With a staff token (`--staff-token`, env
//! `CC_STAFF_TOKEN`) it also asks for information, answers and closes that case, so
//! the reply and rating paths are exercised and the case does not stay open.

use std::path::PathBuf;
use std::time::Duration;

use anyhow::{anyhow, Context};
use serde_json::{json, Value};

/// Start of the description of the case the kit files.
pub const MARK: &str = "[PRUEBA DE CONFORMIDAD]";
const TIMEOUT: Duration = Duration::from_secs(30);

#[derive(Debug, Clone, clap::Args)]
pub struct ConformanceArgs {
    /// Base URL of the API, e.g. `http://127.0.0.1:8080/api/v1`.
    #[arg(long)]
    pub url: String,
    /// The OpenAPI document (JSON); by default `{url}/openapi.json`.
    #[arg(long)]
    pub openapi: Option<PathBuf>,
    /// A staff token: with it the kit also exercises replies and rating end to end
    /// (asks for information, answers, closes its own test case).
    #[arg(long, env = "CC_STAFF_TOKEN", hide_env_values = true)]
    pub staff_token: Option<String>,
}

/// One HTTP answer, read whole.
struct Answer {
    status: u16,
    media_type: String,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Answer {
    fn json(&self) -> Option<Value> {
        serde_json::from_slice(&self.body).ok()
    }

    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    fn field(&self, pointer: &str) -> Value {
        self.json()
            .and_then(|v| v.pointer(pointer).cloned())
            .unwrap_or(Value::Null)
    }

    fn is_problem(&self) -> bool {
        self.media_type == cc_core::api::PROBLEM_JSON
    }
}

struct Kit {
    agent: ureq::Agent,
    base: String,
    doc: Value,
    staff_token: Option<String>,
    rows: Vec<(String, Result<String, String>)>,
}

type Check = Result<String, String>;

fn fail<T>(msg: impl Into<String>) -> Result<T, String> {
    Err(msg.into())
}

impl Kit {
    fn request(
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

    fn get(&self, path: &str) -> Result<Answer, String> {
        self.request("GET", path, &[], None)
    }

    fn post(&self, path: &str, headers: &[(&str, &str)], body: &Value) -> Result<Answer, String> {
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
    fn expect(
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

    fn record(&mut self, name: &str, check: Check) -> bool {
        let ok = check.is_ok();
        self.rows.push((name.to_owned(), check));
        ok
    }

    fn staff(&self, ticket: &str, action: &Value) -> Result<Answer, String> {
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
fn new_key() -> String {
    use rand::RngCore;
    let mut bytes = [0u8; 12];
    rand::rng().fill_bytes(&mut bytes);
    format!("conformance-{}", hex::encode(bytes))
}

/// The case the kit files: marked, identified, in the deployment's first case type.
fn test_case(case_type: &str) -> Value {
    json!({
        "case_type": case_type,
        "description": format!("{MARK} Caso de prueba creado por `cc-server conformance` para comprobar el contrato de la API. No requiere respuesta."),
        "identity": "identified",
        "name": "Prueba de conformidad",
        "email": "conformidad@example.org",
        "consent": true,
        "language": "es",
        "attachments": []
    })
}

/// Runs the kit; `Ok(true)` when every check passed. The table goes to `out`.
pub fn run(args: &ConformanceArgs, out: &mut impl std::io::Write) -> anyhow::Result<bool> {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(TIMEOUT))
        .build()
        .into();
    let base = args.url.trim_end_matches('/').to_owned();
    let doc_text = match &args.openapi {
        Some(path) => {
            std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?
        }
        None => agent
            .get(format!("{base}/openapi.json"))
            .call()
            .context("fetching the OpenAPI document")?
            .body_mut()
            .with_config()
            .limit(16 * 1024 * 1024)
            .read_to_string()?,
    };
    let doc: Value = serde_json::from_str(&doc_text).context("the OpenAPI document")?;
    let mut kit = Kit {
        agent,
        base,
        doc,
        staff_token: args.staff_token.clone().filter(|t| !t.trim().is_empty()),
        rows: Vec::new(),
    };
    checks(&mut kit);
    let width = kit.rows.iter().map(|(n, _)| n.len()).max().unwrap_or(10);
    let mut failed = 0;
    writeln!(out, "{:<3} {:<width$}  result  detail", "#", "check")?;
    for (i, (name, result)) in kit.rows.iter().enumerate() {
        let (mark, detail) = match result {
            Ok(d) => ("pass", d.as_str()),
            Err(d) => {
                failed += 1;
                ("FAIL", d.as_str())
            }
        };
        writeln!(out, "{:<3} {name:<width$}  {mark}    {detail}", i + 1)?;
    }
    writeln!(
        out,
        "{} checks, {} passed, {failed} failed",
        kit.rows.len(),
        kit.rows.len() - failed
    )?;
    Ok(failed == 0)
}

fn checks(kit: &mut Kit) {
    let version = kit.doc["openapi"].as_str().unwrap_or("").to_owned();
    let ok = version.starts_with("3.1");
    kit.record(
        "document is OpenAPI 3.1",
        if ok {
            Ok(version)
        } else {
            fail(format!("openapi: {version:?}"))
        },
    );

    // Start-up: the deployment and its case types.
    let config = kit.expect("GET", "/config", kit.get("/config"), &[200]);
    let case_type = config
        .as_ref()
        .ok()
        .and_then(|c| c.field("/case_types/0/slug").as_str().map(str::to_owned));
    let detail = config.map(|c| {
        let types = c.field("/case_types");
        format!("{} case types", types.as_array().map_or(0, Vec::len))
    });
    kit.record("config", detail);
    let Some(case_type) = case_type else {
        kit.record("case types", fail("the deployment offers no case type"));
        return;
    };

    // The catalog as the app reads it.
    let index = kit.expect("GET", "/catalog/index", kit.get("/catalog/index"), &[200]);
    let first = index.as_ref().ok().map(|i| {
        (
            i.field("/procedures/0/slug")
                .as_str()
                .unwrap_or("")
                .to_owned(),
            i.field("/procedures/0/name")
                .as_str()
                .unwrap_or("")
                .to_owned(),
        )
    });
    let detail = index.map(|i| {
        format!(
            "{} procedures",
            i.field("/procedures").as_array().map_or(0, Vec::len)
        )
    });
    kit.record("catalog index", detail);
    let directory = kit.expect(
        "GET",
        "/catalog/directory",
        kit.get("/catalog/directory"),
        &[200],
    );
    kit.record("catalog directory", directory.map(|_| String::new()));
    if let Some((slug, name)) = first.filter(|(slug, _)| !slug.is_empty()) {
        let page = kit.expect(
            "GET",
            "/procedures/{slug}",
            kit.get(&format!("/procedures/{slug}")),
            &[200],
        );
        kit.record("procedure page", page.map(|_| slug.clone()));
        let word = name
            .split_whitespace()
            .max_by_key(|w| w.chars().count())
            .unwrap_or("")
            .to_owned();
        let query = ureq_encode(&word);
        let search = kit
            .expect(
                "GET",
                "/catalog/search",
                kit.get(&format!("/catalog/search?q={query}&per_page=5")),
                &[200],
            )
            .and_then(|a| match a.field("/total").as_u64() {
                Some(n) if n > 0 => Ok(format!("{word:?}: {n} results")),
                _ => fail(format!("no result for {word:?}, a word of {slug}")),
            });
        kit.record("search (catalog/search)", search);
        let search = kit.expect(
            "GET",
            "/procedures",
            kit.get(&format!("/procedures?q={query}&per_page=5")),
            &[200],
        );
        kit.record(
            "search (procedures)",
            search.map(|a| format!("{} results", a.field("/total"))),
        );
    } else {
        kit.record(
            "procedure page",
            fail("the catalog index lists no procedure"),
        );
    }
    let missing = kit.expect(
        "GET",
        "/procedures/{slug}",
        kit.get("/procedures/conformance-no-such-procedure"),
        &[404],
    );
    kit.record(
        "unknown procedure: 404 problem",
        missing.map(|_| String::new()),
    );
    let bad = kit.expect(
        "GET",
        "/procedures",
        kit.get("/procedures?per_page=0"),
        &[400],
    );
    kit.record("bad query: 400 problem", bad.map(|_| String::new()));

    // Filing, as the wizard sends it.
    let key = new_key();
    let case = test_case(&case_type);
    let filed = kit.expect(
        "POST",
        "/cases",
        kit.post("/cases", &[("Idempotency-Key", &key)], &case),
        &[201],
    );
    let receipt = filed.as_ref().ok().and_then(Answer::json);
    let filed = filed.and_then(|a| {
        let ticket = a.field("/ticket");
        let ticket = ticket.as_str().unwrap_or("");
        match a.header("location") {
            Some(location) if location.ends_with(ticket) => Ok(format!("{ticket} ({case_type})")),
            other => fail(format!("Location should name {ticket}: {other:?}")),
        }
    });
    kit.record("file a case (Idempotency-Key)", filed);
    let Some(receipt) = receipt else {
        return;
    };
    let ticket = receipt["ticket"].as_str().unwrap_or("").to_owned();
    let code = receipt["access_code"].as_str().unwrap_or("").to_owned();

    let replay = kit
        .expect(
            "POST",
            "/cases",
            kit.post("/cases", &[("Idempotency-Key", &key)], &case),
            &[200, 201],
        )
        .and_then(|a| {
            let again = a.json().unwrap_or(Value::Null);
            if again["ticket"] == receipt["ticket"]
                && again["access_code"] == receipt["access_code"]
            {
                Ok("same ticket and code".to_owned())
            } else {
                fail(format!("a replay filed another case: {}", again["ticket"]))
            }
        });
    kit.record("replay: same key, same body", replay);
    let mut other = case.clone();
    other["description"] = json!(format!("{MARK} Otro cuerpo con la misma clave de envío."));
    let conflict = kit.expect(
        "POST",
        "/cases",
        kit.post("/cases", &[("Idempotency-Key", &key)], &other),
        &[409, 422],
    );
    kit.record(
        "same key, other body: conflict",
        conflict.map(|a| format!("{} {}", a.status, a.field("/type"))),
    );
    let mut invalid = test_case(&case_type);
    invalid["description"] = json!("corto");
    invalid["consent"] = json!(false);
    let refused = kit
        .expect(
            "POST",
            "/cases",
            kit.post("/cases", &[("Idempotency-Key", &new_key())], &invalid),
            &[422],
        )
        .and_then(|a| {
            let fields: Vec<String> = a
                .field("/errors")
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|e| e["field"].as_str().map(str::to_owned))
                .collect();
            if fields.iter().any(|f| f == "description") && fields.iter().any(|f| f == "consent") {
                Ok(format!("errors on {}", fields.join(", ")))
            } else {
                fail(format!(
                    "field errors should name description and consent: {fields:?}"
                ))
            }
        });
    kit.record("invalid case: 422 field errors", refused);
    let malformed = kit.expect(
        "POST",
        "/cases",
        kit.request(
            "POST",
            "/cases",
            &[("Idempotency-Key", &new_key())],
            Some(b"{\"case_type\":".to_vec()),
        ),
        &[400],
    );
    kit.record(
        "malformed JSON: 400 problem",
        malformed.map(|_| String::new()),
    );
    let no_key = kit.expect("POST", "/cases", kit.post("/cases", &[], &case), &[400]);
    kit.record(
        "missing Idempotency-Key: 400 problem",
        no_key.map(|_| String::new()),
    );

    // Tracking, as the case page does it.
    let lookup = |kit: &Kit, ticket: &str, code: &str| {
        kit.expect(
            "POST",
            "/cases/lookup",
            kit.post(
                "/cases/lookup",
                &[],
                &json!({"ticket": ticket, "access_code": code}),
            ),
            &[200, 404],
        )
    };
    let opened = lookup(kit, &ticket, &code).and_then(|a| match a.status {
        200 if a.field("/ticket") == json!(ticket) => Ok(format!("status {}", a.field("/status"))),
        200 => fail(format!("another case: {}", a.field("/ticket"))),
        s => fail(format!("the right code got {s}")),
    });
    kit.record("look-up, right code", opened);
    let wrong_code = wrong(&code);
    let wrong_answer = lookup(kit, &ticket, &wrong_code);
    let unknown_answer = lookup(kit, "ZZZ-ZZZ-1999-99999", &code);
    let same = match (wrong_answer, unknown_answer) {
        (Ok(w), Ok(u)) if w.status == 404 && u.status == 404 => {
            let fields = |a: &Answer| (a.field("/type"), a.field("/title"), a.field("/detail"));
            if fields(&w) == fields(&u) {
                Ok("both 404, the same problem".to_owned())
            } else {
                fail("a wrong code and an unknown ticket must get the same answer")
            }
        }
        (Ok(w), Ok(u)) => fail(format!(
            "wrong code {}, unknown ticket {}",
            w.status, u.status
        )),
        (Err(e), _) | (_, Err(e)) => Err(e),
    };
    kit.record("look-up, wrong code = unknown ticket", same);

    replies_and_rating(kit, &ticket, &code, &wrong_code);
}

fn replies_and_rating(kit: &mut Kit, ticket: &str, code: &str, wrong_code: &str) {
    let staff = kit.staff_token.is_some();
    let reply_path = format!("/cases/{ticket}/replies");
    let rating_path = format!("/cases/{ticket}/rating");
    let reply = json!({"message": format!("{MARK} Respuesta de prueba."), "attachments": []});
    let rating = json!({"answered": true, "clear": true, "score": 5, "comment": MARK});

    let wrong = kit.expect(
        "POST",
        "/cases/{ticket}/replies",
        kit.post(
            &reply_path,
            &[
                ("X-Access-Code", wrong_code),
                ("Idempotency-Key", &new_key()),
            ],
            &reply,
        ),
        &[404],
    );
    kit.record("reply, wrong code: 404", wrong.map(|_| String::new()));

    if staff {
        let asked = kit.staff(
            ticket,
            &json!({"action": "request_info", "message": format!("{MARK} Pedido de información de prueba.")}),
        );
        kit.record(
            "staff: request information",
            asked.map(|a| format!("status {}", a.field("/status"))),
        );
    }
    let key = new_key();
    let headers = [("X-Access-Code", code), ("Idempotency-Key", key.as_str())];
    let expected: &[u16] = if staff { &[201] } else { &[201, 409] };
    let sent = kit.expect(
        "POST",
        "/cases/{ticket}/replies",
        kit.post(&reply_path, &headers, &reply),
        expected,
    );
    let first_body = sent.as_ref().ok().map(|a| a.body.clone());
    kit.record(
        if staff {
            "reply"
        } else {
            "reply (refused unless asked)"
        },
        sent.map(|a| format!("{}", a.status)),
    );
    if staff {
        let again = kit
            .expect(
                "POST",
                "/cases/{ticket}/replies",
                kit.post(&reply_path, &headers, &reply),
                &[201],
            )
            .and_then(|a| {
                let view = a.json().unwrap_or(Value::Null);
                let replies = view["events"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter(|e| e["kind"] == "citizen_reply")
                    .count();
                if replies == 1 || Some(&a.body) == first_body.as_ref() {
                    Ok("one reply".to_owned())
                } else {
                    fail(format!("{replies} replies after a replay"))
                }
            });
        kit.record("reply replay: same key, one reply", again);
        let answered = kit.staff(
            ticket,
            &json!({"action": "answer", "message": format!("{MARK} Respuesta de prueba de la entidad."), "attachments": []}),
        );
        kit.record(
            "staff: answer",
            answered.map(|a| format!("status {}", a.field("/status"))),
        );
    }
    let rate = |kit: &Kit, expected: &[u16]| {
        kit.expect(
            "POST",
            "/cases/{ticket}/rating",
            kit.post(&rating_path, &[("X-Access-Code", code)], &rating),
            expected,
        )
    };
    if staff {
        let rated = rate(kit, &[201]);
        kit.record(
            "rating",
            rated.map(|a| format!("score {}", a.field("/rating/score"))),
        );
        let twice = rate(kit, &[409]);
        kit.record("rating twice: 409 problem", twice.map(|_| String::new()));
        let closed = kit.staff(
            ticket,
            &json!({"action": "close", "message": format!("{MARK} Cerrado por la prueba de conformidad.")}),
        );
        kit.record(
            "staff: close the test case",
            closed.map(|a| format!("status {}", a.field("/status"))),
        );
    } else {
        let early = rate(kit, &[409]);
        kit.record(
            "rating before the answer: 409 problem",
            early.map(|_| String::new()),
        );
    }
    let wrong_rating = kit.expect(
        "POST",
        "/cases/{ticket}/rating",
        kit.post(&rating_path, &[("X-Access-Code", wrong_code)], &rating),
        &[404],
    );
    kit.record(
        "rating, wrong code: 404",
        wrong_rating.map(|_| String::new()),
    );
}

/// The code with its first letter or digit changed: well formed, and wrong.
fn wrong(code: &str) -> String {
    let mut changed = false;
    code.chars()
        .map(|c| {
            if !changed && c.is_ascii_alphanumeric() {
                changed = true;
                if c == 'A' {
                    'B'
                } else if c == '2' {
                    '3'
                } else if c.is_ascii_digit() {
                    '2'
                } else {
                    'A'
                }
            } else {
                c
            }
        })
        .collect()
}

/// Percent-encodes a query value.
fn ureq_encode(s: &str) -> String {
    s.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
                char::from(b).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

/// Validates `instance` against `schema`, whose `$ref`s point into `doc`.
pub fn validate(doc: &Value, schema: &Value, instance: &Value) -> Result<(), String> {
    let root = json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "components": doc["components"],
        "allOf": [schema],
    });
    let validator = jsonschema::draft202012::new(&root)
        .map_err(|e| format!("the document's schema does not compile: {e}"))?;
    let errors: Vec<String> = validator
        .iter_errors(instance)
        .take(3)
        .map(|e| format!("{} (at {})", e, e.instance_path()))
        .collect();
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors.join("; "))
    }
}

/// The exit code: 1 on any failure, or when the kit could not run at all.
pub fn exit_code(result: anyhow::Result<bool>) -> i32 {
    match result {
        Ok(true) => 0,
        Ok(false) => 1,
        Err(e) => {
            eprintln!("error: {:#}", anyhow!(e));
            1
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_are_checked_against_the_documents_schemas() {
        let doc = crate::routes::document(&crate::default_deployment());
        let problem = json!({"$ref": "#/components/schemas/Problem"});
        let good = json!({"type": "/problems/not-found", "title": "No", "status": 404});
        assert!(validate(&doc, &problem, &good).is_ok());
        let bad = json!({"type": "/problems/not-found", "status": "404"});
        let errors = validate(&doc, &problem, &bad).unwrap_err();
        assert!(
            errors.contains("title") || errors.contains("status"),
            "{errors}"
        );
        let rating = json!({"$ref": "#/components/schemas/Rating"});
        let out_of_range = json!({"answered": true, "clear": true, "score": 6});
        assert!(validate(&doc, &rating, &out_of_range).is_err());
    }

    #[test]
    fn a_wrong_code_differs_from_the_right_one() {
        for code in ["ABCD-EFGH-JKLM", "2345-6789", "Z"] {
            assert_ne!(wrong(code), code);
            assert_eq!(wrong(code).len(), code.len());
        }
    }
}
