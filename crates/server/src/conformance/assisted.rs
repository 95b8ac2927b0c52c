//! Assisted filing, with a staff token: whose token it is, a case filed for a person by
//! phone (replayed under its key: one case), its channel on the person's look-up, the
//! web refused as an assisted channel, and the receipt handed to the sender. Without a
//! token, only that the member check refuses.

use serde_json::{json, Value};

use super::kit::{fail, new_key, Kit};
use super::MARK;

pub(super) fn assisted(kit: &mut Kit, case: &Value) {
    let refused = kit.expect("GET", "/staff/me", kit.get("/staff/me"), &[401]);
    kit.record(
        "staff/me without a token: 401",
        refused.map(|_| String::new()),
    );
    let Some(token) = kit.staff_token.clone() else {
        return;
    };
    let auth = format!("Bearer {token}");
    let me = kit.expect(
        "GET",
        "/staff/me",
        kit.request("GET", "/staff/me", &[("Authorization", &auth)], None),
        &[200],
    );
    kit.record(
        "staff/me names the member",
        me.and_then(|a| match a.field("/name").as_str() {
            Some(name) if !name.trim().is_empty() => Ok(name.to_owned()),
            _ => fail("no name"),
        }),
    );

    let mut by_phone = case.clone();
    by_phone["channel"] = json!("phone");
    let key = new_key();
    let headers = [
        ("Authorization", auth.as_str()),
        ("Idempotency-Key", key.as_str()),
    ];
    let file = |kit: &Kit, body: &Value, headers: &[(&str, &str)]| {
        let answer = kit.post("/staff/cases", headers, body);
        kit.expect("POST", "/staff/cases", answer, &[201])
    };
    let first = file(kit, &by_phone, &headers);
    let receipt = first.as_ref().ok().and_then(|a| a.json());
    kit.record(
        "assisted filing (phone)",
        first.map(|a| a.field("/ticket").as_str().unwrap_or("").to_owned()),
    );
    let Some(receipt) = receipt else {
        return;
    };
    let ticket = receipt["ticket"].as_str().unwrap_or("").to_owned();
    let code = receipt["access_code"].as_str().unwrap_or("").to_owned();
    let replay = file(kit, &by_phone, &headers).and_then(|a| {
        if a.field("/ticket") == receipt["ticket"] {
            Ok("same ticket".to_owned())
        } else {
            fail("a replayed key filed another case")
        }
    });
    kit.record("assisted filing, same key: one case", replay);

    let lookup = json!({"ticket": ticket, "access_code": code});
    let seen = kit
        .expect(
            "POST",
            "/cases/lookup",
            kit.post("/cases/lookup", &[], &lookup),
            &[200],
        )
        .and_then(|a| match a.field("/channel").as_str() {
            Some("phone") => Ok("phone".to_owned()),
            other => fail(format!("channel {other:?}")),
        });
    kit.record("look-up says how it came in", seen);

    let mut web = case.clone();
    web["channel"] = json!("web");
    let web_key = new_key();
    let refused = kit
        .expect(
            "POST",
            "/staff/cases",
            kit.post(
                "/staff/cases",
                &[("Authorization", &auth), ("Idempotency-Key", &web_key)],
                &web,
            ),
            &[422],
        )
        .and_then(|a| {
            let named = a
                .field("/errors")
                .as_array()
                .into_iter()
                .flatten()
                .any(|e| e["field"] == "channel");
            if named {
                Ok("errors on channel".to_owned())
            } else {
                fail("the field errors should name channel")
            }
        });
    kit.record("assisted filing as web: 422", refused);

    let path = format!("/staff/cases/{ticket}/receipt");
    let body = json!({"access_code": code, "email": "conformidad@example.org"});
    let sent = kit
        .expect(
            "POST",
            "/staff/cases/{ticket}/receipt",
            kit.post(&path, &[("Authorization", &auth)], &body),
            &[202],
        )
        .map(|a| format!("{} to {}", a.field("/medium"), a.field("/to")));
    kit.record("receipt sent to the person", sent);

    let close = json!({"action": "close", "message": format!("{MARK} Cerrado por la prueba de conformidad.")});
    let closed = kit.staff(&ticket, &close);
    kit.record(
        "staff: close the assisted test case",
        closed.map(|a| format!("status {}", a.field("/status"))),
    );
}
