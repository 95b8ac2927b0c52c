//! The list of checks, in the order the app makes its requests: configuration,
//! catalog and search, filing with an `Idempotency-Key`, look-up.

use serde_json::{json, Value};

use super::kit::{fail, new_key, Answer, Kit};
use super::replies_and_rating::replies_and_rating;
use super::MARK;

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

pub(super) fn checks(kit: &mut Kit) {
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
    super::assisted::assisted(kit, &case);
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_wrong_code_differs_from_the_right_one() {
        for code in ["ABCD-EFGH-JKLM", "2345-6789", "Z"] {
            assert_ne!(wrong(code), code);
            assert_eq!(wrong(code).len(), code.len());
        }
    }
}
