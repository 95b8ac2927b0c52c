//! Checks of the transparency aggregates and the self-service count, as the
//! `/transparencia` page and the wizard use them.

use serde_json::json;

use super::kit::{fail, Kit};

pub(super) fn transparency(kit: &mut Kit) {
    let figures = kit
        .expect("GET", "/transparency", kit.get("/transparency"), &[200])
        .and_then(|a| match a.header("cache-control") {
            Some(c) if c.contains("public") && c.contains("max-age") => Ok(format!(
                "{} – {}, cases {}",
                a.field("/from"),
                a.field("/to"),
                a.field("/cases")
            )),
            other => fail(format!(
                "Cache-Control should be public with a max-age: {other:?}"
            )),
        });
    kit.record("transparency (default period)", figures);

    let index = kit.get("/catalog/index").ok().and_then(|a| a.json());
    let text = |pointer: &str| {
        index
            .as_ref()
            .and_then(|i| i.pointer(pointer))
            .and_then(|v| v.as_str())
            .unwrap_or("")
            .to_owned()
    };
    let (agency, procedure) = (text("/agencies/0/slug"), text("/procedures/0/slug"));
    if !agency.is_empty() {
        let path = format!("/transparency?from=2026-01&to=2026-12&agency={agency}");
        let one = kit
            .expect("GET", "/transparency", kit.get(&path), &[200])
            .and_then(|a| match a.field("/agency/slug").as_str() {
                Some(slug) if slug == agency => Ok(agency.clone()),
                other => fail(format!("the answer should be about {agency}: {other:?}")),
            });
        kit.record("transparency of one agency", one);
    }
    let bad = kit.expect(
        "GET",
        "/transparency",
        kit.get("/transparency?from=2026-13"),
        &[400],
    );
    kit.record(
        "transparency, bad month: 400 problem",
        bad.map(|a| format!("{}", a.field("/errors/0/code"))),
    );
    let reversed = kit.expect(
        "GET",
        "/transparency",
        kit.get("/transparency?from=2026-05&to=2026-04"),
        &[400],
    );
    kit.record(
        "transparency, from after to: 400 problem",
        reversed.map(|_| String::new()),
    );
    let unknown = kit.expect(
        "GET",
        "/transparency",
        kit.get("/transparency?agency=conformance-no-such-agency"),
        &[404],
    );
    kit.record(
        "transparency, unknown agency: 404 problem",
        unknown.map(|_| String::new()),
    );

    if !procedure.is_empty() {
        let body = json!({"procedure": procedure, "outcome": "continued"});
        let counted = kit.expect(
            "POST",
            "/self-service",
            kit.post("/self-service", &[], &body),
            &[204],
        );
        kit.record(
            "self-service answer counted",
            counted.map(|_| procedure.clone()),
        );
    }
    let body = json!({"procedure": "conformance-no-such-procedure", "outcome": "resolved"});
    let unknown = kit.expect(
        "POST",
        "/self-service",
        kit.post("/self-service", &[], &body),
        &[404],
    );
    kit.record(
        "self-service, unknown procedure: 404 problem",
        unknown.map(|_| String::new()),
    );
    let body = json!({"procedure": procedure, "outcome": "perhaps"});
    let bad = kit.expect(
        "POST",
        "/self-service",
        kit.post("/self-service", &[], &body),
        &[400],
    );
    kit.record(
        "self-service, bad outcome: 400 problem",
        bad.map(|_| String::new()),
    );
}
