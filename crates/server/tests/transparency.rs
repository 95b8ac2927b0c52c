//! `GET /api/v1/transparency` and `POST /api/v1/self-service` on a seeded database with
//! known answers: suppression at 4 vs 5, complementary suppression, an empty period,
//! overdue, extended and transferred cases, business days across a holiday and a
//! weekend, the agency filter, the self-service counts, the cache and bad queries.

mod common;

use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use cc_core::transparency::{Cell, Decimal, Figure, Transparency};
use common::cases::{act, file_case, json_request, send};
use common::transparency::*;
use common::{test_app, Answer, TestApp};
use serde_json::json;

async fn get(app: &TestApp, query: &str) -> Answer {
    let request = Request::builder()
        .uri(format!("/api/v1/transparency{query}"))
        .body(Body::empty())
        .unwrap();
    send(app, request).await
}

async fn figures(app: &TestApp, query: &str) -> Transparency {
    let answer = get(app, query).await;
    answer.expect(StatusCode::OK);
    let body = String::from_utf8_lossy(&answer.body).into_owned();
    for private in [NAME, EMAIL, DESCRIPTION, "TEST-", "comentario privado"] {
        assert!(!body.contains(private), "{private} in {body}");
    }
    answer.json()
}

fn count(cells: &[Cell], key: &str) -> Figure {
    cells.iter().find(|c| c.key == key).unwrap().count
}

