//! Replies and rating: with a wrong code, before and after the agency's answer (with a
//! staff token the kit asks for information, answers and closes its own case).

use serde_json::{json, Value};

use super::kit::{fail, new_key, Kit};
use super::MARK;

pub(super) fn replies_and_rating(kit: &mut Kit, ticket: &str, code: &str, wrong_code: &str) {
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