#[tokio::test]
async fn five_cases_are_published_four_are_suppressed() {
    let app = test_app();
    insert(&app, &seed("MDT", "queja", "2026-03-10"), 5);
    insert(&app, &seed("MDT", "queja", "2026-04-10"), 4);
    let march = figures(&app, "?from=2026-03&to=2026-03").await;
    assert_eq!(march.cases, v(5));
    assert_eq!(count(&march.by_type, "queja"), v(5));
    assert_eq!(count(&march.by_status, "received"), v(5));
    assert_eq!(count(&march.by_channel, "web"), v(5));
    let april = figures(&app, "?from=2026-04&to=2026-04").await;
    assert_eq!(april.cases, HIDDEN);
    assert_eq!(count(&april.by_type, "queja"), HIDDEN);
    assert_eq!(count(&april.by_type, "peticion"), v(0));
    // Both months together: 9, with April's 4 hidden in the months and March's 5
    // hidden with it (9 − 5 would give it away).
    let both = figures(&app, "?from=2026-03&to=2026-04").await;
    assert_eq!(both.cases, v(9));
    assert_eq!(both.months.len(), 2);
    assert_eq!(both.months[0].filed, HIDDEN);
    assert_eq!(both.months[1].filed, HIDDEN);
    // The raw answer says "suppressed", never the number.
    let raw = String::from_utf8(get(&app, "?from=2026-04&to=2026-04").await.body).unwrap();
    assert!(raw.contains(r#""cases":{"suppressed":true}"#), "{raw}");
}

#[tokio::test]
async fn a_published_total_does_not_give_away_its_one_small_cell() {
    let app = test_app();
    insert(&app, &seed("MDT", "queja", "2026-05-04"), 4);
    insert(&app, &seed("MDT", "peticion", "2026-05-04"), 9);
    insert(&app, &seed("MDT", "reclamo", "2026-05-04"), 7);
    let all = figures(&app, "?from=2026-05&to=2026-05").await;
    assert_eq!(all.cases, v(20));
    assert_eq!(count(&all.by_type, "queja"), HIDDEN);
    assert_eq!(count(&all.by_type, "reclamo"), HIDDEN);
    assert_eq!(count(&all.by_type, "peticion"), v(9));
    // The agency's own answer agrees, and the agencies add up without a lone gap.
    let mdt = figures(&app, &format!("?from=2026-05&to=2026-05&agency={MDT}")).await;
    assert_eq!(mdt.agency.unwrap().slug, MDT);
    assert_eq!(mdt.cases, v(20));
    assert_eq!(count(&mdt.by_type, "queja"), HIDDEN);
    assert_eq!(count(&mdt.by_type, "reclamo"), HIDDEN);
    let listed = all.agencies.iter().find(|a| a.slug == MDT).unwrap();
    assert_eq!(listed.cases, v(20));
}

#[tokio::test]
async fn an_empty_period_is_zeros_without_suppression_or_division() {
    let app = test_app();
    insert(&app, &seed("MDT", "queja", "2026-03-10"), 7);
    let answer = get(&app, "?from=2020-01&to=2020-12").await;
    answer.expect(StatusCode::OK);
    let raw = String::from_utf8_lossy(&answer.body).into_owned();
    assert!(!raw.contains("suppressed"), "{raw}");
    let empty: Transparency = answer.json();
    assert_eq!(empty.cases, v(0));
    assert_eq!(empty.months.len(), 12);
    assert!(empty
        .months
        .iter()
        .all(|m| m.filed == v(0) && m.median_close_days.is_none()));
    for share in [
        &empty.within_due_date,
        &empty.extended,
        &empty.transferred,
        &empty.overdue,
    ] {
        assert_eq!(share.denominator, v(0));
        assert_eq!(share.percent, None);
    }
    assert_eq!(empty.first_answer_days.median, None);
    assert_eq!(empty.satisfaction.average, None);
    assert!(empty.agencies.iter().all(|a| a.cases == v(0)));
}

#[tokio::test]
async fn overdue_extended_transferred_and_on_time_cases() {
    let app = test_app();
    let filed = "2026-06-01";
    // On time: answered three days after filing, due 2026-06-24.
    insert(
        &app,
        &Seed {
            status: "answered",
            due_date: "2026-06-24",
            answered: Some("2026-06-04"),
            ..seed("MDT", "peticion", filed)
        },
        5,
    );
    // Overdue: no answer, due date long gone.
    insert(
        &app,
        &Seed {
            status: "in_progress",
            due_date: "2026-06-24",
            ..seed("MDT", "peticion", filed)
        },
        5,
    );
    // Extended and transferred, answered after even the extended date.
    insert(
        &app,
        &Seed {
            status: "answered",
            due_date: "2026-07-10",
            answered: Some("2026-07-30"),
            extended: true,
            transferred: true,
            ..seed("MDT", "peticion", filed)
        },
        5,
    );
    // Still within its term: neither on time nor late yet.
    insert(&app, &seed("MDT", "peticion", filed), 5);
    let a = figures(&app, "?from=2026-06&to=2026-06").await;
    assert_eq!(a.cases, v(20));
    assert_eq!(a.within_due_date.numerator, v(5));
    assert_eq!(a.within_due_date.denominator, v(15));
    assert_eq!(
        a.within_due_date.percent,
        Some(Decimal::Published { value: 33.3 })
    );
    assert_eq!(a.overdue.numerator, v(5));
    assert_eq!(a.overdue.denominator, v(20));
    assert_eq!(a.overdue.percent, Some(Decimal::Published { value: 25.0 }));
    assert_eq!(a.extended.numerator, v(5));
    assert_eq!(a.transferred.numerator, v(5));
    assert_eq!(
        a.transferred.percent,
        Some(Decimal::Published { value: 25.0 })
    );
    assert_eq!(count(&a.by_status, "in_progress"), v(5));
    assert_eq!(count(&a.by_status, "answered"), v(10));
}

#[tokio::test]
async fn business_days_skip_the_weekend_and_the_holiday() {
    let app = test_app();
    // Friday 20 March 2026; Monday 23 is a holiday of the demo deployment. Answered
    // Tuesday 24 (1 business day), closed Friday 27 (4), rated 4 and 5 stars.
    for stars in [4, 4, 5, 5, 5] {
        insert(
            &app,
            &Seed {
                status: "closed",
                due_date: "2026-04-14",
                answered: Some("2026-03-24"),
                closed: Some("2026-03-27"),
                stars: Some(stars),
                ..seed("MDT", "queja", "2026-03-20")
            },
            1,
        );
    }
    let a = figures(&app, "?from=2026-03&to=2026-03").await;
    assert_eq!(a.first_answer_days.median, Some(v(1)));
    assert_eq!(a.first_answer_days.p90, Some(v(1)));
    assert_eq!(a.close_days.median, Some(v(4)));
    assert_eq!(a.months[0].closed, v(5));
    assert_eq!(a.months[0].median_close_days, Some(v(4)));
    assert_eq!(
        a.within_due_date.percent,
        Some(Decimal::Published { value: 100.0 })
    );
    assert_eq!(a.satisfaction.rated, v(5));
    // 4 and 5 stars are 2 and 3 ratings: both hidden, and so is the mean.
    assert_eq!(a.satisfaction.ratings[3].count, HIDDEN);
    assert_eq!(a.satisfaction.ratings[4].count, HIDDEN);
    assert_eq!(
        a.satisfaction.average,
        Some(Decimal::Suppressed { suppressed: true })
    );
}

#[tokio::test]
async fn cases_filed_and_answered_through_the_api_are_counted() {
    let app = test_app();
    for i in 0..5 {
        let receipt = file_case(&app, &format!("transparencia-{i:04}")).await;
        let answer =
            json!({"action": "answer", "message": "Respuesta de la entidad a la petición."});
        act(&app, &receipt.ticket, answer)
            .await
            .expect(StatusCode::CREATED);
    }
    let a = figures(&app, "").await;
    assert_eq!(a.cases, v(5));
    assert_eq!(count(&a.by_status, "answered"), v(5));
    // Answered the day they were filed: 0 business days, on time.
    assert_eq!(a.first_answer_days.median, Some(v(0)));
    assert_eq!(a.within_due_date.numerator, v(5));
    assert_eq!(a.months.len(), 12, "the default period is a year");
}

#[tokio::test]
async fn the_agency_filter_and_unknown_agencies() {
    let app = test_app();
    insert(&app, &seed("MDT", "queja", "2026-03-10"), 6);
    insert(&app, &seed("SAL", "queja", "2026-03-10"), 8);
    insert(&app, &seed("", "queja", "2026-03-10"), 5);
    let all = figures(&app, "?from=2026-03&to=2026-03").await;
    assert_eq!(all.cases, v(19));
    assert_eq!(all.unassigned, v(5));
    let mdt = figures(&app, &format!("?from=2026-03&to=2026-03&agency={MDT}")).await;
    assert_eq!(mdt.cases, v(6));
    assert_eq!(mdt.agency.unwrap().name, "Ministerio del Trabajo");
    let sal = figures(&app, "?from=2026-03&to=2026-03&agency=ministerio-de-salud").await;
    assert_eq!(sal.cases, v(8));
    let missing = get(&app, "?agency=no-existe").await;
    missing.expect(StatusCode::NOT_FOUND);
    assert_eq!(missing.problem().kind, "/problems/not-found");
}

#[tokio::test]
async fn bad_periods_are_400_problems_naming_the_field() {
    let app = test_app();
    for (query, field, code) in [
        ("?from=2026-13", "from", "invalid"),
        ("?to=marzo", "to", "invalid"),
        ("?from=2026-05&to=2026-04", "from", "after_to"),
        ("?from=2023-01&to=2026-01", "from", "too_long"),
    ] {
        let answer = get(&app, query).await;
        answer.expect(StatusCode::BAD_REQUEST);
        assert_eq!(answer.problem().kind, "/problems/invalid-query", "{query}");
        assert_eq!(answer.error_codes(field), [code], "{query}");
        assert_ne!(answer.headers[header::CACHE_CONTROL], "public, max-age=300");
    }
    // 36 months is allowed.
    get(&app, "?from=2023-02&to=2026-01")
        .await
        .expect(StatusCode::OK);
}

#[tokio::test]
async fn answers_are_cached_and_cacheable() {
    let app = test_app();
    insert(&app, &seed("MDT", "queja", "2026-03-10"), 5);
    let first = get(&app, "?from=2026-03&to=2026-03").await;
    first.expect(StatusCode::OK);
    assert_eq!(first.headers[header::CACHE_CONTROL], "public, max-age=300");
    // A case added now is not seen until the cached figures expire…
    insert(&app, &seed("MDT", "queja", "2026-03-11"), 1);
    let cached: Transparency = get(&app, "?from=2026-03&to=2026-03").await.json();
    assert_eq!(cached.cases, v(5));
    // …and the agency's answer comes from the same computation.
    let mdt: Transparency = get(&app, &format!("?from=2026-03&to=2026-03&agency={MDT}"))
        .await
        .json();
    assert_eq!(mdt.generated_at, cached.generated_at);
    assert_eq!(app.state.transparency.len(), 1);
    app.state.transparency.clear();
    let fresh: Transparency = get(&app, "?from=2026-03&to=2026-03").await.json();
    assert_eq!(fresh.cases, v(6));
}

async fn self_service(app: &TestApp, body: serde_json::Value) -> Answer {
    let request = json_request(Method::POST, "/api/v1/self-service")
        .body(Body::from(body.to_string()))
        .unwrap();
    send(app, request).await
}

#[tokio::test]
async fn self_service_answers_are_counted_per_day_without_anything_personal() {
    let app = test_app();
    for _ in 0..5 {
        self_service(&app, json!({"procedure": PROCEDURE, "outcome": "resolved"}))
            .await
            .expect(StatusCode::NO_CONTENT);
    }
    for _ in 0..2 {
        self_service(
            &app,
            json!({"procedure": PROCEDURE, "outcome": "continued"}),
        )
        .await
        .expect(StatusCode::NO_CONTENT);
    }
    let rows: Vec<(String, String, String, i64)> = {
        let conn = app.state.db.lock().unwrap();
        let mut stmt = conn
            .prepare(
                "SELECT day, procedure, outcome, count FROM self_service_counts ORDER BY outcome",
            )
            .unwrap();
        let rows = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        rows
    };
    let today = common::today().to_string();
    assert_eq!(
        rows,
        [
            (
                today.clone(),
                PROCEDURE.to_owned(),
                "continued".to_owned(),
                2
            ),
            (today, PROCEDURE.to_owned(), "resolved".to_owned(), 5),
        ]
    );
    let a = figures(&app, "").await;
    assert_eq!(a.self_service.resolved, v(5));
    assert_eq!(a.self_service.continued, HIDDEN);
    let mdt = figures(&app, &format!("?agency={MDT}")).await;
    assert_eq!(mdt.self_service.resolved, v(5));

    let unknown = self_service(
        &app,
        json!({"procedure": "no-existe", "outcome": "resolved"}),
    )
    .await;
    unknown.expect(StatusCode::NOT_FOUND);
    assert_eq!(unknown.problem().kind, "/problems/not-found");
    for bad in [
        json!({"procedure": PROCEDURE, "outcome": "quizas"}),
        json!({"procedure": PROCEDURE}),
        json!({"procedure": PROCEDURE, "outcome": "resolved", "email": "a@b.c"}),
    ] {
        let answer = self_service(&app, bad).await;
        answer.expect(StatusCode::BAD_REQUEST);
        answer.problem();
    }
}

#[tokio::test]
async fn self_service_answers_are_limited_per_client() {
    let app = test_app();
    let limit = cc_server::transparency::cache::SELF_SERVICE_PER_CLIENT;
    for _ in 0..limit {
        self_service(&app, json!({"procedure": PROCEDURE, "outcome": "resolved"}))
            .await
            .expect(StatusCode::NO_CONTENT);
    }
    let refused = self_service(&app, json!({"procedure": PROCEDURE, "outcome": "resolved"})).await;
    refused.expect(StatusCode::TOO_MANY_REQUESTS);
    assert!(refused.headers.contains_key(header::RETRY_AFTER));
    let counted: i64 = app
        .state
        .db
        .lock()
        .unwrap()
        .query_row("SELECT SUM(count) FROM self_service_counts", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(counted, limit as i64);
}

#[tokio::test]
async fn the_demo_history_gives_the_page_a_year_to_show() {
    let app = test_app();
    let today = common::today();
    let added = {
        let mut conn = app.state.db.lock().unwrap();
        cc_server::transparency::demo::seed_history(
            &mut conn,
            &app.state.deployment,
            &app.state.catalog,
            today,
        )
        .unwrap()
    };
    assert!(added > 300, "{added}");
    // Once only.
    let again = {
        let mut conn = app.state.db.lock().unwrap();
        cc_server::transparency::demo::seed_history(
            &mut conn,
            &app.state.deployment,
            &app.state.catalog,
            today,
        )
        .unwrap()
    };
    assert_eq!(again, 0);
    let a = figures(&app, "").await;
    assert_eq!(a.cases, v(added as u64));
    for share in [&a.within_due_date, &a.extended, &a.transferred, &a.overdue] {
        assert!(
            matches!(share.numerator, Figure::Published { value } if value > 0),
            "{share:?}"
        );
    }
    assert!(a.satisfaction.average.and_then(Decimal::value).is_some());
    assert!(a
        .months
        .iter()
        .all(|m| m.filed.value().is_some_and(|n| n >= 5)));
}
